import DocketCore
import Foundation
import XCTest

/// `docket metrics`, `docket forecast` and `docket sle` on a board with a hand-made history,
/// as a script runs them (TZ=UTC, --as-of for a fixed "now").
final class MetricsCommandEndToEndTests: CLITestCase {
    static let day0: Timestamp = 1_767_571_200   // 2026-01-05T00:00:00Z, a Monday
    static let day: Timestamp = 86_400

    /// 12 items: item k created on day k, into In progress on day k+1, Review on day k+2, Done
    /// on day k+3 (lead time 3 days, cycle time 2 days each); one more in progress since day 10.
    func writeBoard() throws -> URL {
        var items: [Item] = []
        var log: [Activity] = []
        let ranks = Rank.spread(13)
        let at = { (d: Int) in MetricsCommandEndToEndTests.day0 + Timestamp(d) * MetricsCommandEndToEndTests.day }
        for k in 0..<12 {
            let id = "item\(String(format: "%04d", k))"
            items.append(Item(id: id, title: "Finished \(k)", stage: "done", rank: ranks[k], points: 2, release: "1.0",
                              created: at(k), updated: at(k + 3)))
            log.append(Activity(at: at(k), by: "e2e", item: id, action: "create", to: "Finished \(k)"))
            for (d, from, to) in [(1, "ready", "doing"), (2, "doing", "review"), (3, "review", "done")] {
                log.append(Activity(at: at(k + d), by: "e2e", item: id, action: "move", field: "stage", from: from, to: to))
            }
        }
        items.append(Item(id: "open0000", title: "Still going", stage: "doing", rank: ranks[12], release: "1.0", created: at(9), updated: at(10)))
        log.append(Activity(at: at(10), by: "e2e", item: "open0000", action: "move", field: "stage", from: "ready", to: "doing"))
        let board = Board(name: "Flow", stages: Board.defaultStages(), releases: [Release(name: "1.0", target: "2026-01-31")],
                          items: items, activity: log)
        let url = dir.appendingPathComponent("docket.json")
        try BoardStore.save(board, to: url)
        return url
    }

    func docket(_ args: [String]) throws -> CommandResult {
        var env = ProcessInfo.processInfo.environment
        env["DOCKET_USER"] = "e2e"
        env["TZ"] = "UTC"
        return try runProcess(docket, args, environment: env, currentDirectory: dir)
    }

