import Foundation
import XCTest
@testable import DocketCore
import DocketTestSupport

/// An open board's save splices into the file without reading it whole (`StreamedLayout`,
/// `DescriptorFile`, `AtomicFile.Piece.file`): the layout read a window at a time must be the
/// layout found in memory, and the bytes written those of a full rewrite.
final class StreamedSpliceTests: XCTestCase {
    private let t0: Timestamp = 1_795_953_600

    /// The layout read from the descriptor, with the ids' bytes put back in the file's places.
    private func streamed(_ url: URL, _ old: Board, headerEnd: Int, window: Int) throws -> (BoardSplice.Layout, [[UInt8]])? {
        let file = try XCTUnwrap(DescriptorFile(url))
        guard let layout = StreamedLayout.read(file, headerEnd: headerEnd, items: old.items.count, activity: old.activity.count, window: window)
        else { return nil }
        return (layout, layout.ids.map { Array(file.idBytes[$0]) })
    }

    /// Canonical files and files damaged at a random place (cut short, a byte changed to one
    /// that matters to the layout, a line twice, a newline more at the end), read in windows
    /// from 64 bytes (lines longer than the window) to a mebibyte: the same layout as in memory,
    /// or none when the memory layout is none or has ids that are not ASCII.
    func testTheLayoutReadInWindowsIsTheLayoutInMemory() throws {
        var rng = SeededGenerator(seed: 1616)
        var compared = 0, refused = 0
        try withTemporaryFolder("streamed") { dir in
            let url = dir.appendingPathComponent("board.json")
            for round in 0..<160 {
                let old = round % 4 == 3 ? GeneratedBoard.make(count: 1 + rng.below(300), seed: UInt64(round)) : try RandomBoards.board(&rng)
                var header = JSONText()
                BoardEncoder.encodeHeader(&header, old)
                var bytes = BoardEncoder.encode(old)
                let damage = round % 5
                let at = header.bytes.count + rng.below(bytes.count - header.bytes.count)
                switch damage {
                case 1: bytes.removeSubrange(at...)
                case 2: bytes[at] = Array("\n,{}]\"x".utf8)[rng.below(7)]
                case 3:
                    let lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
                    let k = rng.below(lines.count)
                    bytes = Array(lines[...k].joined(separator: [10]) + [10] + lines[k...].joined(separator: [10]))
                case 4: bytes.append(10)
                default: break
                }
                try Data(bytes).write(to: url)
                let window = [64, 97, 4096, 1 << 20][rng.below(4)]
                let inMemory = bytes.withUnsafeBufferPointer {
                    BoardSplice.layout(of: $0, headerEnd: header.bytes.count, items: old.items.count, activity: old.activity.count)
                }
                let got = try streamed(url, old, headerEnd: header.bytes.count, window: window)
                guard let inMemory, inMemory.asciiIDs else {
                    XCTAssertNil(got, "round \(round) (damage \(damage), window \(window)): no layout in memory, none streamed")
                    refused += 1
                    continue
                }
                let (layout, ids) = try XCTUnwrap(got, "round \(round) (damage \(damage), window \(window)): the memory layout was found")
                XCTAssertEqual(layout.items, inMemory.items, "round \(round)")
                XCTAssertEqual(layout.activity, inMemory.activity, "round \(round)")
                XCTAssertEqual(ids, inMemory.ids.map { Array(bytes[$0]) }, "round \(round)")
                if damage == 0 { XCTAssertEqual(layout.items.count, old.items.count) }
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 40)
        XCTAssertGreaterThan(refused, 20)
    }

    /// Random boards and random changes, spliced reading the old file from its descriptor and
    /// written with its runs copied file to file: the bytes of a full rewrite, every copy of the
    /// file referred to (so every one goes through `sendfile`) or the usual long ones only.
    func testSplicingFromTheDescriptorWritesTheFullRewrite() throws {
        var rng = SeededGenerator(seed: 1617)
        var spliced = 0
        try withTemporaryFolder("streamed") { dir in
            let url = dir.appendingPathComponent("board.json"), out = dir.appendingPathComponent("new.json")
            for round in 0..<120 {
                let old = round % 6 == 5 ? GeneratedBoard.make(count: 2_000, seed: UInt64(round)) : try RandomBoards.board(&rng)
                try Data(BoardEncoder.encode(old)).write(to: url)
                let read = try BoardStore.load(url).board
                var new = read
                for _ in 0...rng.below(4) { try RandomBoards.change(&new, &rng) }
                let file = try XCTUnwrap(DescriptorFile(url))
                let minimum = rng.below(2) == 0 ? 1 : SplicedBytes.referenceMinimum
                guard let runs = BoardSplice.runs(of: new, old: read, reading: file, referenceMinimum: minimum) else {
                    let changed = new.items.changes(since: read.items)
                    XCTAssertFalse(changed?.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ?? false,
                                   "round \(round): a descendant with ASCII ids changed must be spliced")
                    continue
                }
                try runs.withFilePieces(fd: file.fd) { try AtomicFile.write(pieces: $0, to: out) }
                XCTAssertTrue([UInt8](try Data(contentsOf: out)) == BoardEncoder.encode(new), "round \(round): not the full rewrite")
                spliced += 1
            }
        }
        XCTAssertGreaterThan(spliced, 100)
    }

    /// A piece of a file that ends before the piece does (the file shrank) fails the write with
    /// the system's reason; the target keeps its bytes and no temporary file is left.
    func testAPieceBeyondTheEndOfItsFileFailsTheWrite() throws {
        try withTemporaryFolder("streamed") { dir in
            let source = dir.appendingPathComponent("source"), target = dir.appendingPathComponent("target")
            try Data("0123456789".utf8).write(to: source)
            try Data("old".utf8).write(to: target)
            let file = try XCTUnwrap(DescriptorFile(source))
            try AtomicFile.write(pieces: [.file(file.fd, 2..<8)], to: target)
            XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "234567")
            XCTAssertThrowsError(try AtomicFile.write(pieces: [.file(file.fd, 4..<12)], to: target)) { error in
                XCTAssertTrue("\(error)".contains("target"), "\(error)")
            }
            XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "234567")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["source", "target"])
        }
    }

    /// The board file rewritten in place (same inode, another length) or replaced by a rename
    /// after the splice chose its runs: the write refuses (`AtomicFile.SourceChanged`, so the
    /// session merges instead), nothing is replaced and no temporary file is left.
    func testAFileChangedWhileSplicedIntoIsNotOverwritten() throws {
        try withTemporaryFolder("streamed") { dir in
            let url = dir.appendingPathComponent("board.json")
            let old = GeneratedBoard.make(count: 300, seed: 5)
            for how in ["in place", "replaced"] {
                try Data(BoardEncoder.encode(old)).write(to: url)
                let read = try BoardStore.load(url).board
                var new = read
                let id = try XCTUnwrap(new.items.keys.min())
                _ = try new.modify(id, by: "t", at: self.t0) { $0.points = 13 }
                let file = try XCTUnwrap(DescriptorFile(url))
                let runs = try XCTUnwrap(BoardSplice.runs(of: new, old: read, reading: file, referenceMinimum: 1))
                XCTAssertTrue(file.unchanged())
                let theirs = Data("{\"format\": \"docket\", \"version\": 1, \"name\": \"theirs\"}\n".utf8)
                if how == "in place" {
                    let h = try FileHandle(forWritingTo: url)
                    try h.truncate(atOffset: 0)
                    try h.write(contentsOf: theirs)
                    try h.close()
                } else {
                    try theirs.write(to: url, options: .atomic)
                }
                XCTAssertFalse(file.unchanged(), how)
                XCTAssertThrowsError(try runs.withFilePieces(fd: file.fd) {
                    try AtomicFile.write(pieces: $0, to: url, backup: true, unless: file.unchanged)
                }, how) { error in XCTAssertTrue(error is AtomicFile.SourceChanged, "\(how): \(error)") }
                XCTAssertEqual(try Data(contentsOf: url), theirs, how)
                XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["board.json"], how)
            }
        }
    }
}
