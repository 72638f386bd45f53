import DocketCore
import Foundation
import XCTest

/// `docket check`: what a hand edit or a bad merge leaves behind, found and repaired.
final class BoardCheckTests: XCTestCase {
    func testFindsAndFixesEveryKindOfProblem() throws {
        let stages = Board.defaultStages()
        var board = Board(name: "b", stages: stages, items: [
            Item(id: "lost0001", title: "In no stage", stage: "nowhere", rank: "i", created: 0),
            Item(id: "twin0001", title: "Twin 1", stage: "ready", rank: "k", created: 0),
            Item(id: "twin0002", title: "Twin 2", stage: "ready", rank: "k", created: 0),
            { var i = Item(id: "dang0001", title: "Dangling", stage: "inbox", rank: "m", created: 0)
              i.parent = "gone0001"; i.duplicateOf = "gone0002"; return i }(),
        ])
        let problems = BoardCheck.problems(board)
        XCTAssertEqual(Set(problems.map(\.item)), ["lost0001", "twin0002", "dang0001"])
        XCTAssertEqual(problems.filter { $0.item == "dang0001" }.count, 2)
        let before = board
        let (edit, changed) = try BoardCheck.fix(&board, by: "t", at: 5)
        XCTAssertEqual(BoardCheck.problems(board), [], "\(changed)")
        XCTAssertEqual(board.items["lost0001"]?.stage, stages[0].id, "moved where it can be seen")
        XCTAssertEqual(board.column("ready"), ["twin0001", "twin0002"], "their order is kept")
        XCTAssertNil(board.items["dang0001"]?.parent)
        XCTAssertFalse(changed.isEmpty)
        var history = UndoHistory()
        history.record(edit)
        _ = history.undo(&board, by: "t", at: 6)
        XCTAssertEqual(board.items, before.items, "one undo step")
    }

    func testACleanBoardHasNoProblems() {
        XCTAssertEqual(BoardCheck.problems(DemoBoard.make(now: 1_795_953_600, user: "t")), [])
    }
}
