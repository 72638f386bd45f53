import DocketCore
import Foundation
import XCTest

/// A board open in the terminal and a `docket add` from another shell: nothing is lost.
final class ConcurrentEditEndToEndTests: TmuxTestCase {
    func testAnItemAddedFromTheCommandLineShowsUpAndSurvivesTheNextSave() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["First item"])
        try t.startDocket([url.path])
        try t.waitForText("First item")

        let added = try t.runDocket(["add", "From the CLI", "-b", url.path]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        // The open board notices the change on disk by itself (about once a second).
        try t.waitForText("From the CLI")
        try t.keys("L")
        try t.waitForBoard(url, "the move and the other item") {
            $0.items[ids[0]]?.stage == "ideas" && $0.items[added]?.title == "From the CLI"
        }
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
        let board = try BoardStore.load(url).board
        XCTAssertEqual(board.items[ids[0]]?.stage, "ideas")
        XCTAssertEqual(board.items[added]?.stage, "inbox")
    }

    func testAFileBrokenElsewhereIsNeverOverwritten() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["First item"])
        try t.startDocket([url.path])
        try t.waitForText("First item")
        let broken = "<<<<<<< HEAD\n" + (try String(contentsOf: url, encoding: .utf8))
        try Data(broken.utf8).write(to: url)
        try t.keys("L")
        try t.waitForText("NOT SAVED")
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), broken)
        // Fixed by hand: the pending change is saved, merged.
        try Data(broken.dropFirst("<<<<<<< HEAD\n".count).utf8).write(to: url)
        try t.waitForBoard(url, "the move saved after the fix") { $0.items[ids[0]]?.stage == "ideas" }
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
    }
}
