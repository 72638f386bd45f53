import DocketCore
import Foundation
import XCTest

/// Feedback in the terminal: a note recorded with the CLI, linked in the feedback inbox to an
/// item found by typing, and the item's card showing its note and customer count.
final class FeedbackInboxEndToEndTests: TmuxTestCase {
    func testRecordFeedbackLinkItInTheInboxAndSeeTheCountOnTheCard() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["Exports time out for large accounts", "Dark mode"])
        let note = try t.runDocket(["feedback", "add", "Our exports time out every Monday", "--from", "Acme GmbH",
                                    "--importance", "critical", "-b", url.path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try t.runDocket(["feedback", "settings", "cards=on", "-b", url.path])

        try t.startDocket([url.path], width: 120, height: 30)
        try t.waitForText("Inbox")
        try t.keys("I")
        try t.waitForText("Feedback inbox · 1 of 1")
        try t.waitForText("Our exports time out every Monday")
        try t.keys("l")
        try t.type("large acc")
        try t.waitForText("→ \(ids[0]) Exports time out for large accounts (Enter to link)")
        try t.keys("Enter")
        try t.waitForText("Every note is linked")
        try t.waitForBoard(url, "the note is linked to the item") {
            $0.strategy.notes.first { $0.id == note }?.items == [ids[0]]
        }
        try t.keys("q")
        try t.waitForText("\(ids[0]) fb:1/1c")
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
        let board = try BoardStore.load(url).board
        XCTAssertEqual(board.customerImpact(ids[0]), CustomerImpact(figure: 3, notes: 1, customers: 1))
    }
}

/// The goal and feedback commands as a script runs them: bad input names the value and
/// leaves the file as it was.
final class GoalsFeedbackCommandsEndToEndTests: CLITestCase {
    func testCommandsAndErrorsThatWriteNothing() throws {
        XCTAssertEqual(try run(["init", "b.json"]).status, 0)
        let item = try run(["add", "Exports time out", "-b", "b.json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let goal = try run(["goal", "add", "Exports never time out", "--kr", "p95: 900ms -> 300ms", "--item", item, "-b", "b.json"])
        XCTAssertEqual(goal.status, 0, goal.stderr)
        let kr = try run(["kr", "set", "exports", "p95", "current=650ms", "-b", "b.json"])
        XCTAssertEqual(kr.stdout, "p95: 900 ms → 650 ms → 300 ms (42%)\n", kr.stderr)
        let file = dir.appendingPathComponent("b.json")
        let before = try Data(contentsOf: file)
        let bad: [([String], String)] = [
            (["goal", "add", "X", "--kr", "p95: 900ms", "-b", "b.json"], "'p95: 900ms'"),
            (["goal", "add", "X", "--kr", "p95: 900ms -> 900ms", "-b", "b.json"], "'900 ms'"),
            (["goal", "link", "nope", item, "-b", "b.json"], "'nope'"),
            (["goal", "link", "exports", "zzzzzzzz", "-b", "b.json"], "'zzzzzzzz'"),
            (["kr", "set", "exports", "p95", "target=900", "-b", "b.json"], "'900 ms'"),
            (["feedback", "add", "x", "--from", "A", "--importance", "meh", "-b", "b.json"], "'meh'"),
            (["feedback", "add", "x", "--from", "A", "--item", "zzzzzzzz", "-b", "b.json"], "'zzzzzzzz'"),
            (["feedback", "settings", "score=rice", "-b", "b.json"], "'rice'"),
        ]
        for (args, named) in bad {
            let r = try run(args)
            XCTAssertNotEqual(r.status, 0, "\(args)")
            XCTAssertTrue(r.stderr.contains(named), "\(args): \(r.stderr)")
            XCTAssertEqual(try Data(contentsOf: file), before, "\(args) wrote nothing")
        }
        let csv = dir.appendingPathComponent("t.csv")
        try Data("Body,Company\nSlow exports,Acme\n,Bob\n".utf8).write(to: csv)
        let imported = try run(["feedback", "import", "t.csv", "--map", "text=Body,from=Company", "-b", "b.json"])
        XCTAssertEqual(imported.stdout, "imported 1 note, skipped 1\n", imported.stderr)
        XCTAssertTrue(imported.stderr.contains("skipped line 3: invalid text ''"), imported.stderr)
        let listed = try run(["list", "-b", "b.json", "--", "has:goal"])
        XCTAssertTrue(listed.stdout.contains(item), listed.stdout)

        // Close the loop: the item ships, notify names its customer once.
        XCTAssertEqual(try run(["feedback", "add", "Exports time out", "--from", "Acme GmbH", "--item", item, "-b", "b.json"]).status, 0)
        XCTAssertEqual(try run(["move", item, "done", "-b", "b.json"]).status, 0)
        let first = try run(["feedback", "notify", "--since", "last", "--format", "markdown", "-b", "b.json"])
        XCTAssertTrue(first.stdout.hasPrefix("## Acme GmbH\n\n- **Exports time out** (`\(item)`), shipped "), first.stdout + first.stderr)
        let second = try run(["feedback", "notify", "--since", "last", "-b", "b.json"])
        XCTAssertTrue(second.stdout.hasPrefix("nothing with feedback shipped since "), second.stdout)
        let badFormat = try run(["feedback", "notify", "--format", "pdf", "-b", "b.json"])
        XCTAssertTrue(badFormat.stderr.contains("'pdf'"), badFormat.stderr)
    }
}
