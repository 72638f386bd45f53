import XCTest
import DocketCore

final class BoardEditingTests: XCTestCase {
    let t0: Timestamp = 1_795_961_100

    func testAddAtTopAndBottom() throws {
        var board = Board(name: "B", stages: Board.defaultStages())
        let a = try board.addItem(title: "A", stage: "ready", by: "ann", at: t0).item
        let b = try board.addItem(title: "B", stage: "ready", placement: .bottom, by: "ann", at: t0).item
        let c = try board.addItem(title: "  C  ", stage: "ready", placement: .top, by: "ann", at: t0).item
        XCTAssertEqual(board.column("ready"), [c.id, a.id, b.id])
        XCTAssertEqual(c.title, "C", "titles are trimmed")
        XCTAssertLessThan(c.rank, a.rank)
        XCTAssertLessThan(a.rank, b.rank)
        XCTAssertEqual(board.items.count, 3)
        XCTAssertEqual(a.created, t0)
        XCTAssertEqual(a.updated, t0)
    }

    func testAddLogsCreateAndRegistersNames() throws {
        var board = Board(name: "B", stages: Board.defaultStages())
        let (item, edit) = try board.addItem(title: "Pay by card", stage: "inbox", labels: ["payments"],
                                             assignees: ["priya"], release: "1.4", by: "maya", at: t0)
        XCTAssertEqual(board.activity.last, Activity(at: t0, by: "maya", item: item.id, action: "create", to: "Pay by card"))
        XCTAssertEqual(board.labels, [Label(name: "payments")])
        XCTAssertEqual(board.people, [Person(handle: "priya")])
        XCTAssertEqual(board.releases, [Release(name: "1.4")])
        XCTAssertNotNil(edit.header, "new names are part of the edit, so undo removes them")
        XCTAssertEqual(edit.items[item.id]?.before, nil)
        XCTAssertEqual(edit.items[item.id]?.after, item)
    }

    func testAddRejectsBadInput() {
        var board = Board(name: "B", stages: Board.defaultStages())
        XCTAssertThrowsError(try board.addItem(title: "  ", stage: "ready", by: "a", at: t0)) {
            XCTAssertEqual($0 as? DocketError, .invalidValue(field: "title", value: "", expected: "some text"))
        }
        XCTAssertThrowsError(try board.addItem(title: "x", stage: "nowhere", by: "a", at: t0)) {
            XCTAssertEqual($0 as? DocketError, .noSuchStage("nowhere"))
        }
        XCTAssertThrowsError(try board.addItem(title: "x", stage: "ready", points: -1, by: "a", at: t0))
        XCTAssertThrowsError(try board.addItem(title: "x", stage: "ready", points: .infinity, by: "a", at: t0))
        XCTAssertTrue(board.items.isEmpty)
        XCTAssertTrue(board.activity.isEmpty)
    }

    func testMoveKeepsRankAndLogsStage() throws {
        var board = try sampleBoard()
        let rank = board.items["aaaa0001"]!.rank
        try board.modify("aaaa0003", by: "bob", at: t0) { $0.rank = rank }  // the same rank in another stage
        try board.move("aaaa0001", toStage: "doing", by: "bob", at: t0 + 60)
        // aaaa0003 in doing holds the same rank: the moved item goes just after it.
        XCTAssertEqual(board.items["aaaa0003"]?.rank, rank)
        XCTAssertEqual(board.column("doing"), ["aaaa0003", "aaaa0001"])
        XCTAssertGreaterThan(board.items["aaaa0001"]!.rank, rank)
        XCTAssertEqual(board.items["aaaa0001"]?.stage, "doing")
        XCTAssertEqual(board.items["aaaa0001"]?.updated, t0 + 60)
        XCTAssertEqual(board.column("ready"), ["aaaa0002"])
        XCTAssertTrue(board.column("doing").contains("aaaa0001"))
        XCTAssertTrue(board.activity.contains(Activity(at: t0 + 60, by: "bob", item: "aaaa0001", action: "move",
                                                       field: "stage", from: "ready", to: "doing")))
        XCTAssertThrowsError(try board.move("aaaa0001", toStage: "nope", by: "bob", at: t0))
        XCTAssertThrowsError(try board.move("zzzz", toStage: "done", by: "bob", at: t0))
    }

