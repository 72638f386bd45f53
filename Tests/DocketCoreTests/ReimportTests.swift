import Foundation
import XCTest
@testable import DocketCore

/// Importing the same export again refreshes the fields the export carries and keeps what the
/// team added in Docket (`ImportedBoard.sourceFields`).
final class ReimportTests: XCTestCase {
    let t0: Timestamp = 1_795_961_100

    static let jira = """
    Summary,Issue key,Issue Type,Status,Priority,Custom field (Story Points),Fix Version/s,Due date
    Login page,ABC-1,Story,To Do,High,3,1.0,
    Export report,ABC-2,Bug,In Progress,Low,5,1.1,10/Mar/26 9:00 AM
    """

    private func jira(_ text: String) throws -> ImportedBoard { try JiraCSVImport.parse(Data(text.utf8), path: "j.csv") }

    func testJiraReimportTakesJirasPriorityPointsReleaseAndDueAndKeepsDocketFields() throws {
        var board = try jira(Self.jira).makeBoard(by: "pm", at: t0)
        try board.modify("ABC-1", by: "po", at: t0 + 1) {
            $0.scores.value = 8; $0.blocked = true; $0.blockedReason = "waiting on legal"; $0.labels = ["docket-only"]
        }
        let rank = board.items["ABC-1"]!.rank
        let changed = Self.jira.replacingOccurrences(of: "Login page,ABC-1,Story,To Do,High,3,1.0,",
                                                     with: "Login page,ABC-1,Bug,To Do,Lowest,8,2.0,01/Apr/26")
        let (again, edit) = try jira(changed).merge(into: board, by: "pm", at: t0 + 2)
        XCTAssertEqual(Array(edit.items.keys), ["ABC-1"], "the unchanged issue is left alone")
        let item = try XCTUnwrap(again.items["ABC-1"])
        XCTAssertEqual(item.priority, .wont)
        XCTAssertEqual(item.points, 8)
        XCTAssertEqual(item.release, "2.0")
        XCTAssertEqual(item.type, .bug)
        XCTAssertEqual(item.due, "2026-04-01")
        XCTAssertEqual(item.scores.value, 8, "Docket's score inputs are kept")
        XCTAssertTrue(item.blocked)
        XCTAssertEqual(item.blockedReason, "waiting on legal")
        XCTAssertEqual(item.rank, rank)
        XCTAssertEqual(item.labels, ["docket-only"], "the export has no Labels column: the board's labels are kept")
    }

    func testJiraWithoutAPointsColumnKeepsDocketEstimates() throws {
        let noPoints = "Summary,Issue key,Status\nLogin page,ABC-1,To Do\n"
        var board = try jira(noPoints).makeBoard(by: "pm", at: t0)
        try board.modify("ABC-1", by: "po", at: t0 + 1) { $0.points = 13; $0.priority = .must }
        let again = try jira(noPoints).merge(into: board, by: "pm", at: t0 + 2).board
        XCTAssertEqual(again.items["ABC-1"]?.points, 13)
        XCTAssertEqual(again.items["ABC-1"]?.priority, .must)
    }

    func testAnEmptyCellInTheExportDoesNotClearWhatTheTeamSet() throws {
        let blank = "Summary,Issue key,Status,Priority,Custom field (Story Points),Labels,Description\nLogin page,ABC-1,To Do,,,,\n"
        var board = try jira(blank).makeBoard(by: "pm", at: t0)
        try board.modify("ABC-1", by: "po", at: t0 + 1) {
            $0.points = 13; $0.priority = .must; $0.labels = ["auth"]; $0.description = "Written in Docket"
        }
        let again = try jira(blank).merge(into: board, by: "pm", at: t0 + 2).board.items["ABC-1"]
        XCTAssertEqual(again?.points, 13)
        XCTAssertEqual(again?.priority, .must)
        XCTAssertEqual(again?.labels, ["auth"])
        XCTAssertEqual(again?.description, "Written in Docket")
    }

