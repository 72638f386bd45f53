import DocketCore
import Foundation
import XCTest

/// The HTML page draws the metrics screen's charts as inline SVG.
final class HTMLFlowTests: XCTestCase {
    func testThePageHasTheFlowChartsAsSVG() throws {
        let now = ISODate.parse("2026-11-29T12:00:00Z")!
        let board = DemoHistory.adding(to: DemoBoard.make(now: now, user: "t"), now: now, user: "t")
        let html = HTMLExport.render(board, today: "2026-11-29", now: now, locale: Locale(identifier: "en_US"))
        let report = FlowMetrics(board, now: now, windowDays: 84, calendar: .utc).report
        XCTAssertTrue(html.contains("<h2>Flow</h2>"))
        XCTAssertTrue(html.contains("\(report.finished) finished"), "the same figures as docket metrics")
        XCTAssertTrue(html.contains("Throughput per week") && html.contains("Cumulative flow"))
        let polygons = html.components(separatedBy: "<polygon").count - 1
        XCTAssertEqual(polygons, board.stages.count, "one band per stage")
        XCTAssertFalse(html.contains("<script"), "no scripts")
        let empty = HTMLExport.render(Board(name: "e", stages: Board.defaultStages()), today: "2026-11-29", now: now, locale: Locale(identifier: "en_US"))
        XCTAssertTrue(empty.contains("0 finished"), "an empty board gives figures of zero, not a crash")
    }
}
