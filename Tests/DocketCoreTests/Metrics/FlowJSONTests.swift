import XCTest
@testable import DocketCore

/// `docket metrics --format json` holds the report's figures at the top, the cumulative flow
/// and a burn-up per release.
final class FlowJSONTests: XCTestCase {
    func testTheJSONHoldsTheReportTheFlowAndABurnUpPerRelease() throws {
        var f = FlowFixture()
        f.item("a", created: 1, moves: [(2, "doing"), (4, "done")], points: 3, release: "1.0")
        f.item("b", created: 1, moves: [(3, "doing")], points: 2, release: "1.0")
        f.item("c", created: 2, in: "ready")
        let board = f.board(releases: [Release(name: "1.0"), Release(name: "2.0")])
        let metrics = FlowMetrics(board, now: FlowFixture.at(7), windowDays: 7, calendar: .utc)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: FlowJSON.encode(metrics, board: board)) as? [String: Any])
        XCTAssertEqual(json["finished"] as? Int, metrics.report.finished)
        XCTAssertEqual(json["wip"] as? Int, metrics.report.wip)
        let cfd = try XCTUnwrap(json["cumulativeFlow"] as? [String: Any])
        let days = try XCTUnwrap(cfd["days"] as? [String])
        XCTAssertEqual(days.count, 7)
        let stages = try XCTUnwrap(cfd["stages"] as? [String])
        let counts = try XCTUnwrap(cfd["counts"] as? [[Int]])
        let last = try XCTUnwrap(counts.last)
        XCTAssertEqual(last[try XCTUnwrap(stages.firstIndex(of: "done"))], 1, "a is done")
        XCTAssertEqual(last[try XCTUnwrap(stages.firstIndex(of: "doing"))], 1, "b is in progress")
        XCTAssertEqual(last[try XCTUnwrap(stages.firstIndex(of: "ready"))], 1, "c is ready")
        let burnUps = try XCTUnwrap(json["burnUps"] as? [[String: Any]])
        XCTAssertEqual(burnUps.map { $0["release"] as? String }, ["1.0", "2.0"])
        let firstDays = try XCTUnwrap(burnUps[0]["days"] as? [[String: Any]])
        XCTAssertEqual(firstDays.last?["scopeItems"] as? Int, 2)
        XCTAssertEqual(firstDays.last?["doneItems"] as? Int, 1)
        XCTAssertEqual(firstDays.last?["donePoints"] as? Double, 3)
    }
}
