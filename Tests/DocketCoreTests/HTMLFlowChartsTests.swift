import Foundation
import Plot
import XCTest
@testable import DocketCore

/// The HTML page's cycle-time scatter and burn-up, on small hand-computed histories.
final class HTMLFlowChartsTests: XCTestCase {
    let d0 = FlowFixture.dayNumber0

    func render(_ node: Node<HTML.BodyContext>) -> String { node.render(indentedBy: nil) }

    /// The `attribute` of the first `<tag … class="cls" …>` in `svg`.
    func attribute(_ attribute: String, of cls: String, in svg: String) -> String? {
        guard let open = svg.range(of: "class=\"\(cls)\"") else { return nil }
        let start = svg[..<open.lowerBound].range(of: "<", options: .backwards)!.lowerBound
        let tag = svg[start...].prefix { $0 != ">" }
        guard let a = tag.range(of: " \(attribute)=\"") else { return nil }
        return String(tag[a.upperBound...].prefix { $0 != "\"" })
    }

    func testScatterHasADotPerFinishedItemAndPercentileLinesAtTheirDays() {
        var f = FlowFixture()
        // Cycle times 1, 2, 3, 4 and 8 days; one item still open, one done without starting.
        f.item("a", moves: [(1, "doing"), (2, "done")])
        f.item("b", moves: [(1, "doing"), (3, "done")])
        f.item("c", moves: [(2, "doing"), (5, "done")])
        f.item("d", moves: [(2, "doing"), (6, "done")])
        f.item("e", moves: [(1, "doing"), (9, "done")])
        f.item("f", moves: [(1, "doing")])
        f.item("g", moves: [(4, "done")])
        let scatter = f.history(now: 10).cycleTimeScatter(from: d0, to: d0 + 10, days: FlowFixture.utcDays)
        XCTAssertEqual(scatter.dots.map(\.id), ["a", "b", "c", "d", "e"])
        let svg = render(HTMLCycleTimeChart.svg(scatter, from: d0, to: d0 + 10))
        XCTAssertEqual(svg.components(separatedBy: "class=\"dot\"").count - 1, 5, "one dot per item with a cycle time")
        // Nearest rank of 1, 2, 3, 4, 8: 50% → rank 3 = 3 days; 85% and 95% → rank 5 = 8 days.
        // The axis goes up to 10 days over the plot's 202 points (y 214 at 0, 12 at 10).
        XCTAssertEqual(attribute("y1", of: "percentile p50", in: svg), "153.4")   // 214 − 3/10 × 202
        XCTAssertEqual(attribute("y1", of: "percentile p85", in: svg), "52.4")    // 214 − 8/10 × 202
        XCTAssertEqual(attribute("y1", of: "percentile p95", in: svg), "52.4")
        XCTAssertTrue(svg.contains("50% 3.0d") && svg.contains("85% 8.0d"))
        // Item e, done on day 9 (2026-01-14) after 8 days, sits on the 85% line.
        XCTAssertTrue(svg.contains("e: 8.0d, finished 2026-01-14"))
        XCTAssertTrue(svg.contains("<title id=\"cycle-time-title\">Cycle time of finished items</title>"))
        XCTAssertTrue(svg.contains("<desc id=\"cycle-time-desc\">5 items finished from 2026-01-05 to 2026-01-15"))
        XCTAssertTrue(svg.contains("aria-labelledby=\"cycle-time-title cycle-time-desc\""))
        XCTAssertTrue(svg.contains(">Date finished<") && svg.contains(">Cycle time (days)<"), "axis titles")
        XCTAssertTrue(svg.contains(">01-05<") && svg.contains(">01-19<") == false, "dates across, within the window")
    }

    func testThroughputAndFlowWithoutDataAreSentences() {
        let empty = Board(name: "e", stages: Board.defaultStages())
        let page = render(HTMLFlowCharts.section(empty, now: FlowFixture.at(90)))
        XCTAssertTrue(page.contains("No item finished in these 12 weeks: there is no throughput to draw."), page)
        XCTAssertTrue(page.contains("No open or finished item on these days: there is no flow to draw."), page)
        XCTAssertFalse(page.contains("id=\"throughput-title\""), "no empty throughput chart")
        XCTAssertFalse(page.contains("id=\"cumulative-flow-title\""), "no empty flow chart")
        // With data, the flow chart's legend gives each band's colour beside its stage.
        var f = FlowFixture()
        f.item("a", created: 1, moves: [(2, "doing"), (4, "done")])
        let drawn = render(HTMLFlowCharts.section(f.board(), now: FlowFixture.at(10)))
        XCTAssertTrue(drawn.contains("id=\"throughput-title\""), drawn)
        XCTAssertTrue(drawn.contains("<rect fill=\"#2e7d32\" height=\"10\" width=\"10\""), "a coloured legend swatch")
    }

