import DocketCore
import Foundation
import XCTest

/// Issue 13 from the command line: `docket archive|restore|comment|stage`, `show`/`list` of
/// archived items, and imports that keep or name what they read.
final class ArchiveStageCommandsEndToEndTests: CLITestCase {
    var board: Board { get throws { try BoardStore.load(dir.appendingPathComponent("docket.json")).board } }

    func add(_ title: String, _ extra: [String] = []) throws -> String {
        let r = try run(["add", title] + extra)
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testArchiveRestoreAndComment() throws {
        XCTAssertEqual(try run(["init"]).status, 0)
        let a = try add("Export invoices", ["--stage", "ready"])
        let b = try add("Old idea #legacy")
        let c = try add("Older idea #legacy")
        let comment = try run(["comment", String(a.prefix(5)), "Customer asked twice"])
        XCTAssertEqual(comment.status, 0, comment.stderr)
        let archived = try run(["archive", a, "--reason", "not this year"])
        XCTAssertEqual(archived.status, 0, archived.stderr)
        XCTAssertFalse(try board.column("ready").contains(a))
        let byQuery = try run(["archive", "--query", "label:legacy"])
        XCTAssertEqual(byQuery.status, 0, byQuery.stderr)
        XCTAssertEqual(Set(try board.items.values.filter(\.archived).map(\.id)), [a, b, c])

        let list = try run(["list", "is:archived"])
        let line = try XCTUnwrap(list.stdout.split(separator: "\n").first { $0.hasPrefix(a) })
        XCTAssertTrue(line.contains("archived ") && line.contains("by e2e: not this year"), String(line))
        let show = try run(["show", a])
        XCTAssertTrue(show.stdout.contains("archived:  yes (") && show.stdout.contains("not this year"), show.stdout)
        XCTAssertTrue(show.stdout.contains("comments (newest first):") && show.stdout.contains("e2e: Customer asked twice"), show.stdout)
        let json = try run(["show", a, "--json"])
        XCTAssertTrue(json.stdout.contains("Customer asked twice") && json.stdout.contains("\"archivedReason\": \"not this year\""), json.stdout)

        let restore = try run(["restore", a])
        XCTAssertEqual(restore.status, 0, restore.stderr)
        XCTAssertTrue(restore.stdout.contains("→ Ready"), restore.stdout)
        XCTAssertEqual(try board.column("ready"), [a])
        let none = try run(["restore", a])
        XCTAssertTrue(none.stderr.contains("nothing to restore"), none.stderr)
        let missing = try run(["archive"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("--query"), missing.stderr)
        let bad = try run(["archive", "--query", "label:"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("bad query"), bad.stderr)
    }

    func testStageCommands() throws {
        XCTAssertEqual(try run(["init"]).status, 0)
        let a = try add("In ready", ["--stage", "ready"])
        XCTAssertEqual(try run(["stage", "move", "Done", "--after", "Inbox"]).status, 0)
        XCTAssertEqual(try board.stages.map(\.id), ["inbox", "done", "ideas", "ready", "doing", "review"])
        XCTAssertEqual(try run(["stage", "move", "done", "6"]).status, 0)
        XCTAssertEqual(try board.stages.last?.id, "done")
        XCTAssertEqual(try run(["stage", "add", "QA", "--at", "5", "--kind", "doing"]).status, 0)
        XCTAssertEqual(try board.stages.map(\.name), ["Inbox", "Ideas", "Ready", "In progress", "QA", "Review", "Done"])
        XCTAssertEqual(try run(["stage", "rename", "QA", "Testing"]).status, 0)
        XCTAssertEqual(try run(["stage", "wip", "Testing", "2"]).status, 0)
        XCTAssertEqual(try run(["stage", "sla", "Testing", "3d"]).status, 0)
        XCTAssertEqual(try run(["stage", "hide", "ideas"]).status, 0)
        let testing = try XCTUnwrap(try board.stages.first { $0.name == "Testing" })
        XCTAssertEqual(testing.wipLimit, 2)
        XCTAssertEqual(testing.slaDays, 3)
        XCTAssertEqual(try board.stages.first { $0.id == "ideas" }?.hidden, true)
        XCTAssertEqual(try run(["stage", "show", "ideas"]).status, 0)
        XCTAssertEqual(try board.stages.first { $0.id == "ideas" }?.hidden, false)
        let badSLA = try run(["stage", "sla", "Testing", "soon"])
        XCTAssertNotEqual(badSLA.status, 0)
        XCTAssertTrue(badSLA.stderr.contains("3d"), badSLA.stderr)

        let refused = try run(["stage", "remove", "ready"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("--move-to"), refused.stderr)
        XCTAssertTrue(try board.stages.contains { $0.id == "ready" }, "nothing written")
        let removed = try run(["stage", "remove", "ready", "--move-to", "ideas"])
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertEqual(try board.items[a]?.stage, "ideas")
        XCTAssertFalse(try board.stages.contains { $0.id == "ready" })
        let listed = try run(["stage"])
        XCTAssertTrue(listed.stdout.contains("Testing\tdoing\t0 items\twip 2\tsla 3d\tshown"), listed.stdout)
    }

    func testGoCDImportKeepsCommentsAndArchivedCardsAreRestorable() throws {
        guard let export = E2EPaths.sharedData("trello-gocd-test-drive.json") else {
            throw XCTSkip("trello-gocd-test-drive.json is not in ../shared/data")
        }
        let r = try run(["import", export.path, "--new", "docket.json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.contains("Not imported"), r.stdout)
        let imported = try board
        XCTAssertEqual(imported.stages.count, 6, "no columns for archived lists")
        XCTAssertEqual(imported.items.values.reduce(0) { $0 + $1.comments.count }, 93)
        let archived = try run(["list", "is:archived"])
        XCTAssertEqual(archived.stdout.split(separator: "\n").count, 78)
        // A card of the archived list "Dashboard Page", by its short id.
        let short = imported.shortID("5cd477ea64452a5f8b07be2b")
        XCTAssertLessThan(short.count, 24)
        let restore = try run(["restore", short])
        XCTAssertEqual(restore.status, 0, restore.stderr)
        XCTAssertEqual(try board.items["5cd477ea64452a5f8b07be2b"]?.archived, false)
        XCTAssertTrue(try board.column("backlog-future-work-ideas").contains("5cd477ea64452a5f8b07be2b"))
    }

    func testImportsNameWhatTheyLeaveOut() throws {
        XCTAssertEqual(try run(["init"]).status, 0)
        let csv = try write("notes.csv", """
            Title,Status,Notes,Notes,Title
            Write release notes,Todo,first note,second note,Alternative title
            Tidy backlog,Doing,,only the second Notes cell,

            """)
        let report = dir.appendingPathComponent("report.txt").path
        let r = try run(["import", csv, "--map", "title=Title,stage=Status,description=Notes", "--report", report])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("left out: column 5 \"Title\""), r.stdout)
        let notes = try board.items.values.sorted { $0.title < $1.title }.map(\.description)
        XCTAssertEqual(notes, ["only the second Notes cell", "first note\n\nsecond note"])
        XCTAssertTrue(try String(contentsOfFile: report, encoding: .utf8).contains("column 5 \"Title\""))

        let euro = try write("euro.csv", "Title;Estimate\nA;1,5\nB;2\nC;x\n")
        let e = try run(["import", euro, "--map", "title=Title,points=Estimate", "--dry-run"])
        XCTAssertEqual(e.status, 0, e.stderr)
        XCTAssertTrue(e.stdout.contains("3 rows") && e.stdout.contains("left out: line 4: points \"x\""), e.stdout)

        let issues = try write("issues.json", """
            [{"number": 7, "title": "From another tool", "state": "open", "milestone": "1"},
             {"number": 8, "title": "Won't do", "state": "closed", "state_reason": "not_planned", "milestone": 2}]
            """)
        let g = try run(["import", issues])
        XCTAssertEqual(g.status, 0, g.stderr)
        XCTAssertEqual(try board.items["gh-7"]?.release, "1")
        XCTAssertEqual(try board.items["gh-8"]?.archivedReason, "closed as not planned on GitHub")
        let bad = try run(["import", euro, "--map", "title=Title", "--decimal", ";"])
        XCTAssertNotEqual(bad.status, 0)
    }
}
