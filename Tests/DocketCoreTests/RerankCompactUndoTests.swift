import DocketCore
import XCTest

/// Re-ranking by score records only the ranks that changed (`Edit.ranks`): the board, its
/// columns, its activity and its file must be what the whole-item record gave before, and undo
/// and redo must restore the boards exactly, with the same activity entries.
final class RerankCompactUndoTests: XCTestCase {
    /// A seeded generated board of `count` items scored with WSJF: Fibonacci inputs (so many
    /// ties), every fifth item (by the generator) left unscored.
    private func scoredBoard(_ count: Int = 300, seed: UInt64 = 5) throws -> Board {
        var board = GeneratedBoard.make(count: count, seed: seed)
        board.scoring = .wsjf
        var rng = SeededGenerator(seed: seed)
        let fib: [Double] = [1, 2, 3, 5, 8, 13]
        for id in board.items.keys.sorted() where rng.below(5) != 0 {
            try board.modify(id, by: "seed", at: 10) {
                $0.scores.value = fib[rng.below(6)]; $0.scores.criticality = fib[rng.below(6)]
                $0.scores.risk = fib[rng.below(6)]; $0.scores.size = fib[rng.below(6)]
            }
        }
        return board
    }

    /// The re-rank as it was before compact records (a copy of the old code over the public
    /// API): the changed items, the activity it appended, the columns it set and its
    /// whole-item edit.
    private func reference(_ board: Board, stage: String?, by user: String, at time: Timestamp)
        -> (items: [String: Item], activity: [Activity], columns: [String: [String]], edit: Edit) {
        var current: [Item]
        if let stage {
            current = board.column(stage).map { board.items[$0]! }
        } else {
            current = board.stages.flatMap { board.column($0.id) }.map { board.items[$0]! }
            current.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.id < $1.id }
        }
        let ranks = current.map(\.rank)
        let scores = current.map { board.score($0) }
        let ordered = (0..<current.count).sorted { a, b in
            switch (scores[a], scores[b]) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a < b
            }
        }.map { current[$0] }
        var changes: [String: Edit.ItemChange] = [:], items: [String: Item] = [:], activity: [Activity] = []
        for (item, rank) in zip(ordered, ranks) where item.rank != rank {
            var after = item
            after.rank = rank
            after.updated = time
            changes[item.id] = .init(before: item, after: after)
            items[item.id] = after
            activity.append(Activity(at: time, by: user, item: item.id, action: "rank", field: "rank", from: item.rank, to: rank))
        }
        var columns: [String: [String]] = [:]
        for item in ordered { columns[item.stage, default: []].append(item.id) }
        let summary = stage.map { s in "re-ranked \(board.stages.first { $0.id == s }!.name) by WSJF" } ?? "re-ranked the backlog by WSJF"
        return (items, activity, columns, Edit(summary: summary, items: changes))
    }

    private func assertSameBoard(_ a: Board, _ b: Board, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a, b, message, file: file, line: line)
        XCTAssertEqual(a.columns, b.columns, message + " (columns)", file: file, line: line)
        XCTAssertEqual(BoardEncoder.encode(a), BoardEncoder.encode(b), message + " (file bytes)", file: file, line: line)
    }

    /// Checks a re-rank of `count` seeded items against `reference`; returns how many ranks changed.
    @discardableResult
    private func checkAgainstReference(stage: String?, seed: UInt64, count: Int = 300) throws -> Int {
        let base = try scoredBoard(count, seed: seed)
        let baseBytes = BoardEncoder.encode(base)
        let ref = reference(base, stage: stage, by: "pat", at: 50)
        var board = base
        let edit = try XCTUnwrap(board.rerankByScore(stage: stage, by: "pat", at: 50))
        XCTAssertGreaterThan(ref.items.count, stage == nil ? 100 : 5, "the seeded board has something to re-rank")

        // The re-ranked board: the old items, activity and columns; the record holds ranks only.
        XCTAssertEqual(edit.summary, ref.edit.summary)
        XCTAssertTrue(edit.items.isEmpty)
        XCTAssertEqual(Set(edit.ranks.map(\.id)), Set(ref.items.keys))
        XCTAssertEqual(Set(edit.itemIDs), Set(ref.items.keys))
        var expected = base.items
        for (id, item) in ref.items { expected[id] = item }
        XCTAssertEqual(board.items, expected)
        XCTAssertEqual(Array(board.activity.dropFirst(base.activity.count)), ref.activity)
        for s in board.stages { XCTAssertEqual(board.column(s.id), ref.columns[s.id] ?? base.column(s.id), s.id) }
        var rebuilt = Board(name: base.name, stages: base.stages, releases: base.releases, people: base.people,
                            labels: base.labels, items: Array(expected.values), activity: Array(base.activity) + ref.activity)
        rebuilt.scoring = base.scoring
        assertSameBoard(board, rebuilt, "the same board and bytes as one built from the old result")

        // Undo and redo: the same boards and activity as undoing the old whole-item record.
        var history = UndoHistory(), oldHistory = UndoHistory()
        history.record(edit); oldHistory.record(ref.edit)
        var old = board
        XCTAssertEqual(history.undo(&board, by: "pat", at: 60), edit)
        _ = oldHistory.undo(&old, by: "pat", at: 60)
        assertSameBoard(board, old, "undo as before")
        XCTAssertEqual(board.items, base.items, "undo restores every item")
        for s in board.stages { XCTAssertEqual(board.column(s.id), base.column(s.id), "undo restores column \(s.id)") }
        XCTAssertNotNil(history.redo(&board, by: "pat", at: 70))
        _ = oldHistory.redo(&old, by: "pat", at: 70)
        assertSameBoard(board, old, "redo as before")
        XCTAssertEqual(board.items, expected, "redo gives the re-ranked items again")
        for s in board.stages { XCTAssertEqual(board.column(s.id), rebuilt.column(s.id), "redo gives column \(s.id)") }
        XCTAssertEqual(BoardEncoder.encode(base), baseBytes, "the board the re-rank copied is as it was")
        return edit.ranks.count
    }

    func testWholeBacklogMatchesTheWholeItemRecord() throws {
        for seed: UInt64 in [5, 6, 7] { try checkAgainstReference(stage: nil, seed: seed) }
    }

    func testALargeBacklogReadAndChangedOnAllCoresMatchesTheWholeItemRecord() throws {
        // From `ItemStore.parallelMinimum` items on, the items are looked up in parts and their
        // ranks set by shard on all cores (`ItemStore.modifyEach`).
        let changed = try checkAgainstReference(stage: nil, seed: 11, count: 24_000)
        XCTAssertGreaterThanOrEqual(changed, 20_000, "enough ranks change for the parallel path")
    }

    func testOneColumnMatchesTheWholeItemRecord() throws {
        for seed: UInt64 in [5, 8] { try checkAgainstReference(stage: "ideas", seed: seed) }
    }

    func testAFewRankChangesUndoOneByOne() throws {
        // Under 64 changes, undo puts items one at a time instead of rebuilding the columns.
        var board = try scoredBoard(40, seed: 9)
        let base = board
        let edit = try XCTUnwrap(board.rerankByScore(stage: "ready", by: "pat", at: 50))
        XCTAssertLessThan(edit.ranks.count, 64)
        var history = UndoHistory()
        history.record(edit)
        let reranked = board
        _ = history.undo(&board, by: "pat", at: 60)
        XCTAssertEqual(board.items, base.items)
        XCTAssertEqual(board.columns, base.columns)
        _ = history.redo(&board, by: "pat", at: 70)
        XCTAssertEqual(board.items, reranked.items)
        XCTAssertEqual(board.columns, reranked.columns)
    }

    func testMergedWithWholeItemEditsEitherWayUndoesExactly() throws {
        let base = try scoredBoard(seed: 5)
        var board = base
        // A re-rank, then an edit of an item it re-ranked, as one undo step.
        let rerank = try XCTUnwrap(board.rerankByScore(stage: nil, by: "pat", at: 50))
        let id = try XCTUnwrap(rerank.ranks.first?.id)
        let retitle = try board.modify(id, by: "pat", at: 51) { $0.title = "Retitled" }
        let both = rerank.merged(with: retitle)
        XCTAssertNil(both.ranks.first { $0.id == id }, "the item's rank change became part of its whole-item change")
        XCTAssertEqual(both.items[id]?.before, base.items[id])
        XCTAssertEqual(both.items[id]?.after, board.items[id])
        XCTAssertEqual(both.ranks.count + both.items.count, rerank.ranks.count)
        XCTAssertTrue(both.touches(id) && both.touches(rerank.ranks.last!.id))
        let after = board
        var history = UndoHistory()
        history.record(both)
        _ = history.undo(&board, by: "pat", at: 60)
        XCTAssertEqual(board.items, base.items)
        XCTAssertEqual(board.columns, base.columns)
        _ = history.redo(&board, by: "pat", at: 61)
        XCTAssertEqual(board.items, after.items)

        // An edit, then a re-rank that moves the edited item, as one undo step.
        var other = base
        let ready = other.column("ready")
        let moved = try XCTUnwrap(ready.last)
        let boost = try other.modify(moved, by: "pat", at: 52) { $0.scores.value = 100; $0.scores.size = 1 }
        let rerank2 = try XCTUnwrap(other.rerankByScore(stage: "ready", by: "pat", at: 53))
        XCTAssertTrue(rerank2.touches(moved))
        let joined = boost.merged(with: rerank2)
        XCTAssertEqual(joined.items[moved]?.after, other.items[moved], "the rank joined the whole-item change")
        XCTAssertFalse(joined.ranks.contains { $0.id == moved })
        let afterOther = other
        var history2 = UndoHistory()
        history2.record(joined)
        _ = history2.undo(&other, by: "pat", at: 60)
        XCTAssertEqual(other.items, base.items)
        XCTAssertEqual(other.columns, base.columns)
        _ = history2.redo(&other, by: "pat", at: 61)
        XCTAssertEqual(other.items, afterOther.items)
    }

    func testTwoRerankRecordsMergeIntoOne() throws {
        var board = try scoredBoard(seed: 6)
        let base = board
        let first = try XCTUnwrap(board.rerankByScore(stage: "ready", by: "pat", at: 50))
        let top = board.column("inbox").last!
        try board.modify(top, by: "pat", at: 51) { $0.scores.value = 100; $0.scores.size = 1 }
        let second = try XCTUnwrap(board.rerankByScore(stage: nil, by: "pat", at: 52))
        let both = first.merged(with: second)
        XCTAssertEqual(Set(both.itemIDs).count, both.itemIDs.count, "each item once")
        XCTAssertEqual(Set(both.itemIDs), Set(first.itemIDs).union(second.itemIDs))
        var undone = board
        undone.apply(both, forward: false, action: "undo", by: "pat", at: 60)
        var expected = base
        try expected.modify(top, by: "pat", at: 51) { $0.scores.value = 100; $0.scores.size = 1 }
        XCTAssertEqual(undone.items, expected.items, "both re-ranks undone, the score edit kept")
    }
}
