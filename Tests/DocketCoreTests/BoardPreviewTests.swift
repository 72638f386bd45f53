import Foundation
import XCTest
@testable import DocketCore

/// The preview of a large board (`BoardDecoder.preview`): what a first frame needs, exactly as
/// the full read has it.
final class BoardPreviewTests: XCTestCase {
    private let t0: Timestamp = 1_795_953_600

    /// A board just large enough to be previewed, with awkward text, archived items, an item of
    /// an unknown stage and a header with filters and releases.
    private func largeBoard() throws -> Board {
        var rng = SeededGenerator(seed: 61)
        var board = GeneratedBoard.make(count: BoardReader.previewMinimum + 300, seed: 61)
        for id in board.items.keys.sorted() where rng.below(40) == 0 {
            _ = try board.modify(id, by: "t", at: t0 + 5) { item in
                item.title = ["Quote \" and \\ back", "Line\nbreak", "Ünïcødé ✓ 漢字 🇺🇦", "{\"stage\": \"done\"},\n{"][rng.below(4)]
                if rng.below(2) == 0 { item.extra["zNewer"] = "{\"stage\": [1, 2]}" }
            }
        }
        for id in board.items.keys.sorted() where rng.below(30) == 0 { _ = try board.archive(id, by: "t", at: t0 + 7) }
        board.upsertForTest(Item(id: "unknown-stage-item", title: "Lost", stage: "gone", rank: "m", created: t0))
        board.savedFilters = [SavedFilter(name: "bugs", query: "label:bug")]
        return board
    }

    func testAPreviewPlacesEveryItemAsTheFullReadDoesAndHoldsTheTopCardsInFull() throws {
        let data = Data(BoardEncoder.encode(try largeBoard()))
        let full = try BoardDecoder.decode(data, path: "b.json")
        let preview = try XCTUnwrap(BoardDecoder.preview(data, path: "b.json", top: 40))
        XCTAssertTrue(preview.board.headerEquals(full.board), "the header is read in full")
        XCTAssertEqual(preview.version, full.version)
        XCTAssertEqual(preview.board.items.count, full.board.items.count)
        XCTAssertEqual(Set(preview.board.columns.keys), Set(full.board.columns.keys))
        for (stage, ids) in full.board.columns {
            XCTAssertEqual(preview.board.column(stage), ids, "column \(stage) in the same order")
            XCTAssertEqual(preview.board.points(inStage: stage), full.board.points(inStage: stage), accuracy: 1e-9, stage)
            for id in ids.prefix(40) { XCTAssertEqual(preview.board.items[id], full.board.items[id], "top card \(id) of \(stage) in full") }
            if let deep = ids.dropFirst(40).last {
                XCTAssertEqual(preview.board.items[deep]?.title, "", "a card further down is a stand-in")
            }
        }
        XCTAssertTrue(preview.board.activity.isEmpty, "the log is not read")
        XCTAssertFalse(full.board.activity.isEmpty)
    }

    func testSmallNonCanonicalOrDamagedBoardsAreNotPreviewed() throws {
        let board = try largeBoard()
        let data = Data(BoardEncoder.encode(board))
        XCTAssertNil(BoardDecoder.preview(Data(BoardEncoder.encode(GeneratedBoard.make(count: 500))), path: "b.json", top: 40), "small")
        // Laid out otherwise: a space before each item's line.
        let spaced = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n{\"id\"", with: "\n {\"id\"").utf8)
        XCTAssertTrue(BoardDecoder.preview(spaced, path: "b.json", top: 40) == nil, "not canonical")
        XCTAssertNoThrow(try BoardDecoder.decode(spaced, path: "b.json"), "but a board all the same")
        // A broken line of a top card, and a broken line anywhere.
        let top = try XCTUnwrap(board.column("inbox").first)
        let brokenTop = Data(String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "{\"id\": \"\(top)\", \"title\": \"", with: "{\"id\": \"\(top)\", \"title\": 3, \"x\": \"").utf8)
        XCTAssertTrue(BoardDecoder.preview(brokenTop, path: "b.json", top: 40) == nil, "a top card that does not read")
        let deep = try XCTUnwrap(board.column("done").last)
        let unclosed = Data(String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "{\"id\": \"\(deep)\", \"title\": \"", with: "{\"id\": \"\(deep)\", \"title\": [\"").utf8)
        XCTAssertTrue(BoardDecoder.preview(unclosed, path: "b.json", top: 40) == nil, "a line the skim cannot follow")
    }

    func testAValueTheSkimDoesNotReadIsLeftToTheFullRead() throws {
        // A wrong priority or a bad escape on a card far down: the preview opens, the full read
        // refuses the file with its line and column (the session then ends with that error).
        let board = try largeBoard()
        let deep = try XCTUnwrap(board.column("done").last)
        let text = String(decoding: Data(BoardEncoder.encode(board)), as: UTF8.self)
        let line = "{\"id\": \"\(deep)\", \"title\": \""
        for (wrong, message) in [("\"priority\": \"urgent\", \"title\": \"", "expected must, should, could or wont"),
                                 ("\"title\": \"\\q", "unknown escape")] {
            let data = Data(text.replacingOccurrences(of: line, with: "{\"id\": \"\(deep)\", " + wrong).utf8)
            XCTAssertTrue(BoardDecoder.preview(data, path: "b.json", top: 40) != nil, message)
            XCTAssertThrowsError(try BoardDecoder.decode(data, path: "b.json")) { error in
                XCTAssertTrue("\(error)".contains(message), "\(error)")
            }
        }
    }
}
