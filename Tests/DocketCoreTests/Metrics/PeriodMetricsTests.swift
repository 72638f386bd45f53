import XCTest
@testable import DocketCore

/// Throughput, arrivals, WIP per day and week, cumulative flow, burn-up and service levels
/// against hand-computed small histories.
final class PeriodMetricsTests: XCTestCase {
    let d0 = FlowFixture.dayNumber0

    /// a: started day 1, done day 3 (2 pt); b: started day 2, done day 3 (3 pt);
    /// c: created day 1, started day 2, open; d: created day 8 (next week), done day 9 unstarted.
    func fixture() -> FlowFixture {
        var f = FlowFixture()
        f.item("a", moves: [(1.2, "doing"), (3.5, "done")], points: 2)
        f.item("b", moves: [(2.1, "doing"), (3.9, "done")], points: 3)
        f.item("c", created: 1, moves: [(2.5, "doing")])
        f.item("d", created: 8, moves: [(9.5, "done")], points: 1)
        return f
    }

    func testDailyThroughputArrivalsAndWIP() {
        let h = fixture().history(now: 10)
        let daily = h.periods(.day, from: d0, to: d0 + 9, days: FlowFixture.utcDays)
        XCTAssertEqual(daily.map(\.throughput), [0, 0, 0, 2, 0, 0, 0, 0, 0, 1])
        XCTAssertEqual(daily.map(\.points), [0, 0, 0, 5, 0, 0, 0, 0, 0, 1])
        XCTAssertEqual(daily.map(\.arrivals), [2, 1, 0, 0, 0, 0, 0, 0, 1, 0])
        // In progress at the end of each day: a from day 1 to 3, b from day 2 to 3, c from day 2 on.
        XCTAssertEqual(daily.map(\.wip), [0, 1, 3, 1, 1, 1, 1, 1, 1, 1])
        XCTAssertEqual(daily.first?.start, "2026-01-05")
    }

    func testWeeksStartOnMondayAndSum() {
        let h = fixture().history(now: 10)
        let weeks = h.periods(.week, from: d0 + 2, to: d0 + 9, days: FlowFixture.utcDays)
        XCTAssertEqual(weeks.map(\.start), ["2026-01-05", "2026-01-12"])
        XCTAssertEqual(weeks.map(\.throughput), [2, 1])
        XCTAssertEqual(weeks.map(\.arrivals), [0, 1])   // the window starts on day 2
        XCTAssertEqual(weeks.map(\.wip), [1, 1])
        XCTAssertTrue(h.periods(.week, from: d0 + 3, to: d0 + 2, days: FlowFixture.utcDays).isEmpty)
    }

