import Foundation
import XCTest
import DocketCore

/// Where `docket export -o` writes: regular files atomically, fifos and devices directly (never
/// replaced by a regular file), and never over the board being exported.
final class ExportFileTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try makeTempFolder(self) }

    private func fileType(_ url: URL) -> mode_t {
        var st = stat()
        return stat(url.path, &st) == 0 ? st.st_mode & S_IFMT : 0
    }

    func testTheBoardItselfIsRefusedThroughAnyPath() throws {
        let board = dir.appendingPathComponent("docket.json")
        try Data("{}".utf8).write(to: board)
        let link = dir.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: board)
        for target in [board, link, URL(fileURLWithPath: dir.path + "/./docket.json")] {
            XCTAssertThrowsError(try ExportFile.write(Array("x".utf8), to: target, board: board)) { error in
                XCTAssertTrue("\(error)".contains("is the board being exported"), "\(error)")
            }
        }
        XCTAssertEqual(try String(contentsOf: board, encoding: .utf8), "{}")
    }

    func testAFifoIsWrittenToAndStaysAFifo() throws {
        let fifo = dir.appendingPathComponent("pipe")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        let received = ReceivedBytes()
        let reader = Thread {
            // A plain read loop: Foundation's whole-file readers stop at the fifo's size (0).
            let fd = open(fifo.path, O_RDONLY)
            var data = Data(), buf = [UInt8](repeating: 0, count: 4096)
            while fd >= 0 {
                let n = read(fd, &buf, buf.count)
                if n <= 0 { break }
                data.append(contentsOf: buf[0..<n])
            }
            if fd >= 0 { close(fd) }
            received.set(data)
        }
        reader.start()
        try ExportFile.write(Array("exported\n".utf8), to: fifo, board: nil)
        let deadline = Date().addingTimeInterval(10)
        while received.get() == nil && Date() < deadline { usleep(1000) }
        XCTAssertEqual(received.get().map { String(decoding: $0, as: UTF8.self) }, "exported\n")
        XCTAssertEqual(fileType(fifo), S_IFIFO, "the fifo was not replaced by a regular file")
    }

    func testADanglingLinkIsWrittenThroughAndStaysALink() throws {
        let link = dir.appendingPathComponent("out.md"), chain = dir.appendingPathComponent("chain.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "sub/../target.md")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: chain.path, withDestinationPath: "out.md")
        try ExportFile.write(Array("through".utf8), to: chain, board: nil)
        var st = stat()
        XCTAssertEqual(lstat(link.path, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFLNK, "the link is still a link")
        XCTAssertEqual(lstat(chain.path, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFLNK)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("target.md"), encoding: .utf8), "through")
    }

    func testARegularFileIsReplacedAndAFolderRefused() throws {
        let out = dir.appendingPathComponent("out.csv")
        try Data("old".utf8).write(to: out)
        try ExportFile.write(Array("new".utf8), to: out, board: nil)
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "new")
        XCTAssertEqual(fileType(out), S_IFREG)
        XCTAssertThrowsError(try ExportFile.write(Array("x".utf8), to: dir, board: nil)) { error in
            XCTAssertTrue("\(error)".contains("is a folder"), "\(error)")
        }
        let fresh = dir.appendingPathComponent("new.md")
        try ExportFile.write(Array("md".utf8), to: fresh, board: nil)
        XCTAssertEqual(try String(contentsOf: fresh, encoding: .utf8), "md")
    }
}

/// Bytes handed from the fifo's reader thread.
private final class ReceivedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    func get() -> Data? { lock.lock(); defer { lock.unlock() }; return data }
}
