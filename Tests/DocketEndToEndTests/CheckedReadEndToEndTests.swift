import DocketCore
import Foundation
import XCTest

/// Commands on a board that a record vouches for (`CheckedFiles`: read in full before and not
/// changed since) read it lazily. They must print and write exactly what they print and write
/// after a full read (`DOCKET_NO_CACHE=1`), and a file changed behind their back is read in
/// full again, its errors reported as before.
final class CheckedReadEndToEndTests: CLITestCase {
    private let t0: Timestamp = 1_795_953_600

    /// A board with awkward text, comments, archived items, a long imported id and scores.
    private func writeBoard(_ name: String) throws -> (path: String, ids: [String]) {
        var board = GeneratedBoard.make(count: 400, seed: 77)
        let ids = board.items.keys.sorted()
        for (k, id) in ids.enumerated() where k % 7 == 0 {
            _ = try board.modify(id, by: "t", at: t0 + 5) { item in
                item.title = ["Quote \" and \\ back 🚀", "Line\nbreak", "Ünïcødé ✓ 漢字 👍🏽", "tab\there"][k % 4]
                if k % 2 == 0 { item.comments = [Comment(author: "bob", at: self.t0 + 9, text: "a \"comment\"\nwith lines")] }
            }
        }
        for (k, id) in ids.enumerated() where k % 11 == 0 { _ = try board.archive(id, by: "t", at: t0 + 7) }
        _ = try board.addItem(title: "Imported", stage: "inbox", id: "imported-42-long-id", by: "t", at: t0 + 8)
        let url = dir.appendingPathComponent(name)
        try BoardStore.save(board, to: url)
        return (url.path, ids.filter { board.items[$0]?.archived == false })
    }

    private func runBothWays(_ args: [String]) throws -> (checked: CommandResult, full: CommandResult) {
        let checked = try run(args)
        var env = ProcessInfo.processInfo.environment
        env["DOCKET_USER"] = "e2e"
        env["DOCKET_NO_CACHE"] = "1"
        let full = try runProcess(docket, args, environment: env, currentDirectory: dir)
        return (checked, full)
    }

