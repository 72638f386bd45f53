import DocketCore
@testable import DocketUI
import Foundation
import XCTest

/// Stage management from the board (`<` `>` `z`, the stage menu `s`, the palette's `stage …`
/// commands) and comments from the details pane (`C`): each one undoable edit.
final class StageKeysTests: XCTestCase {
    func ids(_ s: AppState) -> [String] { s.board.stages.map(\.id) }

    func testAngleBracketsMoveTheSelectedStageAndTheSelectionFollows() {
        var s = demoState(width: 160, height: 30)
        let before = ids(s)
        s.column = 1
        XCTAssertEqual(send(&s, .key(.char(">"))), [.save])
        var expected = before
        expected.swapAt(1, 2)
        XCTAssertEqual(ids(s), expected)
        XCTAssertEqual(s.selectedStage?.id, before[1], "the selection follows the stage")
        send(&s, .key(.char("<")), .key(.char("<")))
        XCTAssertEqual(ids(s).first, before[1])
        XCTAssertEqual(send(&s, .key(.char("<"))), [], "already first")
        XCTAssertTrue(s.status?.text.contains("already first") == true, s.status?.text ?? "")
        send(&s, .key(.char("u")), .key(.char("u")), .key(.char("u")))
        XCTAssertEqual(ids(s), before, "each move is one undo step")
    }

    func testZFoldsTheColumnHLLandOnTheStripAndZShowsItAgain() {
        var s = demoState(width: 160, height: 30)
        s.column = 1
        let stage = s.board.stages[1]
        XCTAssertEqual(send(&s, .key(.char("z"))), [.save])
        XCTAssertEqual(s.board.stages[1].hidden, true)
        XCTAssertEqual(s.board.column(stage.id).isEmpty, false, "its items stay")
        send(&s, .key(.char("h")), .key(.char("l")))
        XCTAssertEqual(s.selectedStage?.id, stage.id, "l lands on the folded strip")
        XCTAssertNil(s.selectedItemID)
        send(&s, .key(.char("z")))
        XCTAssertEqual(s.board.stages[1].hidden, false, "z on the strip shows it again")
        send(&s, .key(.char("u")))
        XCTAssertEqual(s.board.stages[1].hidden, true)
    }

