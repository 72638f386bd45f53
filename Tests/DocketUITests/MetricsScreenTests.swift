import DocketCore
@testable import DocketUI
import XCTest

/// The metrics screen on the demo board with its generated history.
final class MetricsScreenTests: XCTestCase {
    func metricsState(width: Int = 80, height: Int = 24) -> AppState {
        let board = DemoHistory.adding(to: DemoBoard.make(now: testNow, user: "test"), now: testNow, user: "test")
        var s = AppState(board: board, user: "test", fileLabel: "docket.json", size: Size(width: width, height: height))
        s.keepSelectionVisible()
        sendRunningJobs(&s, .key(.char("M")))
        return s
    }

    func testOpensOnTheScatterWithTheSameFiguresAsDocketMetrics() throws {
        let s = metricsState()
        let m = try XCTUnwrap(s.top(as: MetricsScreen.self))
        XCTAssertEqual(m.tab, .cycleTime)
        let report = FlowMetrics(s.board, now: testNow, windowDays: 84, calendar: .utc).report
        XCTAssertEqual(m.metrics?.report, report, "the screen shows what docket metrics --since 12w computes")
        XCTAssertGreaterThan(report.finished, 0, "the demo's history gives the charts something to show")
        XCTAssertTrue(render(s).renderText().contains("\(report.finished) finished"))
    }