    func testMetricsJSONHoldsTheHandComputedFigures() throws {
        _ = try writeBoard()
        let r = try docket(["metrics", "--as-of", "2026-01-20", "--since", "4w", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["finished"] as? Int, 12)
        XCTAssertEqual(json["finishedPoints"] as? Double, 24)
        XCTAssertEqual(json["wip"] as? Int, 1)
        let cycle = try XCTUnwrap(json["cycleTime"] as? [String: Any])
        XCTAssertEqual(cycle["p50"] as? Double, 2)
        XCTAssertEqual(cycle["p95"] as? Double, 2)
        XCTAssertEqual((json["leadTime"] as? [String: Any])?["p85"] as? Double, 3)
        let aging = try XCTUnwrap(json["aging"] as? [[String: Any]])
        XCTAssertEqual(aging.first?["id"] as? String, "open0000")
        // In progress since day 10 (2026-01-15 00:00); now is the end of 2026-01-20: 6 days less a second.
        XCTAssertEqual(try XCTUnwrap(aging.first?["ageDays"] as? Double), 6, accuracy: 0.001)
        let weekly = try XCTUnwrap(json["weekly"] as? [[String: Any]])
        // 28 days from 2025-12-24 (a Wednesday): five calendar weeks. Done on days 3…14: week of
        // 01-05 gets days 3-6 (4), week of 01-12 days 7-13 (7), week of 01-19 day 14 (1).
        XCTAssertEqual(weekly.map { $0["throughput"] as? Int }, [0, 0, 4, 7, 1])
        XCTAssertEqual(weekly.map { $0["start"] as? String }, ["2025-12-22", "2025-12-29", "2026-01-05", "2026-01-12", "2026-01-19"])
        XCTAssertEqual(json["from"] as? String, "2025-12-24")
    }

    func testMetricsTextHasSparklinesAndPercentilesAndCSVHasOneRowPerItem() throws {
        _ = try writeBoard()
        let text = try docket(["metrics", "--as-of", "2026-01-20", "--since", "3w"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Cycle time   50% 2.0d · 85% 2.0d · 95% 2.0d (12 items)"), text.stdout)
        XCTAssertTrue(text.stdout.contains("flow metrics 2025-12-31 to 2026-01-20 (21 days, "), text.stdout)
        // Weeks from 12-29: 0, 4, 7 and 1 finished.
        XCTAssertTrue(text.stdout.contains("Throughput   12 items, 24 points  ▁▅█▂ per week"), text.stdout)
        XCTAssertTrue(text.stdout.contains("open0000"), text.stdout)
        let csv = try docket(["metrics", "--as-of", "2026-01-20", "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let lines = csv.stdout.split(separator: "\r\n")
        XCTAssertEqual(lines.first, "id,title,stage,created,started,done,lead_time_days,cycle_time_days,age_days,days_in_stage")
        XCTAssertEqual(lines.count, 14)
        XCTAssertTrue(lines.contains("item0000,Finished 0,Done,2026-01-05T00:00:00Z,2026-01-06T00:00:00Z,2026-01-08T00:00:00Z,3.000,2.000,,"), csv.stdout)
    }

    func testServiceLevelIsSetStoredAndReported() throws {
        let url = try writeBoard()
        XCTAssertEqual(try docket(["stage", "sla", "review", "1d"]).status, 0)
        let set = try docket(["sle", "--percent", "90"])
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertTrue(try String(contentsOf: url, encoding: .utf8).contains("\"serviceLevelPercent\""))
        XCTAssertTrue(try docket(["sle"]).stdout.contains("Review: 90% within 1 days"))
        // Every item spent exactly one day in Review: all 12 within.
        let text = try docket(["metrics", "--as-of", "2026-01-20"])
        XCTAssertTrue(text.stdout.contains("90% within 1d: 100% (12 of 12), met"), text.stdout)
        let bad = try docket(["sle", "--percent", "0"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("invalid percent '0'"), bad.stderr)
    }

    func testForecastIsSeededAndSaysWhenHistoryIsTooShort() throws {
        _ = try writeBoard()
        let args = ["forecast", "1.0", "--as-of", "2026-01-20", "--weeks", "3", "--runs", "2000", "--seed", "9", "--format", "json"]
        let a = try docket(args), b = try docket(args)
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(a.stdout, b.stdout)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["items"] as? Int, 1)
        XCTAssertEqual(json["target"] as? String, "2026-01-31")
        XCTAssertEqual(json["finishedInWindow"] as? Int, 12)
        let text = try docket(["forecast", "--items", "10", "--as-of", "2026-01-20", "--weeks", "3"])
        XCTAssertTrue(text.stdout.contains("When will 10 more items be done?"), text.stdout)
        XCTAssertTrue(text.stdout.contains("85%  2026-"), text.stdout)
        let until = try docket(["forecast", "--until", "2026-02-20", "--as-of", "2026-01-20", "--weeks", "3"])
        XCTAssertTrue(until.stdout.contains("How many items will be done by 2026-02-20 (31 days)?"), until.stdout)
        let short = try docket(["forecast", "--items", "5", "--as-of", "2026-01-20", "--weeks", "1"])
        XCTAssertNotEqual(short.status, 0)
        // Done on days 3…14; the week before 01-20 (days 8-14) holds 7 of them.
        XCTAssertTrue(short.stderr.contains("only 7 items were finished in the last 1 weeks"), short.stderr)
        let neither = try docket(["forecast"])
        XCTAssertNotEqual(neither.status, 0)
        XCTAssertTrue(neither.stderr.contains("exactly one of them"), neither.stderr)
        for n in ["0", "-3"] {
            let none = try docket(["forecast", "--items=\(n)", "--as-of", "2026-01-20", "--weeks", "3"])
            XCTAssertNotEqual(none.status, 0, "when will \(n) more items be done is not a question")
            XCTAssertTrue(none.stderr.contains("--items must be a number of items of 1 or more, not \(n)"), none.stderr)
            XCTAssertTrue(none.stdout.isEmpty, none.stdout)
        }
        // Bad options are refused with the forecast's own usage line, not the top-level one.
        let bad: [([String], String)] = [
            (["--items", "3", "--runs", "0"], "--runs must be between 1 and 1000000, not 0"),
            (["--items", "3", "--weeks", "0"], "--weeks must be between 1 and 520, not 0"),
            (["--until", "2026-01-01", "--as-of", "2026-01-20"], "--until must be after today (2026-01-20), not 2026-01-01"),
            (["--until", "soon"], "--until must be a date written YYYY-MM-DD, not 'soon'"),
        ]
        for (args, message) in bad {
            let r = try docket(["forecast"] + args)
            XCTAssertEqual(r.status, 64, "\(args)")
            XCTAssertTrue(r.stderr.contains(message), r.stderr)
            XCTAssertTrue(r.stderr.contains("Usage: docket forecast"), r.stderr)
        }
    }
}
