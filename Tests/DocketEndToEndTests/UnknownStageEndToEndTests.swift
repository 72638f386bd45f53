import DocketCore
import Foundation
import XCTest

/// Issue 13 on the real screen: an item whose stage the board does not list (a hand edit) is
/// shown in a column of its own with a status-line warning naming `docket check --fix`, and
/// `f is:archived` shows archived items.
final class UnknownStageEndToEndTests: TmuxTestCase {
    func testUnknownStageColumnAndWarningThenArchivedFilter() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["Lost in a typo", "Put away earlier", "Still here"])
        // The hand edit of the issue: `"stage": "redy"`.
        var text = try String(contentsOf: url, encoding: .utf8)
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("\"id\": \"\(ids[0])\"") })
        text = text.replacingOccurrences(of: String(line), with: line.replacingOccurrences(of: "\"stage\": \"inbox\"", with: "\"stage\": \"redy\""))
        try Data(text.utf8).write(to: url)
        try t.runDocket(["archive", ids[1], "--reason", "done elsewhere", "-b", url.path])

        try t.startDocket([url.path], width: 200, height: 30)
        let screen = try t.waitForScreen("the unknown column and the warning") { s in
            s.contains("? redy (unknown)") && s.contains("docket check --fix")
        }
        XCTAssertTrue(screen.contains("Lost in a typo"), screen)
        XCTAssertFalse(screen.contains("Put away earlier"), "archived: off the board")

        try t.keys("f")
        try t.type("is:archived")
        try t.keys("Enter")
        let filtered = try t.waitForText("Put away earlier")
        XCTAssertFalse(filtered.contains("Still here"), filtered)
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
        let board = try BoardStore.load(url).board
        XCTAssertEqual(board.items[ids[0]]?.stage, "redy", "opening the board never moves the item")
    }
}
