import Foundation
import XCTest
@testable import DocketCore
import DocketTestSupport

/// Command-line writes splice the change into the file (`BoardSplice`): the bytes must be
/// exactly those of a full rewrite (`BoardEncoder.encode`), on random boards and random changes;
/// a file not in the canonical layout is written whole.
final class BoardSpliceTests: XCTestCase {
    private let t0: Timestamp = 1_795_953_600

    private func randomBoard(_ rng: inout SeededGenerator) throws -> Board { try RandomBoards.board(&rng) }
    private func randomChange(_ board: inout Board, _ rng: inout SeededGenerator) throws { try RandomBoards.change(&board, &rng) }

    func testSplicedBytesAreTheFullRewriteOnRandomBoardsAndChanges() throws {
        var rng = SeededGenerator(seed: 1615)
        var spliced = 0
        for round in 0..<150 {
            let old = try randomBoard(&rng)
            let file = BoardEncoder.encode(old)
            let read = try BoardDecoder.decode(Data(file), path: "b.json").board
            XCTAssertEqual(read, old)
            var new = read
            XCTAssertFalse(new.differs(fromRead: read), "round \(round): a copy does not differ")
            for _ in 0...rng.below(4) { try randomChange(&new, &rng) }
            XCTAssertEqual(new.differs(fromRead: read), new != read, "round \(round)")
            if let id = read.items.keys.min(), rng.below(3) == 0 {
                // An item changed and changed back differs in nothing.
                var back = read
                back.upsertForTest(Item(id: id, title: "changed", stage: "inbox", rank: "m", created: t0))
                back.upsertForTest(read.items[id]!)
                XCTAssertFalse(back.differs(fromRead: read), "round \(round): changed back")
            }
            let expected = BoardEncoder.encode(new)
            let got = file.withUnsafeBufferPointer { BoardSplice.bytes(of: new, old: read, file: $0) }
            // Every copy of the file as a run of it, written piece by piece: the same bytes and hash.
            file.withUnsafeBufferPointer { f in
                guard let runs = BoardSplice.runs(of: new, old: read, file: f, referenceMinimum: 1) else { return XCTFail("round \(round): runs") }
                XCTAssertTrue(runs.joined(f) == expected, "round \(round): the runs differ from a full rewrite")
                XCTAssertEqual(runs.count, expected.count, "round \(round)")
                runs.withPieces(of: f) { pieces in
                    var hasher = ContentHasher()
                    for p in pieces { hasher.add(p) }
                    XCTAssertEqual(hasher.value, ContentHash.of(expected), "round \(round): the hash of the pieces")
                }
            }
            XCTAssertNotNil(got, "round \(round): a canonical file must be spliced")
            if let got {
                spliced += 1
                XCTAssertTrue(got == expected, "round \(round): the spliced file differs from a full rewrite:\n\(String(decoding: got, as: UTF8.self))\n---\n\(String(decoding: expected, as: UTF8.self))")
            }
        }
        XCTAssertEqual(spliced, 150)
    }

    /// Two boards changed apart from one read (the union of their change records is where
    /// they may differ), and a board of another lineage (every item compared): the same bytes
    /// as a full rewrite.
    func testSplicingBetweenSiblingsAndStrangersIsTheFullRewrite() throws {
        var rng = SeededGenerator(seed: 2027)
        for round in 0..<60 {
            let read = try BoardDecoder.decode(Data(BoardEncoder.encode(try randomBoard(&rng))), path: "b.json").board
            var old = read, new = read
            // `old` changed items without logging (its activity stays the read's), `new` is the
            // read board changed by commands: lines `old` changed must come from `new`.
            for id in read.items.keys.sorted() where rng.below(5) == 0 {
                var item = read.items[id]!
                item.title = "changed in old \(round)"
                old.upsertForTest(item)
            }
            for _ in 0...rng.below(3) { try randomChange(&new, &rng) }
            let file = BoardEncoder.encode(old)
            let expected = BoardEncoder.encode(new)
            let got = file.withUnsafeBufferPointer { BoardSplice.bytes(of: new, old: old, file: $0) }
            XCTAssertTrue(got == expected, "round \(round): siblings")
            let stranger = try BoardDecoder.decode(Data(expected), path: "b.json").board
            XCTAssertNil(stranger.items.changes(since: old.items), "another lineage")
            let strangerBytes = file.withUnsafeBufferPointer { BoardSplice.bytes(of: stranger, old: old, file: $0) }
            XCTAssertTrue(strangerBytes == expected, "round \(round): a stranger")
        }
    }

