import Foundation
import XCTest
import DocketCore

/// Trello import against the GoCD "Test Drive" export (current schema, 121 cards, 18 lists,
/// most of them archived). The file is read from the shared data folder beside the
/// repository and is not copied into the tests (no licence file in its source repository):
/// these tests skip when that folder is absent.
final class TrelloGoCDTests: XCTestCase {
    let t0: Timestamp = 1_795_961_100

    private func gocd() throws -> ImportedBoard {
        try TrelloImport.parse(try sharedData("trello-gocd-test-drive.json"), path: "trello-gocd-test-drive.json")
    }

    func testCounts() throws {
        let imported = try gocd()
        XCTAssertEqual(imported.name, "Test Drive")
        XCTAssertEqual(imported.items.count, 121)
        XCTAssertEqual(imported.stages.count, 18)
        XCTAssertEqual(imported.summary.closedStages, 12)
        XCTAssertEqual(imported.summary.archivedItems, 78)
        XCTAssertEqual(imported.items.filter(\.archived).count, 78)
        XCTAssertEqual(imported.people.count, 11)
        XCTAssertEqual(imported.labels.count, 8)
        XCTAssertEqual(imported.summary.labelUses, ["Pipelines as Code": 15, "Add Pipeline": 14, "Website": 8,
                                                    "Needs Feature Toggle": 5, "Research": 5, "Dashboard": 3, "Crazy Idea!": 1])
        XCTAssertEqual(imported.summary.notImported, ["93 comments"])
        XCTAssertEqual(imported.items.filter { $0.due != nil }.count, 25, "due dates kept")
        XCTAssertEqual(imported.items.filter { !$0.criteria.isEmpty }.count, 13, "14 checklists on 13 cards")
        XCTAssertEqual(imported.items.reduce(0) { $0 + $1.criteria.count }, 62, "every named check item")
        XCTAssertEqual(imported.items.reduce(0) { $0 + $1.links.count }, 58, "attachments become links")
        XCTAssertEqual(imported.items.filter { !$0.description.isEmpty }.count, 51)
        XCTAssertEqual(imported.items.filter { !$0.labels.isEmpty }.count, 44)
        XCTAssertEqual(imported.items.filter { !$0.assignees.isEmpty }.count, 87)
        XCTAssertEqual(Set(imported.items.map(\.id)).count, 121)
        XCTAssertTrue(imported.items.allSatisfy { $0.id.count == 24 }, "Trello card ids are kept")
    }

    func testStagesInPositionOrderWithKinds() throws {
        let stages = try gocd().stages
        XCTAssertEqual(stages.map(\.name), [
            "Backlog/Future Work/Ideas", "Landing Page", "Loading Page", "Download/Install", "Dashboard Page",
            "Pipelines as Code (temporary column)", "Add Pipeline Page", "Config Repo SPA", "Documentation/Release Notes",
            "Backlog", "To Do", "Homepage/Website", "In Progress", "Doing", "Ready to merge", "Ready for QA", "Done", "Up Next"])
        XCTAssertEqual(stages[0], Stage(id: "backlog-future-work-ideas", name: "Backlog/Future Work/Ideas", kind: .inbox))
        XCTAssertEqual(stages.filter { $0.kind == .doing }.map(\.name), ["In Progress", "Doing", "Ready to merge", "Ready for QA"])
        XCTAssertEqual(stages.filter { $0.kind == .done }.map(\.name), ["Done"])
        XCTAssertEqual(stages[9].id, "backlog")
        XCTAssertEqual(stages[9].kind, .todo, "only the first list can be the inbox")
    }

    func testNamedCards() throws {
        let imported = try gocd()
        let flow = try XCTUnwrap(imported.items.first { $0.id == "5ceedf1bc6515254e2db2b28" })
        XCTAssertEqual(flow.title, "PaC: Flow 1 - Find material in repo")
        XCTAssertEqual(flow.stage, "backlog-future-work-ideas")
        XCTAssertEqual(flow.assignees, ["person07", "person10", "person11"])
        XCTAssertEqual(flow.labels, ["Pipelines as Code"])
        XCTAssertEqual(flow.updated, ISODate.parse("2019-06-05T20:04:55Z"))
        XCTAssertEqual(ISODate.format(flow.created), "2019-05-29T19:35:55Z")
        XCTAssertFalse(flow.archived)

        let bug = try XCTUnwrap(imported.items.first { $0.id == "5cf84837f4848e4780f760c8" })
        XCTAssertEqual(bug.title, "[Bug] - Group admin gets 403 when adding pipeline")
        XCTAssertEqual(bug.stage, "in-progress")
        XCTAssertEqual(bug.labels, ["Add Pipeline"])
        XCTAssertTrue(bug.description.hasPrefix("Steps to recreate:\n1 - enable security\n"))

        let inClosedList = try XCTUnwrap(imported.items.first { $0.id == "5cd477ea64452a5f8b07be2b" })
        XCTAssertEqual(inClosedList.stage, "dashboard-page")
        XCTAssertTrue(inClosedList.archived)
        XCTAssertEqual(inClosedList.assignees, ["person09"])

        XCTAssertEqual(imported.people.first, Person(handle: "person01", name: "Person 01"))
    }

    func testAsANewBoard() throws {
        let board = try gocd().makeBoard(by: "importer", at: t0)
        let open = board.stages.map { board.column($0.id).count }
        XCTAssertEqual(open, [18, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16, 0, 5, 0, 1, 2, 1, 0])
        XCTAssertEqual(board.column("in-progress"), ["5cf584a9fb3e702e49e0a87b", "5ceefaae5f0c0b5636e9f577",
                                                     "5cb8eb3edc2edd1989d6efb7", "5cf57db471204e2278b02e62",
                                                     "5cf84837f4848e4780f760c8"])
        XCTAssertEqual(board.column("done"), ["5cf590a62c350c205a94d69d"])
        XCTAssertEqual(board.column("backlog-future-work-ideas").first, "5ceedf1bc6515254e2db2b28",
                       "equal pos 32767.5: the archived 5ca52cb5… sorts first but is not in the column")
        let bytes = BoardEncoder.encode(board)
        XCTAssertEqual(BoardEncoder.encode(try BoardDecoder.decode(Data(bytes), path: "x").board), bytes)
    }

    func testIntoTheDefaultBoard() throws {
        let start = Board(name: "Mine", stages: Board.defaultStages())
        let (board, edit) = try gocd().merge(into: start, by: "importer", at: t0)
        XCTAssertEqual(board.stages.count, 6 + 16, "In Progress and Done match the default stages")
        XCTAssertEqual(board.stages.first { $0.name == "Doing" }?.id, "doing-2")
        XCTAssertEqual(board.column("doing").count, 5)
        XCTAssertEqual(board.column("done"), ["5cf590a62c350c205a94d69d"])
        XCTAssertEqual(edit.items.count, 121)
        var undone = board
        var history = UndoHistory()
        history.record(edit)
        _ = history.undo(&undone, by: "importer", at: t0 + 1)
        XCTAssertEqual(undone.header, start.header)
        XCTAssertTrue(undone.items.isEmpty)
    }
}