    func testTheStageMenuRenamesSetsWIPAndSLAAndKeepsABadValueOpen() throws {
        var s = demoState(width: 120, height: 30)
        s.column = 3
        let id = try XCTUnwrap(s.selectedStage?.id)
        send(&s, .key(.char("s")))
        XCTAssertNotNil(s.top(as: StageScreen.self))
        XCTAssertTrue(render(s).renderText().contains("WIP limit"))
        send(&s, .key(.char("r")), .key(.ctrl("u")))
        send(&s, typed("Code review"))
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        XCTAssertEqual(s.board.stages.first { $0.id == id }?.name, "Code review")
        send(&s, .key(.char("w")), .key(.ctrl("u")))
        send(&s, typed("many"))
        XCTAssertEqual(send(&s, .key(.enter)), [])
        XCTAssertEqual(s.status?.isError, true)
        XCTAssertNotNil(s.top(as: StageScreen.self)?.prompt, "a bad value keeps the line open")
        send(&s, .key(.ctrl("u")))
        send(&s, typed("2"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.board.stages.first { $0.id == id }?.wipLimit, 2)
        send(&s, .key(.char("t")))
        send(&s, typed("3d"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.board.stages.first { $0.id == id }?.slaDays, 3)
        send(&s, .key(.char("k")), .key(.ctrl("u")))
        send(&s, typed("done"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.board.stages.first { $0.id == id }?.kind, .done)
        send(&s, .key(.escape))
        XCTAssertTrue(s.isOnBoard)
        send(&s, .key(.char("u")), .key(.char("u")), .key(.char("u")), .key(.char("u")))
        XCTAssertEqual(s.board.stages, DemoBoard.make(now: testNow, user: "test").stages, "four undo steps")
    }

    func testRemovingAStageWithItemsAsksWhereTheyGo() throws {
        var s = demoState(width: 120, height: 30)
        s.column = 1
        let stage = try XCTUnwrap(s.selectedStage)
        let items = s.board.column(stage.id)
        XCTAssertFalse(items.isEmpty)
        send(&s, .key(.char("s")), .key(.char("x")))
        XCTAssertEqual(s.board.stages.count, 6, "not removed yet")
        XCTAssertEqual(send(&s, .key(.enter)), [], "a target is needed")
        send(&s, typed("nowhere"))
        XCTAssertEqual(send(&s, .key(.enter)), [])
        XCTAssertEqual(s.status?.isError, true)
        send(&s, .key(.ctrl("u")))
        send(&s, typed("Ready"))
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        XCTAssertFalse(s.board.stages.contains { $0.id == stage.id })
        XCTAssertTrue(Set(items).isSubset(of: Set(s.board.column("ready"))))
        XCTAssertTrue(s.isOnBoard)
        send(&s, .key(.char("u")))
        XCTAssertEqual(s.board.column(stage.id), items, "one undo step brings the stage and its items back")
    }

    /// The menu counts the stage's items when it opens and again whenever the board changes
    /// (here from elsewhere), never showing or asking with a stale count.
    func testTheStageMenuCountFollowsTheBoard() throws {
        var s = demoState(width: 120, height: 30)
        s.column = 1
        let stage = try XCTUnwrap(s.selectedStage)
        let open = s.board.column(stage.id)
        XCTAssertGreaterThan(open.count, 2)
        let all = StageScreen.itemCount(stage.id, in: s.board)
        send(&s, .key(.char("s")))
        XCTAssertEqual(s.top(as: StageScreen.self)?.held?.stage, stage.id)
        XCTAssertEqual(s.top(as: StageScreen.self)?.held?.items, all)
        XCTAssertTrue(render(s).renderText().contains("\(open.count) open, \(all - open.count) archived"))
        try s.board.archive(open[0], reason: nil, by: "test", at: testNow)
        send(&s, .resize(Size(width: 120, height: 30)))
        XCTAssertTrue(render(s).renderText().contains("\(open.count - 1) open, \(all - open.count + 1) archived"), render(s).renderText())
        try s.board.modify(open[1], by: "test", at: testNow) { $0.stage = "done" }
        send(&s, .resize(Size(width: 120, height: 30)))
        XCTAssertEqual(s.top(as: StageScreen.self)?.held?.items, all - 1)
        XCTAssertTrue(render(s).renderText().contains("\(open.count - 2) open, \(all - open.count + 1) archived"), render(s).renderText())
        send(&s, .key(.char("x")))
        XCTAssertEqual(s.top(as: StageScreen.self)?.prompt?.label, "Move its \(all - 1) items to")
    }

    func testAnEmptyStageIsRemovedAtOnce() throws {
        var s = demoState(width: 120, height: 30)
        send(&s, .key(.char(":")))
        send(&s, typed("stage add Empty"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.selectedStage?.name, "Empty", "the new stage is selected")
        send(&s, .key(.char("s")), .key(.char("x")))
        XCTAssertFalse(s.board.stages.contains { $0.name == "Empty" })
    }

    func testPaletteStageCommands() throws {
        var s = demoState(width: 160, height: 30)
        s.column = 0
        let first = s.board.stages[0].id
        func palette(_ line: String) -> [Effect] {
            send(&s, .key(.char(":")))
            send(&s, typed(line))
            return send(&s, .key(.enter))
        }
        XCTAssertEqual(palette("stage move 3"), [.save])
        XCTAssertEqual(s.board.stages[2].id, first)
        XCTAssertEqual(palette("stage move 9"), [])
        XCTAssertEqual(s.status?.isError, true)
        XCTAssertEqual(palette("stage hide"), [.save])
        XCTAssertEqual(s.board.stages[2].hidden, true)
        XCTAssertEqual(palette("stage show"), [.save])
        XCTAssertEqual(palette("stage sla 2w"), [.save])
        XCTAssertEqual(s.board.stages[2].slaDays, 14)
        XCTAssertEqual(palette("stage sla soon"), [])
        XCTAssertTrue(s.status?.text.contains("soon") == true, s.status?.text ?? "")
        XCTAssertEqual(palette("stage remove"), [], "it holds items")
        XCTAssertTrue(s.status?.text.contains("--move-to") == true || s.status?.text.contains("holds") == true, s.status?.text ?? "")
        XCTAssertEqual(s.board.stages.count, 6)
        XCTAssertEqual(palette("stage remove done"), [.save])
        XCTAssertEqual(s.board.stages.count, 5)
    }
}

final class DetailCommentTests: XCTestCase {
    func testCAddsACommentShownFirstAndUndoable() throws {
        var s = demoState(width: 120, height: 30)
        let id = try XCTUnwrap(s.selectedItemID)
        let before = s.board.items[id]?.comments.count ?? 0
        send(&s, .key(.enter), .key(.char("C")))
        XCTAssertTrue(render(s).renderText().contains("New comment"))
        XCTAssertEqual(send(&s, .key(.enter)), [], "an empty comment is refused")
        XCTAssertEqual(s.status?.isError, true)
        send(&s, typed("Customer asked twice"))
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        let comments = try XCTUnwrap(s.board.items[id]?.comments)
        XCTAssertEqual(comments.count, before + 1)
        XCTAssertEqual(comments.last?.author, "test")
        XCTAssertEqual(comments.last?.at, testNow)
        let d = try XCTUnwrap(s.top(as: DetailScreen.self))
        XCTAssertNil(d.editor)
        let rows = DetailRows.rows(try XCTUnwrap(s.board.items[id]), board: s.board)
        XCTAssertTrue(rows[d.row].value.hasSuffix("test: Customer asked twice"), "the new comment is selected, first of the comments")
        send(&s, .key(.char("u")))
        XCTAssertEqual(s.board.items[id]?.comments.count, before)
    }

    func testEscDropsTheComment() throws {
        var s = demoState(width: 120, height: 30)
        let id = try XCTUnwrap(s.selectedItemID)
        send(&s, .key(.enter), .key(.char("C")))
        send(&s, typed("never mind"))
        XCTAssertEqual(send(&s, .key(.escape)), [])
        XCTAssertEqual(s.board.items[id]?.comments.count ?? 0, DemoBoard.make(now: testNow, user: "test").items[id]?.comments.count ?? 0)
        XCTAssertNotNil(s.top(as: DetailScreen.self))
    }
}
