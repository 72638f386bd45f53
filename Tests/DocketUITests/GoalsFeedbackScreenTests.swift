import DocketCore
@testable import DocketUI
import XCTest

/// The goals screen (`O`) and the feedback inbox (`I`): goldens with styles, linking a note to
/// an item found by typing, turning a note into an item, undo, and feedback on cards.
final class GoalsFeedbackScreenTests: XCTestCase {
    func testGoalsGoldens() {
        var s = demoState(width: 80, height: 24)
        send(&s, .key(.char("O")))
        XCTAssertNotNil(s.top(as: GoalsScreen.self))
        assertGolden(render(s), "goals-80x24")
        s = demoState(width: 160, height: 45)
        send(&s, .key(.char("O")), .key(.char("j")))
        assertGolden(render(s), "goals-160x45")
    }

    func testFeedbackInboxGoldens() {
        var s = demoState(width: 80, height: 24)
        send(&s, .key(.char("I")))
        XCTAssertNotNil(s.top(as: FeedbackInboxScreen.self))
        assertGolden(render(s), "feedback-inbox-80x24")
        s = demoState(width: 160, height: 45)
        send(&s, .key(.char("I")), .key(.char("l")))
        send(&s, typed("zapier"))
        assertGolden(render(s), "feedback-inbox-160x45")
    }

    func testGoalsScreenShowsProgressItemsAndUnalignedWork() throws {
        var s = demoState(width: 120, height: 40)
        send(&s, .key(.char("O")))
        let text = render(s).renderText()
        let first = s.board.strategy.goals[0]
        XCTAssertTrue(text.contains(first.objective))
        XCTAssertTrue(text.contains("Vision: Freelancers"))
        // 34 → 29 of 34 → 21 days: 5 / 13 = 38 %.
        XCTAssertTrue(text.contains("38% 34 days → 29 days → 21 days"), text)
        for id in GoalSummary(first, in: s.board).stages.flatMap(\.items).prefix(3) {
            XCTAssertTrue(text.contains(s.board.shortID(id)), "serving item \(id) listed")
        }
        send(&s, .key(.char("w")))
        let unaligned = s.board.unalignedItemIDs()
        XCTAssertTrue(render(s).renderText().contains("Unaligned work · \(unaligned.count) open items serve no goal"))
        send(&s, .key(.char("j")), .key(.enter))
        XCTAssertTrue(s.isOnBoard)
        XCTAssertEqual(s.selectedItemID, unaligned[1], "Enter shows the item on the board")
    }

    func testCycleTheStateOfAGoalAndUndo() {
        var s = demoState()
        send(&s, .key(.char("O")))
        XCTAssertEqual(send(&s, .key(.char("s"))), [.save])
        XCTAssertEqual(s.board.strategy.goals[0].state, .atRisk)
        send(&s, .key(.char("u")))
        XCTAssertEqual(s.board.strategy.goals[0].state, .onTrack)
    }

    func testLinkANoteToAnItemFoundByTyping() throws {
        var s = demoState(width: 100, height: 30)
        let queue = s.board.unlinkedFeedback.map(\.id)
        send(&s, .key(.char("I")))
        XCTAssertEqual(s.top(as: FeedbackInboxScreen.self)?.queue, queue)
        send(&s, .key(.char("l")))
        send(&s, typed("zapier"))
        let zapier = try XCTUnwrap(s.board.items.values.first { $0.title.hasPrefix("Zapier") })
        XCTAssertEqual(s.top(as: FeedbackInboxScreen.self)?.match, zapier.id)
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        XCTAssertEqual(s.board.strategy.notes.first { $0.id == queue[0] }?.items, [zapier.id])
        XCTAssertEqual(s.top(as: FeedbackInboxScreen.self)?.index, 1)
        XCTAssertTrue(render(s).renderText().contains("2 of \(queue.count)"))
        // n: the next note becomes a new Inbox item, linked to it.
        let before = s.board.items.count
        XCTAssertEqual(send(&s, .key(.char("n"))), [.save])
        XCTAssertEqual(s.board.items.count, before + 1)
        let linked = try XCTUnwrap(s.board.strategy.notes.first { $0.id == queue[1] }?.items.first)
        XCTAssertEqual(s.board.items[linked]?.stage, "inbox")
        // u undoes the last decision and goes back to its note.
        send(&s, .key(.char("u")))
        XCTAssertEqual(s.board.items.count, before)
        XCTAssertEqual(s.top(as: FeedbackInboxScreen.self)?.index, 1)
        // Enter without a match says so and links nothing.
        send(&s, .key(.char("l")))
        send(&s, typed("qqqqqqqqqqqqq"))
        XCTAssertEqual(send(&s, .key(.enter)), [])
        XCTAssertEqual(s.status?.isError, true)
        send(&s, .key(.escape), .key(.escape))
        XCTAssertTrue(s.isOnBoard)
    }

    func testThePaletteOpensBothScreens() {
        var s = demoState()
        send(&s, .key(.char(":")))
        send(&s, typed("goals"))
        send(&s, .key(.enter))
        XCTAssertNotNil(s.top(as: GoalsScreen.self))
        send(&s, .key(.escape), .key(.char(":")))
        send(&s, typed("feedback-inbox"))
        send(&s, .key(.enter))
        XCTAssertNotNil(s.top(as: FeedbackInboxScreen.self))
    }

    func testAnEmptyInboxSaysSo() throws {
        var s = demoState()
        s.board.strategy.notes = []
        send(&s, .key(.char("I")))
        XCTAssertTrue(s.isOnBoard)
        XCTAssertEqual(s.status?.text, "no unlinked feedback: the inbox is empty")
    }

    func testCardsShowNotesAndCustomersWhenTheBoardAsks() throws {
        var s = demoState(width: 160, height: 45)
        let apple = try XCTUnwrap(s.board.items.values.first { $0.title.hasPrefix("Customers want to pay") })
        let impact = s.board.customerImpact(apple.id)
        XCTAssertEqual(impact.customers, 3)
        XCTAssertFalse(render(s).renderText().contains("fb:"), "off by default")
        try s.board.setFeedbackSettings([("cards", "on")], by: "t", at: testNow)
        XCTAssertTrue(render(s).renderText().contains("\(s.board.shortID(apple.id)) fb:\(impact.notes)/3c"))
    }

    func testTheDetailsPaneShowsTheNotes() throws {
        var s = demoState(width: 120, height: 40)
        let apple = try XCTUnwrap(s.board.items.values.first { $0.title.hasPrefix("Customers want to pay") })
        s.select(itemID: apple.id)
        send(&s, .key(.enter))
        let text = render(s).renderText()
        XCTAssertTrue(text.contains("3 notes · 3 customers · impact 6"), text)
        XCTAssertTrue(text.contains("Acme GmbH (critical): Our clien"), text)
        XCTAssertTrue(text.contains("Get customers paid faster"))
    }
}
