/// Stage ids interned to small integers, so the metrics compare and index stages by number
/// instead of hashing text. The board's stages come first, in board order (a repeated id keeps
/// its first number); stages met later (in the log, or an item's stage that no longer exists)
/// get the next numbers. "" (an unknown stage) is interned like any other id.
struct StageTable: Sendable {
    private(set) var names: [String] = []
    private var index: [String: Int32] = [:]
    /// Ids up to this many are found by a scan (a board has a handful of stages; comparing
    /// short strings is cheaper than hashing them); later ones through `index`.
    private static let scanned = 16

    init(_ ids: [String]) { for id in ids { _ = number(id) } }

    /// The number of `id`, giving it the next one when it is new.
    mutating func number(_ id: String) -> Int32 {
        let scan = min(names.count, StageTable.scanned)
        for k in 0..<scan where names[k] == id { return Int32(k) }
        if names.count > StageTable.scanned, let k = index[id] { return k }
        let k = Int32(names.count)
        names.append(id)
        if names.count > StageTable.scanned { index[id] = k }
        return k
    }
}