    func testReadCommandsPrintWhatAFullReadPrints() throws {
        let (path, ids) = try writeBoard("board.json")
        try run(["show", ids[0], "-b", path])
        let records = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(".cache/docket/checked").path)
        XCTAssertEqual(records.count, 1, "the full read was recorded")
        let commands: [[String]] = [
            ["show", ids[1]], ["show", ids[7], "--json"], ["show", "imported-42"], ["list"], ["list", "label:bug", "-is:blocked"],
            ["list", "--format", "json"], ["list", "--format", "csv", "--archived"], ["export", "--format", "json"],
            ["export", "--format", "markdown"], ["export", "--format", "report"],
            // Ages in days are counted to the clock's second: a fixed day for both runs.
            ["metrics", "--format", "json", "--as-of", "2026-12-06"], ["standup", "--summary", "--since", "2026-12-01"], ["roadmap"], ["stage"], ["check"],
        ]
        for c in commands {
            let (checked, full) = try runBothWays(c + ["-b", path])
            XCTAssertEqual(checked.status, 0, "\(c): \(checked.stderr)")
            XCTAssertEqual(checked.status, full.status, "\(c)")
            XCTAssertEqual(blankTimes(checked.stdout), blankTimes(full.stdout), "\(c) printed otherwise after a lazy read")
            XCTAssertEqual(checked.stderr, full.stderr, "\(c)")
        }
    }

    /// The same writes to two copies of one board, one with records and one without: the same
    /// file (but for the clock's seconds), every version readable in full.
    func testWritesWriteWhatAFullReadWrites() throws {
        let (a, ids) = try writeBoard("a.json")
        let b = dir.appendingPathComponent("b.json").path
        try FileManager.default.copyItem(atPath: a, toPath: b)
        try run(["show", ids[0], "-b", a])
        let writes: [[String]] = [
            ["set", ids[0], "points=8", "title=Renamed “quoted” 🚀", "labels=bug,ux"], ["move", ids[1], "done"],
            ["comment", ids[2], "Standup note:\nsecond line"], ["archive", ids[3], "--reason", "not now"],
            ["restore", ids[3]], ["set", ids[4], "parent="], ["move", ids[5], "review"], ["scoring", "wsjf"],
            ["set", ids[6], "value=3", "criticality=2", "risk=1", "size=5"], ["archive", "--query", "label:docs stage:ideas"],
        ]
        for w in writes {
            let checked = try run(w + ["-b", a])
            var env = ProcessInfo.processInfo.environment
            env["DOCKET_USER"] = "e2e"
            env["DOCKET_NO_CACHE"] = "1"
            let full = try runProcess(docket, w + ["-b", b], environment: env, currentDirectory: dir)
            XCTAssertEqual(checked.status, full.status, "\(w): \(checked.stderr) / \(full.stderr)")
            XCTAssertEqual(checked.stdout, full.stdout, "\(w)")
            XCTAssertEqual(try withoutTimes(a), try withoutTimes(b), "\(w): the files differ")
        }
        XCTAssertEqual(try runBothWays(["check", "-b", a]).full.status, 0)
        // An add (a fresh id each time) reads back in full, and so does the file after it.
        let added = try run(["add", "One more #bug ~3", "-b", a])
        XCTAssertEqual(added.status, 0, added.stderr)
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let listed = try runBothWays(["list", "label:bug", "--format", "csv", "-b", a])
        XCTAssertTrue(listed.full.stdout.contains(id))
        XCTAssertEqual(listed.checked.stdout, listed.full.stdout)
    }

    /// A file changed since it was recorded (here a value broken by hand, the size kept) is read
    /// in full: its error is reported with its line, and nothing is written.
    func testAFileChangedSinceItWasReadIsReadInFull() throws {
        let (path, ids) = try writeBoard("board.json")
        XCTAssertEqual(try run(["move", ids[0], "done", "-b", path]).status, 0)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let line = try XCTUnwrap(text.range(of: "\"priority\": \"must\""))
        text.replaceSubrange(line, with: "\"priority\": \"must_\"".prefix(18))
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try run(["set", ids[1], "points=2", "-b", path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("board.json:"), result.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "nothing written")
    }

    /// Two items whose lines each give the other's id a second time (the later one counts) read
    /// in full; such a file is never recorded, so every command reads it as a full read does.
    func testLinesThatGiveAnotherItemsIdAreNeverReadLazily() throws {
        XCTAssertEqual(try run(["init"]).status, 0)
        let a = try run(["add", "Alpha"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let b = try run(["add", "Beta"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let url = dir.appendingPathComponent("docket.json")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        for (x, y) in [(a, b), (b, a)] {
            let k = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("{\"id\": \"\(x)\"") })
            let comma = lines[k].hasSuffix(",")
            lines[k] = String(lines[k].dropLast(comma ? 2 : 1)) + ", \"id\": \"\(y)\"}" + (comma ? "," : "")
        }
        try lines.joined(separator: "\n").write(to: url, atomically: false, encoding: .utf8)
        for _ in 0..<2 {
            let (checked, full) = try runBothWays(["show", a])
            XCTAssertEqual(checked.status, 0, checked.stderr)
            XCTAssertEqual(checked.stdout, full.stdout)
        }
        XCTAssertEqual(try run(["set", a, "points=3"]).status, 0)
        let listed = try runBothWays(["list"])
        XCTAssertEqual(listed.full.stdout.components(separatedBy: "\n").filter { !$0.isEmpty }.count, 2,
                       "both items are still there: \(listed.full.stdout) \(listed.full.stderr)")
        XCTAssertEqual(listed.checked.stdout, listed.full.stdout)
    }

    /// A record that vouches for a damaged content (as a content forged to the same hash
    /// would): the command that meets the damage stops with the full read's error, exit 1 (not
    /// a crash), forgets the record, and writes nothing; the next command reports it too.
    func testAWrongRecordEndsWithTheFullReadsError() throws {
        let (path, ids) = try writeBoard("board.json")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let line = try XCTUnwrap(text.range(of: "{\"id\": \"\(ids[3])\""))
        let priority = try XCTUnwrap(text.range(of: "\"type\": \"story\"", range: line.lowerBound..<text.endIndex))
        text.replaceSubrange(priority, with: "\"type\": \"storx\"")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let records = CheckedFiles(directory: dir.appendingPathComponent(".cache/docket/checked"))
        records.remember(AtomicFile.linkTarget(of: URL(fileURLWithPath: path)).path, try Data(contentsOf: URL(fileURLWithPath: path)))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for args in [["set", ids[3], "points=2"], ["show", ids[3]]] {
            let result = try run(args + ["-b", path])
            XCTAssertEqual(result.status, 1, "\(args): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("board.json:") && result.stderr.contains("type"), result.stderr)
            XCTAssertFalse(result.stderr.contains("Fatal error") || result.stderr.contains("crashed"), result.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "nothing written")
    }

    /// The file's text with every timestamp blanked (`blankTimes`).
    private func withoutTimes(_ path: String) throws -> String { blankTimes(try String(contentsOfFile: path, encoding: .utf8)) }

    /// `text` with every timestamp blanked: the clock's seconds differ between two runs (a
    /// report's "since", an activity entry's time).
    private func blankTimes(_ text: String) -> String {
        text.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "T", options: .regularExpression)
    }
}