    func testCursorWalksTheDotsAndOpensTheItem() throws {
        var s = metricsState()
        let first = try XCTUnwrap(s.top(as: MetricsScreen.self)?.selectedItem)
        sendRunningJobs(&s, .key(.char("j")))
        let second = try XCTUnwrap(s.top(as: MetricsScreen.self)?.selectedItem)
        XCTAssertNotEqual(first, second)
        XCTAssertTrue(render(s).renderText().contains("▶ 2 of"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.top(as: DetailScreen.self)?.itemID, second)
        send(&s, .key(.escape))
        XCTAssertEqual(s.top(as: MetricsScreen.self)?.cursor, 1, "back to the same dot")
    }

    func testTabsAndPeriods() throws {
        var s = metricsState()
        for tab in MetricsScreen.Tab.allCases.dropFirst() {
            send(&s, .key(.tab))
            XCTAssertEqual(s.top(as: MetricsScreen.self)?.tab, tab)
            XCTAssertTrue(render(s).renderText().contains(tab.title))
        }
        send(&s, .key(.tab))
        XCTAssertEqual(s.top(as: MetricsScreen.self)?.tab, .cycleTime, "tabs wrap around")
        sendRunningJobs(&s, .key(.char("p")))
        XCTAssertEqual(s.top(as: MetricsScreen.self)?.weeks, 26)
        XCTAssertTrue(render(s).renderText().contains("Last 26 weeks"))
        sendRunningJobs(&s, .key(.char("p")), .key(.char("p")))
        XCTAssertEqual(s.top(as: MetricsScreen.self)?.weeks, 4)
    }

    func testItemsDoneWithoutStartingAreNamedNotCalledUnfinished() throws {
        var board = Board(name: "e", stages: Board.defaultStages())
        // Added straight to Done (never in a doing stage): a lead time, no cycle time.
        for k in 0..<3 { _ = try board.addItem(title: "Done \(k)", stage: "done", by: "t", at: testNow - 86_400) }
        var s = AppState(board: board, user: "t", fileLabel: "b.json", size: Size(width: 120, height: 24))
        sendRunningJobs(&s, .key(.char("M")))
        let text = render(s).renderText()
        XCTAssertTrue(text.contains("the 3 items finished in the last 12 weeks never started"), text)
        XCTAssertFalse(text.contains("no item finished"), text)
    }

    func testAnEmptyBoardShowsSentencesNotCharts() {
        var s = AppState(board: Board(name: "e", stages: Board.defaultStages()), user: "t", fileLabel: "b.json", size: Size(width: 80, height: 24))
        sendRunningJobs(&s, .key(.char("M")))
        XCTAssertTrue(render(s).renderText().contains("no item finished in the last 12 weeks"))
        for _ in 0..<5 { send(&s, .key(.tab)) }
        XCTAssertTrue(render(s).renderText().contains("no releases"))
    }

    func testFiguresAreComputedOffTheKeyPathAndOldAnswersAreDropped() throws {
        let board = DemoHistory.adding(to: DemoBoard.make(now: testNow, user: "test"), now: testNow, user: "test")
        var s = AppState(board: board, user: "test", fileLabel: "docket.json", size: Size(width: 80, height: 24))
        let fx = send(&s, .key(.char("M")))
        guard case .compute(let first)? = fx.first else { return XCTFail("opening asks for a background job: \(fx)") }
        XCTAssertNil(s.top(as: MetricsScreen.self)?.metrics, "nothing computed on the key path")
        XCTAssertTrue(render(s).renderText().contains("Computing the figures"))
        let fx2 = send(&s, .key(.char("p")))
        guard case .compute(let second)? = fx2.first else { return XCTFail("a new period asks again") }
        send(&s, .computed(first.run()))
        XCTAssertNil(s.top(as: MetricsScreen.self)?.metrics, "the answer to the older request is dropped")
        send(&s, .computed(second.run()))
        XCTAssertEqual(s.top(as: MetricsScreen.self)?.metrics?.report.from,
                       FlowMetrics(board, now: testNow, windowDays: 26 * 7, calendar: .utc).report.from)
        // A change to the board makes the figures stale: the screen asks for a tick, which asks again.
        let id = try XCTUnwrap(s.board.backlogOrder().first)
        _ = try s.board.archive(id, by: "elsewhere", at: testNow)
        send(&s, .resize(s.size))
        XCTAssertEqual(s.top.tickInterval, 200)
        let fx3 = send(&s, .tick(testNow + 1))
        guard case .compute = fx3.first else { return XCTFail("the tick asks for new figures: \(fx3)") }
        XCTAssertNil(s.top.tickInterval, "no more ticks once asked")
    }

    func testTheForecastTabSaysWhatDocketForecastSays() throws {
        var s = metricsState(width: 80, height: 24)
        for _ in 0..<5 { sendRunningJobs(&s, .key(.tab)) }
        let m = try XCTUnwrap(s.top(as: MetricsScreen.self))
        guard case .success(let f)? = m.forecast else { return XCTFail("the demo's release 1.4 has a forecast") }
        let cli = ForecastText.when(f, release: "1.4").split(separator: "\n").map(String.init)
        let screen = render(s).renderText()
        XCTAssertTrue(cli.contains { $0.contains("Chance of being done by") }, "the demo's 1.4 has a target")
        for line in cli.dropLast() { XCTAssertTrue(screen.contains(line), "the screen shows \(line)") }
    }

    func testNoReleasesSentenceWrapsInsteadOfBeingCut() {
        var s = AppState(board: Board(name: "e", stages: Board.defaultStages()), user: "t", fileLabel: "b.json", size: Size(width: 60, height: 24))
        sendRunningJobs(&s, .key(.char("M")))
        for _ in 0..<5 { sendRunningJobs(&s, .key(.tab)) }
        let text = render(s).renderText().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(text.contains("answers \"when will N more be done\"."), text)
    }

    func testGoldens() {
        var s = metricsState(width: 80, height: 24)
        assertGolden(render(s), "metrics-scatter-80x24")
        s = metricsState(width: 160, height: 45)
        send(&s, .key(.tab), .key(.tab))
        assertGolden(render(s), "metrics-cfd-160x45")
        var p = metricsState(width: 80, height: 24)
        p.chartsPatterned = true
        send(&p, .key(.tab), .key(.tab))
        assertGolden(render(p), "metrics-cfd-patterned-80x24")
        var f = metricsState(width: 160, height: 45)
        for _ in 0..<5 { send(&f, .key(.tab)) }
        assertGolden(render(f), "metrics-forecast-160x45")
    }
}
