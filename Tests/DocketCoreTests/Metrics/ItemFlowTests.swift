import XCTest
@testable import DocketCore

/// Lead time, cycle time, time in stage and age, against hand-computed small histories,
/// including the edge cases of the README's rules.
final class ItemFlowTests: XCTestCase {
    func testStraightThroughTheStages() {
        var f = FlowFixture()
        f.item("a", moves: [(1, "doing"), (3, "review"), (4, "done")])
        let a = f.history(now: 10).flow("a")
        XCTAssertEqual(days(a.leadTime), 4)
        XCTAssertEqual(days(a.cycleTime), 3)
        XCTAssertEqual(a.startedAt, FlowFixture.at(1))
        XCTAssertEqual(a.doneAt, FlowFixture.at(4))
        XCTAssertEqual(a.timeInStage.mapValues { Double($0) / 86_400 }, ["ready": 1, "doing": 2, "review": 1])
        XCTAssertNil(a.age(now: FlowFixture.at(10)))
    }

    func testReopenedItemEndsAtItsLastEntryIntoDoneAndDoneTimeDoesNotCount() {
        var f = FlowFixture()
        // done on day 2, re-opened on day 5 (3 days in done), done again on day 6.
        f.item("a", moves: [(1, "doing"), (2, "done"), (5, "doing"), (6, "done")])
        let a = f.history(now: 10).flow("a")
        XCTAssertEqual(a.doneAt, FlowFixture.at(6))
        XCTAssertEqual(days(a.cycleTime), 2)   // 1→2 and 5→6
        XCTAssertEqual(days(a.leadTime), 3)    // 0→1, 1→2, 5→6
        XCTAssertEqual(days(a.timeInStage["doing"]), 2)
        XCTAssertNil(a.timeInStage["done"])
    }

    func testReopenedAndStillOpenIsNotDone() {
        var f = FlowFixture()
        f.item("a", moves: [(1, "doing"), (2, "done"), (5, "review")])
        let a = f.history(now: 7).flow("a")
        XCTAssertNil(a.doneAt)
        XCTAssertTrue(a.isInProgress)
        XCTAssertEqual(days(a.age(now: FlowFixture.at(7))), 6)
        XCTAssertEqual(days(a.timeInCurrentStage(now: FlowFixture.at(7))), 2)
    }

    func testMovedBackwardsCountsEveryStay() {
        var f = FlowFixture()
        f.item("a", moves: [(1, "doing"), (2, "review"), (3, "doing"), (4.5, "review"), (5, "done")])
        let a = f.history(now: 9).flow("a")
        XCTAssertEqual(days(a.cycleTime), 4)
        XCTAssertEqual(days(a.timeInStage["doing"]), 2.5)
        XCTAssertEqual(days(a.timeInStage["review"]), 1.5)
    }

    func testDoneWithoutStartingHasLeadTimeButNoCycleTime() {
        var f = FlowFixture()
        f.item("a", moves: [(2, "done")])   // ready → done, skipping doing and review
        let h = f.history(now: 5)
        let a = h.flow("a")
        XCTAssertEqual(days(a.leadTime), 2)
        XCTAssertNil(a.startedAt)
        XCTAssertNil(a.cycleTime)
        XCTAssertEqual(h.finished(since: FlowFixture.at(0)).count, 1)
    }

    func testSkippedStagesGetNoTime() {
        var f = FlowFixture()
        f.item("a", in: "inbox", moves: [(1, "doing"), (3, "done")])
        let a = f.history(now: 5).flow("a")
        XCTAssertEqual(Set(a.timeInStage.keys), ["inbox", "doing"])
        XCTAssertEqual(days(a.cycleTime), 2)
    }

    func testEntriesOutOfOrderArePutInTimeOrder() {
        var f = FlowFixture()
        f.item("a", moves: [(1, "doing"), (3, "review"), (4, "done")])
        var shuffled = f
        shuffled.log = [f.log[3], f.log[1], f.log[0], f.log[2]]
        XCTAssertEqual(shuffled.history(now: 9).flow("a"), f.history(now: 9).flow("a"))
    }

