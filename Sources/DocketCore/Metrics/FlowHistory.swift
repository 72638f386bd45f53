/// Every item's flow figures at one moment: the input of all metrics. Built once from the
/// board and its activity log (one pass over the log, grouped by item), then asked for
/// periods, cumulative flow, burn-ups and percentiles. Pure: the same board and `now` give
/// the same history.
public struct FlowHistory: Sendable {
    /// The moment the history is taken at (seconds since 1970 UTC).
    public let now: Timestamp
    /// The board's stages, in board order.
    public let stages: [Stage]
    /// Stage id → kind, for the stages that exist.
    public let kinds: [String: StageKind]
    /// One entry per item (archived ones included), oldest first (ties by id).
    public let flows: [ItemFlow]
    /// Each item's stays in stages, in the order of `flows` (`timelines[k]` is `flows[k]`'s).
    public let timelines: [ItemTimeline]
    /// Item id → its `release` changes in log order (for burn-ups).
    public let releaseChanges: [String: [Activity]]

    /// Builds the history of `board` as of `now`. Items created after `now` are left out.
    public static func build(_ board: Board, now: Timestamp) -> FlowHistory {
        var byItem: [String: [Activity]] = [:]
        var releases: [String: [Activity]] = [:]
        for e in board.activity {
            guard let id = e.item, let field = e.field else { continue }
            if field == "stage" || field == "archived" { byItem[id, default: []].append(e) }
            else if field == "release" { releases[id, default: []].append(e) }
        }
        let kinds = Dictionary(board.stages.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        var flows: [ItemFlow] = []
        var timelines: [ItemTimeline] = []
        flows.reserveCapacity(board.items.count)
        timelines.reserveCapacity(board.items.count)
        board.items.forEachItem { item in
            guard item.created <= now else { return }
            let timeline = ItemTimeline.build(item, entries: byItem[item.id] ?? [], now: now)
            timelines.append(timeline)
            flows.append(ItemFlow.make(item, timeline, kinds: kinds, now: now))
        }
        // Oldest first (ties by id): sort positions, then take both arrays in that order.
        let order = flows.indices.sorted { a, b in
            flows[a].created != flows[b].created ? flows[a].created < flows[b].created : flows[a].id < flows[b].id
        }
        flows = order.map { flows[$0] }
        timelines = order.map { timelines[$0] }
        return FlowHistory(now: now, stages: board.stages, kinds: kinds, flows: flows,
                           timelines: timelines, releaseChanges: releases)
    }

    /// The items done at or after `start` (and by `now`).
    public func finished(since start: Timestamp) -> [ItemFlow] {
        flows.filter { ($0.doneAt ?? .min) >= start }
    }

    /// The open items (neither done nor discarded).
    public var open: [ItemFlow] { flows.filter(\.isOpen) }
}
