import Foundation
import XCTest
@testable import DocketCore
#if canImport(Glibc)
import Glibc
#endif

/// The lock around every read–merge–write, the `.bak`, and saves that fail.
final class SafeSaveTests: XCTestCase {
    private func newBoard(_ folder: URL, items: Int = 0) throws -> URL {
        let url = folder.appendingPathComponent("docket.json")
        var board = Board(name: "Safe", stages: Board.defaultStages())
        for i in 0..<items { try board.addItem(title: "Item \(i)", stage: "inbox", by: "t", at: 1_800_000_000) }
        try BoardStore.create(board, at: url)
        return url
    }

    private func titles(_ url: URL) throws -> Set<String> {
        Set(try BoardStore.load(url).board.items.values.map(\.title))
    }

    /// Threads that each read, add and write at the same time: without the lock most adds
    /// would be lost (each writes the board it read).
    func testConcurrentUpdatesLoseNothing() throws {
        let url = try newBoard(try makeTempFolder(self))
        let errors = ErrorLog()
        DispatchQueue.concurrentPerform(iterations: 6) { t in
            for i in 0..<5 {
                do {
                    try BoardStore.update(url) { try $0.addItem(title: "t\(t)-\(i)", stage: "inbox", by: "t", at: 1_800_000_000) }
                } catch { errors.add(error) }
            }
        }
        XCTAssertEqual(errors.all, [])
        let expected = Set((0..<6).flatMap { t in (0..<5).map { "t\(t)-\($0)" } })
        XCTAssertEqual(try titles(url), expected)
    }

