import Foundation
import XCTest
@testable import DocketCore
import DocketTestSupport

/// The checked read (`BoardReader+Checked`: items and activity left on their lines of a file a
/// full read found sound, `CheckedFiles`) gives the board the full read gives, and the same
/// changes to either write the same bytes; `BoardStore` reads lazily only a version a record
/// vouches for.
final class BoardCheckedReadTests: XCTestCase {
    private let t0 = RandomBoards.t0

    private func checkedRead(_ bytes: [UInt8], _ round: Int) throws -> Board {
        let lazy = BoardReader.checked(Data(bytes), path: "b.json")
        XCTAssertNotNil(lazy, "round \(round): a canonical file reads lazily")
        return try XCTUnwrap(lazy).board
    }

    /// Everything a caller can ask of a board, asked of both.
    private func assertSame(_ lazy: Board, _ full: Board, _ round: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(lazy.items.count, full.items.count, "round \(round): count", file: file, line: line)
        XCTAssertEqual(lazy.items.keys.sorted(), full.items.keys.sorted(), "round \(round): ids", file: file, line: line)
        for stage in full.stages {
            XCTAssertEqual(lazy.column(stage.id), full.column(stage.id), "round \(round): column \(stage.id)", file: file, line: line)
            XCTAssertEqual(lazy.points(inStage: stage.id), full.points(inStage: stage.id), "round \(round): points \(stage.id)", file: file, line: line)
        }
        for id in full.items.keys { XCTAssertEqual(lazy.items[id], full.items[id], "round \(round): item \(id)", file: file, line: line) }
        for id in full.items.keys { XCTAssertEqual(lazy.shortID(id), full.shortID(id), "round \(round): short id", file: file, line: line) }
        XCTAssertEqual(Array(lazy.activity), Array(full.activity), "round \(round): activity", file: file, line: line)
        XCTAssertEqual(lazy.itemsInBoardOrder(includeArchived: true).map(\.id), full.itemsInBoardOrder(includeArchived: true).map(\.id),
                       "round \(round): board order", file: file, line: line)
        XCTAssertTrue(lazy == full, "round \(round): ==", file: file, line: line)
        XCTAssertTrue(BoardEncoder.encode(lazy) == BoardEncoder.encode(full), "round \(round): encoding", file: file, line: line)
    }

    func testACheckedReadIsTheFullRead() throws {
        var rng = SeededGenerator(seed: 1616)
        for round in 0..<80 {
            let bytes = BoardEncoder.encode(try RandomBoards.board(&rng))
            let full = try BoardDecoder.decode(Data(bytes), path: "b.json").board
            assertSame(try checkedRead(bytes, round), full, round)
        }
    }

    /// The same random changes made to a board read lazily and to one read in full: the boards
    /// stay the same, say alike whether they changed, and splice into the same bytes (the full
    /// rewrite's).
    func testChangesToACheckedReadWriteWhatTheFullReadWrites() throws {
        var rng = SeededGenerator(seed: 1617)
        for round in 0..<120 {
            let bytes = BoardEncoder.encode(try RandomBoards.board(&rng))
            let lazyRead = try checkedRead(bytes, round)
            let fullRead = try BoardDecoder.decode(Data(bytes), path: "b.json").board
            var lazy = lazyRead, full = fullRead
            let seed = rng.next()
            var a = SeededGenerator(seed: seed), b = SeededGenerator(seed: seed)
            for _ in 0...rng.below(4) {
                try RandomBoards.change(&lazy, &a)
                try RandomBoards.change(&full, &b)
            }
            assertSame(lazy, full, round)
            XCTAssertEqual(lazy.differs(fromRead: lazyRead), full.differs(fromRead: fullRead), "round \(round): differs")
            let expected = BoardEncoder.encode(full)
            let got = bytes.withUnsafeBufferPointer { BoardSplice.bytes(of: lazy, old: lazyRead, file: $0) }
            XCTAssertTrue(got == expected, "round \(round): the lazily read board's splice is not the full rewrite")
        }
    }

