import DocketCore
import Foundation
import XCTest

/// `docket import` run as a script would: the real binary, no terminal.
final class ImportCommandEndToEndTests: CLITestCase {

    func write(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testProjectsCSVIntoABoardTwiceUpdatesAndCounts() throws {
        let csv = try write("project.csv", """
        Title,URL,Assignees,Status,Labels,Milestone,Estimate
        Login,https://github.com/o/r/issues/1,ana,Todo,auth,v1,3
        Export,https://github.com/o/r/issues/2,,Done,,,

        """)
        XCTAssertEqual(try run(["init", "team.json"]).status, 0)
        let first = try run(["import", csv, "--into", "team.json"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("(2 new, 0 updated)"), first.stdout)
        XCTAssertTrue(first.stdout.contains("GitHub Projects: 2 items"), first.stdout)
        let changed = try write("project.csv", try String(contentsOfFile: csv, encoding: .utf8).replacingOccurrences(of: "Done,,,", with: "Done,,,5"))
        // `--from github` reads a CSV as a Projects export; `-b` still works.
        let second = try run(["import", changed, "--from", "github", "-b", "team.json"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("(0 new, 1 updated, 1 unchanged)"), second.stdout)
        let board = try BoardStore.load(dir.appendingPathComponent("team.json")).board
        XCTAssertEqual(Set(board.items.keys), ["gh-1", "gh-2"])
        XCTAssertEqual(board.items["gh-2"]?.points, 5)
        XCTAssertNotEqual(board.items["gh-1"]?.created, 0, "no date column: the import time")

        let both = try run(["import", csv, "--into", "team.json", "-b", "other.json"])
        XCTAssertNotEqual(both.status, 0)
        XCTAssertTrue(both.stderr.contains("two boards"), both.stderr)
        let newAndInto = try run(["import", csv, "--into", "team.json", "--new", "fresh.json"])
        XCTAssertNotEqual(newAndInto.status, 0)
        XCTAssertTrue(newAndInto.stderr.contains("give one"), newAndInto.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("fresh.json").path))
    }

    func testAHugeOneLineFileGivesAShortError() throws {
        let deep = try write("deep.json", String(repeating: "[", count: 200_000) + "1" + String(repeating: "]", count: 200_000))
        XCTAssertEqual(try run(["init"]).status, 0)
        let r = try run(["import", deep, "--from", "csv"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("the header has"), r.stderr)
        XCTAssertLessThan(r.stderr.count, 600, r.stderr)
    }
}