    func testScatterWithoutFinishedItemsIsASentence() {
        var f = FlowFixture()
        f.item("a", moves: [(1, "doing")])
        let html = render(HTMLCycleTimeChart.svg(f.history(now: 5).cycleTimeScatter(from: d0, to: d0 + 5, days: FlowFixture.utcDays), from: d0, to: d0 + 5))
        XCTAssertFalse(html.contains("<svg"))
        XCTAssertTrue(html.contains("<p class=\"empty\">No item with a cycle time was finished from 2026-01-05 to 2026-01-10"))
    }

    func testBurnUpShowsScopeAndDoneAndMarksScopeChanges() {
        var f = FlowFixture()
        f.item("a", release: "1.0")
        f.item("b", release: "1.0")
        f.item("c")
        f.log.append(Activity(at: FlowFixture.at(3), by: "t", item: "a", action: "move", field: "stage", from: "ready", to: "done"))
        f.items[0].stage = "done"; f.items[0].updated = FlowFixture.at(3)
        // b joins the release on day 2; c (in it from the start) leaves it on day 4.
        f.log.append(Activity(at: FlowFixture.at(2), by: "t", item: "b", action: "edit", field: "release", from: nil, to: "1.0"))
        f.log.append(Activity(at: FlowFixture.at(4), by: "t", item: "c", action: "edit", field: "release", from: "1.0", to: nil))
        let b = f.history(now: 6).burnUp(release: "1.0", target: "2026-01-09", from: d0, to: d0 + 6, days: FlowFixture.utcDays)
        XCTAssertEqual(b.days.map(\.scopeItems), [2, 2, 3, 3, 2, 2, 2])
        XCTAssertEqual(b.days.map(\.doneItems), [0, 0, 0, 1, 1, 1, 1])
        let svg = render(HTMLBurnUpChart.svg(b, id: "burn-up-0"))
        XCTAssertEqual(svg.components(separatedBy: "class=\"scope-change\"").count - 1, 3, "day 0 (a and c), day 2 (b), day 4 (c leaves)")
        XCTAssertTrue(svg.contains("2026-01-07: 1 added; scope 3"))
        XCTAssertTrue(svg.contains("2026-01-09: 1 removed; scope 2"))
        // Up to 5 items (the nice top above 3): scope 3 at y 214 − 3/5 × 202 = 92.8, at x of day 2.
        XCTAssertTrue(svg.contains("<circle class=\"scope-change\" cx=\"354.7\" cy=\"92.8\""), svg)
        let scope = attribute("points", of: "scope", in: svg)?.split(separator: " ") ?? []
        XCTAssertEqual(scope.count, 7, "a point a day")
        XCTAssertEqual(attribute("points", of: "done", in: svg)?.split(separator: " ").last, "944.0,173.6")   // 1 done: 214 − 1/5 × 202
        XCTAssertNotNil(attribute("x1", of: "target", in: svg), "the target date falls in the window")
        XCTAssertTrue(svg.contains("<desc id=\"burn-up-0-desc\">Scope of 1.0 from 2026-01-05 to 2026-01-11: 2 to 2 items (3 added, 1 removed); 1 done by 2026-01-11; target 2026-01-09.</desc>"))
        XCTAssertTrue(svg.contains(">Items<") && svg.contains(">Date<"))
        let none = render(HTMLBurnUpChart.svg(f.history(now: 6).burnUp(release: "2.0", from: d0, to: d0 + 6, days: FlowFixture.utcDays), id: "x"))
        XCTAssertTrue(none.hasPrefix("<p class=\"empty\">2.0 had no items"), none)
    }

    func testThePageDrawsEveryChartWithATitleAndADescription() {
        let now = ISODate.parse("2026-11-29T12:00:00Z")!
        let board = DemoHistory.adding(to: DemoBoard.make(now: now, user: "t"), now: now, user: "t")
        let html = HTMLExport.render(board, today: "2026-11-29", now: now, locale: Locale(identifier: "en_US"))
        let m = FlowMetrics(board, now: now, windowDays: 84, calendar: .utc)
        let dots = m.history.cycleTimeScatter(from: m.firstDay, to: m.lastDay, days: m.days).dots.count
        XCTAssertGreaterThan(dots, 0)
        XCTAssertEqual(html.components(separatedBy: "class=\"dot\"").count - 1, dots)
        XCTAssertTrue(html.contains("<h3>Cycle time</h3>") && html.contains("<h3>Burn-up per release</h3>"))
        XCTAssertTrue(html.contains("Burn-up of "), "the demo board's releases have items")
        let flow = String(html[html.range(of: "<h2>Flow</h2>")!.lowerBound...])
        let svgs = flow.components(separatedBy: "<svg").count - 1
        XCTAssertEqual(flow.components(separatedBy: "<desc id=").count - 1, svgs, "every chart has a description")
        XCTAssertEqual(flow.components(separatedBy: "aria-labelledby=").count - 1, svgs)
    }
}