    func testDaysAreCountedInTheUsersTimeZone() {
        var f = FlowFixture()
        f.item("a", moves: [(1, "doing"), (2 - 1.0 / 48, "done")])   // 23:30 UTC on day 1
        let h = f.history(now: 5)
        let utc = h.dailyThroughput(from: d0, to: d0 + 3, days: FlowFixture.utcDays)
        let berlin = h.dailyThroughput(from: d0, to: d0 + 3,
                                       days: DayIndex(calendar: LocalCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)))
        XCTAssertEqual(utc, [0, 1, 0, 0])
        XCTAssertEqual(berlin, [0, 0, 1, 0])
    }

    func testCumulativeFlowCountsItemsPerStageAtTheEndOfEachDay() {
        var f = fixture()
        f.item("e", moves: [(1.5, "doing")], archived: true)
        f.log.append(Activity(at: FlowFixture.at(2.5), by: "t", item: "e", action: "archive", field: "archived", from: "false", to: "true"))
        let cfd = f.history(now: 10).cumulativeFlow(from: d0, to: d0 + 4, days: FlowFixture.utcDays)
        XCTAssertEqual(cfd.stages, ["inbox", "ideas", "ready", "doing", "review", "done"])
        let col = { (s: String) in cfd.counts.map { $0[cfd.stages.firstIndex(of: s)!] } }
        XCTAssertEqual(col("ready"), [3, 2, 0, 0, 0])   // a, b, e on day 0 (c comes on day 1); b and c move on day 2
        XCTAssertEqual(col("doing"), [0, 2, 3, 1, 1])   // e leaves (archived) on day 2
        XCTAssertEqual(col("done"), [0, 0, 0, 2, 2])
        XCTAssertEqual(cfd.days.count, 5)
    }

    func testBurnUpShowsScopeChangesAndDone() {
        var f = FlowFixture()
        f.item("a", moves: [(1, "doing"), (2.5, "done")], points: 3, release: "1.0")
        f.item("b", points: 5, release: "1.0")
        f.item("c", points: 8, release: nil)
        // c joins 1.0 on day 2; b leaves it on day 3.
        f.log.append(Activity(at: FlowFixture.at(2.2), by: "t", item: "c", action: "edit", field: "release", from: nil, to: "1.0"))
        f.items[2].release = "1.0"
        f.log.append(Activity(at: FlowFixture.at(3.2), by: "t", item: "b", action: "edit", field: "release", from: "1.0", to: "2.0"))
        f.items[1].release = "2.0"
        let b = f.history(now: 5).burnUp(release: "1.0", from: d0, to: d0 + 4, days: FlowFixture.utcDays)
        XCTAssertEqual(b.days.map(\.scopeItems), [2, 2, 3, 2, 2])
        XCTAssertEqual(b.days.map(\.scopePoints), [8, 8, 16, 11, 11])
        XCTAssertEqual(b.days.map(\.doneItems), [0, 0, 1, 1, 1])
        XCTAssertEqual(b.days.map(\.donePoints), [0, 0, 3, 3, 3])
        XCTAssertEqual(b.days.map(\.added), [2, 0, 1, 0, 0])
        XCTAssertEqual(b.days.map(\.removed), [0, 0, 0, 1, 0])
    }

    func testServiceLevelIsStoredInTheBoardAndReportedAgainst() throws {
        var f = FlowFixture()
        // Review stays of 1, 2, 0.5 and 4 days among finished items; one open item 3 days in review.
        for (k, r) in [1.0, 2, 0.5, 4].enumerated() {
            f.item("i\(k)", moves: [(1, "doing"), (2, "review"), (2 + r, "done")])
        }
        f.item("o", moves: [(1, "doing"), (5, "review")])
        var board = f.board()
        var header = board.header
        try header.setStageSLA("review", days: 2)
        board.header = header
        XCTAssertEqual(board.serviceLevels, [ServiceLevel(stage: "review", days: 2, percent: 85)])
        board.header = try board.header(settingServiceLevelPercent: 80)
        XCTAssertEqual(board.serviceLevels, [ServiceLevel(stage: "review", days: 2, percent: 80)])
        XCTAssertThrowsError(try board.header(settingServiceLevelPercent: 120))
        board.header = try board.header(settingServiceLevelPercent: nil)
        let now = FlowFixture.at(8)
        let report = FlowReport.make(board, history: FlowHistory.build(board, now: now), from: d0, to: d0 + 8, days: FlowFixture.utcDays)
        let review = try XCTUnwrap(report.stages.first { $0.id == "review" })
        XCTAssertEqual(review.serviceLevel?.measured, 4)
        XCTAssertEqual(review.serviceLevel?.within, 3)
        XCTAssertEqual(review.serviceLevel?.achieved, 75)
        XCTAssertEqual(review.serviceLevel?.met, false)
        XCTAssertEqual(review.serviceLevel?.overNow, ["o"])
        XCTAssertEqual(review.timeInStage.p50, 1)      // sorted 0.5, 1, 2, 4: rank 2
        XCTAssertEqual(review.timeInStage.p85, 4)      // rank ⌈3.4⌉ = 4
        XCTAssertEqual(report.finished, 4)
        XCTAssertEqual(report.wip, 1)
        XCTAssertEqual(report.aging.map(\.id), ["o"])
        XCTAssertEqual(report.aging.first?.daysInStage, 3)
        // A percentage the 75 % reached.
        board.header = try board.header(settingServiceLevelPercent: 75)
        let met = FlowReport.make(board, history: FlowHistory.build(board, now: now), from: d0, to: d0 + 8, days: FlowFixture.utcDays)
        XCTAssertEqual(met.stages.first { $0.id == "review" }?.serviceLevel?.met, true)
    }

    func testEmptyBoardGivesEmptyFiguresNotADivideByZero() {
        let board = Board(name: "e", stages: Board.defaultStages())
        let h = FlowHistory.build(board, now: FlowFixture.at(3))
        let report = FlowReport.make(board, history: h, from: d0, to: d0 + 3, days: FlowFixture.utcDays)
        XCTAssertEqual(report.finished, 0)
        XCTAssertNil(report.cycleTime.p85)
        XCTAssertEqual(report.weekly.map(\.throughput), [0])
    }
}