    func testUpdateWritesTheBytesOfAFullRewrite() throws {
        var rng = SeededGenerator(seed: 16)
        try withTemporaryFolder("splice") { dir in
            let url = dir.appendingPathComponent("board.json")
            try BoardStore.save(try randomBoard(&rng), to: url)
            for _ in 0..<30 {
                try BoardStore.update(url) { board in try self.randomChange(&board, &rng) }
                let bytes = [UInt8](try Data(contentsOf: url))
                XCTAssertEqual(bytes, BoardEncoder.encode(try BoardStore.load(url).board))
            }
        }
    }

    /// A board large enough that its unchanged lines are written straight from the file it was
    /// read (runs of more than `SplicedBytes.referenceMinimum` bytes): each command's write is
    /// still a full rewrite's bytes, and the record of a vouched board is the written file's hash.
    func testALargeBoardsUnchangedRunsAreWrittenFromTheFile() throws {
        try withTemporaryFolder("splice-large") { dir in
            let url = dir.appendingPathComponent("board.json")
            try BoardStore.save(GeneratedBoard.make(count: 2_000, seed: 5), to: url)
            let records = CheckedFiles(directory: dir.appendingPathComponent("records"))
            let file = [UInt8](try Data(contentsOf: url))
            let read = try BoardDecoder.decode(Data(file), path: "b.json").board
            var changed = read
            let ids = read.items.keys.sorted()
            _ = try changed.modify(ids[ids.count / 2], by: "t", at: t0) { $0.title = "Changed in the middle" }
            let runs = try XCTUnwrap(file.withUnsafeBufferPointer { BoardSplice.runs(of: changed, old: read, file: $0) })
            XCTAssertTrue(runs.runs.contains { if case .file(let r) = $0 { return r.count >= SplicedBytes.referenceMinimum } else { return false } },
                          "long unchanged runs are referred to, not copied")
            XCTAssertTrue(file.withUnsafeBufferPointer { runs.joined($0) } == BoardEncoder.encode(changed))
            for k in 0..<4 {
                try BoardStore.update(url, checked: records) { board in
                    _ = try board.modify(ids[k * 500], by: "t", at: self.t0 + Timestamp(k)) { $0.points = Double(k + 1) }
                }
                let bytes = try Data(contentsOf: url)
                XCTAssertEqual([UInt8](bytes), BoardEncoder.encode(try BoardStore.load(url).board), "write \(k)")
                XCTAssertTrue(records.vouches(for: AtomicFile.linkTarget(of: url).path, bytes), "write \(k): the record is the file's")
            }
            // A vouched board is read lazily, and its splice takes the layout the read found
            // instead of scanning the file again: the same lines.
            let bytes = try Data(contentsOf: url)
            let lazy = try BoardStore.decode(bytes, url, checked: records).board
            XCTAssertTrue(lazy.items.isOnFile)
            try bytes.withUnsafeBytes { raw in
                let f = raw.bindMemory(to: UInt8.self)
                var header = JSONText()
                BoardEncoder.encodeHeader(&header, lazy)
                let asRead = try XCTUnwrap(BoardSplice.layoutAsRead(lazy, file: f, headerEnd: header.bytes.count))
                let scanned = try XCTUnwrap(BoardSplice.layout(of: f, headerEnd: header.bytes.count, items: lazy.items.count, activity: lazy.activity.count))
                XCTAssertEqual(asRead.items, scanned.items)
                XCTAssertEqual(asRead.ids, scanned.ids)
                XCTAssertEqual(asRead.activity, scanned.activity)
                XCTAssertEqual(asRead.asciiIDs, scanned.asciiIDs)
                XCTAssertNil(BoardSplice.layoutAsRead(lazy, file: UnsafeBufferPointer(rebasing: f[0..<f.count - 1]), headerEnd: header.bytes.count),
                             "other bytes than those read")
            }
        }
    }

