import DocketCore
import Foundation
import XCTest

/// Jira CSV and GitHub issues imports of the files in `../shared/data`, and malformed inputs.
final class JiraGitHubImportTests: XCTestCase {
    private func stageCounts(_ b: ImportedBoard) -> [String: Int] {
        var out: [String: Int] = [:]
        for item in b.items { out[b.stages.first { $0.id == item.stage }!.name, default: 0] += 1 }
        return out
    }

    func testJiraK608Scrum() throws {
        let b = try JiraCSVImport.parse(try sharedData("jira-k608-scrum.csv"), path: "jira-k608-scrum.csv")
        XCTAssertEqual(b.items.count, 71)
        XCTAssertEqual(b.summary.items, 71)
        XCTAssertEqual(stageCounts(b), ["Done": 43, "To Do": 15, "In Review": 7, "In Progress": 6])
        XCTAssertEqual(b.stages.last?.name, "Done")
        XCTAssertEqual(b.stages.last?.kind, .done)
        XCTAssertEqual(b.stages.first { $0.name == "In Review" }?.kind, .doing)
        XCTAssertEqual(b.stages.first { $0.name == "To Do" }?.kind, .todo)
        XCTAssertEqual(Dictionary(grouping: b.items, by: \.type).mapValues(\.count), [.epic: 9, .story: 20, .chore: 42])
        XCTAssertEqual(b.people.count, 4)
        XCTAssertTrue(b.summary.text.contains("Highest, High → must"))
        // Keys kept as ids, unique.
        XCTAssertEqual(Set(b.items.map(\.id)).count, 71)
        XCTAssertTrue(b.items.allSatisfy { $0.id.hasPrefix("SCRUM-") })
        // Labels that held commas are split; none keeps a comma.
        XCTAssertFalse(b.items.flatMap(\.labels).contains { $0.contains(",") })
        XCTAssertTrue(b.items.contains { $0.labels.contains("audit") && $0.labels.contains("logging") && $0.labels.contains("compliance") })
        // Stages by status category (to do → in progress → done), first seen within one.
        XCTAssertEqual(b.stages.map(\.name), ["To Do", "In Progress", "In Review", "Done"])
        // Sprints are kept (91 values on 71 issues), names whole; comments with their authors' names.
        XCTAssertEqual(b.items.reduce(0) { $0 + $1.sprints.count }, 91)
        XCTAssertTrue(b.items.flatMap(\.sprints).allSatisfy { $0.hasPrefix("SCRUM questions Sprint ") })
        XCTAssertFalse(b.summary.notImported.contains { $0.contains("sprint") || $0.contains("comment") }, "\(b.summary.notImported)")
        let comments = b.items.flatMap(\.comments)
        XCTAssertFalse(comments.isEmpty)
        XCTAssertTrue(comments.allSatisfy { $0.at > 1_735_689_600 && !$0.author.isEmpty && !$0.text.isEmpty })
        XCTAssertTrue(b.items.contains { $0.sprints.count > 1 })
        // Dates, points, priority, parent.
        XCTAssertTrue(b.items.allSatisfy { $0.created > 1_735_689_600 && $0.updated >= $0.created })  // after 2025-01-01
        XCTAssertTrue(b.items.contains { $0.points == 8 })
        XCTAssertEqual(b.items.filter { $0.priority == .must }.count, 13)
        XCTAssertEqual(b.items.filter { $0.due != nil }.map(\.due), ["2026-03-06"])
        let epics = Set(b.items.filter { $0.type == .epic }.map(\.id))
        XCTAssertTrue(b.items.contains { $0.parent != nil })
        XCTAssertTrue(b.items.compactMap(\.parent).allSatisfy(epics.contains))
        // Multi-line descriptions survive.
        XCTAssertTrue(b.items.contains { $0.description.contains("\n") })
        // It makes a board, and a re-import updates instead of duplicating.
        let board = b.makeBoard(by: "test", at: 1_800_000_000)
        XCTAssertEqual(board.items.count, 71)
        let again = b.merge(into: board, by: "test", at: 1_800_000_100).board
        XCTAssertEqual(again.items.count, 71)
    }