    func testClockThatWentBackwardsGivesNoNegativeTime() {
        var f = FlowFixture()
        f.item("a", created: 2, moves: [(1, "doing"), (0.5, "review"), (4, "done")])
        let a = f.history(now: 9).flow("a")
        XCTAssertTrue(a.timeInStage.values.allSatisfy { $0 >= 0 })
        // Both moves before creation count as at creation: all the time is in review.
        XCTAssertEqual(days(a.timeInStage["review"]), 2)
        XCTAssertEqual(days(a.cycleTime), 2)
        XCTAssertEqual(days(a.leadTime), 2)
    }

    func testEntriesAfterNowCountAsNow() {
        var f = FlowFixture()
        f.item("a", moves: [(1, "doing"), (30, "review")])
        let a = f.history(now: 5).flow("a")
        XCTAssertEqual(days(a.timeInStage["doing"]), 4)
        XCTAssertEqual(days(a.timeInCurrentStage(now: FlowFixture.at(5))), 0)
    }

    func testMoveIntoAStageThatNoLongerExists() {
        var f = FlowFixture()
        f.item("a", moves: [(1, "doing"), (2, "qa"), (4, "done")])
        let a = f.history(now: 9).flow("a")
        XCTAssertEqual(days(a.timeInStage["qa"]), 2)
        XCTAssertEqual(days(a.cycleTime), 3)
        // Its only stage, removed: not started, not done, but open with an age.
        var g = FlowFixture()
        g.item("b", moves: [(1, "qa")])
        let b = g.history(now: 3).flow("b")
        XCTAssertTrue(b.isOpen)
        XCTAssertNil(b.startedAt)
        XCTAssertEqual(days(b.age(now: FlowFixture.at(3))), 3)
    }

    func testLogThatEndsElsewhereThanTheItemMovesItAtItsLastUpdate() {
        var f = FlowFixture()
        f.item("a", moves: [(1, "doing"), (2, "review")])
        f.items[0].stage = "done"           // an undo or merge left no stage entry
        f.items[0].updated = FlowFixture.at(3)
        let a = f.history(now: 9).flow("a")
        XCTAssertEqual(a.doneAt, FlowFixture.at(3))
        XCTAssertEqual(days(a.cycleTime), 2)
    }

    func testDoneSinceCreationWithoutHistoryIsDoneAtItsLastUpdate() {
        var f = FlowFixture()
        f.item("a", in: "done")
        f.items[0].updated = FlowFixture.at(2)
        let a = f.history(now: 9).flow("a")
        XCTAssertEqual(days(a.leadTime), 2)
        XCTAssertNil(a.cycleTime)
    }

    func testArchivedOutsideDoneIsDiscardedArchivedInDoneStaysDone() {
        var f = FlowFixture()
        f.item("a", moves: [(1, "doing")], archived: true)
        f.log.append(Activity(at: FlowFixture.at(3), by: "t", item: "a", action: "archive", field: "archived", from: "false", to: "true"))
        f.item("b", moves: [(1, "doing"), (2, "done")], archived: true)
        f.log.append(Activity(at: FlowFixture.at(4), by: "t", item: "b", action: "archive", field: "archived", from: "false", to: "true"))
        let h = f.history(now: 9)
        XCTAssertEqual(h.flow("a").discardedAt, FlowFixture.at(3))
        XCTAssertFalse(h.flow("a").isOpen)
        XCTAssertNil(h.flow("a").doneAt)
        XCTAssertEqual(h.flow("b").doneAt, FlowFixture.at(2))
        XCTAssertNil(h.flow("b").discardedAt)
    }

    func testItemsCreatedAfterNowAreLeftOut() {
        var f = FlowFixture()
        f.item("a", created: 5)
        XCTAssertTrue(f.history(now: 2).flows.isEmpty)
    }

    func testNearestRankPercentiles() {
        let values = Array(1...20)
        XCTAssertEqual(Percentile.of(values, 85), 17)   // ⌈0.85 × 20⌉ = 17
        XCTAssertEqual(Percentile.of(values, 95), 19)
        XCTAssertEqual(Percentile.of(values, 50), 10)
        XCTAssertEqual(Percentile.of([4, 1, 3, 2], 50), 2)
        XCTAssertEqual(Percentile.of([7], 95), 7)
        XCTAssertNil(Percentile.of([Int](), 50))
        let spread = Spread(seconds: [86_400, 2 * 86_400, 10 * 86_400])
        XCTAssertEqual(spread.count, 3)
        XCTAssertEqual(spread.p50, 2)
        XCTAssertEqual(spread.p85, 10)
    }
}
