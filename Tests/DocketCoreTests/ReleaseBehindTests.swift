import DocketTestSupport
import Foundation
import XCTest
@testable import DocketCore

/// A session's full read gives the file's bytes back as it reads them
/// (`BoardDecoder.decode(releasingBehind:url:)`, `ReleaseBehind`): the board is the one
/// `decode` gives, the bytes behind the read are given back, and a file the read cannot finish
/// on what is left is read again, with `decode`'s outcome (its error, line and column).
final class ReleaseBehindTests: XCTestCase {
    /// A board file larger than `FileRead.largeFile`, in the canonical layout.
    private func largeBoardText() -> String {
        String(decoding: BoardEncoder.encode(GeneratedBoard.make(count: 24_000, seed: 24)), as: UTF8.self)
    }

    /// `body` given a large board's file and its bytes as a session reads them (`BoardStore.read`).
    private func withLargeBoardFile(_ body: (URL, Data) throws -> Void) throws {
        try withTemporaryFolder("docket-release") { dir in
            let url = dir.appendingPathComponent("board.json")
            try Data(largeBoardText().utf8).write(to: url)
            try body(url, try BoardStore.read(url))
        }
    }

    func testTheReadGivesTheBoardDecodeGivesAndGivesTheBytesBack() throws {
        #if os(Linux)
        try withLargeBoardFile { url, data in
            XCTAssertGreaterThanOrEqual(data.count, FileRead.largeFile)
            XCTAssertNotNil(ReleaseBehind(data), "a large file is read into a buffer of its own")
            let expected = try BoardDecoder.decode(try Data(contentsOf: url), path: url.path)
            let got = try BoardDecoder.decode(releasingBehind: data, url: url)
            XCTAssertTrue(got.board == expected.board)
            XCTAssertEqual(got.linesAreItems, expected.linesAreItems)
            // Whole blocks of item and entry lines were given back: they read as zeros now.
            let block = ReleaseBehind.block
            let zeroBlocks = stride(from: 0, to: data.count - block, by: block).filter { start in
                data[start..<(start + block)].allSatisfy { $0 == 0 }
            }
            XCTAssertGreaterThanOrEqual(zeroBlocks.count, 1, "the bytes behind the read were given back (a 10 MB file has few whole 2 MiB blocks inside a part)")
            XCTAssertNil(ReleaseBehind(Data(count: 100)), "nothing else is ever given back")
        }
        #endif
    }

    func testAFileTheReadCannotFinishIsReadAgainWithDecodesOutcome() throws {
        try withTemporaryFolder("docket-release") { dir in
            let url = dir.appendingPathComponent("board.json")
            let text = largeBoardText()
            // A line near the end that does not read: the parts give bytes back before it fails.
            let lines = text.components(separatedBy: "\n")
            let itemLines = lines.indices.filter { lines[$0].hasPrefix("{\"id\"") && lines[$0].contains("\"title\": \"") }
            let k = itemLines[itemLines.count * 9 / 10]
            var broken = lines
            broken[k] = broken[k].replacingOccurrences(of: "\"title\": \"", with: "\"title\": \"\\q")
            for bad in [broken.joined(separator: "\n"), text.replacingOccurrences(of: "\n{\"id\"", with: "\n {\"id\"")] {
                try Data(bad.utf8).write(to: url)
                let expected = Result { try BoardDecoder.decode(try Data(contentsOf: url), path: url.path) }
                let got = Result { try BoardDecoder.decode(releasingBehind: try BoardStore.read(url), url: url) }
                switch (expected, got) {
                case (.failure(let e), .failure(let g)): XCTAssertEqual("\(g)", "\(e)", "the same error, line and column")
                case (.success(let e), .success(let g)): XCTAssertTrue(e.board == g.board)
                default: XCTFail("decode: \(expected), with bytes given back: \(got)")
                }
            }
        }
    }

    /// Bytes given back before the read got to them (as a part running ahead of another
    /// might): the read cannot follow them and the file is read again.
    func testBytesGoneBeforeTheReadAreReadAgainFromTheFile() throws {
        #if os(Linux)
        try withLargeBoardFile { url, data in
            let release = try XCTUnwrap(ReleaseBehind(data))
            release.release(0..<data.count - 1)
            XCTAssertTrue(release.happened)
            XCTAssertThrowsError(try BoardReader.read(data, path: url.path, tolerant: false, giveBack: release))
            let got = try BoardDecoder.decode(data, givingBack: release, url: url)
            XCTAssertTrue(got.board == (try BoardDecoder.decode(try Data(contentsOf: url), path: url.path)).board, "read again from the file")
        }
        #endif
    }

    /// The log's lines are given back too, across the chunks a part reads (a chunk alone is
    /// smaller than a block).
    func testTheLogsBytesAreGivenBackToo() throws {
        #if os(Linux)
        var board = GeneratedBoard.make(count: 6_000, seed: 25)
        let ids = board.items.keys.sorted()
        for k in 0..<90_000 {
            board.activity.append(Activity(at: 1_795_953_600 + Timestamp(k), by: "someone", item: ids[k % ids.count],
                                           action: "comment", to: "A comment long enough to fill the line a little \(k)"))
        }
        try withTemporaryFolder("docket-release") { dir in
            let url = dir.appendingPathComponent("board.json")
            try Data(BoardEncoder.encode(board)).write(to: url)
            let data = try BoardStore.read(url)
            let text = String(decoding: data, as: UTF8.self)
            let logStart = try XCTUnwrap(text.utf8.firstRange(of: "\"activity\": [".utf8)).lowerBound
            let logOffset = text.utf8.distance(from: text.utf8.startIndex, to: logStart)
            let got = try BoardDecoder.decode(releasingBehind: data, url: url)
            XCTAssertEqual(got.board.activity.count, board.activity.count)
            let block = ReleaseBehind.block
            let firstWhole = (logOffset + block - 1) / block * block
            XCTAssertLessThan(firstWhole + block, data.count)
            XCTAssertTrue(data[firstWhole..<(firstWhole + block)].allSatisfy { $0 == 0 }, "a block of log lines was given back")
        }
        #endif
    }
}
