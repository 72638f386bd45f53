/// What changed between two versions of a board, by item: added, moved (stage changed),
/// changed (other fields), removed, and whether the board-level fields (stages, releases,
/// people, labels, scoring, filters) changed. Used to write `docket sync`'s commit message.
public struct BoardChanges: Equatable, Sendable {
    /// One item's change: its id, its title (the newer one), and for a move the stage names
    /// before and after, for a change the names of the fields that changed.
    public struct Entry: Equatable, Sendable {
        public var id: String
        public var title: String
        public var detail: String
    }

    public var added: [Entry] = []
    public var moved: [Entry] = []
    public var changed: [Entry] = []
    public var removed: [Entry] = []
    /// Names of the board-level fields that changed (`stages`, `releases`…).
    public var board: [String] = []

    /// The changes from `old` (nil: the board is new, every item counts as added) to `new`,
    /// each list in board order (the order of `new`, removed items in the order of `old`).
    public init(from old: Board?, to new: Board) {
        let oldItems = old?.items
        for item in new.itemsInBoardOrder(includeArchived: true) {
            guard let before = oldItems?[item.id] else {
                added.append(Entry(id: item.id, title: item.title, detail: Self.stageName(item.stage, in: new)))
                continue
            }
            if before == item { continue }
            var fields = Item.differences(before, item).map(\.0)
            let isMove = fields.contains("stage")
            fields.removeAll { $0 == "stage" || ($0 == "rank" && isMove) }  // a move's new rank is part of the move
            if isMove {
                moved.append(Entry(id: item.id, title: item.title,
                                   detail: "\(Self.stageName(before.stage, in: old ?? new)) → \(Self.stageName(item.stage, in: new))"))
            }
            if !fields.isEmpty || !isMove {
                changed.append(Entry(id: item.id, title: item.title, detail: fields.isEmpty ? "updated" : fields.joined(separator: ", ")))
            }
        }
        if let old {
            for item in old.itemsInBoardOrder(includeArchived: true) where new.items[item.id] == nil {
                removed.append(Entry(id: item.id, title: item.title, detail: ""))
            }
            let a = old.header, b = new.header
            if a.name != b.name { board.append("name") }
            if a.stages != b.stages { board.append("stages") }
            if a.releases != b.releases { board.append("releases") }
            if a.people != b.people { board.append("people") }
            if a.labels != b.labels { board.append("labels") }
            if a.scoring != b.scoring { board.append("scoring") }
            if a.savedFilters != b.savedFilters { board.append("filters") }
            if a.extra != b.extra { board.append("other settings") }
            if a.strategy != b.strategy { board.append("goals and feedback") }
        }
    }

    /// True when no item and no board-level field changed.
    public var isEmpty: Bool { added.isEmpty && moved.isEmpty && changed.isEmpty && removed.isEmpty && board.isEmpty }

    /// One line: `Board: 2 added, 1 moved, 3 changed, 1 removed` (parts that are zero are left
    /// out; `board settings changed` when only those changed; `no item changes` when nothing did).
    public var summaryLine: String {
        var parts: [String] = []
        if !added.isEmpty { parts.append("\(added.count) added") }
        if !moved.isEmpty { parts.append("\(moved.count) moved") }
        if !changed.isEmpty { parts.append("\(changed.count) changed") }
        if !removed.isEmpty { parts.append("\(removed.count) removed") }
        if !board.isEmpty { parts.append("board \(board.joined(separator: ", ")) changed") }
        return "Board: " + (parts.isEmpty ? "no item changes" : parts.joined(separator: ", "))
    }

    /// A commit message: `title` (default: `summaryLine`), a blank line, then at most
    /// `maxDetails` detail lines (`+ id title (Stage)`, `> id title: Inbox → Ready`,
    /// `~ id title: points, labels`, `- id title`, titles passed through `oneLine` (which
    /// should put them on one line) and cut to 60 characters) and `… and N more` for the rest.
    /// Only the title when there are no details.
    public func commitMessage(title: String? = nil, maxDetails: Int = 10,
                              oneLine: (String) -> String = { $0 }) -> String {
        func line(_ mark: String, _ e: Entry, _ sep: String) -> String {
            var t = oneLine(e.title)
            if t.count > 60 { t = String(t.prefix(59)) + "…" }
            return "\(mark) \(e.id) \(t)" + (e.detail.isEmpty ? "" : sep == "(" ? " (\(e.detail))" : ": \(e.detail)")
        }
        let lines = added.map { line("+", $0, "(") } + moved.map { line(">", $0, ":") }
            + changed.map { line("~", $0, ":") } + removed.map { line("-", $0, "") }
            + (board.isEmpty ? [] : ["* board: \(board.joined(separator: ", "))"])
        let head = (title?.isEmpty ?? true) ? summaryLine : title!
        guard !lines.isEmpty else { return head }
        var body = Array(lines.prefix(maxDetails))
        if lines.count > maxDetails { body.append("… and \(lines.count - maxDetails) more") }
        return head + "\n\n" + body.joined(separator: "\n")
    }

    private static func stageName(_ id: String, in board: Board) -> String {
        board.stages.first { $0.id == id }?.name ?? id
    }
}
