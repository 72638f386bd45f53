import XCTest
import DocketCore

final class UndoHistoryTests: XCTestCase {
    let t0: Timestamp = 1_795_961_100

    private func assertSameContent(_ a: Board, _ b: Board, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.items, b.items, file: file, line: line)
        XCTAssertEqual(a.header, b.header, file: file, line: line)
        XCTAssertEqual(a.columns, b.columns, file: file, line: line)
    }

    func testUndoThenRedoRestoresTheSameBoard() throws {
        var board = try sampleBoard()
        var history = UndoHistory()
        history.record(try board.move("aaaa0003", toStage: "review", by: "a", at: t0 + 1))
        history.record(try board.modify("aaaa0002", by: "a", at: t0 + 2) { $0.title = "New title"; $0.labels = ["new-label"] })
        history.record(try XCTUnwrap(board.rerank("aaaa0002", offset: -1, by: "a", at: t0 + 3)))
        let edited = board

        XCTAssertNotNil(history.undo(&board, by: "a", at: t0 + 4))
        XCTAssertNotNil(history.undo(&board, by: "a", at: t0 + 5))
        XCTAssertNotNil(history.undo(&board, by: "a", at: t0 + 6))
        assertSameContent(board, try sampleBoard())
        XCTAssertNil(history.undo(&board, by: "a", at: t0 + 7), "nothing left to undo")

        for _ in 0..<3 { XCTAssertNotNil(history.redo(&board, by: "a", at: t0 + 8)) }
        assertSameContent(board, edited)
        XCTAssertNil(history.redo(&board, by: "a", at: t0 + 9))
    }

    func testUndoAndRedoAreLogged() throws {
        var board = try sampleBoard()
        var history = UndoHistory()
        history.record(try board.archive("aaaa0003", by: "a", at: t0 + 1))
        let count = board.activity.count
        let edit = history.undo(&board, by: "zed", at: t0 + 2)
        XCTAssertEqual(edit?.summary, "archived aaaa0003")
        XCTAssertEqual(board.activity.count, count + 1)
        XCTAssertEqual(board.activity.last, Activity(at: t0 + 2, by: "zed", item: "aaaa0003", action: "undo", to: "archived aaaa0003"))
        XCTAssertEqual(board.column("doing"), ["aaaa0003"])
    }

    func testNewEditClearsRedo() throws {
        var board = try sampleBoard()
        var history = UndoHistory()
        history.record(try board.move("aaaa0001", toStage: "done", by: "a", at: t0 + 1))
        _ = history.undo(&board, by: "a", at: t0 + 2)
        XCTAssertEqual(history.undone.count, 1)
        history.record(try board.move("aaaa0002", toStage: "done", by: "a", at: t0 + 3))
        XCTAssertTrue(history.undone.isEmpty)
        XCTAssertNil(history.redo(&board, by: "a", at: t0 + 4))
        XCTAssertEqual(board.items["aaaa0001"]?.stage, "ready", "the undone move stays undone")
    }

    func testEmptyEditsAreNotRecorded() throws {
        var board = try sampleBoard()
        var history = UndoHistory()
        history.record(try board.modify("aaaa0001", by: "a", at: t0) { $0.title = "First" })
        XCTAssertTrue(history.done.isEmpty)
    }

    func testUndoOfAddRemovesTheItemAndItsNewNames() throws {
        var board = try sampleBoard()
        let before = board
        var history = UndoHistory()
        let (item, edit) = try board.addItem(title: "Added", stage: "inbox", labels: ["fresh"], assignees: ["newbie"],
                                             by: "a", at: t0 + 1)
        history.record(edit)
        XCTAssertEqual(board.column("inbox"), [item.id])
        _ = history.undo(&board, by: "a", at: t0 + 2)
        XCTAssertNil(board.items[item.id])
        XCTAssertEqual(board.column("inbox"), [])
        XCTAssertFalse(board.labels.contains { $0.name == "fresh" })
        XCTAssertFalse(board.people.contains { $0.handle == "newbie" })
        assertSameContent(board, before)
    }

    func testMergedEditsUndoAsOneStep() throws {
        var board = try sampleBoard()
        let before = board
        var history = UndoHistory()
        let e1 = try board.move("aaaa0001", toStage: "doing", by: "a", at: t0 + 1)
        let e2 = try board.modify("aaaa0001", by: "a", at: t0 + 2) { $0.points = 8 }
        history.record(e1.merged(with: e2, summary: "started aaaa0001"))
        XCTAssertEqual(history.done.count, 1)
        _ = history.undo(&board, by: "a", at: t0 + 3)
        assertSameContent(board, before)
    }
}
