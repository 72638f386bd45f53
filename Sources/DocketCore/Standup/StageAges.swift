/// When each open item entered its current stage, read once from the activity log: the
/// last `stage` change to the stage it is in now (moves logged by Docket, imported history),
/// else its creation time. Ages are whole days, never negative (a clock that went backwards
/// gives 0).
public struct StageAges: Sendable, Equatable {
    /// Item id → seconds since epoch when it entered its current stage.
    public private(set) var entered: [String: Timestamp]
    /// Stage id → how long items stayed in it before leaving (seconds), from the log.
    public private(set) var stays: [String: [Timestamp]]
    /// Item id → its latest activity entry (the standup's "last change"), from the same pass.
    public private(set) var lastChange: [String: Activity]

    /// Reads the board's activity log once (O(entries)).
    public init(_ board: Board) {
        var entered: [String: Timestamp] = [:]
        var lastEntry: [String: (stage: String, at: Timestamp)] = [:]
        var stays: [String: [Timestamp]] = [:]
        var createdAt: [String: Timestamp] = [:]
        var lastChange: [String: Activity] = [:]
        for a in board.activity {
            guard let id = a.item else { continue }
            lastChange[id] = a
            if a.action == "create" { createdAt[id] = min(createdAt[id] ?? a.at, a.at); continue }
            guard a.field == "stage", let to = a.to else { continue }
            // The stay that ends here began at the previous move into `from`, or for the first
            // move at the item's creation.
            if let from = a.from {
                let began = lastEntry[id].flatMap { $0.stage == from ? $0.at : nil } ?? createdAt[id] ?? board.items[id]?.created
                if let began { stays[from, default: []].append(max(0, a.at - began)) }
            }
            lastEntry[id] = (to, a.at)
        }
        board.items.forEachItem { item in
            let id = item.id
            guard !item.archived else { return }
            if let e = lastEntry[id], e.stage == item.stage { entered[id] = max(item.created, e.at) }
            else { entered[id] = item.created }
        }
        self.entered = entered
        self.stays = stays
        self.lastChange = lastChange
    }

    /// Whole days `id` has been in its stage at `now` (0 for an unknown item or a clock
    /// that went backwards).
    public func days(_ id: String, now: Timestamp) -> Int {
        guard let t = entered[id] else { return 0 }
        return Int(max(0, now - t) / 86400)
    }

    /// The 85th percentile (nearest-rank method) of the days items stayed in `stage`, or nil
    /// with fewer than `minimumSamples` stays in the log.
    public func percentile85(days stage: String, minimumSamples: Int = 5) -> Double? {
        guard let s = stays[stage], s.count >= minimumSamples else { return nil }
        return Percentile.of(sorted: s.sorted(), 85).map { Double($0) / 86400 }
    }

    /// The age past which an item of `stage` is stale: the board's own 85th percentile of
    /// time in that stage, or with too little history `fallback` (the stage's SLA in days),
    /// else none.
    public func threshold(_ stage: String, fallback: Double?) -> Double? {
        percentile85(days: stage) ?? fallback
    }
}

extension Board {
    /// The age threshold (days) set on a stage for when its history is too short (its
    /// service level expectation, `docket stage sla` / `:stage sla 3d`); nil when none is set.
    public func stageSLA(_ stage: String) -> Double? {
        stages.first { $0.id == stage }?.slaDays.map(Double.init)
    }
}
