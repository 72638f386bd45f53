/// The flow figures of one item, from its `ItemTimeline` and the board's stage kinds.
/// Times are seconds since 1970 UTC; durations are seconds (divide by 86,400 for days).
///
/// Rules (README "Metrics and forecasts"):
/// - Done: the item is in a done stage now. `doneAt` is its last entry into a done stage (moves
///   between two done stages do not count as entries): a re-opened item is done again only when
///   it comes back, and the time it spent in done before the re-open counts nowhere.
/// - Started: the first entry into a doing stage (at or before `doneAt`). An item done without
///   ever entering a doing stage has no `startedAt` and no cycle time (it counts in throughput
///   and lead time).
/// - Cycle time: seconds between `startedAt` and `doneAt`, less time spent in done stages in
///   between. Lead time: the same from `created`. Skipped stages simply get no time.
/// - A stage that no longer exists on the board has no kind: its time is kept under its id,
///   and it neither starts nor ends a cycle.
/// - Discarded: archived outside a done stage; it is neither open nor done from then on.
public struct ItemFlow: Equatable, Sendable {
    public var id: String
    public var created: Timestamp
    public var startedAt: Timestamp?
    public var doneAt: Timestamp?
    public var discardedAt: Timestamp?
    /// The stage it is in now and since when (its last entry into it).
    public var stage: String
    public var enteredStage: Timestamp
    /// Seconds in each stage id, up to `doneAt` for a done item, up to now for an open one
    /// (stays in done stages are left out). Made from `stageTimes` when asked.
    public var timeInStage: [String: Timestamp] { Dictionary(stageTimes.map { ($0.stage, $0.seconds) }, uniquingKeysWith: +) }
    /// The same as a list, one entry per stage in the order the item first entered them (a
    /// list is cheaper to make than a dictionary, for 100,000 items).
    public var stageTimes: [StageTime]
    public struct StageTime: Equatable, Sendable {
        public var stage: String
        public var seconds: Timestamp
    }
    /// Seconds in stage `id` (nil when it spent no time there).
    public func seconds(in id: String) -> Timestamp? { stageTimes.first { $0.stage == id }?.seconds }
    public var points: Double?
    public var release: String?

    /// Open: neither done nor discarded.
    public var isOpen: Bool { doneAt == nil && discardedAt == nil }
    /// In progress: open and started (in a doing stage or past one).
    public var isInProgress: Bool { isOpen && startedAt != nil }

    /// Created → done, in seconds (nil while not done).
    public var leadTime: Timestamp? { doneAt.map { _ in leadSeconds } }
    /// Started → done, in seconds (nil while not done or never started).
    public var cycleTime: Timestamp? { doneAt != nil ? cycleSeconds : nil }
    var leadSeconds: Timestamp = 0
    var cycleSeconds: Timestamp?

    /// Work item age at `now`: seconds since it started (since it was created when it has not
    /// started); nil for a done or discarded item.
    public func age(now: Timestamp) -> Timestamp? {
        isOpen ? max(0, now - (startedAt ?? created)) : nil
    }
    /// Seconds in its current stage at `now` (nil when not open).
    public func timeInCurrentStage(now: Timestamp) -> Timestamp? { isOpen ? max(0, now - enteredStage) : nil }

    /// The figures of item `k` of `stays` (its facts in `item`), with `kinds` giving the kind of
    /// each stage number (nil: a stage that no longer exists) and `names` its id. `scratch`
    /// is reused between items.
    static func make(_ k: Int, _ item: borrowing FlowItemFacts, stays: FlowStays, kinds: [StageKind?], names: [String],
                     now: Timestamp, scratch: inout [(stage: Int32, seconds: Timestamp)]) -> ItemFlow {
        let r = stays.range(k)
        let created = stays.start[r.lowerBound]
        var doneAt: Timestamp?
        if kinds[Int(stays.stage[r.upperBound - 1])] == .done {
            var j = r.upperBound - 1
            while j > r.lowerBound, kinds[Int(stays.stage[j - 1])] == .done { j -= 1 }
            // In done since creation with no logged entry: done at its last update.
            doneAt = j == r.lowerBound ? min(max(item.updated, created), max(now, created)) : stays.start[j]
        }
        let end = doneAt ?? now
        var started: Timestamp?
        for j in r where kinds[Int(stays.stage[j])] == .doing && stays.start[j] <= end { started = stays.start[j]; break }
        scratch.removeAll(keepingCapacity: true)
        var lead: Timestamp = 0, cycle: Timestamp = 0
        for j in r where kinds[Int(stays.stage[j])] != .done {
            let open = stays.end[j] == FlowStays.still
            let secs = max(0, min(open ? end : stays.end[j], end) - stays.start[j])
            guard secs > 0 || open else { continue }
            let s = stays.stage[j]
            if !names[Int(s)].isEmpty {
                if let i = scratch.firstIndex(where: { $0.stage == s }) { scratch[i].seconds += secs } else { scratch.append((s, secs)) }
            }
            lead += secs
            if let started, stays.start[j] >= started { cycle += secs }
        }
        let perStage = scratch.map { StageTime(stage: names[Int($0.stage)], seconds: $0.seconds) }
        let archivedAt = stays.archivedAt[k]
        var flow = ItemFlow(id: item.id, created: created, startedAt: started, doneAt: doneAt,
                            discardedAt: archivedAt != nil && doneAt == nil ? archivedAt : nil, stage: item.stage,
                            enteredStage: stays.start[r.upperBound - 1], stageTimes: perStage, points: item.points, release: item.release)
        flow.leadSeconds = doneAt != nil && r.count == 1 ? max(0, doneAt! - created) : lead
        flow.cycleSeconds = started == nil ? nil : cycle
        return flow
    }
}