    func testMovingAwayAndBackRestoresThePlace() throws {
        var board = Board(name: "B", stages: Board.defaultStages())
        let ids = try (0..<3).map { try board.addItem(title: "R\($0)", stage: "ready", by: "a", at: t0).item.id }
        try board.move(ids[1], toStage: "doing", by: "a", at: t0)
        XCTAssertEqual(board.column("ready"), [ids[0], ids[2]])
        try board.move(ids[1], toStage: "ready", by: "a", at: t0)
        XCTAssertEqual(board.column("ready"), ids, "the rank is the item's place in the backlog")
    }

    func testRerankUpAndDown() throws {
        var board = Board(name: "B", stages: Board.defaultStages())
        let ids = try (0..<4).map { try board.addItem(title: "I\($0)", stage: "ready", by: "a", at: t0).item.id }
        XCTAssertNil(try board.rerank(ids[0], offset: -1, by: "a", at: t0), "top item cannot go up")
        XCTAssertNil(try board.rerank(ids[3], offset: 1, by: "a", at: t0), "bottom item cannot go down")
        XCTAssertNil(try board.rerank(ids[1], offset: 0, by: "a", at: t0))
        XCTAssertEqual(board.activity.count, 4, "no-op reranks log nothing")

        let up = try board.rerank(ids[2], offset: -1, by: "a", at: t0 + 5)
        XCTAssertNotNil(up)
        XCTAssertEqual(board.column("ready"), [ids[0], ids[2], ids[1], ids[3]])
        XCTAssertEqual(board.activity.last?.action, "rank")
        XCTAssertEqual(board.activity.last?.field, "rank")

        _ = try board.rerank(ids[0], offset: 1, by: "a", at: t0 + 6)
        XCTAssertEqual(board.column("ready"), [ids[2], ids[0], ids[1], ids[3]])
        _ = try board.rerank(ids[3], offset: -1, by: "a", at: t0 + 7)
        _ = try board.rerank(ids[3], offset: -1, by: "a", at: t0 + 8)
        _ = try board.rerank(ids[3], offset: -1, by: "a", at: t0 + 9)
        XCTAssertEqual(board.column("ready"), [ids[3], ids[2], ids[0], ids[1]])
        XCTAssertNil(try board.rerank(ids[3], offset: -1, by: "a", at: t0))
        XCTAssertThrowsError(try board.rerank("nope", offset: 1, by: "a", at: t0))
    }

    func testOnlyTheMovedItemChangesOnRerank() throws {
        var board = Board(name: "B", stages: Board.defaultStages())
        let ids = try (0..<5).map { try board.addItem(title: "I\($0)", stage: "ready", by: "a", at: t0).item.id }
        let before = board.items
        let edit = try XCTUnwrap(board.rerank(ids[4], offset: -1, by: "a", at: t0))
        XCTAssertEqual(Array(edit.items.keys), [ids[4]])
        for id in ids.dropLast() { XCTAssertEqual(board.items[id], before[id]) }
    }

    func testArchiveRemovesFromColumnButKeepsTheItem() throws {
        var board = try sampleBoard()
        try board.archive("aaaa0001", by: "ann", at: t0 + 10)
        XCTAssertEqual(board.column("ready"), ["aaaa0002"])
        XCTAssertEqual(board.items["aaaa0001"]?.archived, true)
        XCTAssertEqual(board.activity.last, Activity(at: t0 + 10, by: "ann", item: "aaaa0001", action: "archive",
                                                     field: "archived", from: "false", to: "true"))
        XCTAssertFalse(board.itemsInBoardOrder().contains { $0.id == "aaaa0001" })
        XCTAssertTrue(board.itemsInBoardOrder(includeArchived: true).contains { $0.id == "aaaa0001" })
    }

    func testModifyLogsOneEntryPerChangedField() throws {
        var board = try sampleBoard()
        let count = board.activity.count
        let edit = try board.modify("aaaa0001", by: "cat", at: t0 + 20) {
            $0.title = "Renamed"; $0.points = 5; $0.blocked = true; $0.blockedReason = "waiting"
        }
        let new = Array(board.activity.dropFirst(count))
        XCTAssertEqual(new.map(\.field), ["title", "points", "blocked", "blockedReason"])
        XCTAssertTrue(new.allSatisfy { $0.by == "cat" && $0.at == t0 + 20 && $0.item == "aaaa0001" && $0.action == "edit" })
        XCTAssertEqual(new[0].from, "First")
        XCTAssertEqual(new[0].to, "Renamed")
        XCTAssertEqual(new[1].from, "3")
        XCTAssertEqual(new[1].to, "5")
        XCTAssertEqual(edit.items["aaaa0001"]?.before?.title, "First")

        let none = try board.modify("aaaa0001", by: "cat", at: t0 + 30) { $0.title = "Renamed" }
        XCTAssertTrue(none.isEmpty)
        XCTAssertEqual(board.activity.count, count + 4)
        XCTAssertEqual(board.items["aaaa0001"]?.updated, t0 + 20, "an edit that changes nothing leaves updated alone")
    }

