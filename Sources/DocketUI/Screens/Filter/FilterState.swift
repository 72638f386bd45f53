import Foundation
import DocketCore

/// A filter in force on the board: its query text and, per stage, the ids of the open items
/// that match, in rank order (recomputed after each change, not per key or frame).
public struct ActiveFilter: Equatable, Sendable {
    public var text: String
    public var columns: [String: [String]]
    /// Per stage id, the story points of the matching items (so drawing a header costs nothing).
    public var points: [String: Double] = [:]
}

extension AppState {
    /// The ids shown in a stage's column: the filter's matches, or every open item; none for
    /// a hidden (folded) stage.
    public func column(_ stageID: String) -> [String] {
        if board.stages.contains(where: { $0.id == stageID && $0.hidden }) { return [] }
        if let filter { return filter.columns[stageID] ?? [] }
        return board.column(stageID)
    }

    /// Applies a query (empty text: no filter). Throws `QueryError` when it does not parse
    /// or names no stage; nothing changes then. `today` is `YYYY-MM-DD`.
    public mutating func applyFilter(_ text: String, today: String) throws(QueryError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { filter = nil; return }
        let query = try Query.parse(trimmed)
        try query.validate(against: board)
        var cols: [String: [String]] = [:]
        // `is:archived` anywhere in the query: a column's archived items are candidates too
        // (after its open ones, by rank).
        var archived: [String: [String]] = [:]
        if query.mentionsArchived {
            for item in board.itemsInBoardOrder(includeArchived: true) where item.archived { archived[item.stage, default: []].append(item.id) }
        }
        for stage in shownStages {
            cols[stage.id] = query.filter(ids: board.column(stage.id) + (archived[stage.id] ?? []), in: board, time: now > 0 ? QueryTime(now: now, calendar: calendar) : QueryTime(today: today))
        }
        let points = cols.mapValues { ids in ids.reduce(0) { $0 + (board.items[$1]?.points ?? 0) } }
        filter = ActiveFilter(text: trimmed, columns: cols, points: points)
    }

    /// Recomputes the filter's matches after the board changed (a no-op without a filter).
    public mutating func refreshFilter(today: String) {
        guard let text = filter?.text else { return }
        do { try applyFilter(text, today: today) } catch { filter = nil }
    }
}
