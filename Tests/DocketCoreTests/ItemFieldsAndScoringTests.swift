import DocketCore
import Foundation
import XCTest

/// The triage fields of an item survive a save and load; RICE and WSJF compute as published.
final class ItemFieldsAndScoringTests: XCTestCase {
    func testTriageFieldsRoundTrip() throws {
        var board = Board(name: "b", stages: Board.defaultStages())
        board.scoring = .wsjf
        board.savedFilters = [SavedFilter(name: "my bugs", query: "label:bug @alice")]
        let (item, _) = try board.addItem(title: "Export invoices as PDF", stage: "inbox", by: "t", at: 100)
        try board.modify(item.id, by: "t", at: 200) {
            $0.criteria = [Criterion(text: "PDF has the logo", done: true), Criterion(text: "A4 and Letter")]
            $0.links = [Link(url: "https://example.com/spec", title: "Spec \"v2\""), Link(url: "https://example.com/x")]
            $0.requester = "ACME Corp"
            $0.votes = 7
            $0.due = "2026-12-15"
            $0.parent = "epic0001"
            $0.duplicateOf = nil
            $0.snoozedUntil = "2027-01-04"
            $0.scores.value = 8; $0.scores.criticality = 5; $0.scores.risk = 3; $0.scores.size = 2
        }
        let data = Data(BoardEncoder.encode(board))
        let loaded = try BoardDecoder.decode(data, path: "docket.json").board
        XCTAssertEqual(loaded, board)
        XCTAssertEqual(loaded.items[item.id]?.criteria.first?.done, true)
        XCTAssertEqual(loaded.score(loaded.items[item.id]!), 8)
        XCTAssertEqual(BoardEncoder.encode(loaded), BoardEncoder.encode(board), "canonical")
    }

    func testBadDueDateIsRejectedWithItsLine() throws {
        var board = Board(name: "b", stages: Board.defaultStages())
        let (item, _) = try board.addItem(title: "x", stage: "inbox", by: "t", at: 1)
        try board.modify(item.id, by: "t", at: 2) { $0.due = "2026-12-15" }
        let text = String(decoding: BoardEncoder.encode(board), as: UTF8.self).replacingOccurrences(of: "2026-12-15", with: "2026-02-31")
        XCTAssertThrowsError(try BoardDecoder.decode(Data(text.utf8), path: "d.json")) { error in
            let e = error as? BoardFileError
            XCTAssertTrue(e?.message.contains("expected a date like") ?? false, "\(error)")
            XCTAssertEqual(e?.line, text.components(separatedBy: "\n").firstIndex { $0.contains("2026-02-31") }.map { $0 + 1 })
        }
    }

    func testRICE() {
        var s = ScoreInputs()
        s.reach = 500; s.impact = 2; s.confidence = 80; s.effort = 4
        XCTAssertEqual(ScoringModel.rice.score(s)!, 200, accuracy: 1e-9)  // 500 × 2 × 0.8 ÷ 4
        s.effort = 0
        XCTAssertNil(ScoringModel.rice.score(s), "no score without effort")
        s.effort = 0.5; s.confidence = nil
        XCTAssertNil(ScoringModel.rice.score(s))
    }

    func testWSJF() {
        var s = ScoreInputs()
        s.value = 13; s.criticality = 8; s.risk = 3; s.size = 5
        XCTAssertEqual(ScoringModel.wsjf.score(s)!, 4.8, accuracy: 1e-9)  // (13 + 8 + 3) ÷ 5
        XCTAssertNil(ScoringModel.none.score(s))
        XCTAssertNil(ScoringModel.rice.score(s))
    }

    func testListJSONHasScoreFields() throws {
        var board = Board(name: "b", stages: Board.defaultStages())
        let (item, _) = try board.addItem(title: "x", stage: "inbox", by: "t", at: 1)
        try board.modify(item.id, by: "t", at: 2) { $0.scores.reach = 10; $0.scores.impact = 1; $0.scores.confidence = 50; $0.scores.effort = 1 }
        let json = ItemListJSON.encode(board.itemsInBoardOrder(), board: board)
        let objects = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertTrue(objects[0]["score"] is NSNull, "null while the board scores nothing")
        board.scoring = .rice
        let again = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ItemListJSON.encode(board.itemsInBoardOrder(), board: board).utf8)) as? [[String: Any]])
        XCTAssertEqual(again[0]["score"] as? Double, 5)
        XCTAssertEqual(again[0]["votes"] as? Int, 0)
        XCTAssertTrue(again[0]["due"] is NSNull)
    }
}