    func testFindItemsAndStages() throws {
        var board = try sampleBoard()
        XCTAssertEqual(try board.item(matching: "aaaa0003").title, "Third")
        XCTAssertThrowsError(try board.item(matching: "aaaa")) {
            XCTAssertEqual($0 as? DocketError, .ambiguousItem("aaaa", ["aaaa0001", "aaaa0002", "aaaa0003"]))
        }
        XCTAssertThrowsError(try board.item(matching: "zz")) { XCTAssertEqual($0 as? DocketError, .noSuchItem("zz")) }
        XCTAssertEqual(try board.stage(named: "in progress").id, "doing")
        XCTAssertEqual(try board.stage(named: "Rev").id, "review")
        XCTAssertThrowsError(try board.stage(named: "i")) {
            guard case .ambiguousStage = $0 as? DocketError else { return XCTFail("\($0)") }
        }
        try board.archive("aaaa0001", by: "a", at: t0)
        try board.archive("aaaa0002", by: "a", at: t0)
        XCTAssertEqual(board.points(inStage: "ready"), 0, "archived items do not count")
    }

    func testEmptyQueryMatchesNoItem() throws {
        var board = Board(name: "B", stages: Board.defaultStages())
        try board.addItem(title: "Only", stage: "ready", by: "a", at: t0)
        XCTAssertThrowsError(try board.item(matching: "")) { XCTAssertEqual($0 as? DocketError, .noSuchItem("")) }
    }
}

/// Ranks that collide (two boards merged) are spread apart before a re-rank.
final class RankCollisionTests: XCTestCase {
    func testMovingWithinEqualRanksMovesExactlyOnePlace() throws {
        let stage = Board.defaultStages()[0].id
        let items = ["a1", "a2", "a3"].map { Item(id: $0, title: $0, stage: stage, rank: "i", created: 0) }
        var board = Board(name: "b", stages: Board.defaultStages(), items: items)
        XCTAssertEqual(board.column(stage), ["a1", "a2", "a3"])
        let up = try XCTUnwrap(board.rerank("a3", offset: -1, by: "t", at: 1))
        XCTAssertEqual(board.column(stage), ["a1", "a3", "a2"])
        let ranks = board.column(stage).map { board.items[$0]!.rank }
        XCTAssertEqual(ranks, ranks.sorted())
        XCTAssertEqual(Set(ranks).count, 3, "ranks are distinct after the move")
        var history = UndoHistory()
        history.record(up)
        _ = history.undo(&board, by: "t", at: 2)
        XCTAssertEqual(board.items.values.map(\.rank), ["i", "i", "i"], "one undo restores the colliding ranks")
        _ = try board.rerank("a1", offset: 1, by: "t", at: 3)
        XCTAssertEqual(board.column(stage), ["a2", "a1", "a3"])
    }

    /// Found by the random-event fuzz test: the first item of two stages both get the middle
    /// rank, so moving one into the other left two equal ranks in a column.
    func testMovingIntoAColumnThatHoldsTheSameRankGivesANewRankAfterIt() throws {
        var board = Board(name: "B", stages: Board.defaultStages())
        let a = try board.addItem(title: "A", stage: "ready", by: "t", at: 1_795_961_100).item
        let b = try board.addItem(title: "B", stage: "doing", by: "t", at: 1_795_961_100).item
        let c = try board.addItem(title: "C", stage: "doing", by: "t", at: 1_795_961_100).item
        // New items get salted ranks now; the collision is made by hand (an old board's ranks).
        try board.modify(b.id, by: "t", at: 1_795_961_100) { $0.rank = a.rank }
        try board.move(a.id, toStage: "doing", by: "t", at: 1_795_961_100 + 1)
        XCTAssertEqual(board.column("doing"), [b.id, a.id, c.id])
        let ranks = board.column("doing").map { board.items[$0]!.rank }
        XCTAssertEqual(ranks, ranks.sorted())
        XCTAssertEqual(Set(ranks).count, 3)
        // A distinct rank is kept as it is (the item's place in the backlog).
        try board.move(c.id, toStage: "ready", by: "t", at: 1_795_961_100 + 2)
        XCTAssertEqual(board.items[c.id]?.rank, c.rank)
    }
}