    /// An open session's merging writer saving again and again while commands add items: every
    /// item of both sides ends up in the file.
    func testMergingWriterAndUpdatesAtOnceLoseNothing() throws {
        let url = try newBoard(try makeTempFolder(self))
        var ours = try BoardStore.load(url).board
        let writer = MergingWriter(base: ours, url: url)
        let errors = ErrorLog()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            DispatchQueue.concurrentPerform(iterations: 3) { t in
                for i in 0..<6 {
                    do {
                        try BoardStore.update(url) { try $0.addItem(title: "cli\(t)-\(i)", stage: "inbox", by: "t", at: 1_800_000_000) }
                    } catch { errors.add(error) }
                }
            }
        }
        for i in 0..<15 {
            try ours.addItem(title: "tui-\(i)", stage: "ready", by: "u", at: 1_800_000_000)
            try writer.write(ours, to: url)
            // Take in what the writer merged, as the session does.
            for m in writer.takeMerges() { ours = m.apply(to: ours) }
        }
        group.wait()
        try writer.write(ours, to: url)
        XCTAssertEqual(errors.all, [])
        let expected = Set((0..<15).map { "tui-\($0)" } + (0..<3).flatMap { t in (0..<6).map { "cli\(t)-\($0)" } })
        XCTAssertEqual(try titles(url), expected)
    }

    func testBakHoldsThePreviousVersion() throws {
        let folder = try makeTempFolder(self)
        let url = try newBoard(folder)
        let bak = folder.appendingPathComponent("docket.json.bak")
        XCTAssertFalse(FileManager.default.fileExists(atPath: bak.path), "a new board has no previous version")
        let first = try Data(contentsOf: url)
        try BoardStore.update(url) { try $0.addItem(title: "Second", stage: "inbox", by: "t", at: 1_800_000_000) }
        XCTAssertEqual(try Data(contentsOf: bak), first)
        let second = try Data(contentsOf: url)
        try BoardStore.update(url) { try $0.addItem(title: "Third", stage: "inbox", by: "t", at: 1_800_000_000) }
        XCTAssertEqual(try Data(contentsOf: bak), second, "one level: the .bak is the version just replaced")
        XCTAssertEqual(try BoardStore.load(bak).board.items.count, 1)
        // The .bak is a file of its own: changing the board again does not change it in place.
        var st = stat()
        XCTAssertEqual(stat(url.path, &st), 0)
        XCTAssertEqual(st.st_nlink, 1)
        XCTAssertEqual(try files(in: folder), ["docket.json", "docket.json.bak"])
    }

    func testAnUpdateThatChangesNothingWritesNothing() throws {
        let folder = try makeTempFolder(self)
        let url = try newBoard(folder)
        let before = FileStamp(url)
        let n = try BoardStore.update(url) { $0.items.count }
        XCTAssertEqual(n, 0)
        XCTAssertEqual(FileStamp(url), before)
        XCTAssertEqual(try files(in: folder), ["docket.json"])
    }

    func testCreateNeverReplacesABoard() throws {
        let folder = try makeTempFolder(self)
        let url = try newBoard(folder, items: 1)
        XCTAssertThrowsError(try BoardStore.create(Board(name: "Other", stages: Board.defaultStages()), at: url)) {
            XCTAssertTrue("\($0)".contains("already exists"), "\($0)")
        }
        XCTAssertEqual(try BoardStore.load(url).board.items.count, 1)
    }

    /// Saved through the link: the link stays a link, the target gets the content and the
    /// `.bak` is made beside the target.
    func testASymlinkedBoardIsSavedThroughTheLink() throws {
        let folder = try makeTempFolder(self)
        let real = try newBoard(try makeTempFolder(self))
        let link = folder.appendingPathComponent("docket.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let old = try Data(contentsOf: real)
        try BoardStore.update(link) { try $0.addItem(title: "Through the link", stage: "inbox", by: "t", at: 1_800_000_000) }
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), real.path)
        XCTAssertEqual(try titles(real), ["Through the link"])
        XCTAssertEqual(try Data(contentsOf: AtomicFile.backupURL(of: link)), old)
        XCTAssertEqual(AtomicFile.backupURL(of: link).deletingLastPathComponent().path, real.deletingLastPathComponent().path)
        XCTAssertEqual(try files(in: folder), ["docket.json"])
    }

    /// A file without write permission is refused with a message, even for root (which
    /// could replace it), and stays as it was.
    func testAReadOnlyFileIsNotReplaced() throws {
        let folder = try makeTempFolder(self)
        let url = try newBoard(folder)
        let old = try Data(contentsOf: url)
        XCTAssertEqual(chmod(url.path, 0o444), 0)
        XCTAssertThrowsError(try BoardStore.update(url) { try $0.addItem(title: "No", stage: "inbox", by: "t", at: 1_800_000_000) }) {
            XCTAssertTrue("\($0)".contains("read-only"), "\($0)")
        }
        XCTAssertEqual(try Data(contentsOf: url), old)
        XCTAssertEqual(try files(in: folder), ["docket.json"])
        XCTAssertEqual(chmod(url.path, 0o644), 0)
        try BoardStore.update(url) { try $0.addItem(title: "Yes", stage: "inbox", by: "t", at: 1_800_000_000) }
        XCTAssertEqual(try titles(url), ["Yes"])
    }

    /// A save over the file-size limit (as on a full disk) fails with the reason, and leaves
    /// the board, its `.bak` and the folder as they were.
    func testASaveThatDoesNotFitKeepsBoardAndBak() throws {
        let folder = try makeTempFolder(self)
        let url = try newBoard(folder, items: 1)
        try BoardStore.update(url) { try $0.addItem(title: "Two", stage: "inbox", by: "t", at: 1_800_000_000) }
        let (board, bak) = (try Data(contentsOf: url), try Data(contentsOf: AtomicFile.backupURL(of: url)))
        var thrown: Error?
        withFileSizeLimit(board.count + 100) {
            do {
                try BoardStore.update(url) { try $0.addItem(title: String(repeating: "x", count: 5_000), stage: "inbox", by: "t", at: 1_800_000_000) }
            } catch { thrown = error }
        }
        XCTAssertTrue("\(thrown.map { "\($0)" } ?? "no error")".contains("File too large"), "\(String(describing: thrown))")
        XCTAssertEqual(try Data(contentsOf: url), board)
        XCTAssertEqual(try Data(contentsOf: AtomicFile.backupURL(of: url)), bak)
        XCTAssertEqual(try files(in: folder), ["docket.json", "docket.json.bak"])
    }

    /// Temporary files of processes that no longer run (killed mid-save) are removed by the
    /// next save; one of a running process is left alone.
    func testStaleTemporariesAreRemovedByTheNextSave() throws {
        let folder = try makeTempFolder(self)
        let url = try newBoard(folder)
        let dead = folder.appendingPathComponent(".docket.json.tmp-\(Int32.max - 1)-42")
        let live = folder.appendingPathComponent(".docket.json.tmp-1-43")  // pid 1 always runs
        let other = folder.appendingPathComponent(".other.json.tmp-\(Int32.max - 1)-44")
        for f in [dead, live, other] { try Data("half".utf8).write(to: f) }
        try BoardStore.update(url) { try $0.addItem(title: "Next", stage: "inbox", by: "t", at: 1_800_000_000) }
        XCTAssertEqual(try files(in: folder), [live.lastPathComponent, other.lastPathComponent, "docket.json", "docket.json.bak"].sorted())
    }
}

/// Collects errors from several threads.
private final class ErrorLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ error: Error) { lock.lock(); items.append("\(error)"); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