    /// An open board's saves splice too (`MergingWriter`'s direct write): after each save the
    /// file is what a full rewrite of the session's board gives.
    func testAnOpenBoardsSavesWriteTheBytesOfAFullRewrite() throws {
        var rng = SeededGenerator(seed: 17)
        try withTemporaryFolder("splice") { dir in
            let url = dir.appendingPathComponent("board.json")
            try BoardStore.save(try randomBoard(&rng), to: url)
            var board = try BoardStore.load(url).board
            let now = t0
            let writer = MergingWriter(base: board, url: url, user: "t", clock: { now })
            for round in 0..<30 {
                for _ in 0...rng.below(3) { try randomChange(&board, &rng) }
                try writer.write(board, to: url)
                let bytes = [UInt8](try Data(contentsOf: url))
                XCTAssertTrue(bytes == BoardEncoder.encode(board), "round \(round): the file is the full rewrite of the board saved")
            }
        }
    }

    /// Ids that are not ASCII (imported ones) are spliced line by line in the ids' order as
    /// strings: still the bytes of a full rewrite.
    func testNonASCIIIDsAreSplicedInTheirOrder() throws {
        var rng = SeededGenerator(seed: 18)
        var spliced = 0
        for round in 0..<20 {
            var board = try randomBoard(&rng)
            for id in ["é-imported-\(round)", "Ω-\(round)", "a\u{301}-\(round)", "z-ü-\(round)"] {
                _ = try board.addItem(title: "Imported \(id)", stage: "inbox", id: id, by: "t", at: t0)
            }
            let file = BoardEncoder.encode(board)
            let read = try BoardDecoder.decode(Data(file), path: "b.json").board
            var new = read
            for _ in 0...rng.below(3) { try randomChange(&new, &rng) }
            _ = try new.modify("Ω-\(round)", by: "t", at: t0 + 1) { $0.title = "changed" }
            let got = file.withUnsafeBufferPointer { BoardSplice.bytes(of: new, old: read, file: $0) }
            XCTAssertTrue(got == nil || got! == BoardEncoder.encode(new), "round \(round)")
            if got != nil { spliced += 1 }
        }
        XCTAssertEqual(spliced, 20, "ids in the order of strings are spliced")
    }