    /// Adding an item at either end of a column, or moving one into it, ranks it on a lazily
    /// read board (by one pass over the placements, `Board.rankScan`, the column unsorted) as
    /// on a board read in full (from the sorted column), also where ranks collide.
    func testAddsAndMovesOnALazilyReadBoardRankAsOnAFullRead() throws {
        var rng = SeededGenerator(seed: 1618)
        var scanned = 0
        for round in 0..<60 {
            var board = try RandomBoards.board(&rng)
            // Two items of one column on one rank, and a third item holding it elsewhere.
            let ids = board.items.keys.sorted()
            if ids.count >= 3, rng.below(2) == 0 {
                for id in ids.prefix(3) {
                    var item = board.items[id]!
                    item.rank = "m"
                    if id != ids[2] { item.stage = board.stages[0].id }
                    board.upsertForTest(item)
                }
            }
            let bytes = BoardEncoder.encode(board)
            let fullRead = try BoardDecoder.decode(Data(bytes), path: "b.json").board
            for stage in fullRead.stages {
                for placement in [Placement.top, .bottom] {
                    var lazy = try checkedRead(bytes, round), full = fullRead
                    if lazy.rankScan(stage.id) != nil { scanned += 1 }
                    let a = try lazy.addItem(title: "New", stage: stage.id, placement: placement, id: "zznew001", by: "t", at: t0)
                    let b = try full.addItem(title: "New", stage: stage.id, placement: placement, id: "zznew001", by: "t", at: t0)
                    XCTAssertEqual(a.item.rank, b.item.rank, "round \(round): added at \(placement) of \(stage.id)")
                }
                for id in fullRead.items.keys.sorted().prefix(6) where !fullRead.items[id]!.archived {
                    var lazy = try checkedRead(bytes, round), full = fullRead
                    try lazy.move(id, toStage: stage.id, by: "t", at: t0)
                    try full.move(id, toStage: stage.id, by: "t", at: t0)
                    XCTAssertEqual(lazy.items[id]?.rank, full.items[id]?.rank, "round \(round): \(id) moved to \(stage.id)")
                    XCTAssertEqual(lazy.column(stage.id), full.column(stage.id), "round \(round): column \(stage.id) after the move")
                }
            }
        }
        XCTAssertGreaterThan(scanned, 100, "the lazily read boards ranked by a scan")
    }

    /// A store on a file's lines: set, remove, change in place and compare as a plain store.
    func testAStoreOnAFilesLinesActsAsAPlainStore() throws {
        let board = GeneratedBoard.make(count: 30, seed: 3)
        let bytes = BoardEncoder.encode(board)
        var lazy = try checkedRead(bytes, 0).items
        var plain = try BoardDecoder.decode(Data(bytes), path: "b.json").board.items
        let ids = plain.keys.sorted()
        func both(_ body: (inout ItemStore) throws -> Void) rethrows { try body(&lazy); try body(&plain) }
        both { $0[ids[0]] = nil }
        both { $0[ids[0]] = nil }  // removing twice
        both { $0["new-item"] = Item(id: "new-item", title: "New", stage: "inbox", rank: "m", created: t0) }
        both { $0.modify(ids[1]) { $0.title = "Changed" } }
        both { $0[ids[2]] = Item(id: ids[2], title: "Replaced", stage: "done", rank: "a", created: t0) }
        struct Refused: Error {}
        XCTAssertThrowsError(try both { try $0.modify(ids[3]) { $0.title = "half"; throw Refused() } })
        XCTAssertEqual(lazy.count, plain.count)
        XCTAssertEqual(lazy.count, 30)
        XCTAssertFalse(lazy.contains(ids[0]))
        XCTAssertTrue(lazy.contains(ids[3]) && lazy.contains("new-item"))
        XCTAssertEqual(lazy[ids[3]]?.title, board.items[ids[3]]?.title, "a change that threw leaves the item as it was")
        XCTAssertEqual(lazy[ids[1]]?.title, "Changed")
        XCTAssertEqual(lazy.keys.sorted(), plain.keys.sorted())
        XCTAssertEqual(lazy.values.map(\.id).sorted(), plain.values.map(\.id).sorted())
        XCTAssertTrue(lazy == plain && plain == lazy)
        var other = lazy
        other.modify(ids[4]) { $0.points = 99 }
        XCTAssertFalse(other == lazy, "one file under both, one item apart")
        other.modify(ids[4]) { $0.points = board.items[ids[4]]?.points }
        XCTAssertTrue(other == lazy, "changed back")
    }

