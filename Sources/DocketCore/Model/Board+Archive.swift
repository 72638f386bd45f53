/// Archiving, restoring and commenting on items: undoable edits like those of
/// `Board+Editing.swift`, each logged in the activity (who, when, what).
extension Board {
    /// Archives an item, keeping `reason` (nil: none) in `Item.archivedReason`. Archiving an
    /// archived item changes nothing. Throws `DocketError.noSuchItem`.
    @discardableResult
    public mutating func archive(_ id: String, reason: String?, by user: String, at time: Timestamp) throws -> Edit {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        return try modify(id, action: "archive", summary: "archived \(id)", by: user, at: time) {
            guard !$0.archived else { return }
            $0.archived = true
            $0.archivedReason = (reason?.isEmpty ?? true) ? nil : reason
        }
    }

    /// What `restore` did: the edit, and the stage the item went back to when its own stage
    /// is not on the board (a card of an archived Trello list: `Item.archivedList` names it).
    public struct Restored: Sendable {
        public var edit: Edit
        /// The first stage's id, when the item's stage was not on the board; else nil.
        public var movedTo: String?
    }

    /// Puts an archived item back on the board: in its stage, keeping its rank (just after an
    /// item that holds the same rank), or in the first stage when its stage is not on the
    /// board. The archive reason and list are cleared (the activity log keeps them). An open
    /// item is left as it is. Throws `DocketError.noSuchItem`, or `.noSuchStage` when the
    /// board has no stage at all.
    @discardableResult
    public mutating func restore(_ id: String, by user: String, at time: Timestamp) throws -> Restored {
        guard let item = items[id] else { throw DocketError.noSuchItem(id) }
        guard item.archived else { return Restored(edit: Edit(summary: "\(id) is not archived"), movedTo: nil) }
        var target: String?
        if stageIndex(id: item.stage) == nil {
            guard let first = stages.first else { throw DocketError.noSuchStage(item.stage) }
            target = first.id
        }
        let edit = try modify(id, action: "restore", summary: "restored \(id)", by: user, at: time) {
            $0.archived = false
            $0.archivedReason = nil
            $0.archivedList = nil
            if let target { $0.stage = target }
        }
        return Restored(edit: edit, movedTo: target)
    }

    /// Adds a comment by `user` at `time` to an item. Throws `DocketError.noSuchItem`, or
    /// `.invalidValue` for an empty text.
    @discardableResult
    public mutating func addComment(_ id: String, text: String, by user: String, at time: Timestamp) throws -> Edit {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw DocketError.invalidValue(field: "comment", value: "", expected: "some text") }
        return try modify(id, action: "comment", summary: "commented on \(id)", by: user, at: time) {
            $0.comments = Item.sortedComments($0.comments + [Comment(author: user, at: time, text: text)])
        }
    }

    /// When, by whom and why an item was archived: the last `archive`/`decline` entry of the
    /// activity log that archived it (or any entry that set `archived` to true), and the
    /// item's `archivedReason`. Nil for an open item or one whose log has no such entry.
    public func archiveRecord(of id: String) -> (at: Timestamp, by: String, reason: String?)? {
        guard let item = items[id], item.archived else { return nil }
        for entry in activity.reversed() where entry.item == id {
            if Board.recordsArchiving(entry) { return (entry.at, entry.by, item.archivedReason) }
        }
        return nil
    }

    /// `archiveRecord(of:)` for every archived item at once, in one pass over the activity log
    /// (for the archive screen); items whose log has no such entry are left out.
    public func archiveRecords() -> [String: (at: Timestamp, by: String, reason: String?)] {
        var out: [String: (at: Timestamp, by: String, reason: String?)] = [:]
        var seen = Set<String>()
        for entry in activity.reversed() {
            guard let id = entry.item, !seen.contains(id), let item = items[id], item.archived else { continue }
            if Board.recordsArchiving(entry) {
                seen.insert(id)
                out[id] = (entry.at, entry.by, item.archivedReason)
            }
        }
        return out
    }

    /// True for an activity entry that put an item away: an archive or decline, a change of
    /// `archived` to true, or the import that brought it in (archived).
    static func recordsArchiving(_ entry: Activity) -> Bool {
        entry.field == "archived" && entry.to == "true" || (entry.field == nil && ["archive", "decline"].contains(entry.action))
            || entry.action == "import"
    }
}

extension Item {
    /// Comments in time order (stable: comments of one second keep their order).
    public static func sortedComments(_ list: [Comment]) -> [Comment] {
        list.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }
}
