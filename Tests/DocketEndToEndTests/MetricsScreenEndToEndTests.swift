import DocketCore
import Foundation
import XCTest

/// The metrics screen on a board imported from a real Jira export: the figure it shows is
/// the one `docket metrics --format json` prints.
final class MetricsScreenEndToEndTests: TmuxTestCase {
    func testTheScreenShowsWhatDocketMetricsPrints() throws {
        guard let export = E2EPaths.sharedData("jira-k608-scrum.csv") else {
            throw XCTSkip("jira-k608-scrum.csv is not in ../shared/data: no imported board to measure")
        }
        let t = try session()
        let url = t.dir.appendingPathComponent("k608.json")
        try t.runDocket(["import", export.path, "--new", url.path])
        let json = try t.runDocket(["metrics", "--format", "json", "-b", url.path])
        let figures = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let wip = try XCTUnwrap(figures["wip"] as? Int)
        let finished = try XCTUnwrap(figures["finished"] as? Int)
        XCTAssertGreaterThan(wip, 0, "the import brings work in progress")

        try t.startDocket([url.path], width: 140, height: 35)
        try t.waitForText("k608.json")
        try t.keys("M")
        let screen = try t.waitForText("Last 12 weeks")
        XCTAssertTrue(screen.contains("\(finished) finished"), screen)
        XCTAssertTrue(screen.contains("WIP \(wip)"), screen)
        try t.keys("Tab", "Tab", "Tab", "Tab")
        let aging = try t.waitForText("items in progress, oldest first")
        let oldest = try XCTUnwrap((figures["aging"] as? [[String: Any]])?.first?["title"] as? String)
        XCTAssertTrue(aging.contains(String(oldest.prefix(20))), "the oldest item in progress is listed first: \(oldest)")
        try t.keys("q")
        try t.waitForNoText("Last 12 weeks")
        try t.keys("q")
        _ = try t.waitForExit()
    }
}
