import XCTest
@testable import DocketCore

/// The report's flow section.
final class ReportMetricsTests: XCTestCase {
    func testReportHasFlowFiguresAndReleaseForecasts() throws {
        var f = FlowFixture()
        for k in 0..<12 { f.item("d\(k)", created: Double(k), moves: [(Double(k) + 1, "doing"), (Double(k) + 3, "done")]) }
        f.item("o1", created: 10, release: "1.0")
        f.item("o2", created: 10, release: "1.0")
        let board = f.board(releases: [Release(name: "1.0", target: "2026-02-01"), Release(name: "empty")])
        let text = ReportExport.render(board, items: board.itemsInBoardOrder(), now: FlowFixture.at(16), since: .week)
        XCTAssertTrue(text.contains("## Flow (2025-10-30 to 2026-01-21, days in UTC)"), text)
        XCTAssertTrue(text.contains("- Cycle time: 50% 2.0d · 85% 2.0d · 95% 2.0d (12 items)"), text)
        XCTAssertTrue(text.contains("- Lead time: 50% 3.0d"), text)
        XCTAssertTrue(text.contains("| 1.0 | 2026-02-01 | 2 | 2026-0"), text)
        let forecasts = try XCTUnwrap(text.components(separatedBy: "### Release forecasts").last)
        XCTAssertFalse(forecasts.contains("| empty |"), "a release without open items gets no forecast")
    }

    func testTooLittleHistoryIsASentence() {
        var f = FlowFixture()
        f.item("d", moves: [(1, "doing"), (2, "done")])
        f.item("o", release: "1.0")
        let board = f.board(releases: [Release(name: "1.0")])
        let text = ReportExport.render(board, items: board.itemsInBoardOrder(), now: FlowFixture.at(5), since: .week)
        XCTAssertTrue(text.contains("No forecast: too little history for a forecast: only 1 item was finished in the last 12 weeks"), text)
    }
}
