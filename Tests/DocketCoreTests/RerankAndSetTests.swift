import DocketCore
import XCTest

/// Re-ranking by score, and setting fields from text (`docket set`).
final class RerankAndSetTests: XCTestCase {
    private func scoredBoard() throws -> (Board, [String]) {
        var board = Board(name: "b", stages: Board.defaultStages())
        board.scoring = .wsjf
        var ids: [String] = []
        // WSJF = (value + criticality + risk) ÷ size: 3, 12, nil, 6.
        let inputs: [(Double, Double, Double, Double)?] = [(1, 1, 1, 1), (8, 3, 1, 1), nil, (5, 5, 2, 2)]
        for (k, s) in inputs.enumerated() {
            let (item, _) = try board.addItem(title: "item \(k)", stage: "ready", by: "t", at: 1)
            ids.append(item.id)
            if let s {
                try board.modify(item.id, by: "t", at: 1) {
                    $0.scores.value = s.0; $0.scores.criticality = s.1; $0.scores.risk = s.2; $0.scores.size = s.3
                }
            }
        }
        _ = try board.addItem(title: "elsewhere", stage: "inbox", by: "t", at: 1)
        return (board, ids)
    }

    func testRerankColumnByScoreKeepsItsRanksAndIsOneUndoStep() throws {
        var (board, ids) = try scoredBoard()
        let before = board
        let ranksBefore = board.column("ready").map { board.items[$0]!.rank }
        let edit = try XCTUnwrap(board.rerankByScore(stage: "ready", by: "t", at: 2))
        XCTAssertEqual(board.column("ready"), [ids[1], ids[3], ids[0], ids[2]], "12, 6, 3, then the unscored one")
        XCTAssertEqual(board.column("ready").map { board.items[$0]!.rank }, ranksBefore, "the same rank values, handed out again")
        XCTAssertEqual(board.column("inbox"), before.column("inbox"))
        var history = UndoHistory()
        history.record(edit)
        _ = history.undo(&board, by: "t", at: 3)
        XCTAssertEqual(board.items, before.items)
    }

    func testRerankOfTheWholeBacklogNeverGivesTwoItemsOneRank() throws {
        // An import ranks each stage on its own, so two stages share rank strings; handing the
        // same set out again across the whole backlog put two items of one column on one rank.
        var board = Board(name: "b", stages: Board.defaultStages())
        board.scoring = .wsjf
        let ranks = Rank.spread(4)
        var k = 0
        for stage in ["inbox", "ready"] {
            for rank in ranks {
                k += 1
                let (item, _) = try board.addItem(title: "item \(k)", stage: stage, by: "t", at: 1)
                try board.modify(item.id, by: "t", at: 1) {
                    $0.rank = rank
                    $0.scores.value = Double(k % 5 + 1); $0.scores.criticality = 1; $0.scores.risk = 1; $0.scores.size = 1
                }
            }
        }
        XCTAssertNotNil(try board.rerankByScore(stage: nil, by: "t", at: 2))
        let open = board.stages.flatMap { board.column($0.id) }
        let given = open.map { board.items[$0]!.rank }
        XCTAssertEqual(Set(given).count, open.count, "every open item its own rank: \(given)")
        let scores = open.sorted { board.items[$0]!.rank < board.items[$1]!.rank }.map { board.score(board.items[$0]!)! }
        XCTAssertEqual(scores, scores.sorted(by: >), "ranked by score across the backlog")
        for s in ["inbox", "ready"] {
            let col = board.column(s).map { board.items[$0]!.rank }
            XCTAssertEqual(col, col.sorted(), "column \(s) in rank order")
        }
    }

    func testRerankDoesNothingWithoutAModelOrWhenInOrder() throws {
        var (board, _) = try scoredBoard()
        _ = try board.rerankByScore(stage: "ready", by: "t", at: 2)
        XCTAssertNil(try board.rerankByScore(stage: "ready", by: "t", at: 3), "already in score order")
        board.scoring = .none
        XCTAssertNil(try board.rerankByScore(stage: nil, by: "t", at: 4))
        XCTAssertThrowsError(try { board.scoring = .rice; return try board.rerankByScore(stage: "nope", by: "t", at: 5) }())
    }

    func testSetFieldsFromText() throws {
        let board = Board(name: "b", stages: Board.defaultStages())
        var item = Item(id: "x", title: "t", stage: "inbox", rank: "i", created: 0)
        try ItemFieldSetter.set("points", to: "5", on: &item, board: board)
        try ItemFieldSetter.set("priority", to: "M", on: &item, board: board)
        try ItemFieldSetter.set("labels", to: "#billing, ux", on: &item, board: board)
        try ItemFieldSetter.set("stage", to: "In prog", on: &item, board: board)
        try ItemFieldSetter.set("due", to: "2026-12-15", on: &item, board: board)
        try ItemFieldSetter.set("impact", to: "0.5", on: &item, board: board)
        try ItemFieldSetter.set("size", to: "13", on: &item, board: board)
        try ItemFieldSetter.set("blocked", to: "yes", on: &item, board: board)
        XCTAssertEqual(item.points, 5)
        XCTAssertEqual(item.priority, .must)
        XCTAssertEqual(item.labels, ["billing", "ux"])
        XCTAssertEqual(item.stage, "doing")
        XCTAssertEqual(item.due, "2026-12-15")
        XCTAssertEqual(item.scores.impact, 0.5)
        XCTAssertEqual(item.scores.size, 13)
        XCTAssertTrue(item.blocked)
        try ItemFieldSetter.set("due", to: "", on: &item, board: board)
        XCTAssertNil(item.due, "an empty value clears")
        for (field, bad) in [("points", "-1"), ("points", "many"), ("impact", "4"), ("confidence", "120"), ("size", "4"),
                             ("due", "2026-02-31"), ("priority", "urgent"), ("votes", "-2"), ("blocked", "maybe"), ("colour", "red")] {
            XCTAssertThrowsError(try ItemFieldSetter.set(field, to: bad, on: &item, board: board), "\(field)=\(bad)")
        }
        XCTAssertThrowsError(try ItemFieldSetter.set("stage", to: "nowhere", on: &item, board: board)) {
            XCTAssertEqual($0 as? DocketError, .noSuchStage("nowhere"))
        }
    }
}

/// The epic (`parent`) of an item must exist, and epics cannot loop.
final class ParentFieldTests: XCTestCase {
    func testParentMustExistAndNotLoop() throws {
        var board = Board(name: "b", stages: Board.defaultStages())
        let a = try board.addItem(title: "A", stage: "inbox", by: "t", at: 1).item.id
        let b = try board.addItem(title: "B", stage: "inbox", by: "t", at: 1).item.id
        var item = board.items[a]!
        XCTAssertThrowsError(try ItemFieldSetter.set("parent", to: "zzzz", on: &item, board: board))
        XCTAssertThrowsError(try ItemFieldSetter.set("parent", to: a, on: &item, board: board), "not its own epic")
        try ItemFieldSetter.set("parent", to: b, on: &item, board: board)
        XCTAssertEqual(item.parent, b)
        try board.modify(a, by: "t", at: 2) { $0.parent = b }
        var epic = board.items[b]!
        XCTAssertThrowsError(try ItemFieldSetter.set("parent", to: a, on: &epic, board: board), "no loops")
    }
}
