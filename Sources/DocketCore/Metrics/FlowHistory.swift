/// Every item's flow figures at one moment: the input of all metrics. Built once from the
/// board and its activity log, then asked for periods, cumulative flow, burn-ups and
/// percentiles. Pure: the same board and `now` give the same history.
///
/// Built for 100,000 items and a million log entries: stage ids are numbered once
/// (`StageTable`), the log is read once (only its stage, archived and release entries are
/// kept, as small values), grouped by item with a counting sort (log order kept; an item's
/// entries are sorted only when its clock went backwards), and every item's stays are kept in
/// flat arrays (`FlowStays`) rather than an array per item.
public struct FlowHistory: Sendable {
    /// The moment the history is taken at (seconds since 1970 UTC).
    public let now: Timestamp
    /// The board's stages, in board order.
    public let stages: [Stage]
    /// Stage id → kind, for the stages that exist.
    public let kinds: [String: StageKind]
    /// One entry per item (archived ones included), oldest first (ties by id).
    public let flows: [ItemFlow]
    /// Item id → its `release` changes in log order (for burn-ups).
    public let releaseChanges: [String: [Activity]]
    /// Every item's stays, in the order of `flows`, with stage numbers of `stageIDs`.
    let stays: FlowStays
    /// The stage ids the stays' stage numbers stand for (the board's first, in board order).
    let stageIDs: [String]

    /// Each item's stays in stages, in the order of `flows` (`timelines[k]` is `flows[k]`'s),
    /// made on demand from the flat stays.
    public var timelines: [ItemTimeline] { flows.indices.map { stays.timeline($0, id: flows[$0].id, names: stageIDs) } }

    /// Builds the history of `board` as of `now`. Items created after `now` are left out.
    public static func build(_ board: Board, now: Timestamp) -> FlowHistory { build(board, now: now, itemsPerPart: 20_000) }

