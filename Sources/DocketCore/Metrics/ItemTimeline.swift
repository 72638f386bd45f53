/// One stay of an item in a stage: from `start` until `end` (seconds since 1970 UTC; `end` nil
/// while the item is still there).
public struct StageVisit: Equatable, Sendable {
    public var stage: String
    public var start: Timestamp
    public var end: Timestamp?
    public init(stage: String, start: Timestamp, end: Timestamp?) { self.stage = stage; self.start = start; self.end = end }
    /// Seconds spent, up to `now` for a visit still open; never negative.
    public func seconds(now: Timestamp) -> Timestamp { max(0, (end ?? max(start, now)) - start) }
}

/// An item's path through the stages, rebuilt from the activity log by the rules in
/// `ItemTimeline.build` (see README "Metrics and forecasts").
public struct ItemTimeline: Equatable, Sendable {
    public var id: String
    /// When the item was created (its `created` field).
    public var created: Timestamp
    /// Its stays in stages, in time order; the last one is open (`end` nil).
    public var visits: [StageVisit]
    /// When it was archived (nil: it is not archived). Archived outside a done stage, the item
    /// left the flow then; archived in a done stage, it stays done.
    public var archivedAt: Timestamp?

    /// The rules, in order:
    /// 1. Only entries that change the `stage` field (any action: move, edit, import) and the
    ///    `archived` field count; they are ordered by time, log order breaking ties, so entries
    ///    written out of order are put back in order.
    /// 2. A time before the item's creation counts as its creation; a time after `now` (a clock
    ///    that ran ahead) counts as `now`. So no stay is ever negative.
    /// 3. The first stage is the `from` of the earliest stage change, else the item's stage.
    ///    A change's `to` is believed even when its `from` disagrees (a lost entry). When the
    ///    earliest change has no `from` (imported history that only knows when an item reached
    ///    a stage), the item was in an unknown stage ("") before: that time counts in lead time
    ///    but in no stage.
    /// 4. When the log ends elsewhere than the item's stage (an undo, a merge, a hand edit), the
    ///    item moved to its stage at its last update (`updated`, clamped like rule 2).
    /// 5. An archived item was archived at its last `archived` change (else its last update).
    /// `entries` are the item's log entries (any order).
    public static func build(_ item: Item, entries: [Activity], now: Timestamp) -> ItemTimeline {
        let created = min(item.created, max(now, item.created))
        let clamp = { (t: Timestamp) -> Timestamp in min(max(t, created), max(now, created)) }
        var changes: [(at: Timestamp, seq: Int, stage: String?, archived: Bool?)] = []
        for (seq, e) in entries.enumerated() {
            if e.field == "stage", let to = e.to, !to.isEmpty { changes.append((clamp(e.at), seq, to, nil)) }
            else if e.field == "archived" { changes.append((clamp(e.at), seq, nil, e.to == "true")) }
        }
        changes.sort { ($0.at, $0.seq) < ($1.at, $1.seq) }
        // The first stage: the earliest change's `from`; "" (unknown) when that change has none
        // (an import that knows only when an item got somewhere); the item's stage without changes.
        let firstChange = changes.first(where: { $0.stage != nil })
        let firstStage = firstChange.map { entries[$0.seq].from ?? "" } ?? item.stage
        var visits = [StageVisit(stage: firstStage, start: created, end: nil)]
        var archivedAt: Timestamp?
        var lastAt = created
        for c in changes {
            lastAt = c.at
            if let stage = c.stage, stage != visits[visits.count - 1].stage {
                visits[visits.count - 1].end = c.at
                visits.append(StageVisit(stage: stage, start: c.at, end: nil))
            }
            if let a = c.archived { archivedAt = a ? c.at : nil }
        }
        if visits[visits.count - 1].stage != item.stage {
            let at = max(lastAt, clamp(item.updated))
            visits[visits.count - 1].end = at
            visits.append(StageVisit(stage: item.stage, start: at, end: nil))
        }
        var archived: Timestamp?
        if item.archived { archived = max(archivedAt ?? clamp(item.updated), visits[visits.count - 1].start) }
        return ItemTimeline(id: item.id, created: created, visits: visits, archivedAt: archived)
    }
}
