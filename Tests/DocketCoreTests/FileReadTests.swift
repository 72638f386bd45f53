import DocketTestSupport
import Foundation
import XCTest
@testable import DocketCore

/// `FileRead.whole`: a large file read into huge pages gives the bytes `Data(contentsOf:)` gives;
/// a small one and a missing one go the ordinary way.
final class FileReadTests: XCTestCase {
    func testALargeFileReadsAsTheOrdinaryReadReadsIt() throws {
        try withTemporaryFolder("docket-fileread") { dir in
            let url = dir.appendingPathComponent("large.json")
            var rng = SeededGenerator(seed: 21)
            // Not a multiple of the 2 MiB page, so the last page is partly the file's.
            let bytes = (0..<(FileRead.largeFile + 123_457)).map { _ in UInt8(truncatingIfNeeded: rng.below(256)) }
            try Data(bytes).write(to: url)
            let read = try FileRead.whole(url)
            XCTAssertEqual(read.count, bytes.count)
            XCTAssertEqual(read, try Data(contentsOf: url))
        }
    }

    func testASmallFileAndAMissingOne() throws {
        try withTemporaryFolder("docket-fileread") { dir in
            let url = dir.appendingPathComponent("small.json")
            try Data("{\"format\": \"docket\"}\n".utf8).write(to: url)
            XCTAssertEqual(try FileRead.whole(url), try Data(contentsOf: url))
            XCTAssertThrowsError(try FileRead.whole(dir.appendingPathComponent("missing.json")))
            XCTAssertThrowsError(try FileRead.whole(dir), "a folder is not read")
        }
    }
}