    /// `build`, its items' stays and figures computed in parts of at least `itemsPerPart`
    /// items on all cores (the same history whatever the parts).
    static func build(_ board: Board, now: Timestamp, itemsPerPart: Int) -> FlowHistory {
        var table = StageTable(board.stages.map(\.id))
        let (items, order) = itemsOldestFirst(board, now: now, stages: &table)
        var position: [String: Int32] = [:]
        position.reserveCapacity(items.count)
        for (k, o) in order.enumerated() { position[items[Int(o)].id] = Int32(k) }
        let (changes, releases) = readLog(board.activity, position: position, stages: &table)
        let grouped = groupByItem(changes, items: items.count)
        // Every item's stays and figures, oldest first.
        var kinds = [StageKind?](repeating: nil, count: table.names.count)
        for s in board.stages.reversed() { kinds[Int(table.number(s.id))] = s.kind }
        // In parts on all cores (each item's stays depend on its own entries only), joined in order.
        let names = table.names, frozenKinds = kinds
        let parts = Parallel.mapParts(order.count, minimumPerPart: itemsPerPart) { range -> (FlowStays, [ItemFlow]) in
            stayAndFlows(range, items: items, order: order, grouped: grouped, kinds: frozenKinds, names: names, now: now)
        }
        var stays = FlowStays(capacity: items.count)
        var flows: [ItemFlow] = []
        flows.reserveCapacity(items.count)
        for (partStays, partFlows) in parts { stays.append(contentsOf: partStays); flows += partFlows }
        return FlowHistory(now: now, stages: board.stages,
                           kinds: Dictionary(board.stages.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a }),
                           flows: flows, releaseChanges: releases, stays: stays, stageIDs: table.names)
    }

    /// The stays and figures of the items at `range` of `order` (positions oldest first), as
    /// a part of their own (stays numbered from 0).
    private static func stayAndFlows(_ range: Range<Int>, items: [FlowItemFacts], order: [Int32],
                                     grouped: (changes: [StageChange], offsets: [Int]), kinds: [StageKind?],
                                     names: [String], now: Timestamp) -> (FlowStays, [ItemFlow]) {
        var stays = FlowStays(capacity: range.count)
        var flows: [ItemFlow] = []
        flows.reserveCapacity(range.count)
        var scratch: [StageChange] = [], perStage: [(stage: Int32, seconds: Timestamp)] = []
        for (j, k) in range.enumerated() {
            let i = Int(order[k])
            stays.append(created: items[i].created, updated: items[i].updated, stage: items[i].stageNumber, archived: items[i].archived,
                         changes: grouped.changes[grouped.offsets[k]..<grouped.offsets[k + 1]], now: now, scratch: &scratch)
            flows.append(ItemFlow.make(j, items[i], stays: stays, kinds: kinds, names: names, now: now, scratch: &perStage))
        }
        return (stays, flows)
    }

    /// The board's items created by `now` (in the store's order) and their positions in that
    /// list oldest first (ties by id): the order of `flows`.
    private static func itemsOldestFirst(_ board: Board, now: Timestamp, stages: inout StageTable) -> ([FlowItemFacts], [Int32]) {
        var items: [FlowItemFacts] = []
        items.reserveCapacity(board.items.count)
        board.items.forEachItem { item in
            guard item.created <= now else { return }
            items.append(FlowItemFacts(item, stage: stages.number(item.stage)))
        }
        var order = items.indices.map { (created: items[$0].created, index: Int32($0)) }
        order.sort { $0.created != $1.created ? $0.created < $1.created : items[Int($0.index)].id < items[Int($1.index)].id }
        return (items, order.map(\.index))
    }

    /// One pass over the log: the stage and archived changes of the items at `position` (item
    /// id → position in `flows`), and their release changes by item id.
    private static func readLog(_ log: ActivityLog, position: [String: Int32], stages: inout StageTable)
        -> ([StageChange], [String: [Activity]]) {
        var changes: [StageChange] = []
        var releases: [String: [Activity]] = [:]
        for i in 0..<log.count {
            guard let field = log[i].field, let kind = kind(of: field), let id = log[i].item, let k = position[id] else { continue }
            if kind == .release { releases[id, default: []].append(log[i]); continue }
            if let c = StageChange(log[i], item: k, seq: Int32(truncatingIfNeeded: i), stages: &stages) { changes.append(c) }
        }
        return (changes, releases)
    }

    enum LoggedField { case stage, archived, release }

    /// The fields the history reads from the log (most entries are other edits: their field's
    /// length rules them out without comparing text).
    @inline(__always) static func kind(of field: String) -> LoggedField? {
        switch field.utf8.count {
        case 5: return field == "stage" ? .stage : nil
        case 7: return field == "release" ? .release : nil
        case 8: return field == "archived" ? .archived : nil
        default: return nil
        }
    }

    /// `changes` grouped by item (a counting sort: each item's keep their order); item `k`'s
    /// are `changes[offsets[k] ..< offsets[k + 1]]`.
    private static func groupByItem(_ changes: [StageChange], items n: Int) -> (changes: [StageChange], offsets: [Int]) {
        var offsets = [Int](repeating: 0, count: n + 1)
        for c in changes { offsets[Int(c.item) + 1] += 1 }
        for k in 0..<n { offsets[k + 1] += offsets[k] }
        var next = offsets
        let grouped = [StageChange](unsafeUninitializedCapacity: changes.count) { buffer, count in
            for c in changes {
                (buffer.baseAddress! + next[Int(c.item)]).initialize(to: c)
                next[Int(c.item)] += 1
            }
            count = changes.count
        }
        return (grouped, offsets)
    }

    /// The items done at or after `start` (and by `now`).
    public func finished(since start: Timestamp) -> [ItemFlow] {
        flows.filter { ($0.doneAt ?? .min) >= start }
    }

    /// The open items (neither done nor discarded).
    public var open: [ItemFlow] { flows.filter(\.isOpen) }
}

/// What the history needs of an item (a copy of the whole `Item` would retain all its text).
struct FlowItemFacts {
    var id: String
    var stage: String
    var stageNumber: Int32
    var created: Timestamp, updated: Timestamp
    var archived: Bool
    var points: Double?
    var release: String?

    init(_ item: Item, stage: Int32) {
        id = item.id; self.stage = item.stage; stageNumber = stage
        created = item.created; updated = item.updated; archived = item.archived
        points = item.points; release = item.release
    }
}
