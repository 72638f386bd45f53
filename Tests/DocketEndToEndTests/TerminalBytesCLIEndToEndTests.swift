import Foundation
import XCTest

/// Issue 14 cases 5 and 7 through the real binary: `docket list` in one normal form, and
/// `docket add` with a title that starts with `-`.
final class TerminalBytesCLIEndToEndTests: CLITestCase {
    func testListMatchesNFDAndNFCAlike() throws {
        XCTAssertEqual(try run(["init"]).status, 0)
        var ids: [String] = []
        for title in ["Cafe\u{301} NFD", "Café NFC", "Tea"] {
            let r = try run(["add", "--literal", title])
            XCTAssertEqual(r.status, 0, r.stderr)
            ids.append(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        for query in ["Café", "Cafe\u{301}", "CAFÉ"] {
            let out = try run(["list", query])
            XCTAssertEqual(out.status, 0, out.stderr)
            let found = Set(out.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) })
            XCTAssertEqual(found, [ids[0], ids[1]], "docket list \(query.debugDescription)")
        }
    }

    func testAddATitleThatStartsWithADash() throws {
        XCTAssertEqual(try run(["init"]).status, 0)
        let r = try run(["add", "- [ ] write the report"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.contains("USAGE"), "not the usage text")
        let id = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let r2 = try run(["add", "--stage", "Ready", "-5 points of pain", "--priority", "must"])
        XCTAssertEqual(r2.status, 0, r2.stderr)
        let id2 = r2.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let list = try run(["list", "--json"])
        let objects = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let titles = Dictionary(uniqueKeysWithValues: objects.map { ($0["id"] as? String ?? "", $0) })
        XCTAssertEqual(titles[id]?["title"] as? String, "- [ ] write the report")
        XCTAssertEqual(titles[id2]?["title"] as? String, "-5 points of pain")
        XCTAssertEqual(titles[id2]?["priority"] as? String, "must")
        let bad = try run(["add", "--bogus"])
        XCTAssertNotEqual(bad.status, 0, "an unknown option is still an error")
    }
}
