import DocketCore
@testable import DocketUI
import Foundation
import XCTest

/// Issue 13 on the board: archived items through `is:archived`, items of unknown stages in a
/// column of their own with a warning, hidden stages folded, short ids, and the details pane's
/// sprints, archive record and comments.
final class ArchiveAndStagesViewTests: XCTestCase {
    func testIsArchivedShowsArchivedItems() throws {
        var s = demoState(width: 160, height: 30)
        let id = try XCTUnwrap(s.selectedItemID)
        let stage = try XCTUnwrap(s.selectedStage)
        try s.board.archive(id, reason: "not now", by: "test", at: testNow)
        XCTAssertFalse(s.column(stage.id).contains(id))
        try s.applyFilter("is:archived", today: "2026-11-29")
        XCTAssertEqual(s.column(stage.id), [id], "the archived item shows in its stage's column")
        XCTAssertEqual(s.filter?.columns.values.reduce(0) { $0 + $1.count }, 1)
        let title = try XCTUnwrap(s.board.items[id]?.title)
        XCTAssertTrue(render(s).renderText().contains(String(title.prefix(10))))
    }

    func testItemsOfUnknownStagesGetAColumnAndAWarning() throws {
        var board = DemoBoard.make(now: testNow, user: "test")
        let id = try XCTUnwrap(board.column("ready").first)
        try board.modify(id, by: "test", at: testNow) { $0.stage = "redy" }
        var s = AppState(board: board, user: "test", fileLabel: "docket.json", size: Size(width: 200, height: 30))
        s.keepSelectionVisible()
        XCTAssertEqual(s.shownStages.last?.id, "redy")
        XCTAssertEqual(s.shownStages.count, board.stages.count + 1)
        XCTAssertEqual(s.column("redy"), [id])
        let status = try XCTUnwrap(s.status)
        XCTAssertTrue(status.text.contains("redy") && status.text.contains("docket check --fix"), status.text)
        let text = render(s).renderText()
        XCTAssertTrue(text.contains("? redy (unknown)"), text)
        s.select(itemID: id)
        XCTAssertEqual(s.selectedItemID, id, "its card can be selected")
    }

    func testAHiddenStageIsFoldedToAStripWithItsCount() throws {
        var s = demoState(width: 120, height: 24)
        let open = s.board.column("ready").count
        XCTAssertGreaterThan(open, 0)
        XCTAssertEqual(s.layout.columnsShown(from: 0), 5, "six stages do not all fit in 120 cells")
        try s.board.changeStages("hid Ready", by: "test", at: testNow) { try $0.setStageHidden("ready", true) }
        s.keepSelectionVisible()
        let layout = s.layout
        let index = try XCTUnwrap(s.shownStages.firstIndex { $0.id == "ready" })
        XCTAssertEqual(layout.width(ofColumn: index), 1)
        XCTAssertEqual(layout.columnsShown(from: 0), 6, "folded, Ready leaves room for every column")
        XCTAssertGreaterThanOrEqual(layout.columnWidth, BoardLayout.minColumnWidth)
        XCTAssertEqual(s.column("ready"), [], "nothing to select in a folded column")
        let canvas = render(s)
        let x = layout.columnX(index, offset: s.columnOffset)
        XCTAssertEqual(canvas[x, 0].text, "▸")
        let digits = String(open).map(String.init)
        for (k, d) in digits.enumerated() { XCTAssertEqual(canvas[x, 1 + k].text, d) }
        XCTAssertNil(canvasProblem(canvas))
    }

    func testCardsShowShortIDs() throws {
        var board = Board(name: "T", stages: Board.defaultStages())
        try board.addItem(title: "Trello card", stage: "ready", id: "5ceedf1bc6515254e2db2b28", by: "t", at: testNow)
        try board.addItem(title: "Another", stage: "ready", points: 5, id: "5ca52cb575957147d4491882", by: "t", at: testNow)
        let s = AppState(board: board, user: "t", fileLabel: "d.json", size: Size(width: 100, height: 20))
        let text = render(s).renderText()
        XCTAssertFalse(text.contains("5ceedf1bc6515254e2db2b28"), text)
        XCTAssertTrue(text.contains("5cee 5p") || text.contains("5ca5 5p"), text)
    }

    func testDetailsShowSprintsArchiveRecordAndCommentsNewestFirst() throws {
        var board = DemoBoard.make(now: testNow, user: "test")
        let id = try XCTUnwrap(board.column("ready").first)
        try board.modify(id, by: "test", at: testNow) { $0.sprints = ["Sprint 12"] }
        try board.addComment(id, text: "older", by: "ann", at: testNow + 1)
        try board.addComment(id, text: "newer", by: "bob", at: testNow + 2)
        try board.archive(id, reason: "declined: duplicate of the SSO work", by: "pm", at: testNow + 3)
        let rows = DetailRows.rows(try XCTUnwrap(board.items[id]), board: board)
        let values = rows.map(\.value)
        XCTAssertTrue(values.contains("Sprint 12"))
        XCTAssertTrue(values.contains { $0.contains("by pm") && $0.contains("declined: duplicate") }, "\(values)")
        let comments = rows.filter { $0.kind == .field("comment") }.map(\.value)
        XCTAssertEqual(comments.count, 2)
        XCTAssertTrue(comments[0].hasSuffix("bob: newer") && comments[1].hasSuffix("ann: older"), "\(comments)")
        XCTAssertEqual(rows.last?.kind, .description)

        var s = AppState(board: board, user: "test", fileLabel: "docket.json", size: Size(width: 120, height: 40))
        var d = DetailScreen(itemID: id)
        d.row = try XCTUnwrap(rows.firstIndex { $0.kind == .field("comment") })
        s.push(d)
        send(&s, .key(.enter))
        XCTAssertTrue(s.status?.text.contains("docket comment") ?? false, "\(String(describing: s.status))")
        XCTAssertEqual(s.board, board, "a comment row is not edited in the pane")
    }
}
