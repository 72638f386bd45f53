import XCTest
@testable import DocketCore

/// History from imports: Trello actions, Jira dates, GitHub created/closed times become
/// activity entries with the source's times and people; a re-import adds none twice; the
/// real exports in ../shared/data give non-empty metrics (skipped with a message when absent).
final class ImportHistoryTests: XCTestCase {
    let now = ISODate.parse("2026-12-01")!

    func metrics(_ board: Board) -> FlowMetrics { FlowMetrics(board, now: now, windowDays: 4_000, calendar: .utc) }

    func testTrelloActionsBecomeMovesAndArchivesWithTheirTimesAndPeople() throws {
        let json = """
        {"name": "T", "lists": [{"id": "l1", "name": "To Do", "pos": 1}, {"id": "l2", "name": "Doing", "pos": 2}, {"id": "l3", "name": "Done", "pos": 3}],
         "members": [{"id": "m1", "username": "ana"}],
         "cards": [{"id": "5c0000000000000000000001", "name": "Card", "idList": "l3", "closed": true, "dateLastActivity": "2019-01-09T00:00:00.000Z"}],
         "actions": [
          {"type": "updateCard", "date": "2019-01-08T00:00:00.000Z", "idMemberCreator": "m1",
           "data": {"card": {"id": "5c0000000000000000000001"}, "listBefore": {"id": "l2"}, "listAfter": {"id": "l3"}}},
          {"type": "updateCard", "date": "2019-01-03T00:00:00.000Z", "idMemberCreator": "m1",
           "data": {"card": {"id": "5c0000000000000000000001"}, "listBefore": {"id": "l1"}, "listAfter": {"id": "l2"}}},
          {"type": "updateCard", "date": "2019-01-09T00:00:00.000Z", "idMemberCreator": "zz",
           "data": {"card": {"id": "5c0000000000000000000001", "closed": true}, "old": {"closed": false}}},
          {"type": "commentCard", "date": "2019-01-04T00:00:00.000Z", "data": {"card": {"id": "5c0000000000000000000001"}}}
         ]}
        """
        let imported = try TrelloImport.parse(Data(json.utf8))
        XCTAssertEqual(imported.history.map(\.action), ["move", "move", "archive"])
        XCTAssertEqual(imported.history.first?.by, "ana")
        XCTAssertEqual(imported.history.last?.by, "zz")
        let board = imported.makeBoard(by: "me", at: now)
        let flow = metrics(board).history.flow("5c0000000000000000000001")
        // Created from the id (0x5c000000 = 2018-11-29T…), into Doing on 01-03, Done on 01-08.
        XCTAssertEqual(flow.startedAt, ISODate.parse("2019-01-03"))
        XCTAssertEqual(flow.doneAt, ISODate.parse("2019-01-08"))
        XCTAssertEqual(days(flow.cycleTime), 5)
        XCTAssertNil(flow.discardedAt, "archived in a done stage stays done")
        // A re-import adds no history twice.
        let (again, _) = imported.merge(into: board, by: "me", at: now + 10)
        XCTAssertEqual(again.activity.filter { $0.field == "stage" }.count, 2)
        XCTAssertEqual(again.activity.filter { $0.field == "archived" }.count, 1)
    }

    func testGitHubClosedAtGivesLeadTime() throws {
        let json = """
        [{"number": 1, "title": "A", "state": "closed", "user": {"login": "ana"}, "closed_by": {"login": "bo"},
          "created_at": "2024-01-01T00:00:00Z", "closed_at": "2024-01-04T12:00:00Z"},
         {"number": 2, "title": "B", "state": "open", "user": {"login": "ana"}, "created_at": "2024-01-02T00:00:00Z"}]
        """
        let imported = try GitHubIssuesImport.parse(Data(json.utf8))
        let board = imported.makeBoard(by: "me", at: now)
        XCTAssertTrue(board.activity.contains { $0.item == "gh-1" && $0.field == "stage" && $0.by == "bo" && $0.at == ISODate.parse("2024-01-04T12:00:00Z") })
        let flow = metrics(board).history.flow("gh-1")
        XCTAssertEqual(days(flow.leadTime), 3.5)
        XCTAssertNil(flow.cycleTime)
    }

    func testJiraResolvedAndStatusCategoryChangedDates() throws {
        let csv = """
        Summary,Issue key,Status,Status Category,Created,Resolved,Status Category Changed,Creator
        Done one,K-1,Done,Done,01/Feb/24 9:00 AM,05/Feb/24 9:00 AM,05/Feb/24 9:00 AM,Ana Lima
        Going,K-2,In Progress,In Progress,01/Feb/24 9:00 AM,,03/Feb/24 9:00 AM,Ana Lima
        """
        let imported = try JiraCSVImport.parse(Data(csv.utf8))
        XCTAssertEqual(imported.history.filter { $0.action == "create" }.count, 2)
        let m = metrics(imported.makeBoard(by: "me", at: now))
        XCTAssertEqual(days(m.history.flow("K-1").leadTime), 4)
        XCTAssertEqual(m.history.flow("K-2").startedAt, JiraDate.parse("03/Feb/24 9:00 AM"))
        XCTAssertEqual(m.report.finishedWithoutStart, 1)
    }

    func testRealExportsGiveNonEmptyMetrics() throws {
        let cases: [(String, (Data) throws -> ImportedBoard)] = [
            ("trello-gocd-test-drive.json", { try TrelloImport.parse($0) }),
            ("trello-clipkit-ja.json", { try TrelloImport.parse($0) }),
            ("jira-k608-scrum.csv", { try JiraCSVImport.parse($0) }),
            ("jira-lipu-es.csv", { try JiraCSVImport.parse($0) }),
            ("github-rails-issues.json", { try GitHubIssuesImport.parse($0) }),
        ]
        for (name, parse) in cases {
            let imported = try parse(try sharedData(name))
            XCTAssertFalse(imported.history.isEmpty, name)
            let board = imported.makeBoard(by: "t", at: now)
            let m = metrics(board)
            XCTAssertGreaterThan(m.report.finished + m.report.wip, 0, "\(name): no finished item and nothing in progress")
            XCTAssertTrue(m.history.flows.allSatisfy { f in f.timeInStage.values.allSatisfy { $0 >= 0 } && (f.leadTime ?? 0) >= 0 }, name)
            let (again, _) = imported.merge(into: board, by: "t", at: now + 60)
            XCTAssertEqual(again.activity.filter { $0.action != "import" }.count, board.activity.filter { $0.action != "import" }.count,
                           "\(name): a re-import added history twice")
        }
        let gocd = metrics(try TrelloImport.parse(try sharedData("trello-gocd-test-drive.json")).makeBoard(by: "t", at: now))
        XCTAssertGreaterThan(gocd.report.cycleTime.count, 10, "Trello list moves give cycle times")
        let k608 = metrics(try JiraCSVImport.parse(try sharedData("jira-k608-scrum.csv")).makeBoard(by: "t", at: now))
        XCTAssertGreaterThan(k608.report.leadTime.count, 10, "Jira resolved dates give lead times")
    }
}
