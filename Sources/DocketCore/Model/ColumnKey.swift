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
        var keys = keys
        sort(&keys)
        return keys.map(\.id)
    }

    /// Sorts `keys` in (rank, id) order, in place.
    static func sort(_ keys: inout [ColumnKey]) {
        let ascii = allASCII(keys)
        keys.sort { inOrder($0, $1, ascii: ascii) }
    }

    /// The ids of `lists`, each in (rank, id) order, merged in that order; `lists` ends empty
    /// (each list's storage goes as soon as its last key is taken).
    static func mergedIDs(_ lists: inout [[ColumnKey]]) -> [String] {
        lists.removeAll { $0.isEmpty }
        if lists.count <= 1 { return lists.popLast()?.map(\.id) ?? [] }
        let ascii = lists.allSatisfy(allASCII)
        var out: [String] = []
        out.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        var next = Array(repeating: 0, count: lists.count)
        while !lists.isEmpty {
            var least = 0
            for k in 1..<lists.count where inOrder(lists[k][next[k]], lists[least][next[least]], ascii: ascii) { least = k }
            out.append(lists[least][next[least]].id)
            next[least] += 1
            if next[least] == lists[least].count {
                lists.remove(at: least)
                next.remove(at: least)
            }
        }
        return out
    }

    private static func allASCII(_ keys: [ColumnKey]) -> Bool { keys.allSatisfy { $0.rank.utf8.allSatisfy { $0 < 128 } } }
}
