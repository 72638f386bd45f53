import Foundation
import XCTest

/// `docket list QUERY` run as a script would: the real binary, no terminal.
final class ListCommandEndToEndTests: CLITestCase {

    /// A board with three items; returns their ids.
    func makeBoard() throws -> [String] {
        XCTAssertEqual(try run(["init"]).status, 0)
        var ids: [String] = []
        for args in [["Export invoices as PDF", "--stage", "ready", "--priority", "must", "--points", "5"],
                     ["Login fails, \"Safari\"", "--stage", "doing", "--points", "3"],
                     ["請求書をPDFで出力", "--priority", "could"]] {
            let r = try run(["add"] + args)
            XCTAssertEqual(r.status, 0, r.stderr)
            ids.append(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return ids
    }

    func column(_ out: String, _ index: Int = 0) -> [String] {
        out.split(separator: "\n").map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[index]) }
    }

    func testQueryWordsAreJoinedAndNegationIsNotAnOption() throws {
        let ids = try makeBoard()
        XCTAssertEqual(column(try run(["list"]).stdout), [ids[2], ids[0], ids[1]], "board order")
        XCTAssertEqual(column(try run(["list", "pdf"]).stdout), [ids[2], ids[0]])
        XCTAssertEqual(column(try run(["list", "points:>=3", "-priority:must"]).stdout), [ids[1]])
        // `-is:blocked` and `-label:bug` hold a `b`: they must not be read as `-b FILE`.
        XCTAssertEqual(column(try run(["list", "points:>=3", "-is:blocked", "-label:bug"]).stdout), [ids[0], ids[1]])
        XCTAssertEqual(column(try run(["list", "-is:blocked", "--stage", "ready", "-b", "docket.json"]).stdout), [ids[0]])
        XCTAssertEqual(column(try run(["list", "--", "-stage:ready"]).stdout), [ids[2], ids[1]])
        XCTAssertEqual(column(try run(["list", "(stage:ready or stage:doing) points:<5"]).stdout), [ids[1]])
    }

    func testFormats() throws {
        let ids = try makeBoard()
        let json = try run(["list", "priority:c", "--json"])
        let objects = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(objects.map { $0["id"] as? String }, [ids[2]])
        XCTAssertEqual(try run(["list", "priority:c", "--format", "json"]).stdout, json.stdout)

        let csv = try run(["list", "points:>=3", "--format", "csv"]).stdout
        let lines = csv.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.count, 4, "header, two rows, and the empty string after the last CRLF: \(csv.debugDescription)")
        XCTAssertTrue(lines[0].hasPrefix("id,title,stage,stageId,rank,type,priority,points,labels,assignees,release,blocked,"))
        XCTAssertEqual(lines[0].split(separator: ",").count, (objects.first?.count ?? 0), "the same keys as the JSON")
        XCTAssertTrue(lines[1].hasPrefix("\(ids[0]),Export invoices as PDF,Ready,ready,"))
        XCTAssertTrue(lines[2].hasPrefix("\(ids[1]),\"Login fails, \"\"Safari\"\"\",In progress,doing,"), lines[2])
        XCTAssertEqual(lines[3], "")

        let table = try run(["list", "export"]).stdout
        XCTAssertEqual(table, "\(ids[0])\tReady\tmust\t5\tExport invoices as PDF\n")
    }

    func testArchivedOnlyWhenTheQuerySaysSo() throws {
        let ids = try makeBoard()
        // Archive the second item by editing the file (there is no archive command yet).
        let url = dir.appendingPathComponent("docket.json")
        var text = try String(contentsOf: url, encoding: .utf8)
        let line = try XCTUnwrap(text.components(separatedBy: "\n").first { $0.hasPrefix("{\"id\": \"\(ids[1])\"") })
        text = text.replacingOccurrences(of: line, with: line.replacingOccurrences(of: "\"points\": 3,", with: "\"points\": 3, \"archived\": true,"))
        try text.write(to: url, atomically: true, encoding: .utf8)

        XCTAssertEqual(column(try run(["list"]).stdout), [ids[2], ids[0]])
        XCTAssertEqual(column(try run(["list", "is:archived"]).stdout), [ids[1]])
        XCTAssertEqual(column(try run(["list", "pdf", "or", "is:archived"]).stdout), [ids[2], ids[0], ids[1]])
        XCTAssertEqual(column(try run(["list", "-is:archived"]).stdout), [ids[2], ids[0]])
    }

    func testBadQueryShowsWhereWithACaret() throws {
        _ = try makeBoard()
        let r = try run(["list", "請求書", "colour:red"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("column 5: unknown field 'colour'"), r.stderr)
        // 請求書 takes 6 columns, then a space: the carets start under column 8.
        XCTAssertTrue(r.stderr.contains("  請求書 colour:red\n         ^^^^^^"), r.stderr)

        let dangling = try run(["list", "label:bug", "or"])
        XCTAssertNotEqual(dangling.status, 0)
        XCTAssertTrue(dangling.stderr.contains("  label:bug or\n            ^^"), dangling.stderr)

        let stage = try run(["list", "stage:nowhere"])
        XCTAssertNotEqual(stage.status, 0)
        XCTAssertTrue(stage.stderr.contains("no stage named 'nowhere'"), stage.stderr)
    }
}
