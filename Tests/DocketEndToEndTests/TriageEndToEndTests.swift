import DocketCore
import Foundation
import XCTest

/// Triage of a real board: the Clipkit Trello export (MIT), imported, its first list made the
/// Inbox, then two items decided in the terminal.
final class TriageEndToEndTests: TmuxTestCase {
    func testTriageTheInboxOfAnImportedTrelloBoard() throws {
        guard let export = E2EPaths.sharedData("trello-clipkit-ja.json") else {
            throw XCTSkip("trello-clipkit-ja.json not found in ../shared/data or Tests/DocketCoreTests/Fixtures")
        }
        let t = try session()
        let url = t.dir.appendingPathComponent("clipkit.json")
        try t.runDocket(["import", export.path, "--new", url.path])
        let imported = try BoardStore.load(url).board
        let inbox = imported.stages[0]
        let queue = imported.column(inbox.id)
        XCTAssertGreaterThan(queue.count, 2)

        try t.startDocket([url.path], width: 120, height: 36)
        try t.waitForText(inbox.name)
        // The first list becomes the Inbox, through the command palette.
        try t.keys(":")
        try t.type("stage kind inbox")
        try t.keys("Enter")
        // The command's status, not the typed text: keys sent before it acts would be read
        // with the typed line (a burst of text with a line break is a paste, issue 14).
        try t.waitForScreen("the stage kind set") { (screenLines($0).last ?? "").contains(": kind inbox") }
        try t.keys("t")
        try t.waitForText("Triage · 1 of \(queue.count)")

        // First item: must, 3 points, accepted into the first stage offered.
        try t.keys("1", "p")
        try t.type("3")
        try t.keys("Enter", "Enter")
        try t.waitForText("Accept into which stage?")
        try t.keys("Enter")
        try t.waitForText("Triage · 2 of \(queue.count)")
        // Second item: declined with a reason.
        try t.keys("x")
        try t.type("out of scope")
        try t.keys("Enter")
        try t.waitForText("Triage · 3 of \(queue.count)")
        try t.waitForBoard(url, "both decisions saved") {
            $0.items[queue[0]]?.priority == .must && $0.items[queue[0]]?.points == 3
                && $0.items[queue[0]]?.stage != inbox.id && $0.items[queue[1]]?.archived == true
        }
        // Esc and q in one write would be Alt-q: send them apart, the second once Esc acted.
        try t.keys("Escape")
        try t.waitForNoText("Triage ·")
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
        let board = try BoardStore.load(url).board
        XCTAssertEqual(board.stages[0].kind, .inbox)
        XCTAssertTrue(board.items[queue[1]]?.description.contains("Declined: out of scope") ?? false)
    }
}