    func testJiraLipuSpanish() throws {
        let b = try JiraCSVImport.parse(try sharedData("jira-lipu-es.csv"), path: "jira-lipu-es.csv")
        XCTAssertEqual(b.items.count, 106)
        XCTAssertEqual(stageCounts(b), ["Tareas por hacer": 93, "En curso": 13])
        XCTAssertEqual(b.stages.first { $0.name == "En curso" }?.kind, .doing)
        XCTAssertEqual(b.stages.first { $0.name == "Tareas por hacer" }?.kind, .todo)
        XCTAssertEqual(Dictionary(grouping: b.items, by: \.type).mapValues(\.count), [.chore: 70, .story: 35, .epic: 1])
        XCTAssertEqual(b.items.filter { $0.priority == .must }.count, 15)
        XCTAssertEqual(b.items.filter { $0.due != nil }.map(\.due), ["2025-11-19"])
        // `10/nov/25 4:51 PM`, `14/oct/25 …`: every issue has a creation date in October 2025 or later.
        XCTAssertTrue(b.items.allSatisfy { $0.created >= 1_759_276_800 })
        XCTAssertTrue(b.items.allSatisfy { $0.id.hasPrefix("LIPU-") })
        // CRLF inside cells is kept as text, not taken for new rows.
        XCTAssertTrue(b.items.contains { $0.description.contains("\n") })
    }

    func testJiraDates() {
        XCTAssertEqual(JiraDate.parse("05/Mar/26 1:38 PM").map(ISODate.format), "2026-03-05T13:38:00Z")
        XCTAssertEqual(JiraDate.parse("10/nov/25 4:51 PM").map(ISODate.format), "2025-11-10T16:51:00Z")
        XCTAssertEqual(JiraDate.parse("01/ene/26 12:05 AM").map(ISODate.format), "2026-01-01T00:05:00Z")
        XCTAssertEqual(JiraDate.parse("31/dic/25 12:00 PM").map(ISODate.format), "2025-12-31T12:00:00Z")
        XCTAssertNil(JiraDate.parse("2026-03-05"))
        XCTAssertNil(JiraDate.parse("05/Foo/26 1:38 PM"))
        // Spanish a. m./p. m., a 4-digit year, 24-hour time, a date alone, seconds, spaces around.
        XCTAssertEqual(JiraDate.parse("07/sept./2025 3:04 p. m.").map(ISODate.format), "2025-09-07T15:04:00Z")
        XCTAssertEqual(JiraDate.parse(" 07/Sep/2025 15:04 ").map(ISODate.format), "2025-09-07T15:04:00Z")
        XCTAssertEqual(JiraDate.parse("07/SEP/25").map(ISODate.format), "2025-09-07T00:00:00Z")
        XCTAssertEqual(JiraDate.parse("07/Sep/25 15:04:59").map(ISODate.format), "2025-09-07T15:04:00Z")
        for bad in ["", "07/Sep/25 13:04 PM", "32/Sep/25", "07/Sep/125", "07/Sep/25 1:04 PMX", "07/Sep/25 24:00", "07/Sep"] {
            XCTAssertNil(JiraDate.parse(bad), bad)
        }
    }

    func testGitHubRailsIssues() throws {
        let data = try sharedData("github-rails-issues.json")
        let b = try GitHubIssuesImport.parse(data, path: "github-rails-issues.json")
        let raw = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let issues = raw.filter { $0["pull_request"] == nil }
        let open = issues.filter { $0["state"] as? String == "open" }.count
        let closed = issues.filter { $0["state"] as? String == "closed" }.count
        XCTAssertEqual(issues.count, 123)
        XCTAssertEqual(b.items.count, 123)
        XCTAssertEqual(open + closed, 123)
        XCTAssertEqual(stageCounts(b), ["Open": open, "Closed": closed].filter { $0.value > 0 })
        XCTAssertEqual(b.stages.first { $0.name == "Closed" }?.kind, .done)
        XCTAssertTrue(b.summary.notImported.contains("\(raw.count - 123) pull requests"))
        XCTAssertTrue(b.items.allSatisfy { $0.id.hasPrefix("gh-") })
        XCTAssertTrue(b.releases.contains { $0.name == "7.1.0" })
        let withMilestone = issues.filter { ($0["milestone"] as? [String: Any])?["title"] as? String == "7.1.0" }.count
        XCTAssertEqual(b.items.filter { $0.release == "7.1.0" }.count, withMilestone)
        XCTAssertFalse(b.items.contains { $0.description.contains("\r\n") })
        let board = b.makeBoard(by: "test", at: 1_800_000_000)
        XCTAssertEqual(board.items.count, 123)
        XCTAssertTrue(board.releases.contains { $0.name == "7.1.0" })
    }

