import DocketCore

/// One row of the archive: an archived item with when, by whom and why it was archived.
public struct ArchiveEntry: Equatable, Sendable {
    public var id: String
    /// The id as cards show it (`Board.shortID`).
    public var shownID: String
    public var title: String
    /// When it was archived (seconds since 1970 UTC), from the activity log; nil when the log
    /// does not say.
    public var at: Timestamp?
    /// Who archived it ("" when the log does not say).
    public var by: String
    /// Where it goes back to: its stage's name, `list “NAME”` for a card of an archived
    /// Trello list, or `? ID` for a stage the board does not list.
    public var stage: String
    /// Why: a declined item's reason or `Item.archivedReason`, and the archived Trello list.
    public var why: String
    /// Lowercased id, title, stage, who, why, labels and people: what the search looks in.
    var haystack: String

    /// The archived items of `board`, newest first (items archived at the same moment in
    /// board order; items whose log says nothing last).
    public static func all(_ board: Board) -> [ArchiveEntry] {
        let archived = board.itemsInBoardOrder(includeArchived: true).filter(\.archived)
        let records = board.archiveRecords()
        let entries = archived.map { entry($0, record: records[$0.id], board: board) }
        return entries.enumerated().sorted { a, b in
            let x = a.element.at ?? .min, y = b.element.at ?? .min
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    static func entry(_ item: Item, record: (at: Timestamp, by: String, reason: String?)?, board: Board) -> ArchiveEntry {
        let stage: String
        if let s = board.stages.first(where: { $0.id == item.stage }) { stage = s.name }
        else if let list = item.archivedList { stage = "list “\(list)”" }
        else { stage = "? \(item.stage)" }
        let why = [item.archivedReason, item.archivedList.map { "archived list “\($0)”" }].compactMap { $0 }.joined(separator: "; ")
        let words = [item.id, item.title, stage, record?.by ?? "", why] + item.labels + item.assignees
        return ArchiveEntry(id: item.id, shownID: board.shortID(item.id), title: item.title, at: record?.at,
                            by: record?.by ?? "", stage: stage, why: why, haystack: words.joined(separator: "\n").lowercased())
    }

    /// True when every word of `query` (ignoring case) is in the item's id, title, stage,
    /// archiver, reason, labels or people. An empty query matches everything.
    public func matches(_ query: String) -> Bool {
        query.lowercased().split(separator: " ").allSatisfy { haystack.contains($0) }
    }
}
