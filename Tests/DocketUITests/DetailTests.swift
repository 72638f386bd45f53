import DocketCore
@testable import DocketUI
import XCTest

/// The item detail pane: every field, edited in place and checked on the spot.
final class DetailTests: XCTestCase {
    private func openDetail(width: Int = 120, height: Int = 30) throws -> (AppState, String) {
        var s = demoState(width: width, height: height)
        send(&s, .key(.char("l")), .key(.char("l")))
        let id = try XCTUnwrap(s.selectedItemID)
        send(&s, .key(.enter))
        guard let d = s.top(as: DetailScreen.self) else { throw XCTSkip("Enter did not open the detail pane") }
        XCTAssertEqual(d.itemID, id)
        return (s, id)
    }

    private func selectRow(_ s: inout AppState, label: String) throws {
        guard var d = s.top(as: DetailScreen.self), let item = s.board.items[d.itemID] else { return XCTFail("not in detail") }
        d.row = try XCTUnwrap(DetailRows.rows(item, board: s.board).firstIndex { $0.label == label }, label)
        s.routes[s.routes.count - 1] = d
    }

    func testDetailPaneGoldenBesideTheBoard() throws {
        let (s, _) = try openDetail()
        assertGolden(render(s), "detail-120x30")
    }

    func testDetailPaneFullScreenWhenNarrow() throws {
        let (s, _) = try openDetail(width: 60, height: 24)
        assertGolden(render(s), "detail-60x24")
    }

    func testEditPointsInPlaceAndUndo() throws {
        var (s, id) = try openDetail()
        let before = s.board.items[id]!.points
        try selectRow(&s, label: "Points")
        send(&s, .key(.enter), .key(.ctrl("u")))
        send(&s, typed("8"))
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        XCTAssertEqual(s.board.items[id]?.points, 8)
        send(&s, .key(.char("u")))
        XCTAssertEqual(s.board.items[id]?.points, before)
        guard s.top is DetailScreen else { return XCTFail("undo keeps the pane open") }
    }

    func testInvalidValueKeepsTheEditorOpenWithTheReason() throws {
        var (s, id) = try openDetail()
        try selectRow(&s, label: "Due")
        send(&s, .key(.enter))
        send(&s, typed("2026-02-31"))
        XCTAssertEqual(send(&s, .key(.enter)), [])
        XCTAssertEqual(s.status?.isError, true)
        XCTAssertTrue(s.status?.text.contains("YYYY-MM-DD") ?? false, s.status?.text ?? "")
        guard let d = s.top(as: DetailScreen.self) else { return XCTFail() }
        XCTAssertEqual(d.editor?.text, "2026-02-31", "the text is kept to fix it")
        XCTAssertNil(s.board.items[id]?.due)
        send(&s, .key(.escape))
        guard let d2 = s.top(as: DetailScreen.self) else { return XCTFail() }
        XCTAssertNil(d2.editor)
    }

    func testUnknownReleaseAndPersonAreCreatedAndSaid() throws {
        var (s, id) = try openDetail()
        try selectRow(&s, label: "Assignees")
        send(&s, .key(.enter), .key(.ctrl("u")))
        send(&s, typed("alice, @newbie"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.board.items[id]?.assignees, ["alice", "newbie"])
        XCTAssertTrue(s.status?.text.contains("person newbie") ?? false, s.status?.text ?? "")
        XCTAssertTrue(s.board.people.contains { $0.handle == "newbie" })
    }

    func testAcceptanceCriteriaAddAndTick() throws {
        var (s, id) = try openDetail()
        send(&s, .key(.char("c")))
        send(&s, typed("PDF shows the logo"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.board.items[id]?.criteria, [Criterion(text: "PDF shows the logo")])
        try selectRow(&s, label: "Acceptance")
        send(&s, .key(.char(" ")))
        XCTAssertEqual(s.board.items[id]?.criteria.first?.done, true)
        send(&s, .key(.escape))
        XCTAssertTrue(s.isOnBoard, "back on the board")
    }

    func testDescriptionRowOpensTheEditor() throws {
        var (s, id) = try openDetail()
        try selectRow(&s, label: "Description")
        XCTAssertEqual(send(&s, .key(.enter)), [.editDescription(itemID: id, text: s.board.items[id]!.description)])
    }

    func testWrapCutsLongWordsAndKeepsWidth() {
        let lines = Wrap.lines("short words then https://example.com/" + String(repeating: "x", count: 50), width: 20, maxLines: 100)
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 20 }, "\(lines)")
        XCTAssertEqual(lines.first, "short words then")
    }
}

/// `w` in the detail pane adds a link.
final class DetailLinkTests: XCTestCase {
    func testAddALinkWithATitle() throws {
        var s = demoState(width: 120, height: 30)
        let id = try XCTUnwrap(s.selectedItemID)
        send(&s, .key(.enter), .key(.char("w")))
        send(&s, typed("https://example.com/spec The spec"))
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        XCTAssertEqual(s.board.items[id]?.links.last, Link(url: "https://example.com/spec", title: "The spec"))
        XCTAssertTrue(render(s).renderText().contains("The spec <https://example.com/spec>"))
    }
}
