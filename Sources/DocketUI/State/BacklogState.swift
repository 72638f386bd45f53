import DocketCore

/// The backlog list (Tab): every open item in rank order, one per row.
public struct BacklogState: Equatable, Sendable {
    /// Ids of the open items in rank order (recomputed after each change, not per key).
    public var order: [String] = []
    /// Index of the selected row in `order`.
    public var row = 0
    /// Index of the first row shown.
    public var scroll = 0
    /// Ids marked with Space for a bulk change.
    public var marked: Set<String> = []
    /// Rows grouped under their release.
    public var groupByRelease = false
    /// A bulk change being typed: which field, and the value.
    public var bulk: BulkPrompt?
    /// Planned story points of the listed items per release name ("" for none), computed with
    /// the order, so drawing the release headings costs nothing per frame.
    public var plannedByRelease: [String: Double] = [:]

    public init() {}

    public var selectedID: String? { order.indices.contains(row) ? order[row] : nil }
}

/// The value prompt of a bulk change in the backlog list.
public struct BulkPrompt: Equatable, Sendable {
    /// The field set on every marked item: `stage`, `priority`, `release` or `labels` (added).
    public var field: String
    public var editor = LineEditor()
}

extension Board {
    /// Open items (not archived, not in a done stage) in rank order (then id): a merge of the
    /// stage columns, which are already sorted, so it costs the number of items, not a sort.
    public func backlogOrder() -> [String] {
        let cols = stages.filter { $0.kind != .done }.map { column($0.id) }
        var heads = [Int](repeating: 0, count: cols.count)
        // The item at the head of each column, looked up once per step.
        var current: [Item?] = cols.map { $0.first.flatMap { items[$0] } }
        var out: [String] = []
        out.reserveCapacity(cols.reduce(0) { $0 + $1.count })
        while true {
            var best = -1
            for k in current.indices {
                guard let item = current[k] else { continue }
                if best >= 0, let b = current[best], (b.rank, b.id) <= (item.rank, item.id) { continue }
                best = k
            }
            guard best >= 0 else { break }
            out.append(cols[best][heads[best]])
            heads[best] += 1
            current[best] = heads[best] < cols[best].count ? items[cols[best][heads[best]]] : nil
        }
        return out
    }

    /// Gives an item a rank between two others of the backlog (nil: that end), for
    /// re-ranking in the backlog list. Returns nil when the neighbours' ranks collide.
    public mutating func place(_ id: String, after lower: String?, before upper: String?, by user: String, at time: Timestamp) throws -> Edit? {
        let lo = lower.flatMap { items[$0]?.rank }, hi = upper.flatMap { items[$0]?.rank }
        if let lo, let hi, !(lo < hi) { return nil }
        let rank = Rank.between(lo, hi)
        return try modify(id, action: "rank", summary: "re-ranked \(id)", by: user, at: time) { $0.rank = rank }
    }
}