    func testTruncatedGitHubJSONIsAClearError() {
        let text = #"[{"number": 1, "title": "a", "state": "open", "html_url": "https://x/1"}, {"number": 2, "tit"#
        XCTAssertThrowsError(try GitHubIssuesImport.parse(Data(text.utf8), path: "cut.json")) { error in
            let e = error as? BoardFileError
            XCTAssertEqual(e?.path, "cut.json")
            XCTAssertNotNil(e)
        }
        XCTAssertThrowsError(try GitHubIssuesImport.parse(Data(#"{"lists": []}"#.utf8), path: "x.json")) { error in
            XCTAssertTrue("\(error)".contains("not a GitHub issues list"), "\(error)")
        }
    }

    func testUnclosedQuoteInJiraCSVNamesTheLine() {
        let text = "Summary,Issue key,Status\nFirst,K-1,To Do\n\"Second, with a quote never closed,K-2,Done\nThird,K-3,Done\n"
        XCTAssertThrowsError(try JiraCSVImport.parse(Data(text.utf8), path: "bad.csv")) { error in
            let e = error as? BoardFileError
            XCTAssertEqual(e?.line, 3)
            XCTAssertTrue("\(error)".contains("never closed"), "\(error)")
        }
    }

    func testJiraRaggedRowsAndOddKeys() throws {
        // A truncated export: the last row stops mid-way. Keys that are not ids get stable ids.
        let text = "Summary,Issue key,Status,Priority\nOne,K-1,To Do,High\nTwo,K 2,To Do,Low\nThree,,Done,\nFour,K-4,Do"
        let b = try JiraCSVImport.parse(Data(text.utf8), path: "t.csv")
        XCTAssertEqual(b.items.map(\.title), ["One", "Two", "Three"])
        XCTAssertEqual(b.items[0].id, "K-1")
        XCTAssertTrue(b.summary.notImported.contains("1 row skipped (line 5: 3 cells, the header has 4)"), "\(b.summary.notImported)")
        let again = try JiraCSVImport.parse(Data(text.utf8), path: "t.csv")
        XCTAssertEqual(b.items.map(\.id), again.items.map(\.id))
    }

    func testJiraCSVSmallCases() throws {
        // Not a Jira export.
        XCTAssertThrowsError(try JiraCSVImport.parse(Data("Name,Status\nx,y\n".utf8), path: "n.csv")) { error in
            XCTAssertTrue("\(error)".contains("not a Jira CSV export"), "\(error)")
        }
        // Invalid UTF-8, with the line.
        XCTAssertThrowsError(try JiraCSVImport.parse(Data("Summary,Issue key\nok,K-1\n".utf8) + Data([0xFF, 0x0A]), path: "u.csv")) { error in
            XCTAssertEqual((error as? BoardFileError)?.line, 3)
        }
        // BOM, CRLF, semicolons, a row without a summary, a quoted multi-line cell.
        let text = "\u{FEFF}Summary;Issue key;Status;Priority;Labels;Labels;Fix Version/s\r\n"
            + "One;K-1;To Do;Lowest;a,b;c;v1\r\n;K-2;To Do;;;;\r\n\"Multi\r\nline\";K-3;Done;High;;;v2\r\n"
        let b = try JiraCSVImport.parse(Data(text.utf8), path: "s.csv")
        XCTAssertEqual(b.items.map(\.id), ["K-1", "K-3"])
        XCTAssertEqual(b.items[0].labels, ["a", "b", "c"])
        XCTAssertEqual(b.items[0].priority, .wont)
        XCTAssertEqual(b.items[1].priority, .must)
        XCTAssertEqual(b.releases.map(\.name), ["v1", "v2"])
        XCTAssertEqual(b.items[1].release, "v2")
        XCTAssertTrue(b.summary.notImported.contains { $0.contains("line 3: no summary") }, "\(b.summary.notImported)")
    }
}
