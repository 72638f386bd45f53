/// An open item's place in its column: by rank, then by id (the order of `Board.column`).
///
/// Sorting a column of 100,000 items compares ranks millions of times; the first eight bytes
/// of the rank, kept as one big-endian integer, decide almost every comparison without
/// touching the strings. That is the strings' order whenever ranks are ASCII (as every valid
/// rank is: digits and lowercase letters): bytes compare as characters do, and a shorter rank
/// pads with zero bytes, which sort first. A column with any other rank (only the repairing
/// read lets one through) is sorted by the strings themselves.
struct ColumnKey {
    let prefix: UInt64
    let rank: String
    let id: String

    init(rank: String, id: String) {
        self.rank = rank; self.id = id
        var p: UInt64 = 0, n = 0
        for b in rank.utf8.prefix(8) { p = p << 8 | UInt64(b); n += 1 }
        prefix = n == 8 ? p : p << (8 * UInt64(8 - n))
    }

    /// Whether `a` comes before `b` in (rank, id) order; `ascii`: both ranks are ASCII, so
    /// their prefixes decide whenever they differ.
    static func inOrder(_ a: ColumnKey, _ b: ColumnKey, ascii: Bool) -> Bool {
        if ascii, a.prefix != b.prefix { return a.prefix < b.prefix }
        return a.rank != b.rank ? a.rank < b.rank : a.id < b.id
    }

    /// The ids of `keys` in (rank, id) order.
    static func sortedIDs(_ keys: [ColumnKey]) -> [String] {
        let ascii = keys.allSatisfy { $0.rank.utf8.allSatisfy { $0 < 128 } }
        return keys.sorted { inOrder($0, $1, ascii: ascii) }.map(\.id)
    }
}
