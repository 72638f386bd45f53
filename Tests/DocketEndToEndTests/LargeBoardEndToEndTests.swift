import DocketCore
import Foundation
import XCTest

/// A 100,000-item board (generated, seeded, through DocketCore) opened by the real binary in
/// tmux: the first frame shows the right cards. No time is asserted (speed is measured by the
/// benchmarks in Benchmarks/); the deadline only bounds the wait for a debug build.
final class LargeBoardEndToEndTests: TmuxTestCase {
    func testFirstFrameOfA100kBoardShowsTheTopCardsOfEveryColumn() throws {
        let t = try session()
        let board = GeneratedBoard.make(count: 100_000)
        let url = t.dir.appendingPathComponent("big.json")
        let bytes = Data(BoardEncoder.encode(board))
        try bytes.write(to: url)

        try t.startDocket([url.path], width: 160, height: 50)
        let screen = try t.waitForScreen("the board, saved", timeout: 90) { screen in
            screen.contains("Inbox") && (screenLines(screen).last ?? "").contains("saved")
        }

        // Each open stage's first card by rank: its title ("Item N of …") is on screen.
        let open = board.stages.filter { $0.kind != .done && !$0.hidden }
        XCTAssertFalse(open.isEmpty)
        for stage in open {
            let column = board.column(stage.id)
            XCTAssertGreaterThan(column.count, 50, "the generated board puts many items in \(stage.name)")
            let first = try XCTUnwrap(board.items[column[0]])
            XCTAssertTrue(screen.contains(cardText(first)), "\(stage.name)'s first card \(cardText(first)) is not on the first frame:\n\(screen)")
            // A card from the bottom of the column is not (the frame shows the top).
            let last = try XCTUnwrap(board.items[column[column.count - 1]])
            XCTAssertFalse(screen.contains(cardText(last)), "\(stage.name)'s last card \(cardText(last)) is on the first frame:\n\(screen)")
        }
        // Opening wrote nothing: the file is as it was.
        XCTAssertTrue(try Data(contentsOf: url) == bytes, "opening the board changed its file")
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(timeout: 30), 0)
    }

    /// Keys typed while a large board is still being read (it opens on a preview) wait for the
    /// whole board and are then applied to it: the move is saved, and nothing else changes.
    func testKeysTypedWhileTheBoardIsReadAreAppliedToTheWholeBoard() throws {
        let t = try session()
        let board = GeneratedBoard.make(count: 100_000, seed: 5)
        let url = t.dir.appendingPathComponent("big.json")
        try Data(BoardEncoder.encode(board)).write(to: url)
        let inbox = board.column("inbox"), second = inbox[1]

        try t.startDocket([url.path], width: 160, height: 50)
        _ = try t.waitForScreen("the first frame", timeout: 90) { $0.contains("Inbox") }
        try t.keys("j", "L")
        _ = try t.waitForScreen("the move", timeout: 90) { $0.contains("moved \(second)") }
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(timeout: 60), 0)

        let saved = try BoardStore.load(url).board
        XCTAssertEqual(saved.items[second]?.stage, "ideas", "the second card of the Inbox moved right")
        XCTAssertEqual(saved.items.count, board.items.count)
        let deep = try XCTUnwrap(board.column("done").last)
        XCTAssertEqual(saved.items[deep], board.items[deep], "a card far down is saved whole")
        XCTAssertEqual(saved.activity.count, board.activity.count + 1)
    }

    /// What a card shows of an item's title: "Item N " (the number, then a space, so item 12
    /// is not found in item 123's card).
    private func cardText(_ item: Item) -> String {
        String(item.title.prefix { $0 != "o" })
    }
}
