import Foundation
import XCTest
import DocketCore

/// Putting an import into an existing board: stages matched by name, ranks below what is
/// there, names merged, undo, and re-import.
final class ImportMergeTests: XCTestCase {
    let t0: Timestamp = 1_795_961_100

    static let export = """
    {"name": "Team", "lists": [{"id": "L1", "name": "Ideas", "pos": 1}, {"id": "L2", "name": "In Progress", "pos": 2},
      {"id": "L3", "name": "Doing", "pos": 3, "closed": true}, {"id": "L4", "name": "done ", "pos": 4}],
     "labels": [{"id": "x", "name": "api", "color": "green"}],
     "members": [{"id": "m1", "username": "ann", "fullName": "Ann Example"}, {"id": "m2", "username": "zoe", "fullName": "Zoe"}],
     "cards": [
      {"id": "5d0000000000000000000001", "name": "Idea one", "idList": "L1", "pos": 1},
      {"id": "5d0000000000000000000002", "name": "Working", "idList": "L2", "pos": 1, "idMembers": ["m1"], "idLabels": ["x"]},
      {"id": "5d0000000000000000000003", "name": "Old doing", "idList": "L3", "pos": 1},
      {"id": "5d0000000000000000000004", "name": "Shipped A", "idList": "L4", "pos": 1},
      {"id": "5d0000000000000000000005", "name": "Shipped B", "idList": "L4", "pos": 2}]}
    """

    private func target() throws -> Board {
        var board = try sampleBoard(at: t0)
        try board.addItem(title: "Shipped long ago", stage: "done", id: "aaaa0009", by: "ann", at: t0)
        return board
    }

    private func imported(_ text: String = export) throws -> ImportedBoard { try TrelloImport.parse(Data(text.utf8)) }

    func testStagesMatchByNameAndNewOnesAreAppended() throws {
        let before = try target()
        let (board, edit) = try imported().merge(into: before, by: "pm", at: t0 + 100)
        XCTAssertEqual(board.stages, before.stages, "the board's stages are kept as they are; the archived list Doing is no stage")
        XCTAssertEqual(board.column("ideas"), ["5d0000000000000000000001"])
        XCTAssertEqual(board.column("doing"), ["aaaa0003", "5d0000000000000000000002"])
        XCTAssertEqual(board.column("done"), ["aaaa0009", "5d0000000000000000000004", "5d0000000000000000000005"])
        XCTAssertEqual(board.items["5d0000000000000000000003"]?.stage, "ideas", "a card of an archived list waits in the first list's stage")
        XCTAssertEqual(board.items["5d0000000000000000000003"]?.archivedList, "Doing")
        XCTAssertEqual(board.items["5d0000000000000000000003"]?.archived, true)
        for (id, item) in before.items { XCTAssertEqual(board.items[id], item, "existing items are not rewritten") }
        XCTAssertEqual(edit.items.count, 5)
        XCTAssertEqual(edit.summary, "imported 5 Trello cards (5 new, 0 updated)")
        XCTAssertNotNil(edit.header)
        let logged = board.activity.dropFirst(before.activity.count)
        XCTAssertEqual(logged.count, 5)
        XCTAssertTrue(logged.allSatisfy { $0.action == "import" && $0.by == "pm" && $0.at == t0 + 100 })
    }

    func testNamesAreMerged() throws {
        let (board, _) = try imported().merge(into: try target(), by: "pm", at: t0)
        XCTAssertEqual(board.labels, [Label(name: "api", color: "green")], "a known label takes the colour")
        XCTAssertEqual(board.people, [Person(handle: "ann", name: "Ann Example"), Person(handle: "zoe", name: "Zoe")],
                       "a known person takes the name")
    }

    func testUndoRemovesTheImport() throws {
        let before = try target()
        var (board, edit) = try imported().merge(into: before, by: "pm", at: t0)
        var history = UndoHistory()
        history.record(edit)
        _ = history.undo(&board, by: "pm", at: t0 + 1)
        XCTAssertEqual(board.items, before.items)
        XCTAssertEqual(board.header, before.header)
        XCTAssertEqual(board.columns, before.columns)
    }

    func testReImportChangesNothingWhenNothingChanged() throws {
        let (once, _) = try imported().merge(into: try target(), by: "pm", at: t0)
        let (twice, edit) = try imported().merge(into: once, by: "pm", at: t0 + 50)
        XCTAssertTrue(edit.isEmpty)
        XCTAssertEqual(edit.summary, "imported 5 Trello cards (0 new, 0 updated, 5 unchanged)")
        XCTAssertEqual(twice, once)
    }

    func testReImportUpdatesTrelloFieldsAndKeepsDocketOnes() throws {
        var (board, _) = try imported().merge(into: try target(), by: "pm", at: t0)
        let id = "5d0000000000000000000004"
        try board.modify(id, by: "po", at: t0 + 10) { $0.priority = .must; $0.points = 5; $0.release = "1.0"; $0.type = .chore }
        _ = try XCTUnwrap(board.rerank(id, offset: -1, by: "po", at: t0 + 11))
        try board.move(id, toStage: "review", by: "po", at: t0 + 12)
        let docket = board.items[id]!

        let changed = Self.export.replacingOccurrences(of: "\"Shipped A\"", with: "\"Shipped A, renamed\"")
        let (again, edit) = try imported(changed).merge(into: board, by: "pm", at: t0 + 20)
        XCTAssertEqual(Array(edit.items.keys), [id])
        XCTAssertEqual(edit.summary, "imported 5 Trello cards (0 new, 1 updated, 4 unchanged)")
        let item = try XCTUnwrap(again.items[id])
        XCTAssertEqual(item.title, "Shipped A, renamed")
        XCTAssertEqual(item.stage, "done", "Trello's list wins for the stage")
        XCTAssertEqual(item.rank, docket.rank)
        XCTAssertEqual(item.priority, .must)
        XCTAssertEqual(item.points, 5)
        XCTAssertEqual(item.release, "1.0")
        XCTAssertEqual(item.type, .chore)
        XCTAssertEqual(item.updated, t0 + 20)
    }

    func testMakeBoardHoldsOnlyTheImport() throws {
        let board = try imported().makeBoard(by: "pm", at: t0)
        XCTAssertEqual(board.name, "Team")
        XCTAssertEqual(board.stages.map(\.id), ["ideas", "in-progress", "done"])
        XCTAssertEqual(board.stages.map(\.kind), [.todo, .doing, .done])
        XCTAssertEqual(board.items.count, 5)
        XCTAssertEqual(board.column("done").map { board.items[$0]!.title }, ["Shipped A", "Shipped B"])
        XCTAssertEqual(board.items["5d0000000000000000000004"]?.rank, Rank.spread(2)[0], "an empty stage takes the spread ranks as they are")
    }
}
