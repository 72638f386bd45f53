import DocketCore
import Foundation
import XCTest

/// Issue 13's archive screen on the real screen: the GoCD Trello board (78 archived cards, some
/// from archived lists), `D` opens the archive, `/` finds a card of the archived list
/// "Dashboard Page", `r` restores it to the first stage (said in the status line), and the
/// saved file has it back on the board.
final class ArchiveScreenEndToEndTests: TmuxTestCase {
    func testRestoreACardOfAnArchivedTrelloListFromTheArchiveScreen() throws {
        guard let export = E2EPaths.sharedData("trello-gocd-test-drive.json") else {
            throw XCTSkip("trello-gocd-test-drive.json is not in ../shared/data: the GoCD archive cannot be opened")
        }
        let t = try session()
        let url = t.dir.appendingPathComponent("gocd.json")
        try t.runDocket(["import", export.path, "--new", url.path])
        let imported = try BoardStore.load(url).board
        let id = "5cd477ea64452a5f8b07be2b"
        let card = try XCTUnwrap(imported.items[id], "the GoCD card of the archived list Dashboard Page")
        XCTAssertTrue(card.archived)
        XCTAssertEqual(card.archivedList, "Dashboard Page")
        let archived = imported.items.values.filter(\.archived).count
        let first = try XCTUnwrap(imported.stages.first)
        let short = imported.shortID(id)

        try t.startDocket([url.path], width: 140, height: 35)
        try t.waitForText("gocd.json")
        try t.keys("D")
        try t.waitForText("Archive: \(archived) archived items")
        try t.keys("/")
        try t.type(short)
        try t.waitForText("1 match")
        try t.keys("Enter")
        let found = try t.waitForText("list “Dashboard Page”")
        XCTAssertTrue(found.contains(String(card.title.prefix(20))), found)
        try t.keys("r")
        try t.waitForText("restored \(short) to \(first.name)")
        let saved = try t.waitForBoard(url, "\(short) restored") { $0.items[id]?.archived == false }
        XCTAssertEqual(saved.items[id]?.stage, first.id, "a card of an archived list goes to the first stage")
        XCTAssertTrue(saved.column(first.id).contains(id))
        XCTAssertEqual(saved.items.values.filter(\.archived).count, archived - 1, "only that card")
        try t.waitForText("Archive: \(archived - 1) archived items")

        try t.keys("Escape")  // the search is kept: Esc leaves the archive
        try t.waitForNoText("Archive:")
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
    }
}

/// Stage keys and comments on the real screen: `>` moves the selected stage, the stage menu
/// (`s`, `t`) sets its SLA, `C` in the details pane adds a comment; each lands in the file.
final class StageKeysAndCommentEndToEndTests: TmuxTestCase {
    func testMoveAStageSetItsSLAAndCommentOnAnItem() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["Call the customer back"])
        let stages = try BoardStore.load(url).board.stages.map(\.id)
        XCTAssertEqual(stages.first, "inbox")
        try t.startDocket([url.path], width: 120, height: 30)
        try t.waitForText("Call the customer back")
        try t.keys(">")
        try t.waitForBoard(url, "Inbox second") { $0.stages.map(\.id) == [stages[1], stages[0]] + stages.dropFirst(2) }
        try t.keys("s")
        try t.waitForText("WIP limit")
        try t.keys("t")
        try t.type("3d")
        try t.keys("Enter")
        try t.waitForBoard(url, "an SLA of 3 days on Inbox") { $0.stages.first { $0.id == "inbox" }?.slaDays == 3 }
        try t.keys("Escape")
        try t.waitForNoText("WIP limit")
        try t.keys("Enter")
        try t.waitForText("Assignees")
        try t.keys("C")
        try t.waitForText("New comment")
        try t.type("Promised a call on Monday")
        try t.keys("Enter")
        let board = try t.waitForBoard(url, "the comment") { !($0.items[ids[0]]?.comments.isEmpty ?? true) }
        XCTAssertEqual(board.items[ids[0]]?.comments.last?.text, "Promised a call on Monday")
        try t.waitForText("Promised a call on Monday")
        try t.keys("Escape")
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
    }
}
