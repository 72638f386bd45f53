import DocketCore
@testable import DocketUI
import XCTest

/// Triage: the Inbox one item at a time.
final class TriageTests: XCTestCase {
    private func triage(_ s: AppState) -> TriageScreen? {
        return s.top(as: TriageScreen.self)
        return nil
    }

    private func start() throws -> (AppState, [String]) {
        var s = demoState(width: 100, height: 30)
        let inbox = s.board.triageQueue(today: CalendarDay.of(testNow))
        XCTAssertGreaterThan(inbox.count, 3)
        send(&s, .key(.char("t")))
        XCTAssertEqual(triage(s)?.queue, inbox)
        return (s, inbox)
    }

    func testGolden() throws {
        let (s, _) = try start()
        assertGolden(render(s), "triage-100x30")
    }

    func testPriorityPointsThenAcceptIntoAStage() throws {
        var (s, inbox) = try start()
        send(&s, .key(.char("2")), .key(.char("p")))
        send(&s, typed("5"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.board.items[inbox[0]]?.priority, .should)
        XCTAssertEqual(s.board.items[inbox[0]]?.points, 5)
        send(&s, .key(.enter))  // the stage list, on the first todo stage
        send(&s, .key(.char("j")))
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        let target = s.board.stages.filter { $0.kind != .inbox }[1]
        XCTAssertEqual(s.board.items[inbox[0]]?.stage, target.id)
        XCTAssertEqual(triage(s)?.index, 1)
        XCTAssertTrue(render(s).renderText().contains("2 of \(inbox.count)"))
    }

    func testDeclineSnoozeSkipAndUndo() throws {
        var (s, inbox) = try start()
        send(&s, .key(.char("x")))
        send(&s, typed("not our market"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.board.items[inbox[0]]?.archived, true)
        XCTAssertTrue(s.board.items[inbox[0]]?.description.contains("Declined: not our market") ?? false)
        send(&s, .key(.char("z")), .key(.ctrl("u")))
        send(&s, typed("2027-01-04"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.board.items[inbox[1]]?.snoozedUntil, "2027-01-04")
        XCTAssertFalse(s.board.triageQueue(today: "2026-12-01").contains(inbox[1]), "snoozed: out of the queue until then")
        XCTAssertTrue(s.board.triageQueue(today: "2027-01-04").contains(inbox[1]), "back on the day")
        send(&s, .key(.char("s")))
        XCTAssertEqual(triage(s)?.index, 3)
        send(&s, .key(.char("u")))
        XCTAssertNil(s.board.items[inbox[1]]?.snoozedUntil)
        XCTAssertEqual(triage(s)?.index, 1, "back to the item of the undone decision")
    }

    func testDuplicateMovesVotesToTheOriginal() throws {
        var (s, inbox) = try start()
        let original = try XCTUnwrap(s.board.items.values.first { !$0.archived && $0.stage != "inbox" && $0.title.contains("Recurring") })
        let votesBefore = original.votes
        send(&s, .key(.char("D")))
        send(&s, typed(original.id))
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        XCTAssertEqual(s.board.items[inbox[0]]?.duplicateOf, original.id)
        XCTAssertEqual(s.board.items[inbox[0]]?.archived, true)
        XCTAssertEqual(s.board.items[original.id]?.votes, votesBefore + 1 + (demoState().board.items[inbox[0]]?.votes ?? 0))
        send(&s, .key(.char("u")))
        XCTAssertEqual(s.board.items[original.id]?.votes, votesBefore, "one undo restores both")
        XCTAssertEqual(s.board.items[inbox[0]]?.archived, false)
    }

    func testBadSnoozeDateKeepsAskingAndEscEnds() throws {
        var (s, inbox) = try start()
        send(&s, .key(.char("z")), .key(.ctrl("u")))
        send(&s, typed("next week"))
        XCTAssertEqual(send(&s, .key(.enter)), [])
        XCTAssertEqual(s.status?.isError, true)
        XCTAssertNil(s.board.items[inbox[0]]?.snoozedUntil)
        send(&s, .key(.escape), .key(.escape))
        XCTAssertTrue(s.isOnBoard, "back on the board")
    }
}

/// A snooze must end after today.
final class TriageSnoozeTests: XCTestCase {
    func testPastSnoozeIsRefused() {
        var s = demoState(width: 100, height: 30)
        send(&s, .key(.char("t")), .key(.char("z")), .key(.ctrl("u")))
        send(&s, typed("2020-01-01"))
        XCTAssertEqual(send(&s, .key(.enter)), [])
        XCTAssertEqual(s.status?.isError, true)
        XCTAssertTrue(s.status?.text.contains("after today") ?? false, s.status?.text ?? "")
    }
}
