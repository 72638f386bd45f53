import Foundation
import XCTest
import DocketCore

final class BoardSaverTests: XCTestCase {
    private func board(_ name: String) -> Board { Board(name: name, stages: Board.defaultStages()) }

    func testQuickSubmitsEndWithTheLastBoardOnDisk() throws {
        let url = try makeTempFolder(self).appendingPathComponent("docket.json")
        let saver = BoardSaver(url: url)
        saver.submit(board("one"))
        saver.submit(board("two"))
        saver.submit(board("three"))
        let status = saver.flush()
        XCTAssertTrue(status.isClean, "\(status)")
        XCTAssertEqual(status.generation, 3)
        XCTAssertEqual(status.saved, 3)
        XCTAssertNil(status.error)
        XCTAssertEqual(try BoardStore.load(url).board.name, "three")
        XCTAssertEqual(saver.status(), status)
    }

    /// While one save runs, newer boards replace each other: only the newest is written next.
    func testSavesThatPileUpAreCoalesced() throws {
        let log = WriteLog()
        let saver = BoardSaver(url: URL(fileURLWithPath: "/unused")) { board, _ in log.write(board.name) }
        saver.submit(board("one"))
        XCTAssertEqual(log.started.wait(timeout: .now() + 30), .success, "the first save never started")
        saver.submit(board("two"))
        saver.submit(board("three"))
        XCTAssertFalse(saver.status().isClean)
        log.release.signal()
        let status = saver.flush()
        XCTAssertEqual(log.names, ["one", "three"])
        XCTAssertTrue(status.isClean)
        XCTAssertEqual(status.saved, 3)
    }

    func testFailedSaveIsReportedAndRetried() throws {
        let folder = try makeTempFolder(self).appendingPathComponent("not-yet")
        let url = folder.appendingPathComponent("docket.json")
        let saver = BoardSaver(url: url)
        saver.submit(board("kept"))
        let failed = saver.flush()
        XCTAssertFalse(failed.isClean)
        XCTAssertEqual(failed.saved, 0)
        XCTAssertEqual(failed.generation, 1)
        let message = try XCTUnwrap(failed.error)
        XCTAssertTrue(message.contains(folder.path), message)

        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        saver.retryFailed()
        let retried = saver.flush()
        XCTAssertTrue(retried.isClean, "\(retried)")
        XCTAssertEqual(retried.saved, 1)
        XCTAssertEqual(try BoardStore.load(url).board.name, "kept")
    }

    func testRetryWithNothingFailedDoesNothing() throws {
        let log = WriteLog(blocking: false)
        let saver = BoardSaver(url: URL(fileURLWithPath: "/unused")) { board, _ in log.write(board.name) }
        saver.submit(board("one"))
        saver.flush()
        saver.retryFailed()
        saver.flush()
        XCTAssertEqual(log.names, ["one"])
    }

    func testANewerSubmitReplacesAFailedOne() throws {
        let log = WriteLog(blocking: false, failFirst: true)
        let saver = BoardSaver(url: URL(fileURLWithPath: "/unused")) { board, _ in try log.writeOrFail(board.name) }
        saver.submit(board("one"))
        XCTAssertNotNil(saver.flush().error)
        saver.submit(board("two"))
        let status = saver.flush()
        XCTAssertTrue(status.isClean, "\(status)")
        saver.retryFailed()
        saver.flush()
        XCTAssertEqual(log.names, ["one", "two"], "the failed board is not written after a newer one")
    }
}

/// Records what a test's save function wrote; optionally blocks the first write until
/// `release` is signalled, and fails the first write.
private final class WriteLog: @unchecked Sendable {
    let started = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var written: [String] = []
    private var blocking: Bool
    private var failFirst: Bool

    init(blocking: Bool = true, failFirst: Bool = false) { self.blocking = blocking; self.failFirst = failFirst }

    var names: [String] { lock.lock(); defer { lock.unlock() }; return written }

    func write(_ name: String) {
        lock.lock()
        written.append(name)
        let block = blocking
        blocking = false
        lock.unlock()
        if block {
            started.signal()
            _ = release.wait(timeout: .now() + 30)
        }
    }

    struct Failure: Error {}

    func writeOrFail(_ name: String) throws {
        write(name)
        lock.lock(); defer { lock.unlock() }
        if failFirst { failFirst = false; throw Failure() }
    }
}
