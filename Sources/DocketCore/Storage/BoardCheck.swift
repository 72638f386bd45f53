/// Checks a board for what a hand edit or a bad merge can leave behind, and repairs it.
///
/// Problems: an item in a stage the board does not have (it would be invisible), two open items
/// of a stage with the same rank (their order is then arbitrary), an epic (`parent`) or
/// `duplicateOf` that names no item, a rank that is not a valid fractional index.
public enum BoardCheck {
    /// One problem, for the user: the item it is about and what is wrong.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public var item: String
        public var message: String
        public var description: String { "\(item): \(message)" }
    }

    /// Every problem of `board`, by item id.
    public static func problems(_ board: Board) -> [Problem] {
        var out: [Problem] = []
        let stageIDs = Set(board.stages.map(\.id))
        for id in board.items.keys.sorted() {
            let item = board.items[id]!
            if !stageIDs.contains(item.stage) { out.append(Problem(item: id, message: "stage '\(item.stage)' does not exist")) }
            if !Rank.isValid(item.rank) { out.append(Problem(item: id, message: "rank '\(item.rank)' is not valid")) }
            if let p = item.parent, board.items[p] == nil { out.append(Problem(item: id, message: "epic '\(p)' does not exist")) }
            if let d = item.duplicateOf, board.items[d] == nil { out.append(Problem(item: id, message: "duplicate of '\(d)', which does not exist")) }
        }
        for stage in board.stages {
            let col = board.column(stage.id)
            for k in col.indices.dropFirst() where board.items[col[k]]!.rank == board.items[col[k - 1]]!.rank {
                out.append(Problem(item: col[k], message: "same rank as \(col[k - 1]) in \(stage.name)"))
            }
        }
        return out
    }

    /// Repairs what `problems` finds, as one edit: items of unknown stages go to the first
    /// stage, dangling references are cleared, equal ranks are spread in their current order.
    /// Returns the edit and what was changed, one line per item.
    public static func fix(_ board: inout Board, by user: String, at time: Timestamp) throws -> (Edit, [String]) {
        var edit = Edit(summary: "repaired the board")
        var said: [String] = []
        let stageIDs = Set(board.stages.map(\.id))
        guard let first = board.stages.first else { return (edit, []) }
        let existing = Set(board.items.keys)
        for id in existing.sorted() {
            var notes: [String] = []
            let e = try board.modify(id, action: "repair", by: user, at: time) { it in
                if !stageIDs.contains(it.stage) { notes.append("moved from unknown stage '\(it.stage)' to \(first.name)"); it.stage = first.id }
                if !Rank.isValid(it.rank) { notes.append("rank '\(it.rank)' replaced"); it.rank = Rank.between(nil, nil) }
                if let p = it.parent, !existing.contains(p) { notes.append("dangling epic '\(p)' cleared"); it.parent = nil }
                if let d = it.duplicateOf, !existing.contains(d) { notes.append("dangling duplicate-of '\(d)' cleared"); it.duplicateOf = nil }
            }
            if !notes.isEmpty { said.append("\(id): " + notes.joined(separator: "; ")); edit = edit.merged(with: e, summary: edit.summary) }
        }
        for stage in board.stages {
            let spread = board.separateCollidingRanks(inOrder: board.column(stage.id), from: 0, to: board.column(stage.id).count - 1,
                                                      by: user, at: time)
            if !spread.isEmpty {
                said += spread.items.keys.sorted().map { "\($0): rank spread apart from equal ranks in \(stage.name)" }
                edit = edit.merged(with: spread, summary: edit.summary)
            }
        }
        return (edit, said)
    }
}
