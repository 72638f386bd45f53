import Foundation
import XCTest

/// `docket check [--fix]` on a board broken by hand, run as a script would: the real binary,
/// no terminal.
final class CheckCommandEndToEndTests: CLITestCase {

    /// A bad hand merge: an item's line copied with another title and an empty rank, a rank
    /// `!!`, a release the board does not list. Every command refuses the board; `check`
    /// lists the problems, `check --fix` repairs them and keeps every item.
    func testCheckListsAndFixRepairsABoardBrokenByHand() throws {
        XCTAssertEqual(try run(["init"]).status, 0)
        var ids: [String] = []
        for title in ["Export invoices", "Login fails", "Dark mode"] {
            let r = try run(["add", title])
            XCTAssertEqual(r.status, 0, r.stderr)
            ids.append(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let file = dir.appendingPathComponent("docket.json")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let twin = try XCTUnwrap(lines.firstIndex { $0.contains("\"id\": \"\(ids[0])\"") })
        let bang = try XCTUnwrap(lines.firstIndex { $0.contains("\"id\": \"\(ids[1])\"") })
        let rankPattern = #""rank": "[0-9a-z]+""#
        lines[bang] = lines[bang].replacingOccurrences(of: rankPattern, with: #""rank": "!!", "release": "v9""#, options: .regularExpression)
        var copy = lines[twin].replacingOccurrences(of: "Export invoices", with: "Export invoices (theirs)")
            .replacingOccurrences(of: rankPattern, with: #""rank": """#, options: .regularExpression)
        if !copy.hasSuffix(",") { copy += "," }
        lines.insert(copy, at: twin)
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)

        let list = try run(["list"])
        XCTAssertNotEqual(list.status, 0)
        XCTAssertTrue(list.stderr.contains("run `docket check --fix` to repair"), list.stderr)

        let check = try run(["check"])
        XCTAssertEqual(check.status, 1, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("line \(twin + 2): \(ids[0]): two items have this id"), check.stdout)
        XCTAssertTrue(check.stdout.contains("'Export invoices (theirs)'"), check.stdout)
        XCTAssertTrue(check.stdout.contains("rank '!!' of 'Login fails' is not valid"), check.stdout)
        XCTAssertTrue(check.stdout.contains("release 'v9'"), check.stdout)

        let fix = try run(["check", "--fix"])
        XCTAssertEqual(fix.status, 0, fix.stderr)
        XCTAssertTrue(fix.stdout.contains("given the new id"), fix.stdout)

        let again = try run(["check"])
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        XCTAssertEqual(again.stdout, "no problems found\n")
        let listed = try run(["list"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let titles = listed.stdout.split(separator: "\n").map { String($0.split(separator: "\t").last ?? "") }
        XCTAssertEqual(titles.sorted(), ["Dark mode", "Export invoices", "Export invoices (theirs)", "Login fails"], "nothing lost")
    }

    /// A filtered JSON export leaves out an epic; the exported board still passes `check`.
    func testFilteredJSONExportPassesCheck() throws {
        XCTAssertEqual(try run(["init"]).status, 0)
        let epic = try run(["add", "Invoicing"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let child = try run(["add", "Export invoices"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let set = try run(["set", child, "parent=\(epic)"])
        XCTAssertEqual(set.status, 0, set.stderr)
        let export = try run(["export", "--format", "json", "--query", "export", "--output", "part.json"])
        XCTAssertEqual(export.status, 0, export.stderr)
        let check = try run(["check", "-b", "part.json"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        // The file as an argument too, as `docket FILE` opens one (a newcomer tried it).
        let byArgument = try run(["check", "part.json"])
        XCTAssertEqual(byArgument.status, 0, byArgument.stdout + byArgument.stderr)
        XCTAssertEqual(byArgument.stdout, "no problems found\n")
        let missing = try run(["check", "nowhere.json"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("nowhere.json"), missing.stderr)
    }
}
