import DocketCore
import Foundation
import XCTest

/// Releases, budgets and the roadmap planned with the real binary on a real board (the Jira
/// export in ../shared/data), and the HTML page rendered by headless Chromium.
final class PlanningEndToEndTests: CLITestCase {
    func bytes() throws -> Data { try Data(contentsOf: dir.appendingPathComponent("b.json")) }

    /// Imports the Jira export into `b.json` (skips with a message when it is absent).
    func importJira() throws {
        guard let jira = E2EPaths.sharedData("jira-k608-scrum.csv") else {
            throw XCTSkip("jira-k608-scrum.csv not found in \(E2EPaths.repoRoot.deletingLastPathComponent().path)/shared/data")
        }
        let r = try run(["import", jira.path, "--new", "b.json"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func ok(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try run(args + ["-b", "b.json"])
        XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)", file: file, line: line)
        return r.stdout
    }

    func testPlanTwoReleasesOnAnImportedBoardAndListThemAsJSON() throws {
        try importJira()
        _ = try ok(["budget", "--currency", "EUR", "--per-week", "42,500", "--points-per-week", "20"])
        _ = try ok(["release", "add", "1.0", "--start", "2026-12-01", "--target", "2027-01-15", "--capacity", "30", "--budget", "60k"])
        _ = try ok(["release", "add", "Beta", "--target", "2027-03-01", "--capacity", "20"])
        _ = try ok(["release", "set", "Beta", "budget=60000.50", "start=2027-01-16", "notes=Public beta"])
        // Put the first estimated items (some done, some open) into the two releases.
        let items = try JSONSerialization.jsonObject(with: Data(try ok(["list", "--json"]).utf8)) as! [[String: Any]]
        let ids = items.compactMap { $0["id"] as? String }
        XCTAssertGreaterThan(ids.count, 12)
        for id in ids.prefix(8) { _ = try ok(["set", id, "release=1.0"]) }
        for id in ids.dropFirst(8).prefix(5) { _ = try ok(["set", id, "release=Beta"]) }
        _ = try ok(["release", "rename", "Beta", "2.0"])

        let list = try JSONSerialization.jsonObject(with: Data(try ok(["release", "list", "--json"]).utf8)) as! [[String: Any]]
        XCTAssertEqual(list.compactMap { $0["name"] as? String }, ["1.0", "2.0"])
        // Independently from the board file: planned = the release's items that are not
        // archived, done = those in a done stage; money = points × 2,125.00.
        let board = try BoardStore.load(dir.appendingPathComponent("b.json")).board
        let done = Set(board.stages.filter { $0.kind == .done }.map(\.id))
        for row in list {
            let name = row["name"] as! String
            let mine = board.items.values.filter { $0.release == name && !$0.archived }
            let planned = mine.reduce(0) { $0 + ($1.points ?? 0) }
            let donePts = mine.filter { done.contains($0.stage) }.reduce(0) { $0 + ($1.points ?? 0) }
            XCTAssertEqual(row["items"] as? Int, mine.count, name)
            XCTAssertEqual(row["plannedPoints"] as? Double, planned, name)
            XCTAssertEqual(row["donePoints"] as? Double, donePts, name)
            XCTAssertEqual(row["unestimated"] as? Int, mine.filter { $0.points == nil }.count, name)
            XCTAssertEqual(row["plannedCost"] as? Double, planned * 2125, name)
            XCTAssertEqual(row["currency"] as? String, "EUR")
        }
        XCTAssertEqual(list[0]["budget"] as? Double, 60000)
        XCTAssertEqual(list[1]["budget"] as? Double, 60000.5)
        XCTAssertEqual(list[1]["start"] as? String, "2027-01-16")
        XCTAssertEqual(list[1]["notes"] as? String, "Public beta")
        XCTAssertEqual(board.items.values.filter { $0.release == "Beta" }.count, 0, "items followed the rename")

        // The same numbers in the budget report (CSV) and the Markdown report.
        let csv = try ok(["budget", "report", "--format", "csv"])
        let first = try XCTUnwrap(csv.components(separatedBy: "\r\n").first { $0.hasPrefix("1.0,") })
        XCTAssertTrue(first.hasPrefix("1.0,\(list[0]["items"]!),\(list[0]["doneItems"]!),\((list[0]["plannedPoints"] as! Double).pointsText),"), first)
        let report = try ok(["export", "--format", "report"])
        XCTAssertTrue(report.contains("| 1.0 | planned | 2027-01-15 | \(list[0]["items"]!) | \((list[0]["donePoints"] as! Double).pointsText) | \((list[0]["plannedPoints"] as! Double).pointsText) | 30 |"), report)

        // Remove refuses while items use it; --move-to moves them.
        let refused = try run(["release", "remove", "2.0", "-b", "b.json"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("'2.0'") && refused.stderr.contains("--move-to"), refused.stderr)
        _ = try ok(["release", "remove", "2.0", "--move-to", "1.0"])
        let after = try BoardStore.load(dir.appendingPathComponent("b.json")).board
        XCTAssertEqual(after.releases.map(\.name), ["1.0"])
        XCTAssertTrue(after.items.values.allSatisfy { $0.release == nil || $0.release == "1.0" })
        _ = try ok(["release", "ship", "1.0"])
        XCTAssertTrue(try ok(["release", "list"]).contains("1.0 [shipped]"))

        // The roadmap prints its lanes; an epic of the import rolls up its children.
        let roadmap = try JSONSerialization.jsonObject(with: Data(try ok(["roadmap", "--format", "json"]).utf8)) as! [String: Any]
        XCTAssertEqual((roadmap["lanes"] as? [String: Any])?.keys.sorted(), ["later", "next", "now"])
        let epics = try XCTUnwrap(roadmap["epics"] as? [[String: Any]])
        XCTAssertTrue(epics.contains { ($0["children"] as? [String])?.isEmpty == false }, "the Jira epics have children")
    }

    func testBadInputNamesTheValueAndWritesNothing() throws {
        XCTAssertEqual(try run(["init", "b.json"]).status, 0)
        _ = try ok(["release", "add", "1.0", "--start", "2027-01-01"])
        let before = try bytes()
        let cases: [([String], String)] = [
            (["release", "add", "2.0", "--target", "15/01/2027"], "'15/01/2027'"),
            (["release", "add", "2.0", "--capacity", "-5"], "'-5'"),
            (["release", "add", "2.0", "--budget", "lots"], "'lots'"),
            (["release", "add", "1.0"], "'1.0'"),
            (["release", "set", "1.0", "target=2026-12-01"], "on or after the start"),
            (["release", "set", "9.9", "capacity=3"], "'9.9'"),
            (["release", "rename", "1.0", ""], "release name"),
            (["budget", "--currency", "EURO"], "'EURO'"),
            (["budget", "--per-point", "12.345"], "'12.345'"),
            (["budget", "--per-week", "1000", "--points-per-week", "0"], "'0'"),
            (["roadmap", "set", "now-stages=nowhere"], "'nowhere'"),
            (["roadmap", "stage", "ready", "--phase", "research"], "'research'"),
        ]
        for (args, named) in cases {
            let r = try run(args + ["-b", "b.json"])
            XCTAssertNotEqual(r.status, 0, "\(args)")
            XCTAssertTrue(r.stderr.contains(named), "\(args): \(r.stderr)")
            XCTAssertEqual(try bytes(), before, "\(args) wrote nothing")
        }
    }

    func testHTMLExportRendersInChromium() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("chromium is not installed (`apt-get install chromium`; .ci/run installs it): the HTML page was not rendered")
        }
        XCTAssertEqual(try run(["init", "b.json"]).status, 0)
        _ = try ok(["budget", "--currency", "EUR", "--per-point", "850"])
        _ = try ok(["release", "add", "Spring <launch>", "--start", "2027-03-01", "--target", "2027-04-30", "--capacity", "5", "--budget", "4k"])
        let add = try run(["add", "Checkout flow ~8", "-b", "b.json"])
        XCTAssertEqual(add.status, 0, add.stderr)
        _ = try ok(["set", add.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "release=Spring <launch>", "blocked=true", "blockedReason=Waiting on legal"])
        // One finished item, so the flow section draws a cycle-time dot.
        let done = try run(["add", "Login page", "-b", "b.json"])
        let doneID = done.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try ok(["move", doneID, "doing"])
        _ = try ok(["move", doneID, "done"])
        _ = try ok(["export", "--format", "html", "-o", "roadmap.html"])
        let page = dir.appendingPathComponent("roadmap.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertFalse(html.contains("<script"), "no scripts")
        XCTAssertTrue(html.contains("Spring &lt;launch&gt;"), "board text is escaped")

        let profile = dir.appendingPathComponent("chromium-profile").path
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)"]
        let png = dir.appendingPathComponent("roadmap.png"), pdf = dir.appendingPathComponent("roadmap.pdf")
        for extra in [["--screenshot=\(png.path)", "--window-size=1200,1600"], ["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer"]] {
            let r = try runProcess(URL(fileURLWithPath: chromium), common + extra + [page.absoluteString])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let pngData = try Data(contentsOf: png)
        XCTAssertEqual(Array(pngData.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "a PNG")
        XCTAssertGreaterThan(pngData.count, 5_000)
        let pdfData = try Data(contentsOf: pdf)
        XCTAssertEqual(String(decoding: pdfData.prefix(5), as: UTF8.self), "%PDF-")
        let dom = try runProcess(URL(fileURLWithPath: chromium), common + ["--dump-dom", page.absoluteString])
        XCTAssertEqual(dom.status, 0, dom.stderr)
        for text in ["Timeline", "Now, Next, Later", "Releases", "Blocked", "Spring &lt;launch&gt;", "Checkout flow", "Waiting on legal",
                     "over capacity by 3 points", "over budget by", "<svg",
                     "Cycle time of finished items", "class=\"dot\"", "Burn-up of Spring &lt;launch&gt;", "Cumulative flow"] {
            XCTAssertTrue(dom.stdout.contains(text), "\(text) in the rendered page")
        }
    }
}
