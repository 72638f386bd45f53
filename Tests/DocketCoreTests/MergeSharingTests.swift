import Foundation
import XCTest
@testable import DocketCore
import DocketTestSupport

/// `BoardMerge.merge` changes `ours`' store where the merge takes something else instead of
/// building every item anew: on random boards and random changes on both sides (sharing a
/// lineage, and with `theirs` read from its file, as an open board's save reads it) it must give
/// exactly the board and the conflicts of the whole merge it replaced (`wholeMerge`, below), and
/// keep the board's planning settings, which the whole merge dropped.
final class MergeSharingTests: XCTestCase {
    func testTheMergeIsTheWholeMergeOnRandomBoards() throws {
        var rng = SeededGenerator(seed: 1618)
        var withConflicts = 0
        for round in 0..<200 {
            let base = try RandomBoards.board(&rng)
            var ours = base, theirs = base
            for _ in 0...rng.below(5) { try RandomBoards.change(&ours, &rng) }
            for _ in 0...rng.below(5) { try RandomBoards.change(&theirs, &rng) }
            // The same items changed on both sides, field by field, now and then.
            if let id = base.items.keys.min(), rng.below(2) == 0 {
                _ = try? ours.modify(id, by: "o", at: RandomBoards.t0 + 2_000) { $0.title = "ours"; $0.points = 3 }
                _ = try? theirs.modify(id, by: "t", at: RandomBoards.t0 + 2_001) { $0.title = "theirs"; $0.priority = .must }
            }
            if rng.below(2) == 0 {
                // Read from the file: no lineage with `ours`, every item compared.
                theirs = try BoardDecoder.decode(Data(BoardEncoder.encode(theirs)), path: "t.json").board
            }
            let got = BoardMerge.merge(base: base, ours: ours, theirs: theirs)
            let expected = Self.wholeMerge(base: base, ours: ours, theirs: theirs)
            XCTAssertEqual(got.conflicts, expected.conflicts, "round \(round)")
            XCTAssertTrue(got.board == expected.board, "round \(round): the merged boards differ")
            XCTAssertEqual(got.board.column("inbox"), expected.board.column("inbox"), "round \(round)")
            XCTAssertTrue(BoardEncoder.encode(got.board) == BoardEncoder.encode(expected.board), "round \(round): the files differ")
            if !got.conflicts.isEmpty { withConflicts += 1 }
        }
        XCTAssertGreaterThan(withConflicts, 20)
    }

    /// The board's currency, cost model and roadmap survive a merge (the whole merge built a
    /// board without them: an open board merging an outside change lost them).
    func testPlanningSettingsSurviveAMerge() throws {
        var base = Board(name: "B", stages: Board.defaultStages())
        _ = try base.addItem(title: "Seed", stage: "inbox", by: "t", at: 10)
        base.planning.currency = "EUR"
        var theirs = base
        _ = try theirs.addItem(title: "Theirs", stage: "inbox", by: "t", at: 20)
        var ours = base
        ours.planning.currency = "USD"
        let merged = BoardMerge.merge(base: base, ours: ours, theirs: theirs).board
        XCTAssertEqual(merged.planning.currency, "USD")
        XCTAssertEqual(merged.items.count, 2)
    }

    /// A merge of two boards that differ in one item shares the storage of `ours`' other items.
    func testTheMergeSharesTheItemsItKeeps() throws {
        // Read from its file: a lineage of its own, with no changes recorded yet.
        let base = try BoardDecoder.decode(Data(BoardEncoder.encode(GeneratedBoard.make(count: 2_000, seed: 3))), path: "b.json").board
        var ours = base, theirs = base
        let ids = base.items.keys.sorted()
        _ = try ours.modify(ids[0], by: "o", at: 5_000) { $0.points = 1 }
        _ = try theirs.modify(ids[1], by: "t", at: 5_000) { $0.points = 2 }
        let merged = BoardMerge.merge(base: base, ours: ours, theirs: theirs).board
        XCTAssertEqual(merged.items.changes(since: ours.items), [ids[0], ids[1]],
                       "derived from ours: only the merged item and ours' own change may differ")
        XCTAssertEqual(merged.items[ids[1]]?.points, 2)
        XCTAssertEqual(merged.items[ids[0]]?.points, 1)
    }

    /// The merge as it was before it shared `ours`' storage: every id of the three boards, in
    /// order, each item decided and appended, a new board built from them (the planning
    /// settings now kept, as the merge keeps them).
    static func wholeMerge(base: Board, ours: Board, theirs: Board) -> (board: Board, conflicts: [String]) {
        var conflicts: [String] = []
        var merged: [Item] = []
        let ids = Set(base.items.keys).union(ours.items.keys).union(theirs.items.keys)
        for id in ids.sorted() {
            let b = base.items[id], o = ours.items[id], t = theirs.items[id]
            if o == t { if let o { merged.append(o) }; continue }
            if o == b { if let t { merged.append(t) }; continue }
            if t == b { if let o { merged.append(o) }; continue }
            guard let o, let t else { if let item = o ?? t { merged.append(item) }; continue }
            guard let b else {
                merged.append(o.updated >= t.updated ? o : t)
                conflicts.append(id)
                continue
            }
            let (item, fields) = BoardMerge.mergeItem(base: b, ours: o, theirs: t)
            merged.append(item)
            conflicts += fields.map { "\(id).\($0)" }
        }
        let (header, headerConflicts) = HeaderMerge.merge(base: base.header, ours: ours.header, theirs: theirs.header,
                                                          items: { body in merged.forEach(body) })
        conflicts += headerConflicts
        var board = Board(name: header.name, stages: header.stages, releases: header.releases, people: header.people,
                          labels: header.labels, items: merged, activity: Array(ActivityMerge.union(ours: ours.activity, theirs: theirs.activity)))
        board.scoring = header.scoring
        board.savedFilters = header.savedFilters
        board.extra = header.extra
        board.strategy = header.strategy
        board.planning = header.planning
        for item in merged { board.registerNames(labels: item.labels, people: item.assignees, release: item.release) }
        return (board, conflicts)
    }
}