    /// `BoardStore` reads a file lazily only when a record vouches for its very content: a
    /// file changed since (by anyone, however quickly) is read in full again, so its errors are
    /// found as before.
    func testRecordsVouchOnlyForTheContentRead() throws {
        try withTemporaryFolder("checked") { dir in
            let records = CheckedFiles(directory: dir.appendingPathComponent("records"))
            let url = dir.appendingPathComponent("board.json")
            try BoardStore.save(GeneratedBoard.make(count: 40, seed: 4), to: url)
            let path = AtomicFile.linkTarget(of: url).path
            func content() throws -> Data { try Data(contentsOf: url) }

            XCTAssertFalse(records.vouches(for: path, try content()))
            _ = try BoardStore.load(url, checked: records)
            XCTAssertTrue(records.vouches(for: path, try content()), "a full read records the content read")
            XCTAssertFalse(records.vouches(for: path + "x", try content()), "another path")

            // A command's write is recorded, and the next one reads lazily and writes a full rewrite's bytes.
            var rng = SeededGenerator(seed: 5)
            for _ in 0..<10 {
                try BoardStore.update(url, checked: records) { try RandomBoards.change(&$0, &rng) }
                XCTAssertTrue(records.vouches(for: path, try content()), "the content written is recorded")
                XCTAssertTrue([UInt8](try content()) == BoardEncoder.encode(try BoardStore.load(url).board))
            }

            // Someone breaks a line, keeping the size: the record no longer vouches, the error is found.
            var text = try String(contentsOf: url, encoding: .utf8)
            let r = try XCTUnwrap(text.range(of: "\"type\": \"story\""))
            text.replaceSubrange(r, with: "\"type\": \"storx\"")
            try text.write(to: url, atomically: false, encoding: .utf8)
            XCTAssertFalse(records.vouches(for: path, try content()))
            XCTAssertThrowsError(try BoardStore.update(url, checked: records) { _ in }) { error in
                XCTAssertTrue(error is BoardFileError, "\(error)")
            }
            XCTAssertThrowsError(try BoardStore.load(url, checked: records))
        }
    }

    /// Files a full read accepts but whose lines a lazy read would take otherwise (two items on
    /// one line, an id given twice in one item) are never recorded, so always read in full.
    func testFilesWhoseLinesAreNotTheirItemsAreNotRecorded() throws {
        let board = GeneratedBoard.make(count: 20, seed: 7)
        let canonical = String(decoding: BoardEncoder.encode(board), as: UTF8.self)
        var lines = canonical.components(separatedBy: "\n")
        let first = try XCTUnwrap(lines.firstIndex(of: "\"items\": [")) + 1
        var joined = lines
        joined[first] = lines[first] + " " + lines[first + 1]
        joined.remove(at: first + 1)
        var twice = lines
        twice[first] = String(lines[first].dropLast(2)) + ", \"id\": \"zzzzzzzz\"},"
        lines = []
        for (k, text) in [joined.joined(separator: "\n"), twice.joined(separator: "\n")].enumerated() {
            let data = Data(text.utf8)
            let full = try BoardDecoder.decode(data, path: "b.json").board
            XCTAssertFalse(BoardReader.readsLazilyAsIs(data, full), "variant \(k)")
        }
        XCTAssertTrue(BoardReader.readsLazilyAsIs(Data(canonical.utf8), board))
    }

    /// A large file read on both cores (`BoardReader+Lines`) says itself whether its lines are
    /// its items: not when one line gives its id twice (the later one counts) or an id that is
    /// not valid UTF-8.
    func testALargeReadSaysWhetherItsLinesAreItsItems() throws {
        let board = GeneratedBoard.make(count: 2_500, seed: 8)
        let canonical = String(decoding: BoardEncoder.encode(board), as: UTF8.self)
        XCTAssertTrue(try BoardDecoder.decode(Data(canonical.utf8), path: "b.json").linesAreItems)
        var lines = canonical.components(separatedBy: "\n")
        let k = try XCTUnwrap(lines.firstIndex(of: "\"items\": [")) + 100
        lines[k] = String(lines[k].dropLast(2)) + ", \"id\": \"zzzzzzzz\"},"
        let twice = try BoardDecoder.decode(Data(lines.joined(separator: "\n").utf8), path: "b.json")
        XCTAssertFalse(twice.linesAreItems)
        XCTAssertFalse(BoardReader.readsLazilyAsIs(Data(lines.joined(separator: "\n").utf8), twice.board))
    }

