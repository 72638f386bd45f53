import Foundation
import XCTest
@testable import DocketCore

/// GitHub Projects "Export view" CSV (fixture `github-project.csv`, written by hand after
/// GitHub's export columns, with custom fields Estimate, Priority, Iteration, Size).
final class GitHubProjectsImportTests: XCTestCase {
    let t0: Timestamp = 1_795_961_100

    func testProjectsCSV() throws {
        let b = try GitHubProjectsCSVImport.parse(try fixture("github-project.csv"), path: "github-project.csv")
        XCTAssertEqual(b.stages.map(\.name), ["Todo", "In Progress", "Done", "No Status"])
        XCTAssertEqual(b.stages.map(\.kind), [.todo, .doing, .done, .todo])
        XCTAssertEqual(b.items.count, 6)
        XCTAssertEqual(b.releases.map(\.name), ["v1.0", "v1.1"])
        XCTAssertEqual(Set(b.people.map(\.handle)), ["ana", "bo"])
        let login = try XCTUnwrap(b.items.first { $0.id == "gh-12" })
        XCTAssertEqual(login.title, "Login with SSO")
        XCTAssertEqual(login.assignees, ["ana", "bo"])
        XCTAssertEqual(login.labels, ["auth", "ui"])
        XCTAssertEqual(login.points, 3)
        XCTAssertEqual(login.priority, .must)
        XCTAssertEqual(login.release, "v1.0")
        XCTAssertEqual(login.links, [Link(url: "https://github.com/acme/app/issues/12", title: "GitHub #12")])
        let crash = try XCTUnwrap(b.items.first { $0.id == "gh-15" })
        XCTAssertEqual(crash.type, .bug)
        XCTAssertEqual(crash.links.last, Link(url: "https://github.com/acme/app/pull/16", title: "PR #16"))
        XCTAssertEqual(b.items.first { $0.id == "gh-20" }?.title, "Dark mode, at last")
        // A draft (no URL) and the same number from another repository get derived ids.
        let draft = try XCTUnwrap(b.items.first { $0.title == "Write the docs" })
        let other = try XCTUnwrap(b.items.first { $0.title == "Same number elsewhere" })
        XCTAssertFalse(draft.id.hasPrefix("gh-"))
        XCTAssertNotEqual(other.id, "gh-12")
        XCTAssertTrue(b.summary.notImported.contains("columns Repository, Iteration, Size"), "\(b.summary.notImported)")
        // Imported again: the same ids.
        let again = try GitHubProjectsCSVImport.parse(try fixture("github-project.csv"))
        XCTAssertEqual(Set(again.items.map(\.id)), Set(b.items.map(\.id)))
    }

    func testProjectsAndRESTImportsUpdateTheSameItems() throws {
        let rest = """
        [{"number": 12, "title": "Login with SSO", "body": "Use the IdP.", "state": "open",
          "html_url": "https://github.com/acme/app/issues/12"}]
        """
        let board = try GitHubIssuesImport.parse(Data(rest.utf8)).makeBoard(by: "pm", at: t0)
        let (merged, edit) = try GitHubProjectsCSVImport.parse(try fixture("github-project.csv")).merge(into: board, by: "pm", at: t0 + 1)
        XCTAssertEqual(merged.items.count, 6, "gh-12 is updated, not duplicated")
        XCTAssertTrue(edit.summary.contains("(5 new, 1 updated)"), edit.summary)
        let item = try XCTUnwrap(merged.items["gh-12"])
        XCTAssertEqual(merged.stages.first { $0.id == item.stage }?.name, "Todo")
        XCTAssertEqual(item.description, "Use the IdP.", "the CSV has no body: the REST description stays")
        XCTAssertEqual(item.points, 3)
    }

    func testDetectionNeedsTitleStatusAndAGitHubColumn() {
        XCTAssertTrue(GitHubProjectsCSVImport.isProjectsCSV(header: ["Title", "Status", "Repository"]))
        XCTAssertTrue(GitHubProjectsCSVImport.isProjectsCSV(header: ["title", "Assignees", "status", "Size"]))
        XCTAssertFalse(GitHubProjectsCSVImport.isProjectsCSV(header: ["Title", "Status", "Owner"]))
        XCTAssertFalse(GitHubProjectsCSVImport.isProjectsCSV(header: ["Name", "Status", "URL"]))
        XCTAssertThrowsError(try GitHubProjectsCSVImport.parse(Data("Name,Status\nA,Todo\n".utf8), path: "p.csv")) { e in
            XCTAssertTrue("\(e)".contains("not a GitHub Projects CSV"), "\(e)")
        }
    }

    func testRaggedRowsAreSkippedWithTheirLine() throws {
        let csv = "Title,Status,URL\nA,Todo,https://github.com/o/r/issues/1\nB,Todo\n"
        let b = try GitHubProjectsCSVImport.parse(Data(csv.utf8))
        XCTAssertEqual(b.items.map(\.id), ["gh-1"])
        XCTAssertEqual(b.summary.notImported, ["1 row skipped (line 3: 2 cells, the header has 3)"])
    }
}
