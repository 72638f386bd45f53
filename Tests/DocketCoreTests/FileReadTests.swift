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

    func testAFIFOIsNotWaitedOn() throws {
        // Opening a FIFO for reading waits for a writer: the huge-page read must never open one
        // (the ordinary read then fails at once, as it always did).
        try withTemporaryFolder("docket-fileread") { dir in
            let url = dir.appendingPathComponent("board.json")
            XCTAssertEqual(mkfifo(url.path, 0o600), 0)
            let done = expectation(description: "the read returned")
            DispatchQueue.global().async {
                _ = try? FileRead.whole(url)
                done.fulfill()
            }
            wait(for: [done], timeout: 30)
            XCTAssertThrowsError(try BoardStore.read(url)) { error in
                XCTAssertEqual("\(error)", "cannot read \(url.path): it is a named pipe (FIFO), not a board file")
            }
        }
        XCTAssertThrowsError(try BoardStore.read(URL(fileURLWithPath: "/dev/null"))) { error in
            XCTAssertTrue("\(error)".hasSuffix("it is a device, not a board file"), "\(error)")
        }
    }
}
