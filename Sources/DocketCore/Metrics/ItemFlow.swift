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
    /// (stays in done stages are left out).
    public var timeInStage: [String: Timestamp]
    public var points: Double?
    public var release: String?

    public var isDone: Bool { doneAt != nil }
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

    /// The figures of `timeline` for `item`, with `kinds` giving each existing stage's kind.
    public static func make(_ item: Item, _ timeline: ItemTimeline, kinds: [String: StageKind], now: Timestamp) -> ItemFlow {
        let visits = timeline.visits
        let visitKinds = visits.map { kinds[$0.stage] }   // one lookup per stay
        var doneAt: Timestamp?
        if visitKinds.last == .done {
            var k = visits.count - 1
            while k > 0, visitKinds[k - 1] == .done { k -= 1 }
            // In done since creation with no logged entry: done at its last update.
            doneAt = k == 0 ? min(max(item.updated, timeline.created), max(now, timeline.created)) : visits[k].start
        }
        let end = doneAt ?? now
        let started = visits.indices.first { visitKinds[$0] == .doing && visits[$0].start <= end }.map { visits[$0].start }
        var perStage: [String: Timestamp] = [:]
        var lead: Timestamp = 0, cycle: Timestamp = 0
        for (k, v) in visits.enumerated() where visitKinds[k] != .done {
            let secs = max(0, min(v.end ?? end, end) - v.start)
            guard secs > 0 || v.end == nil else { continue }
            if !v.stage.isEmpty { perStage[v.stage, default: 0] += secs }
            lead += secs
            if let started, v.start >= started { cycle += secs }
        }
        let discarded = timeline.archivedAt != nil && doneAt == nil ? timeline.archivedAt : nil
        var flow = ItemFlow(id: item.id, created: timeline.created, startedAt: started, doneAt: doneAt,
                            discardedAt: discarded, stage: item.stage, enteredStage: visits.last?.start ?? timeline.created,
                            timeInStage: perStage, points: item.points, release: item.release)
        flow.leadSeconds = doneAt != nil && visits.count == 1 ? max(0, doneAt! - timeline.created) : lead
        flow.cycleSeconds = started == nil ? nil : cycle
        return flow
    }
}
