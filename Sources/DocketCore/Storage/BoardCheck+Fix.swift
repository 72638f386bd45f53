extension BoardCheck {
    /// Repairs what `problems` finds, as one edit: a duplicate id keeps the fresh id the read
    /// gave the later item (both items kept), labels, people and releases items name are added
    /// to the board's lists, items of unknown stages go to the first stage, invalid ranks get
    /// ranks at the end of the item's stage (keeping their order among themselves), dangling
    /// references are cleared, equal ranks are spread in their current order.
    /// Returns the edit and what was changed, one line per item or name. Throws
    /// `DocketError.noSuchItem` only if the board changes under it (it cannot).
    public static func fix(_ board: inout Board, defects: ReadDefects = ReadDefects(),
                           by user: String, at time: Timestamp) throws -> (Edit, [String]) {
        var edit = Edit(summary: "repaired the board")
        var said = defects.duplicateIDs.map { d in
            "\(d.id) (line \(d.line), '\(d.title)'): given the new id \(d.newID); '\(d.keptTitle)' (line \(d.keptLine)) keeps \(d.id)"
        }
        said += defects.invalidTextLines.map { "line \($0): bytes that are not UTF-8 written as �" }
        for d in defects.duplicateIDs {
            board.activity.append(Activity(at: time, by: user, item: d.newID, action: "repair", field: "id", from: d.id, to: d.newID))
        }
        let (header, named) = registerUnknownNames(&board, by: user, at: time)
        said += named
        edit = edit.merged(with: header, summary: edit.summary)
        guard let first = board.stages.first else { return (edit, said) }

        let stageIDs = Set(board.stages.map(\.id))
        let newRanks = ranksAtTheEnd(board, stageIDs: stageIDs, fallback: first.id)
        let existing = Set(board.items.keys)
        for id in existing.sorted() {
            var notes: [String] = []
            let e = try board.modify(id, action: "repair", by: user, at: time) { it in
                if !stageIDs.contains(it.stage) { notes.append("moved from unknown stage '\(it.stage)' to \(first.name)"); it.stage = first.id }
                if let r = newRanks[id] { notes.append("invalid rank '\(it.rank)' replaced by \(r), at the end of its stage"); it.rank = r }
                if let p = it.parent, !existing.contains(p) { notes.append("dangling epic '\(p)' cleared"); it.parent = nil }
                if let d = it.duplicateOf, !existing.contains(d) { notes.append("dangling duplicate-of '\(d)' cleared"); it.duplicateOf = nil }
            }
            if !notes.isEmpty { said.append("\(id): " + notes.joined(separator: "; ")); edit = edit.merged(with: e, summary: edit.summary) }
        }
        let spread = board.spreadCollidingRanks(by: user, at: time)
        if !spread.isEmpty {
            let stageName = Dictionary(board.stages.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            said += spread.items.keys.sorted().map { id in
                "\(id): rank spread apart from equal ranks in \(stageName[board.items[id]?.stage ?? ""] ?? "its stage")"
            }
            edit = edit.merged(with: spread, summary: edit.summary)
        }
        return (edit, said)
    }

    /// Valid ranks for the items whose rank is invalid, by id: after the last valid rank of the
    /// stage each will be in (`fallback` for an unknown stage), in their (rank, id) order.
    private static func ranksAtTheEnd(_ board: Board, stageIDs: Set<String>, fallback: String) -> [String: String] {
        var last: [String: String] = [:]
        var invalid: [Item] = []
        board.items.forEachItem { it in
            let stage = stageIDs.contains(it.stage) ? it.stage : fallback
            if !Rank.isValid(it.rank) { invalid.append(it) } else if it.rank > last[stage, default: ""] { last[stage] = it.rank }
        }
        var out: [String: String] = [:]
        for it in invalid.sorted(by: { ($0.rank, $0.id) < ($1.rank, $1.id) }) {
            let stage = stageIDs.contains(it.stage) ? it.stage : fallback
            let r = Rank.between(last[stage], nil)
            last[stage] = r
            out[it.id] = r
        }
        return out
    }

    /// Adds the labels, assignees and releases items name to the board's lists, logged as one
    /// board-level `repair` entry. Returns the header edit and one line per name added.
    private static func registerUnknownNames(_ board: inout Board, by user: String, at time: Timestamp) -> (Edit, [String]) {
        let names = KnownNames(board)
        var missing: [String] = []
        var seen = Set<String>()
        let before = board.header
        for id in board.items.keys.sorted() {
            let item = board.items[id]!
            let unknown = names.unknown(in: item)
            guard !unknown.isEmpty else { continue }
            board.registerNames(labels: item.labels, people: item.assignees, release: item.release)
            for name in unknown where seen.insert(name).inserted { missing.append(name) }
        }
        guard !missing.isEmpty else { return (Edit(summary: ""), []) }
        let summary = "added to the board's lists: " + missing.joined(separator: ", ")
        board.activity.append(Activity(at: time, by: user, item: nil, action: "repair", to: summary))
        return (Edit(summary: summary, header: .init(before: before, after: board.header)), missing.map { "\($0) added to the board's list" })
    }
}
