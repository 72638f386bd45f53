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
        XCTAssertEqual(imported.stages.count, 6, "the 12 archived lists are not stages")
        XCTAssertEqual(imported.summary.closedStages, 12)
        XCTAssertEqual(imported.summary.archivedItems, 78)
        XCTAssertEqual(imported.items.filter(\.archived).count, 78)
        XCTAssertEqual(imported.people.count, 11)
        XCTAssertEqual(imported.labels.count, 8)
        XCTAssertEqual(imported.summary.labelUses, ["Pipelines as Code": 15, "Add Pipeline": 14, "Website": 8,
                                                    "Needs Feature Toggle": 5, "Research": 5, "Dashboard": 3, "Crazy Idea!": 1])
        XCTAssertEqual(imported.summary.notImported, [], "comments are kept now")
        XCTAssertEqual(imported.items.reduce(0) { $0 + $1.comments.count }, 93, "every commentCard action")
        XCTAssertTrue(imported.items.allSatisfy { $0.comments.allSatisfy { !$0.author.isEmpty && $0.at > 0 && !$0.text.isEmpty } })
        XCTAssertEqual(imported.items.filter { $0.archivedList != nil }.count, imported.items.filter { $0.archived && $0.archivedList != nil }.count,
                       "only archived cards carry an archived list's name")
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
        XCTAssertEqual(stages.map(\.name), ["Backlog/Future Work/Ideas", "To Do", "In Progress", "Ready to merge", "Ready for QA", "Done"],
                       "the live lists in position order; archived ones (Landing Page…, Doing, Up Next) are not stages")
        XCTAssertEqual(stages[0], Stage(id: "backlog-future-work-ideas", name: "Backlog/Future Work/Ideas", kind: .inbox))
        XCTAssertEqual(stages.filter { $0.kind == .doing }.map(\.name), ["In Progress", "Ready to merge", "Ready for QA"])
        XCTAssertEqual(stages.filter { $0.kind == .done }.map(\.name), ["Done"])
        XCTAssertEqual(stages[1].kind, .todo, "only the first list can be the inbox")
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
        XCTAssertEqual(inClosedList.stage, "backlog-future-work-ideas", "a card of an archived list waits in the first stage")
        XCTAssertEqual(inClosedList.archivedList, "Dashboard Page")
        XCTAssertTrue(inClosedList.archived)
        XCTAssertEqual(inClosedList.assignees, ["person09"])

        XCTAssertEqual(imported.people.first, Person(handle: "person01", name: "Person 01"))
    }

    func testAsANewBoard() throws {
        let board = try gocd().makeBoard(by: "importer", at: t0)
        let open = board.stages.map { board.column($0.id).count }
        XCTAssertEqual(open, [18, 16, 5, 1, 2, 1], "no empty columns for archived lists")
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
        XCTAssertEqual(board.stages.count, 6 + 4, "In Progress and Done match the default stages")
        XCTAssertEqual(Array(board.stages.map(\.name).prefix(6)), Board.defaultStages().map(\.name), "the board's own order is kept")
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

    /// The 78 archived cards are reachable (`is:archived`) and restorable; one of an archived
    /// list goes back to the first stage, and says so.
    func testArchivedCardsAreReachableAndRestorable() throws {
        var board = try gocd().makeBoard(by: "importer", at: t0)
        let query = try Query.parse("is:archived")
        XCTAssertEqual(query.count(in: board, today: "2026-12-06"), 78)
        let open = board.column("backlog-future-work-ideas").count
        let restored = try board.restore("5cd477ea64452a5f8b07be2b", by: "pm", at: t0 + 10)
        XCTAssertEqual(restored.movedTo, nil, "its stage is the first stage already, where the import put it")
        let item = try XCTUnwrap(board.items["5cd477ea64452a5f8b07be2b"])
        XCTAssertFalse(item.archived)
        XCTAssertNil(item.archivedList)
        XCTAssertEqual(board.column("backlog-future-work-ideas").count, open + 1)
        XCTAssertEqual(board.activity.last?.action, "restore")
        XCTAssertEqual(board.archiveRecord(of: "5cd477ea64452a5f8b07be2b")?.by, nil, "open again: no record")
    }

    /// Short ids: the shortest unique prefix (≥ 4) of each 24-character card id, accepted by
    /// `item(matching:)`.
    func testShortIDsOfTrelloCards() throws {
        let board = try gocd().makeBoard(by: "importer", at: t0)
        var shorts = Set<String>()
        board.items.forEachItem { item in
            let short = board.shortID(item.id)
            XCTAssertGreaterThanOrEqual(short.count, 4)
            XCTAssertLessThan(short.count, 24, item.id)
            XCTAssertTrue(item.id.hasPrefix(short))
            XCTAssertEqual(try? board.item(matching: short).id, item.id, short)
            if short.count > 4 {
                let shorter = String(short.dropLast())
                XCTAssertTrue(board.items.keys.contains { $0 != item.id && $0.hasPrefix(shorter) }, "\(short) is the shortest unique prefix")
            }
            shorts.insert(short)
        }
        XCTAssertEqual(shorts.count, 121)
    }
}