    /// Two items whose lines each give the other's id a second time (the later id counts): a
    /// change to one of them must not overwrite the other's line (the file is written whole).
    func testLinesThatGiveTheirIdTwiceAreNotOverwritten() throws {
        try withTemporaryFolder("splice") { dir in
            let url = dir.appendingPathComponent("board.json")
            var board = Board(name: "B", stages: Board.defaultStages())
            let a = "aaaaaaaa", b = "bbbbbbbb"
            _ = try board.addItem(title: "Alpha", stage: "inbox", id: a, by: "t", at: t0)
            _ = try board.addItem(title: "Beta", stage: "inbox", id: b, by: "t", at: t0)
            var lines = String(decoding: BoardEncoder.encode(board), as: UTF8.self).components(separatedBy: "\n")
            for (x, y) in [(a, b), (b, a)] {
                let k = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("{\"id\": \"\(x)\"") })
                let comma = lines[k].hasSuffix(",")
                lines[k] = String(lines[k].dropLast(comma ? 2 : 1)) + ", \"id\": \"\(y)\"}" + (comma ? "," : "")
            }
            try Data(lines.joined(separator: "\n").utf8).write(to: url)
            let read = try BoardStore.load(url).board
            try BoardStore.update(url) { board in _ = try board.modify(a, by: "t", at: self.t0 + 1) { $0.points = 3 } }
            let after = try BoardStore.load(url).board
            XCTAssertEqual(after.items.count, 2, "no item lost")
            XCTAssertEqual(after.items[a]?.points, 3)
            XCTAssertEqual(after.items[b], read.items[b])
        }
    }

    /// An open board whose file's lines are not known to be its items writes its first save
    /// whole (canonically), then splices as usual.
    func testAnOpenBoardWritesItsFirstSaveWholeUnlessItsLinesAreItems() throws {
        try withTemporaryFolder("splice") { dir in
            let url = dir.appendingPathComponent("board.json")
            let board = GeneratedBoard.make(count: 20, seed: 12)
            // Canonical but for an extra blank before one key: spliceable, yet not what a full rewrite writes.
            let text = String(decoding: BoardEncoder.encode(board), as: UTF8.self).replacingOccurrences(of: "\"type\": \"story\"", with: "\"type\":  \"story\"")
            for linesAreItems in [false, true] {
                try Data(text.utf8).write(to: url)
                var open = try BoardStore.load(url).board
                let now = t0
                let writer = MergingWriter(base: open, url: url, user: "t", linesAreItems: linesAreItems, clock: { now })
                let id = try XCTUnwrap(open.items.keys.min())
                _ = try open.modify(id, by: "t", at: t0) { $0.points = 1 }
                try writer.write(open, to: url)
                let whole = [UInt8](try Data(contentsOf: url)) == BoardEncoder.encode(open)
                XCTAssertEqual(whole, !linesAreItems, "linesAreItems \(linesAreItems): written whole \(whole)")
            }
        }
    }

    /// Files that are not in the canonical layout are not spliced: the update writes them whole
    /// (canonically), as before.
    func testAFileInAnotherLayoutIsWrittenWhole() throws {
        let board = GeneratedBoard.make(count: 20)
        let canonical = String(decoding: BoardEncoder.encode(board), as: UTF8.self)
        let variants = [
            // Pretty-printed differently: two spaces before each item.
            canonical.replacingOccurrences(of: "\n{\"id\"", with: "\n  {\"id\""),
            // Items out of id order.
            swapFirstTwoItemLines(canonical),
            // A byte-order mark.
            "\u{FEFF}" + canonical,
            // A header laid out otherwise.
            canonical.replacingOccurrences(of: "\"name\": \"Generated\"", with: "\"name\":\"Generated\""),
        ]
        for (k, text) in variants.enumerated() {
            let read = try BoardDecoder.decode(Data(text.utf8), path: "b.json").board
            let bytes = Array(text.utf8)
            let spliced = bytes.withUnsafeBufferPointer { BoardSplice.bytes(of: read, old: read, file: $0) }
            XCTAssertTrue(spliced == nil, "variant \(k) was spliced")

            try withTemporaryFolder("splice") { dir in
                let url = dir.appendingPathComponent("board.json")
                try Data(bytes).write(to: url)
                try BoardStore.update(url) { b in _ = try b.addItem(title: "One more", stage: "inbox", by: "t", at: self.t0) }
                XCTAssertTrue([UInt8](try Data(contentsOf: url)) == BoardEncoder.encode(try BoardStore.load(url).board), "variant \(k) was not written whole")
            }
        }
    }

    private func swapFirstTwoItemLines(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard let items = lines.firstIndex(of: "\"items\": [") else { return text }
        let a = items + 1
        lines.swapAt(a, a + 1)  // both end with "," (20 items)
        return lines.joined(separator: "\n")
    }
}

extension Board {
    /// Puts an item as an import would (any id), keeping the columns right.
    mutating func upsertForTest(_ item: Item) { put(item.id, item) }
}
