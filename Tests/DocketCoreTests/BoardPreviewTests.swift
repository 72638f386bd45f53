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

    func testAPreviewHoldsTheFirstCardsOfEveryColumnInFullAndCountsTheWholeColumns() throws {
        var board = try largeBoard()
        // Long ids that share a prefix (their short forms depend on each other), one archived.
        for (k, id) in ["trello-aaaa1", "trello-aaaa2", "trello-aaaa3"].enumerated() {
            board.upsertForTest(Item(id: id, title: "Long \(k)", stage: "inbox", rank: "0\(k + 1)", created: t0))
        }
        _ = try board.archive("trello-aaaa3", by: "t", at: t0 + 9)
        let data = Data(BoardEncoder.encode(board))
        let full = try BoardDecoder.decode(data, path: "b.json")
        let preview = try XCTUnwrap(BoardDecoder.preview(data, path: "b.json", top: 40))
        XCTAssertTrue(preview.board.headerEquals(full.board), "the header is read in full")
        XCTAssertEqual(preview.version, full.version)
        XCTAssertEqual(Set(preview.board.columns.keys), Set(full.board.columns.keys))
        var cards = 0
        for (stage, ids) in full.board.columns {
            XCTAssertEqual(preview.board.column(stage), Array(ids.prefix(40)), "the first cards of \(stage), in the same order")
            XCTAssertEqual(preview.board.openCount(inStage: stage), ids.count, "the whole column of \(stage) is counted")
            XCTAssertEqual(full.board.openCount(inStage: stage), ids.count)
            XCTAssertEqual(preview.board.points(inStage: stage), full.board.points(inStage: stage), accuracy: 1e-9, stage)
            for id in ids.prefix(40) {
                XCTAssertEqual(preview.board.items[id], full.board.items[id], "card \(id) of \(stage) in full")
                XCTAssertEqual(preview.board.shortID(id), full.board.shortID(id), "card \(id) shows the same short id")
            }
            cards += min(40, ids.count)
        }
        XCTAssertGreaterThan(full.board.column("done").count, 80, "a column longer than twice the cards kept")
        XCTAssertEqual(preview.board.items.count, cards, "nothing but the cards is made into items")
        XCTAssertEqual(preview.board.shortID("trello-aaaa2"), "trello-aaaa2", "the archived long id is still told apart")
        XCTAssertTrue(preview.board.activity.isEmpty, "the log is not read")
        XCTAssertFalse(full.board.activity.isEmpty)
    }

    /// The columns gathered in parts, cut as they fill, give each column's first cards as
    /// sorting all of it does, with its count and points.
    func testPreviewColumnsGatheredInPartsKeepTheFirstCardsOfEachColumn() {
        var rng = SeededGenerator(seed: 7)
        let stages = ["a", "b", "c"]
        var placements: [ItemPlacement] = []
        for k in 0..<3_000 {
            // Few distinct ranks, so that ties are decided by the id.
            let rank = String(repeating: "m", count: 1 + rng.below(9)) + String(rng.below(20))
            placements.append(ItemPlacement(id: String(format: "id%05d", (k * 7_919) % 3_000), stage: stages[rng.below(3)], rank: rank,
                                                    archived: rng.below(10) == 0, points: rng.below(3) == 0 ? nil : Double(rng.below(8))))
        }
        let top = 25
        var whole = PreviewColumns(top: top)
        var part = PreviewColumns(top: top)
        for (k, p) in placements.enumerated() {
            part.add(p, line: k)
            if rng.below(400) == 0 { whole.merge(part); part = PreviewColumns(top: top) }
        }
        whole.merge(part)
        for stage in stages {
            let open = placements.enumerated().filter { $0.element.stage == stage && !$0.element.archived }
            let sorted = open.sorted { ($0.element.rank, $0.element.id) < ($1.element.rank, $1.element.id) }
            XCTAssertEqual(whole.firstCards(stage).map(\.key.id), sorted.prefix(top).map(\.element.id), stage)
            XCTAssertEqual(whole.firstCards(stage).map(\.line), sorted.prefix(top).map(\.offset), stage)
            XCTAssertEqual(whole.columns[stage]?.count, open.count, stage)
            XCTAssertEqual(whole.columns[stage]?.points ?? -1, open.reduce(0) { $0 + ($1.element.points ?? 0) }, accuracy: 1e-9, stage)
        }
        XCTAssertEqual(whole.firstCards("none").count, 0)
    }

    func testSmallNonCanonicalOrDamagedBoardsAreNotPreviewed() throws {
        var board = try largeBoard()
        var aged = board
        aged.extra["showAges"] = "true"
        XCTAssertNil(BoardDecoder.preview(Data(BoardEncoder.encode(aged)), path: "b.json", top: 40),
                     "a board showing card ages (they come from the log, which a preview does not read)")
        board.extra["showAges"] = "false"
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
        // One id on two lines, both among a column's first cards: not shown twice.
        let twiceText = String(decoding: data, as: UTF8.self)
        let topLine = try XCTUnwrap(twiceText.components(separatedBy: "\n").first { $0.hasPrefix("{\"id\": \"\(top)\"") })
        let twice = Data(twiceText.replacingOccurrences(of: topLine, with: topLine.hasSuffix(",") ? topLine + "\n" + topLine : topLine + ",\n" + topLine).utf8)
        XCTAssertTrue(BoardDecoder.preview(twice, path: "b.json", top: 40) == nil, "an id on two lines among the first cards")
        XCTAssertThrowsError(try BoardDecoder.decode(twice, path: "b.json"))
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
