/// One stay of an item in a stage: from `start` until `end` (seconds since 1970 UTC; `end` nil
/// while the item is still there).
public struct StageVisit: Equatable, Sendable {
    public var stage: String
    public var start: Timestamp
    public var end: Timestamp?
    public init(stage: String, start: Timestamp, end: Timestamp?) { self.stage = stage; self.start = start; self.end = end }
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
    /// `entries` are the item's log entries (any order). `FlowHistory.build` applies the same
    /// rules (`FlowStays.append`) to every item in one pass over the log.
    public static func build(_ item: Item, entries: [Activity], now: Timestamp) -> ItemTimeline {
        var table = StageTable([item.stage])
        let changes = entries.enumerated().compactMap { seq, e in StageChange(e, item: 0, seq: Int32(seq), stages: &table) }
        var stays = FlowStays()
        var scratch: [StageChange] = []
        stays.append(created: item.created, updated: item.updated, stage: 0, archived: item.archived,
                     changes: changes[...], now: now, scratch: &scratch)
        return stays.timeline(0, id: item.id, names: table.names)
    }
}

/// One log entry that changes an item's stage or its archived flag, with stages as
/// `StageTable` numbers: the input of `FlowStays.append`.
struct StageChange: Sendable {
    enum Kind: UInt8, Sendable { case stage, archive, unarchive }
    /// When (seconds since 1970 UTC, as logged).
    var at: Timestamp
    /// Its position in the log (equal times keep log order).
    var seq: Int32
    /// The item's position in the history being built.
    var item: Int32
    var kind: Kind
    /// The stage moved to and from (for `.stage`; `from` is "" when the entry gives none).
    var to: Int32, from: Int32

    /// The change of entry `e` (nil when it changes neither the stage, to a stage, nor the
    /// archived flag).
    init?(_ e: Activity, item: Int32, seq: Int32, stages: inout StageTable) {
        guard let field = e.field else { return nil }
        if field == "stage" {
            guard let to = e.to, !to.isEmpty else { return nil }
            self.init(at: e.at, seq: seq, item: item, kind: .stage, to: stages.number(to), from: stages.number(e.from ?? ""))
        } else if field == "archived" {
            self.init(at: e.at, seq: seq, item: item, kind: e.to == "true" ? .archive : .unarchive, to: 0, from: 0)
        } else {
            return nil
        }
    }

    init(at: Timestamp, seq: Int32, item: Int32, kind: Kind, to: Int32, from: Int32) {
        self.at = at; self.seq = seq; self.item = item; self.kind = kind; self.to = to; self.from = from
    }
}

/// Every item's stays in stages, flat (no array per item): item `k`'s stays are the positions
/// `offsets[k] ..< offsets[k + 1]` of `stage` (a `StageTable` number), `start` and `end`
/// (`FlowStays.still`: the item is still there); `archivedAt[k]` is when item `k` was
/// archived (nil: it is not).
struct FlowStays: Sendable {
    static let still = Timestamp.max
    var offsets: [Int] = [0]
    var stage: [Int32] = []
    var start: [Timestamp] = []
    var end: [Timestamp] = []
    var archivedAt: [Timestamp?] = []

    init() {}

    /// Room for `items` items of about four stays each.
    init(capacity items: Int) {
        offsets.reserveCapacity(items + 1); archivedAt.reserveCapacity(items)
        stage.reserveCapacity(items * 4); start.reserveCapacity(items * 4); end.reserveCapacity(items * 4)
    }

    func range(_ k: Int) -> Range<Int> { offsets[k]..<offsets[k + 1] }

    /// Appends `other`'s items after these (its stays renumbered to follow).
    mutating func append(contentsOf other: FlowStays) {
        let base = stage.count
        offsets += other.offsets.dropFirst().map { $0 + base }
        stage += other.stage; start += other.start; end += other.end
        archivedAt += other.archivedAt
    }

    /// Item `k`'s stays as an `ItemTimeline` (`names`: the stage table's ids).
    func timeline(_ k: Int, id: String, names: [String]) -> ItemTimeline {
        let created = start[offsets[k]]
        let visits = range(k).map { StageVisit(stage: names[Int(stage[$0])], start: start[$0], end: end[$0] == FlowStays.still ? nil : end[$0]) }
        return ItemTimeline(id: id, created: created, visits: visits, archivedAt: archivedAt[k])
    }

    /// Appends the next item's stays by the rules of `ItemTimeline.build`: an item created at
    /// `created`, last updated at `updated`, in stage number `stage` now, with the `changes`
    /// of its stage and archived flag in log order. `scratch` is reused between items.
    mutating func append(created itemCreated: Timestamp, updated: Timestamp, stage now_: Int32, archived: Bool,
                         changes: ArraySlice<StageChange>, now: Timestamp, scratch: inout [StageChange]) {
        let created = min(itemCreated, max(now, itemCreated)), latest = max(now, created)
        // Rule 2, then rule 1: in log order already unless a clock went backwards.
        scratch.removeAll(keepingCapacity: true)
        var inOrder = true
        for c in changes {
            var c = c
            c.at = min(max(c.at, created), latest)
            if let last = scratch.last, last.at > c.at { inOrder = false }
            scratch.append(c)
        }
        if !inOrder { scratch.sort { ($0.at, $0.seq) < ($1.at, $1.seq) } }
        // Rule 3.
        let first = scratch.first { $0.kind == .stage }.map(\.from) ?? now_
        add(first, created)
        var archivedAt: Timestamp?
        var lastAt = created
        for c in scratch {
            lastAt = c.at
            switch c.kind {
            case .stage: if c.to != stage[stage.count - 1] { add(c.to, c.at) }
            case .archive: archivedAt = c.at
            case .unarchive: archivedAt = nil
            }
        }
        // Rule 4.
        if stage[stage.count - 1] != now_ { add(now_, max(lastAt, min(max(updated, created), latest))) }
        // Rule 5.
        archivedAt = archived ? max(archivedAt ?? min(max(updated, created), latest), start[start.count - 1]) : nil
        self.archivedAt.append(archivedAt)
        offsets.append(stage.count)
    }

    /// A new stay in `s` from `at`, ending the one before (of the same item).
    private mutating func add(_ s: Int32, _ at: Timestamp) {
        if stage.count > offsets[offsets.count - 1] { end[end.count - 1] = at }
        stage.append(s); start.append(at); end.append(FlowStays.still)
    }
}
