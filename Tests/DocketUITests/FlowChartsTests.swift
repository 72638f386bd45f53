import DocketCore
@testable import DocketUI
import XCTest

/// The adapters from flow metrics to chart inputs, on a small known history.
final class FlowChartsTests: XCTestCase {
    let day0: Timestamp = 1_767_571_200   // 2026-01-05, a Monday

    /// Item k (0…11): created day k, In progress day k+1, Done day k+1+(k % 3) → cycle 1, 2 or 3… days.
    func board() -> Board {
        var items: [Item] = [], log: [Activity] = []
        let ranks = Rank.spread(12)
        for k in 0..<12 {
            let at = { (d: Int) in self.day0 + Timestamp(d) * 86_400 }
            let done = k + 2 + k % 3
            items.append(Item(id: "i\(k)", title: "I\(k)", stage: "done", rank: ranks[k], release: "1.0", created: at(k), updated: at(done)))
            log.append(Activity(at: at(k + 1), by: "t", item: "i\(k)", action: "move", field: "stage", from: "ready", to: "doing"))
            log.append(Activity(at: at(done), by: "t", item: "i\(k)", action: "move", field: "stage", from: "doing", to: "done"))
        }
        return Board(name: "t", stages: Board.defaultStages(), releases: [Release(name: "1.0")], items: items, activity: log)
    }

    func testScatterHasOneDotPerFinishedItemAndPercentileLines() {
        let m = FlowMetrics(board(), now: day0 + 20 * 86_400, windowDays: 21, calendar: .utc)
        let (plot, ids) = FlowCharts.cycleTimeScatter(m.history, from: m.firstDay, to: m.lastDay, days: m.days)
        XCTAssertEqual(ids.count, 12)
        XCTAssertEqual(ids.first, "i0")
        XCTAssertEqual(Set(plot.series[0].points.map(\.y)), [1, 2, 3])
        XCTAssertEqual(plot.references.map(\.label), ["50% 2.0d", "85% 3.0d", "95% 3.0d"])
        var c = Canvas(width: 40, height: 10)
        BraillePlot.draw(plot, into: &c, x: 0, y: 0, width: 40, height: 10)
        XCTAssertTrue(c.renderText().contains("85% 3.0d"))
    }

    func testCumulativeFlowBandsPutDoneAtTheBottom() {
        let m = FlowMetrics(board(), now: day0 + 20 * 86_400, windowDays: 21, calendar: .utc)
        let (bands, legend) = FlowCharts.cumulativeFlowBands(m.cumulativeFlow, stages: Board.defaultStages(), style: .patterned)
        XCTAssertEqual(legend.first?.label, "Done")
        XCTAssertEqual(legend.first?.swatch, "█")
        XCTAssertEqual(legend[1].swatch, "▓")
        XCTAssertEqual(bands[0].last, 12)   // all done at the end
    }

    func testBurnUpAndThroughputAndForecastHistogram() throws {
        let m = FlowMetrics(board(), now: day0 + 20 * 86_400, windowDays: 21, calendar: .utc)
        let plot = FlowCharts.burnUpPlot(m.burnUp(Release(name: "1.0")))
        XCTAssertEqual(plot.series[0].points.last?.y, 12)
        XCTAssertEqual(plot.series[1].points.last?.y, 12)
        XCTAssertEqual(FlowCharts.throughputBars(m.report.weekly).map(\.value).reduce(0, +), 12)
        let f = try Forecast.when(items: 10, history: m.history, today: m.lastDay, settings: ForecastSettings(weeks: 3, runs: 500),
                                  days: m.days)
        let (counts, markers, labels) = FlowCharts.forecastHistogram(f)
        XCTAssertEqual(counts.reduce(0, +), 500)
        XCTAssertEqual(markers.map(\.label), ["50%", "85%", "95%"])
        XCTAssertEqual(labels.count, 2)
    }
}
