import DocketCore
@testable import DocketUI
import XCTest

/// The backlog list (Tab): rank order, re-ranking, marking and bulk changes.
final class BacklogTests: XCTestCase {
    /// The list opened from the board; `top` then selects its first row.
    private func openBacklog(top: Bool = true) -> AppState {
        var s = demoState(width: 120, height: 24)
        send(&s, .key(.tab))
        if top { send(&s, .key(.char("g"))) }
        return s
    }

    private var backlog: (AppState) -> BacklogScreen? = { s in
        return s.top(as: BacklogScreen.self)
        return nil
    }

    func testOrderIsTheGlobalRankOrderOfOpenItems() throws {
        let s = openBacklog(top: false)
        let b = try XCTUnwrap(backlog(s))
        let done = Set(s.board.stages.filter { $0.kind == .done }.map(\.id))
        let open = s.board.items.values.filter { !$0.archived && !done.contains($0.stage) }
        XCTAssertEqual(b.order.count, open.count)
        let ranks = b.order.map { s.board.items[$0]!.rank }
        XCTAssertEqual(ranks, ranks.sorted())
        XCTAssertEqual(b.selectedID, demoState().selectedItemID, "the board's selection is kept")
    }

    func testJKWorkWhereItemsOfDifferentStagesShareARank() throws {
        var s = openBacklog(top: false)
        let order = try XCTUnwrap(backlog(s)).order
        // The demo ranks each stage on its own, so equal ranks across stages are common.
        let ranks = order.map { s.board.items[$0]!.rank }
        XCTAssertNotEqual(Set(ranks).count, ranks.count, "the demo has shared ranks (else this test proves nothing)")
        for _ in 0..<order.count {
            let before = try XCTUnwrap(backlog(s))
            guard before.row + 1 < before.order.count, let id = before.selectedID else { break }
            XCTAssertEqual(send(&s, .key(.char("J"))), [.save], s.status?.text ?? "")
            let after = try XCTUnwrap(backlog(s))
            XCTAssertEqual(after.order[before.row + 1], id, "moved down exactly one row")
            XCTAssertEqual(after.selectedID, id)
        }
        let final = try XCTUnwrap(backlog(s)).order.map { s.board.items[$0]!.rank }
        XCTAssertEqual(final, final.sorted())
    }

    func testGolden() {
        assertGolden(render(openBacklog(top: false)), "backlog-120x24")
    }

    func testJMovesDownOneAndTabReturnsToTheBoardOnTheSameItem() throws {
        var s = openBacklog()
        let before = try XCTUnwrap(backlog(s)).order
        send(&s, .key(.char("j")))
        let id = try XCTUnwrap(backlog(s)?.selectedID)
        XCTAssertEqual(send(&s, .key(.char("J"))), [.save])
        let after = try XCTUnwrap(backlog(s)).order
        XCTAssertEqual(after[2], id)
        XCTAssertEqual(after[1], before[2])
        XCTAssertEqual(backlog(s)?.selectedID, id)
        send(&s, .key(.tab))
        XCTAssertTrue(s.isOnBoard, "back on the board")
        XCTAssertEqual(s.selectedItemID, id)
    }

    func testMarkedRowsGetAPriorityInOneUndoStep() throws {
        var s = openBacklog()
        let order = try XCTUnwrap(backlog(s)).order
        send(&s, .key(.char(" ")), .key(.char(" ")))
        XCTAssertEqual(backlog(s)?.marked, [order[0], order[1]])
        send(&s, .key(.char("p")))
        send(&s, typed("could"))
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        XCTAssertEqual(s.board.items[order[0]]?.priority, .could)
        XCTAssertEqual(s.board.items[order[1]]?.priority, .could)
        XCTAssertEqual(backlog(s)?.marked, [])
        let priorities = demoState().board
        send(&s, .key(.char("u")))
        XCTAssertEqual(s.board.items[order[0]]?.priority, priorities.items[order[0]]?.priority)
        XCTAssertEqual(s.board.items[order[1]]?.priority, priorities.items[order[1]]?.priority)
        XCTAssertNotNil(backlog(s), "undo keeps the list open")
    }

    func testABadBulkValueChangesNothing() throws {
        var s = openBacklog()
        let before = s.board
        send(&s, .key(.char(" ")), .key(.char(" ")), .key(.char("m")))
        send(&s, typed("Nowhere"))
        XCTAssertEqual(send(&s, .key(.enter)), [])
        XCTAssertEqual(s.status?.isError, true)
        XCTAssertEqual(s.board, before)
        XCTAssertNotNil(backlog(s)?.bulk, "the prompt stays to fix the value")
    }

    func testArchiveMarkedAndGroupByRelease() throws {
        var s = openBacklog()
        let order = try XCTUnwrap(backlog(s)).order
        send(&s, .key(.char(" ")), .key(.char(" ")), .key(.char("d")))
        XCTAssertEqual(s.board.items[order[0]]?.archived, true)
        XCTAssertEqual(s.board.items[order[1]]?.archived, true)
        XCTAssertEqual(backlog(s)?.order.count, order.count - 2)
        send(&s, .key(.char("b")))
        let grouped = try XCTUnwrap(backlog(s)).order
        let releases = grouped.map { s.board.items[$0]!.release }
        let positions = releases.map { r in r.flatMap { name in s.board.releases.firstIndex { $0.name == name } } ?? Int.max }
        XCTAssertEqual(positions, positions.sorted(), "grouped by release, in the board's release order")
        XCTAssertTrue(render(s).renderText().contains("── "), "release headings")
    }
}
