/// A sparkline as text: one character per value, ▁ (zero or less) to █ (the largest), for
/// the command line and the report (DocketUI's `Sparkline` draws the same on a canvas).
/// Values scale from 0 to the largest value; a positive value is never ▁, so "some" and
/// "none" stay apart.
public enum SparklineText {
    static let levels = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The sparkline of `values`, one character each ("" for none).
    public static func of(_ values: [Double]) -> String {
        let top = values.filter(\.isFinite).max() ?? 0
        return values.map { glyph($0, top: top) }.joined()
    }

    /// The glyph of `value` on a scale from 0 to `top`.
    public static func glyph(_ value: Double, top: Double) -> String {
        guard value.isFinite, value > 0, top > 0 else { return levels[0] }
        return levels[min(7, max(1, Int((value / top * 7).rounded())))]
    }
}
