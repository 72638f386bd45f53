import DocketCore
import Foundation
import XCTest

/// A standup run on the demo board in the real binary: walk, act in place, park, end; then
/// the saved file and `docket standup --summary --format json`.
final class StandupEndToEndTests: TmuxTestCase {
    func testRunAStandupOnTheDemoBoard() throws {
        let t = try session()
        let url = t.dir.appendingPathComponent("board.json")
        let now = Timestamp(Date().timeIntervalSince1970)
        try BoardStore.save(DemoBoard.make(now: now, user: "demo"), to: url)
        try t.startDocket(["standup", url.path], width: 100, height: 30)
        let first = try t.waitForText("Standup · Walk the work")
        XCTAssertTrue(first.contains("Meeting 00:"), first)
        XCTAssertTrue(first.contains("Since "), "the strip of changes since the last standup")
        let board = try BoardStore.load(url).board
        let walk = StandupWalk.work(board, ages: StageAges(board))
        let id = try XCTUnwrap(walk.first?.items.first)
        XCTAssertTrue(first.contains(id), "the first item of the walk is shown: \(id)")

        try t.keys("b")
        try t.waitForText("Blocked because ›")
        try t.type("waiting for the bank")
        try t.keys("Enter")
        try t.waitForText("BLOCKED: waiting for the bank")
        try t.keys("!")
        try t.waitForText("PARKED")
        try t.keys("q")
        try t.waitForText("End the standup and record it?")
        try t.keys("y")
        try t.waitForScreen("back on the board") { $0.contains("standup recorded") }
        try t.keys("q")
        _ = try t.waitForExit()

        let saved = try BoardStore.load(url).board
        XCTAssertEqual(saved.items[id]?.blocked, true)
        XCTAssertEqual(saved.items[id]?.blockedReason, "waiting for the bank")
        let record = try XCTUnwrap(StandupRecord.last(in: saved))
        XCTAssertEqual(record.facilitator, "e2e")
        XCTAssertEqual(record.parked, [id])
        XCTAssertEqual(saved.activity.filter { $0.action == "standup" }.count, 1, "one entry")

        let summary = try t.runDocket(["standup", "--summary", "--format", "json", "-b", url.path])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
        let last = try XCTUnwrap(json["lastStandup"] as? [String: Any])
        XCTAssertEqual(last["parked"] as? [String], [id])
        XCTAssertEqual(json["since"] as? String, ISODate.format(record.ended), "since the standup just recorded")
        let bad = try runProcess(t.docket, ["standup", "--summary", "--format", "yaml", "-b", url.path], environment: t.environment)
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("yaml"), bad.stderr)
    }
}
