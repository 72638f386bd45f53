import Foundation
import XCTest
@testable import DocketCore

/// Large canonical files are read on every core (`BoardReader+Lines`): the board and every
/// error must be exactly those of the one-thread read.
final class BoardReadAheadTests: XCTestCase {
    private let t0: Timestamp = 1_795_953_600

    /// A board large enough to be read ahead, with awkward text, comments, unknown keys,
    /// criteria, archived items and a long id on some items.
    private func board(seed: UInt64) throws -> Board {
        var rng = SeededGenerator(seed: seed)
        var board = GeneratedBoard.make(count: BoardReader.readAheadMinimum + 500 + rng.below(500), seed: seed)
        for id in board.items.keys.sorted() where rng.below(20) == 0 {
            _ = try board.modify(id, by: "t", at: t0 + 5) { item in
                item.title = ["Quote \" and \\ back", "Line\nbreak", "Ünïcødé ✓ 漢字 🇺🇦", "sep \u{2028} \u{202E}", "{\"id\": \"x\"},\n{"][rng.below(5)]
                if rng.below(2) == 0 { item.comments = [Comment(author: "bob", at: self.t0 + 9, text: "a \"comment\"\nwith lines")] }
                if rng.below(3) == 0 { item.extra["zNewer"] = "{\"a\": [1, 2]}" }
                if rng.below(3) == 0 { item.criteria = [Criterion(text: "works,\n}", done: true)] }
            }
        }
        for id in board.items.keys.sorted() where rng.below(30) == 0 { _ = try board.archive(id, by: "t", at: t0 + 7) }
        board.upsertForTest(Item(id: "imported-\(rng.below(1000))-long-id", title: "Imported", stage: "inbox", rank: "m", created: t0))
        return board
    }

    func testTheBoardReadOnEveryCoreIsTheBoardReadOnOne() throws {
        for seed: UInt64 in [1, 2, 3] {
            let board = try board(seed: seed)
            let data = Data(BoardEncoder.encode(board))
            let fast = try BoardDecoder.decode(data, path: "b.json").board
            let slow = try BoardDecoder.decodeSequentially(data, path: "b.json").board
            XCTAssertTrue(fast == slow, "seed \(seed): the same board both ways")
            XCTAssertTrue(fast == board, "seed \(seed): the board written")
            for stage in board.stages { XCTAssertEqual(fast.column(stage.id), board.column(stage.id), "seed \(seed), \(stage.id)") }
            XCTAssertEqual(BoardEncoder.encode(fast), Array(data), "seed \(seed): the same bytes back")
            // And the lines were indeed read ahead, items and activity.
            let itemsAt = try XCTUnwrap(data.range(of: Data("\"items\": [".utf8))).upperBound - 1
            let ahead = data.withUnsafeBytes { raw in BoardReader.readAhead(data, raw.bindMemory(to: UInt8.self), itemsAt: itemsAt) }
            XCTAssertEqual(ahead?.items.count, board.items.count, "seed \(seed)")
            XCTAssertEqual(ahead?.activity.count, board.activity.count, "seed \(seed)")
        }
    }

    /// Replaces the first occurrence of `old` after `after` in the file's text.
    private func damaged(_ data: Data, after: String, _ old: String, _ new: String) throws -> Data {
        var text = String(decoding: data, as: UTF8.self)
        let from = try XCTUnwrap(text.range(of: after)).upperBound
        let r = try XCTUnwrap(text.range(of: old, range: from..<text.endIndex))
        text.replaceSubrange(r, with: new)
        return Data(text.utf8)
    }

    private func error(_ data: Data, sequential: Bool) -> BoardFileError? {
        do {
            _ = sequential ? try BoardDecoder.decodeSequentially(data, path: "b.json") : try BoardDecoder.decode(data, path: "b.json")
            return nil
        } catch { return error as? BoardFileError }
    }

    func testAnErrorInALineReadAheadIsReportedAsTheOneThreadReadReportsIt() throws {
        let data = Data(BoardEncoder.encode(try board(seed: 4)))
        // An item far into the list: a wrong priority, a negative estimate, a missing title,
        // a second item with an id, a broken activity entry.
        let ids = try BoardDecoder.decode(data, path: "b.json").board.items.keys.sorted()
        let deep = ids[ids.count * 2 / 3], other = ids[ids.count / 2]
        let cases: [(String, Data)] = [
            ("priority", try damaged(data, after: "{\"id\": \"\(deep)\"", "\"priority\": \"", "\"priority\": \"x")),
            ("points", try damaged(data, after: "{\"id\": \"\(deep)\"", "\"points\": ", "\"points\": -")),
            ("title", try damaged(data, after: "{\"id\": \"\(deep)\"", "\"title\":", "\"name\":")),
            ("twin", try damaged(data, after: "\"items\": [", "{\"id\": \"\(deep)\"", "{\"id\": \"\(other)\"")),
            ("activity", try damaged(data, after: "\"activity\": [", "\"action\": \"", "\"action\": 3, \"x\": \"")),
        ]
        for (name, broken) in cases {
            let slow = error(broken, sequential: true)
            XCTAssertNotNil(slow, "\(name): the file is wrong")
            XCTAssertEqual(error(broken, sequential: false), slow, name)
        }
    }

    func testAFileInAnotherLayoutReadsTheSame() throws {
        let board = try board(seed: 5)
        let canonical = Data(BoardEncoder.encode(board))
        // One item's line broken in two (still JSON): the lines before it read ahead fine, so
        // only the check that every line holds one whole item sends it the ordinary way.
        let id = board.items.keys.sorted()[board.items.count * 3 / 4]
        let broken = try damaged(canonical, after: "{\"id\": \"\(id)\"", ", \"stage\"", ",\n\"stage\"")
        XCTAssertNotEqual(broken, canonical)
        XCTAssertTrue(try BoardDecoder.decode(broken, path: "b.json").board == board, "the same board")
    }

