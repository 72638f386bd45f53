/// Percentiles by the nearest-rank method: the p-th percentile of n values is the value at
/// rank ⌈p/100 × n⌉ in ascending order (so it is always one of the values; with one value,
/// every percentile is that value). Nil for no values.
public enum Percentile {
    /// The `p`th percentile (0 < p ≤ 100) of values already sorted ascending.
    public static func of<T: Comparable>(sorted values: [T], _ p: Double) -> T? {
        guard !values.isEmpty else { return nil }
        let rank = Int((p * Double(values.count) / 100 - 1e-9).rounded(.up))
        return values[min(values.count, max(1, rank)) - 1]
    }

    /// The `p`th percentile of `values` (any order).
    public static func of<T: Comparable>(_ values: [T], _ p: Double) -> T? { of(sorted: values.sorted(), p) }
}