    func testTaskellReimportKeepsLabelsAndAssignees() throws {
        let md = "## To do\n- Write the spec\n    > first draft\n"
        var board = try TaskellImport.parse(Data(md.utf8)).makeBoard(by: "pm", at: t0)
        let id = try XCTUnwrap(board.items.keys.first)
        try board.modify(id, by: "po", at: t0 + 1) { $0.labels = ["api"]; $0.assignees = ["ann"]; $0.points = 2 }
        let changed = md.replacingOccurrences(of: "first draft", with: "second draft")
        let item = try XCTUnwrap(TaskellImport.parse(Data(changed.utf8)).merge(into: board, by: "pm", at: t0 + 2).board.items[id])
        XCTAssertEqual(item.description, "second draft")
        XCTAssertEqual(item.labels, ["api"])
        XCTAssertEqual(item.assignees, ["ann"])
        XCTAssertEqual(item.points, 2)
    }

    func testItemsWithoutADateGetTheImportTime() throws {
        let csv = try GenericCSVImport.parse(Data("Name\nA\n".utf8), map: ["title": "Name"])
        let made = csv.makeBoard(by: "pm", at: t0)
        XCTAssertEqual(made.items.values.map(\.created), [t0])
        XCTAssertEqual(made.items.values.map(\.updated), [t0])
        let md = try TaskellImport.parse(Data("## To do\n- One\n".utf8))
        let merged = md.merge(into: Board(name: "b", stages: []), by: "pm", at: t0 + 5).board
        XCTAssertEqual(merged.items.values.map(\.created), [t0 + 5])
        // A source date is kept.
        let jira = try jira("Summary,Issue key,Created\nA,K-1,05/Mar/26 1:38 PM\n").makeBoard(by: "pm", at: t0)
        XCTAssertEqual(jira.items["K-1"]?.created, JiraDate.parse("05/Mar/26 1:38 PM"))
    }

    func testMappedCSVReimportRefreshesOnlyMappedFields() throws {
        let csv = "Key,Name,Estimate\nK1,First,3\n"
        let map = ["id": "Key", "title": "Name", "points": "Estimate"]
        var board = try GenericCSVImport.parse(Data(csv.utf8), map: map).makeBoard(by: "pm", at: t0)
        try board.modify("K1", by: "po", at: t0 + 1) { $0.priority = .should; $0.scores.reach = 100 }
        let changed = "Key,Name,Estimate\nK1,First renamed,5\n"
        let item = try XCTUnwrap(GenericCSVImport.parse(Data(changed.utf8), map: map).merge(into: board, by: "pm", at: t0 + 2).board.items["K1"])
        XCTAssertEqual(item.title, "First renamed")
        XCTAssertEqual(item.points, 5)
        XCTAssertEqual(item.priority, .should)
        XCTAssertEqual(item.scores.reach, 100)
    }

    func testDocketCSVReimportRestoresEveryFieldItHolds() throws {
        var board = try sampleBoard(at: t0)
        let csv = try ItemListCSV.encode(board.items.values.sorted { $0.id < $1.id }, board: board)
        let original = board.items["aaaa0001"]!
        try board.modify("aaaa0001", by: "po", at: t0 + 1) { $0.priority = .could; $0.scores.risk = 3; $0.votes = 4; $0.title = "Renamed" }
        let item = try XCTUnwrap(GenericCSVImport.parse(Data(csv.utf8), map: [:]).merge(into: board, by: "pm", at: t0 + 2).board.items["aaaa0001"])
        XCTAssertEqual(item.priority, original.priority)
        XCTAssertEqual(item.votes, original.votes)
        XCTAssertEqual(item.title, original.title)
        XCTAssertEqual(item.scores.risk, 3, "an empty cell does not clear what the board has")
    }

    func testMakeBoardIsMergeIntoAnEmptyBoard() throws {
        for imported in [try jira(Self.jira), try TaskellImport.parse(Data("# Board\n## A\n- x\n".utf8)),
                         try jira("Summary,Issue key,Status\n")] {
            let direct = imported.makeBoard(by: "pm", at: t0)
            let merged = imported.merge(into: Board(name: imported.name, stages: []), by: "pm", at: t0).board
            XCTAssertEqual(direct, merged)
            XCTAssertEqual(direct.columns, merged.columns)
        }
    }
}