    func testColumnsSortByRankThenIdWhateverTheRanksLength() {
        var rng = SeededGenerator(seed: 9)
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        var keys: [ColumnKey] = []
        for n in 0..<3000 {
            let length = 1 + rng.below(12)
            let rank = String((0..<length).map { _ in alphabet[rng.below(rng.below(2) == 0 ? 3 : alphabet.count)] })
            keys.append(ColumnKey(rank: rank, id: "i\(n % 700)"))
        }
        let naive = keys.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.id < $1.id }.map(\.id)
        XCTAssertEqual(ColumnKey.sortedIDs(keys), naive)
        // Ranks that are not ASCII (only the repairing read lets them through) sort as strings.
        let odd = [ColumnKey(rank: "é", id: "a"), ColumnKey(rank: "e\u{301}z", id: "b"), ColumnKey(rank: "f", id: "c")]
        XCTAssertEqual(ColumnKey.sortedIDs(odd), odd.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.id < $1.id }.map(\.id))
    }
}

/// Lists of labels and people are shared between items that have the same text; lists with
/// brackets inside their strings, escapes or spaces must still read exactly.
final class InternedListsTests: XCTestCase {
    func testListsWithTheSameTextAreReadAlikeAndOthersExactly() throws {
        let t0: Timestamp = 1_795_953_600
        let lists: [[String]] = [["a]b"], ["a]c"], ["a"], ["a"], ["x\"y"], ["[", "]"], ["a", "b"], ["a", "b"], [], ["{"], ["b ,a"]]
        let items = lists.enumerated().map { k, labels in
            var item = Item(id: "i\(k)", title: "t", stage: "inbox", rank: "m\(k + 1)x", labels: labels, assignees: labels, created: t0)
            item.sprints = labels
            return item
        }
        let board = Board(name: "B", stages: Board.defaultStages(), items: items)
        let read = try BoardDecoder.decode(Data(BoardEncoder.encode(board)), path: "b.json").board
        for k in items.indices {
            XCTAssertEqual(read.items["i\(k)"]?.labels, lists[k], "labels \(k)")
            XCTAssertEqual(read.items["i\(k)"]?.assignees, lists[k], "assignees \(k)")
            XCTAssertEqual(read.items["i\(k)"]?.sprints, lists[k], "sprints \(k)")
        }
    }
}

/// A large board's column index is built in parts on every core (`Board.rebuildColumns`: each
/// part's keys sorted, then merged): it must be the one a plain sort of every open item gives.
final class ParallelColumnsTests: XCTestCase {
    func testTheColumnsOfALargeBoardAreEveryOpenItemOfTheStageByRankThenID() throws {
        var rng = SeededGenerator(seed: 16)
        var items = GeneratedBoard.make(count: ItemStore.parallelMinimum + 1_000, seed: 16).items.values
        // Archived items, an item of a stage the board does not have, ranks shared by two items.
        for k in items.indices where rng.below(25) == 0 { items[k].archived = true }
        items[0].stage = "gone"
        for k in stride(from: 1, to: 200, by: 2) { items[k + 1].rank = items[k].rank }
        // A rank that is not ASCII (the repairing read lets one through): that column is
        // sorted, and its parts merged, by the strings themselves.
        items[300].rank = "m\u{e9}"
        items[301].rank = "m\u{e9}"
        let board = Board(name: "Large", stages: Board.defaultStages(), items: items)
        XCTAssertGreaterThanOrEqual(board.items.count, ItemStore.parallelMinimum, "large enough to be built in parts")
        for stage in board.stages.map(\.id) + ["gone"] {
            let open = items.filter { $0.stage == stage && !$0.archived }
            let expected = open.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }.map(\.id)
            XCTAssertEqual(board.column(stage), expected, stage)
            XCTAssertEqual(board.points(inStage: stage), open.reduce(0) { $0 + ($1.points ?? 0) }, accuracy: 1e-6, stage)
        }
        XCTAssertEqual(board.column("gone").count, 1)
    }
}

/// Items keep their rarely set fields in one shared box: an item stays small to store and copy.
final class CompactItemTests: XCTestCase {
    func testAnItemIsItsCommonFieldsAndOneReference() {
        // id, title, stage, rank, release (5 strings of 16 bytes), labels, assignees, the box
        // (3 references), points, created, updated, type, priority, blocked, archived.
        XCTAssertLessThanOrEqual(MemoryLayout<Item>.stride, 160, "an Item is \(MemoryLayout<Item>.stride) bytes")
    }

    func testChangingARareFieldOfACopyLeavesTheOriginal() {
        var a = Item(id: "a", title: "A", stage: "inbox", rank: "m", created: 0)
        a.description = "first"
        var b = a
        b.description = "second"
        b.scores.value = 3
        XCTAssertEqual(a.description, "first")
        XCTAssertNil(a.scores.value)
        XCTAssertEqual(b.description, "second")
        XCTAssertNotEqual(a, b)
        b.description = "first"; b.scores.value = nil
        XCTAssertEqual(a, b, "equal by value, whatever boxes hold them")
        let plain = Item(id: "p", title: "P", stage: "inbox", rank: "m", created: 0)
        var changed = plain
        changed.votes = 2
        XCTAssertEqual(plain.votes, 0, "the shared empty box is never changed")
        XCTAssertEqual(Item(id: "q", title: "Q", stage: "inbox", rank: "m", created: 0).votes, 0)
    }
}
