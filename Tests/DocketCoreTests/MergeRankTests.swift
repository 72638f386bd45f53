import DocketCore
import Foundation
import XCTest

/// A merge that is written spreads ranks that collide and logs its conflicts.
final class MergeRankTests: XCTestCase {
    /// A board with X, Y, Z in the Inbox, and two sides that each add an item between X and Y
    /// (so both get the same rank).
    private func sides() throws -> (base: Board, ours: Board, theirs: Board, mine: String, yours: String) {
        var b = Board(name: "b", stages: Board.defaultStages())
        for title in ["X", "Y", "Z"] { try b.addItem(title: title, stage: "inbox", by: "t", at: 10) }
        let col = b.column("inbox")
        let between = Rank.between(b.items[col[0]]!.rank, b.items[col[1]]!.rank)
        var ours = b, theirs = b
        let mine = try ours.addItem(title: "Mine", stage: "inbox", by: "me", at: 20).item.id
        try ours.modify(mine, by: "me", at: 20) { $0.rank = between }
        let yours = try theirs.addItem(title: "Yours", stage: "inbox", by: "you", at: 21).item.id
        try theirs.modify(yours, by: "you", at: 21) { $0.rank = between }
        return (b, ours, theirs, mine, yours)
    }

    func testCollidingRanksAreSpreadKeepingTheOrder() throws {
        let (b, ours, theirs, mine, yours) = try sides()
        let plain = BoardMerge.merge(base: b, ours: ours, theirs: theirs).board
        let order = plain.column("inbox")
        XCTAssertEqual(plain.items[mine]!.rank, plain.items[yours]!.rank, "the plain merge leaves the collision")
        let (m, conflicts, recorded) = BoardMerge.mergeForWriting(base: b, ours: ours, theirs: theirs, by: "me", at: 30)
        XCTAssertEqual(conflicts, [])
        XCTAssertEqual(recorded, [])
        XCTAssertEqual(m.column("inbox"), order, "nobody's order changes")
        let ranks = order.map { m.items[$0]!.rank }
        XCTAssertEqual(ranks, ranks.sorted())
        XCTAssertEqual(Set(ranks).count, ranks.count, "ranks are distinct")
        let xyz = b.column("inbox")
        for id in xyz { XCTAssertEqual(m.items[id]!.rank, b.items[id]!.rank, "items that did not collide keep their rank") }
        XCTAssertEqual(m.activity.filter { $0.at == 30 }, [], "the spread is the merge's, no person's: nothing logged")
        for id in [mine, yours] { XCTAssertNotEqual(m.items[id]!.updated, 30, "not stamped as edited by the merge") }
    }

    func testSpreadingWithNothingCollidingChangesNothing() throws {
        var (b, _, _, _, _) = try sides()
        let before = b
        XCTAssertTrue(b.spreadCollidingRanks(by: "me", at: 40).items.isEmpty)
        XCTAssertEqual(b, before)
    }

    func testTwoRunsInOneColumnAreBothSpread() throws {
        var b = Board(name: "b", stages: Board.defaultStages())
        var ids: [String] = []
        for title in ["A", "B", "C", "D", "E"] { ids.append(try b.addItem(title: title, stage: "ready", by: "t", at: 10).item.id) }
        let first = b.items[ids[0]]!.rank, fourth = b.items[ids[3]]!.rank
        try b.modify(ids[1], by: "t", at: 11) { $0.rank = first }
        try b.modify(ids[4], by: "t", at: 11) { $0.rank = fourth }
        let order = b.column("ready")
        let edit = b.spreadCollidingRanks(by: "t", at: 12)
        XCTAssertEqual(b.column("ready"), order)
        let ranks = order.map { b.items[$0]!.rank }
        XCTAssertEqual(Set(ranks).count, 5)
        XCTAssertEqual(ranks, ranks.sorted())
        XCTAssertLessThanOrEqual(edit.items.count, 4, "only the colliding runs are rewritten")
        XCTAssertNil(edit.items[ids[2]], "the item between the runs keeps its rank")
    }

    func testTheMergingWriterLogsConflictsInTheFile() throws {
        let dir = try makeTempFolder(self)
        let url = dir.appendingPathComponent("docket.json")
        var b = Board(name: "b", stages: Board.defaultStages())
        let x = try b.addItem(title: "X", stage: "inbox", by: "t", at: 10).item.id
        try BoardStore.save(b, to: url)
        let writer = MergingWriter(base: b, url: url, user: "me")
        try BoardStore.update(url) { try $0.modify(x, by: "you", at: 20) { $0.title = "theirs" } }
        var ours = b
        try ours.modify(x, by: "me", at: 30) { $0.title = "mine" }
        try writer.write(ours, to: url)
        let saved = try BoardStore.load(url).board
        XCTAssertEqual(saved.items[x]?.title, "mine", "the later change is kept")
        let entry = try XCTUnwrap(saved.activity.last { $0.action == "conflict" })
        XCTAssertEqual(entry.item, x)
        XCTAssertEqual(entry.field, "title")
        XCTAssertEqual(entry.from, "theirs")
        XCTAssertEqual(entry.to, "mine")
        XCTAssertEqual(entry.by, "me")
    }
}
