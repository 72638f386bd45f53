/// Checks a board for what a hand edit or a bad merge can leave behind, and repairs it
/// (`fix`, in `BoardCheck+Fix.swift`).
///
/// Problems: two items with one id and invalid ranks (found by the repair-tolerant read, see
/// `ReadDefects`), an item in a stage the board does not have (it would be invisible), two
/// open items of a stage with the same rank (their order is then arbitrary), an epic
/// (`parent`) or `duplicateOf` that names no item, a rank that is not a valid fractional
/// index, a label, assignee or release the board's lists do not have, and bytes that are not
/// UTF-8 (every read takes them as U+FFFD, so the next write would change them unannounced).
public enum BoardCheck {
    /// One problem, for the user: the item it is about (its id), what is wrong, and the
    /// 1-based line of the item in the file when the read knows it.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public var item: String
        public var message: String
        public var line: Int? = nil
        public var description: String { (line.map { "line \($0): " } ?? "") + "\(item): \(message)" }
    }

    /// Every problem of `board`, by item id, after those of `defects` (what the read of its
    /// file let through).
    public static func problems(_ board: Board, defects: ReadDefects = ReadDefects()) -> [Problem] {
        var out = defects.duplicateIDs.map { d in
            Problem(item: d.id, message: "two items have this id: '\(d.title)' here and '\(d.keptTitle)' on line \(d.keptLine); "
                        + "--fix gives this one a new id", line: d.line)
        }
        out += defects.invalidTextLines.map { line in
            Problem(item: "text", message: "bytes that are not UTF-8 (read as �; --fix writes them so)", line: line)
        }
        let badRankLines = Dictionary(defects.invalidRanks.map { ($0.id, $0.line) }, uniquingKeysWith: { a, _ in a })
        // A renamed twin's fresh id is random until written: say the id the file has.
        let fileIDs = Dictionary(defects.duplicateIDs.map { ($0.newID, $0.id) }, uniquingKeysWith: { a, _ in a })
        let stageIDs = Set(board.stages.map(\.id))
        let names = KnownNames(board)
        for key in board.items.keys.sorted() {
            let item = board.items[key]!, id = fileIDs[key] ?? key
            if !stageIDs.contains(item.stage) { out.append(Problem(item: id, message: "stage '\(item.stage)' does not exist")) }
            if !Rank.isValid(item.rank) {
                out.append(Problem(item: id, message: "rank '\(item.rank)' of '\(item.title)' is not valid", line: badRankLines[key]))
            }
            if let p = item.parent, board.items[p] == nil { out.append(Problem(item: id, message: "epic '\(p)' does not exist")) }
            if let d = item.duplicateOf, board.items[d] == nil { out.append(Problem(item: id, message: "duplicate of '\(d)', which does not exist")) }
            out += names.unknown(in: item).map { Problem(item: id, message: "\($0) is not on the board's list") }
        }
        for stage in board.stages {
            let col = board.column(stage.id)
            for k in col.indices.dropFirst() where board.items[col[k]]!.rank == board.items[col[k - 1]]!.rank {
                out.append(Problem(item: col[k], message: "same rank as \(col[k - 1]) in \(stage.name)"))
            }
        }
        return out
    }

    /// The labels, people and releases a board defines, to find the ones an item names and
    /// the board does not.
    struct KnownNames {
        var labels: Set<String>, people: Set<String>, releases: Set<String>

        init(_ board: Board) {
            labels = Set(board.labels.map(\.name)); people = Set(board.people.map(\.handle)); releases = Set(board.releases.map(\.name))
        }

        /// What `item` names that the board does not define, as "label 'x'", "assignee 'y'",
        /// "release 'z'".
        func unknown(in item: Item) -> [String] {
            item.labels.filter { !labels.contains($0) }.map { "label '\($0)'" }
                + item.assignees.filter { !people.contains($0) }.map { "assignee '\($0)'" }
                + (item.release.map { $0.isEmpty || releases.contains($0) ? [] : ["release '\($0)'"] } ?? [])
        }
    }
}