    /// From a review: files whose full read takes their lines otherwise than a lazy read would
    /// are neither recorded nor read lazily, and writes to them are not recorded.
    func testListsGivenTwiceAndSplitEntriesAreNeverRecorded() throws {
        // A second "items" list after the log (2,500 items: the read on both cores).
        let big = String(decoding: BoardEncoder.encode(GeneratedBoard.make(count: 2_500, seed: 9)), as: UTF8.self)
        let twice = String(big.dropLast(2)) + ",\n\"items\": []\n}\n"
        let loaded = try BoardDecoder.decode(Data(twice.utf8), path: "b.json")
        XCTAssertFalse(loaded.linesAreItems)
        XCTAssertNil(BoardReader.checked(Data(twice.utf8), path: "b.json"), "a list given twice is not read lazily")
        // An activity entry whose unknown key spans lines, the line count kept by two entries on one line.
        var small = GeneratedBoard.make(count: 5, seed: 10)
        _ = try small.addItem(title: "One more", stage: "inbox", by: "t", at: t0)
        var lines = String(decoding: BoardEncoder.encode(small), as: UTF8.self).components(separatedBy: "\n")
        let first = try XCTUnwrap(lines.firstIndex(of: "\"activity\": [")) + 1
        lines[first] = String(lines[first].dropLast(2)) + ", \"x\": [{},"
        lines.insert("{}]},", at: first + 1)
        let merged = lines[first + 2] + " " + lines[first + 3]
        lines.replaceSubrange((first + 2)...(first + 3), with: [String(merged)])
        let split = Data(lines.joined(separator: "\n").utf8)
        let read = try BoardDecoder.decode(split, path: "b.json").board
        XCTAssertFalse(BoardReader.readsLazilyAsIs(split, read))
    }

    /// An item whose unknown key holds a line break is written as read: the bytes written are
    /// then not recorded (its line would read as two), though the write itself succeeds.
    func testWritesWithALineBreakInAnItemAreNotRecorded() throws {
        try withTemporaryFolder("checked") { dir in
            let records = CheckedFiles(directory: dir.appendingPathComponent("records"))
            let url = dir.appendingPathComponent("board.json")
            let board = GeneratedBoard.make(count: 10, seed: 11)
            try BoardStore.save(board, to: url)
            let id = try XCTUnwrap(board.items.keys.min())
            try BoardStore.update(url, checked: records) { b in _ = try b.modify(id, by: "t", at: self.t0) { $0.extra["zNote"] = "[1,\n2]" } }
            XCTAssertFalse(records.vouches(for: AtomicFile.linkTarget(of: url).path, try Data(contentsOf: url)))
            XCTAssertEqual(try BoardStore.load(url, checked: records).board.items[id]?.extra["zNote"], "[1,\n2]")
        }
    }

    /// A file a record vouches for that is not in the canonical layout (written by hand, then
    /// read in full and recorded) is read in full again, not lazily.
    func testAFileInAnotherLayoutIsReadInFull() throws {
        let board = GeneratedBoard.make(count: 20, seed: 6)
        let canonical = String(decoding: BoardEncoder.encode(board), as: UTF8.self)
        let spaced = canonical.replacingOccurrences(of: "\n{\"id\"", with: "\n  {\"id\"")
        XCTAssertNil(BoardReader.checked(Data(spaced.utf8), path: "b.json"))
        try withTemporaryFolder("checked") { dir in
            let records = CheckedFiles(directory: dir.appendingPathComponent("records"))
            let url = dir.appendingPathComponent("board.json")
            try Data(spaced.utf8).write(to: url)
            _ = try BoardStore.load(url, checked: records)
            XCTAssertEqual(try BoardStore.load(url, checked: records).board, board)
        }
    }

    /// Records of boards that are gone are removed once there are many; a live board's stays.
    func testRecordsOfBoardsThatAreGoneArePruned() throws {
        try withTemporaryFolder("checked") { dir in
            let records = CheckedFiles(directory: dir.appendingPathComponent("records"))
            let live = dir.appendingPathComponent("live board.json")
            try Data("x".utf8).write(to: live)
            records.remember(live.path, Data("x".utf8))
            for k in 0..<CheckedFiles.pruneAbove - 1 { records.remember(dir.appendingPathComponent("gone-\(k).json").path, Data("y".utf8)) }
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: records.directory.path).count, CheckedFiles.pruneAbove)
            records.remember(dir.appendingPathComponent("one more.json").path, Data("z".utf8))
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: records.directory.path).count, 1)
            XCTAssertTrue(records.vouches(for: live.path, Data("x".utf8)))
        }
    }

    func testRecordsComeFromTheEnvironment() {
        XCTAssertEqual(CheckedFiles.forUser(["XDG_CACHE_HOME": "/c", "HOME": "/h"])?.directory.path, "/c/docket/checked")
        XCTAssertEqual(CheckedFiles.forUser(["HOME": "/h"])?.directory.path, "/h/.cache/docket/checked")
        XCTAssertNil(CheckedFiles.forUser(["HOME": "/h", "DOCKET_NO_CACHE": "1"]))
        XCTAssertNil(CheckedFiles.forUser([:]))
    }
}
