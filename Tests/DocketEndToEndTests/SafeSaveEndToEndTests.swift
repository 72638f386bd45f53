import DocketCore
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Saves of the real binary under stress: many at once, over a file-size limit, in a
/// read-only folder, killed half-way.
final class SafeSaveEndToEndTests: CLITestCase {
    private var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["DOCKET_USER"] = "e2e"
        return env
    }

    /// A board of `items` items in the test's folder, written directly.
    private func makeBoard(items: Int, in folder: URL? = nil) throws -> URL {
        let url = (folder ?? dir).appendingPathComponent("board.json")
        var board = Board(name: "Safe", stages: Board.defaultStages())
        for i in 0..<items {
            try board.addItem(title: "Existing item number \(i) with a title of ordinary length", stage: i % 2 == 0 ? "inbox" : "ready",
                              labels: ["label\(i % 7)"], description: "A description of item \(i).", by: "e2e", at: 1_800_000_000)
        }
        try BoardStore.create(board, at: url)
        return url
    }

    private func titles(_ url: URL) throws -> [String] {
        try BoardStore.load(url).board.items.values.map(\.title).sorted()
    }

    private func names(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// Eight `docket add` at the same instant: each re-reads the board under the lock, so
    /// every item is there.
    func testParallelAddsLoseNothing() throws {
        let url = try makeBoard(items: 20)
        let results = ResultBox(count: 8)
        let (docket, env) = (docket!, environment)
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            results.set(i, Result { try runProcess(docket, ["add", "Parallel \(i)", "-b", url.path], environment: env) })
        }
        for r in results.all {
            let result = try r.get()
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let all = try titles(url)
        XCTAssertEqual(all.count, 28)
        for i in 0..<8 { XCTAssertTrue(all.contains("Parallel \(i)"), "Parallel \(i) was lost") }
    }

    /// Over `ulimit -f` (as on a full disk) the save fails with the reason on stderr and a
    /// non-zero exit, not a SIGXFSZ death; the board and the folder are as they were.
    func testAFileSizeLimitGivesAMessageAndKeepsTheBoard() throws {
        let url = try makeBoard(items: 300)
        let before = try Data(contentsOf: url)
        XCTAssertGreaterThan(before.count, 40 * 1024)
        let sh = URL(fileURLWithPath: "/bin/sh")
        let r = try runProcess(sh, ["-c", "ulimit -f 16 && exec \"$0\" \"$@\"", docket.path, "add", "Does not fit", "-b", url.path],
                               environment: environment)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertNotEqual(r.status, 128 + SIGXFSZ, "killed by SIGXFSZ instead of failing with a message")
        XCTAssertTrue(r.stderr.contains("File too large") && r.stderr.contains("unchanged"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: url), before)
        XCTAssertEqual(try names(in: dir), ["board.json"])
    }

    func testAReadOnlyFolderGivesAMessageAndKeepsTheBoard() throws {
        try XCTSkipIf(geteuid() == 0, "root ignores folder permissions; SafeSaveTests.testAReadOnlyFileIsNotReplaced and the file-size limit cover failed saves as root")
        let folder = dir.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = try makeBoard(items: 3, in: folder)
        let before = try Data(contentsOf: url)
        XCTAssertEqual(chmod(folder.path, 0o555), 0)
        defer { chmod(folder.path, 0o755) }
        let r = try runProcess(docket, ["add", "No room", "-b", url.path], environment: environment)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains(folder.path) && r.stderr.contains("Permission denied"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: url), before)
        XCTAssertEqual(try names(in: folder), ["board.json"])
    }

    /// A `docket add` on a board of 500 items killed with SIGKILL 30 times, at moments chosen
    /// by what the save has done so far (polled, never slept): at once, when its temporary
    /// file appears, when that file holds a seeded share of the board's bytes, and when the
    /// board has been replaced. The file always parses and is either the board before or the
    /// board with the new item; temporary files of killed saves are removed by the next save.
    func testKilledSavesLeaveTheOldOrTheNewBoard() throws {
        let url = try makeBoard(items: 500)
        var expected = try titles(url)
        var outcomes = (old: 0, new: 0, killed: 0, killedWhileWriting: 0)
        var seed: UInt64 = 0x5AFE
        var killed: [String] = []  // "run:pid:how it ended", for the message should a file be left
        let runs = 30
        for i in 0..<runs {
            let before = try Data(contentsOf: url)
            let inode = try inodeNumber(url)
            let title = "Killed add \(i)"
            let pid = try startProcess(docket, ["add", title, "-b", url.path], environment: environment)
            let temporary = { try self.names(in: self.dir).first { $0.hasPrefix(".board.json.tmp-\(pid)-") } }
            switch i % 4 {
            case 0: break  // at once: still loading, or not even started
            case 1: if try waitFor(pid, { try temporary() != nil }) { outcomes.killedWhileWriting += 1 }
            case 2:
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                let share = Double(seed >> 40) / Double(1 << 24)
                let bytes = Int(Double(before.count) * share)
                if try waitFor(pid, { try temporary().map { self.fileSize(self.dir.appendingPathComponent($0)) >= bytes } ?? false }) {
                    outcomes.killedWhileWriting += 1
                }
            default: _ = try waitFor(pid, { try self.inodeNumber(url) != inode })  // replaced, not yet exited
            }
            kill(pid, SIGKILL)
            let status = try waitForProcess(pid)
            if status == 128 + SIGKILL { outcomes.killed += 1 }
            killed.append("\(i):\(pid):\(status)")
            let after = try Data(contentsOf: url)
            if after == before { outcomes.old += 1; continue }
            let now = try titles(url)
            XCTAssertEqual(now, (expected + [title]).sorted(), "run \(i): neither the old nor the new board")
            expected = now
            outcomes.new += 1
            XCTAssertNoThrow(try BoardStore.load(AtomicFile.backupURL(of: url)), "run \(i): the .bak does not parse")
        }
        XCTAssertGreaterThan(outcomes.killed, 0, "no run was killed before it ended: \(outcomes)")
        XCTAssertGreaterThan(outcomes.old, 0, "no kill left the old board: \(outcomes)")
        XCTAssertGreaterThan(outcomes.new, 0, "no run got as far as the new board: \(outcomes)")
        // A normal save afterwards cleans up what the killed ones left.
        XCTAssertEqual(try runProcess(docket, ["add", "After the kills", "-b", url.path], environment: environment).status, 0)
        XCTAssertEqual(try titles(url), (expected + ["After the kills"]).sorted())
        XCTAssertEqual(try names(in: dir), ["board.json", "board.json.bak"], "outcomes: \(outcomes); runs (run:pid:status): \(killed)")
    }

    /// Ctrl-C (or SIGTERM, SIGHUP) while a `docket add` is writing the board (sent when its
    /// temporary file appears, polled): the save is finished first (`HeldSignals`), then the
    /// program ends by the signal; the board has the new item and nothing is left beside it,
    /// without a later save to clean up (before, the temporary file stayed).
    func testCtrlCDuringASaveFinishesItAndLeavesNothing() throws {
        let url = try makeBoard(items: 500)
        var expected = try titles(url)
        var signalled = 0
        for (i, sig) in [SIGINT, SIGTERM, SIGHUP, SIGINT, SIGINT, SIGTERM, SIGINT, SIGHUP].enumerated() {
            let title = "Interrupted add \(i)"
            let pid = try startProcess(docket, ["add", title, "-b", url.path], environment: environment)
            let writing = try waitFor(pid) { try self.names(in: self.dir).contains { $0.hasPrefix(".board.json.tmp-\(pid)-") } }
            kill(pid, sig)
            let status = try waitForProcess(pid)
            if writing { XCTAssertEqual(status, 128 + sig, "run \(i): the signal ends the program once the save is done") }
            if status == 128 + sig { signalled += 1 }
            expected = (expected + [title]).sorted()
            XCTAssertEqual(try titles(url), expected, "run \(i) (status \(status)): the save was not finished")
            XCTAssertEqual(try names(in: dir), ["board.json", "board.json.bak"], "run \(i) (status \(status)): files left beside the board")
        }
        XCTAssertGreaterThan(signalled, 0, "no run was interrupted while it saved")
    }

    /// The same for a file `docket export -o` writes (`AtomicFile.write`, under every save,
    /// export and backup): a signal while it is written lets it finish, the file is the whole
    /// export, and no temporary file is left beside it.
    func testCtrlCDuringAnExportFinishesItAndLeavesNothing() throws {
        let url = try makeBoard(items: 2_000)
        let reference = dir.appendingPathComponent("reference.json"), out = dir.appendingPathComponent("out.json")
        XCTAssertEqual(try runProcess(docket, ["export", "-b", url.path, "-o", reference.path], environment: environment).status, 0)
        let whole = try Data(contentsOf: reference)
        var signalled = 0
        for (i, sig) in [SIGINT, SIGTERM, SIGINT, SIGHUP, SIGINT, SIGINT].enumerated() {
            try? FileManager.default.removeItem(at: out)
            let pid = try startProcess(docket, ["export", "-b", url.path, "-o", out.path], environment: environment)
            let writing = try waitFor(pid) { try self.names(in: self.dir).contains { $0.hasPrefix(".out.json.tmp-\(pid)-") } }
            kill(pid, sig)
            let status = try waitForProcess(pid)
            if writing {
                XCTAssertEqual(status, 128 + sig, "run \(i): the signal ends the program once the export is written")
                signalled += 1
            }
            if writing || status == 0 { XCTAssertEqual(try Data(contentsOf: out), whole, "run \(i): the export is whole") }
            XCTAssertEqual(try names(in: dir).filter { $0.contains(".tmp-") }, [], "run \(i) (status \(status)): a temporary file was left")
        }
        XCTAssertGreaterThan(signalled, 0, "no run was interrupted while it wrote")
    }

    /// Polls (up to 10 s) until `condition` holds or `pid` ends; true when the condition held.
    private func waitFor(_ pid: pid_t, _ condition: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if try condition() { return true }
            if TmuxSession.hasEnded(pid) { return false }
        }
        throw E2EError("docket add (pid \(pid)) neither reached the moment to kill it nor ended within 10 s")
    }

    private func inodeNumber(_ url: URL) throws -> UInt64 {
        var st = stat()
        guard stat(url.path, &st) == 0 else { throw E2EError("cannot stat \(url.path)") }
        return UInt64(st.st_ino)
    }

    private func fileSize(_ url: URL) -> Int {
        var st = stat()
        return stat(url.path, &st) == 0 ? Int(st.st_size) : 0
    }
}

/// The open board saving while commands add items, and a save that fails in the terminal.
final class SafeSaveTerminalTests: TmuxTestCase {
    /// Items typed into the open board and `docket add`s from other processes, all at once:
    /// none is lost.
    func testTheOpenBoardAndCommandLineAddsAtOnceLoseNothing() throws {
        let t = try session()
        let (url, _) = try t.makeBoard(items: ["First item"])
        try t.startDocket([url.path])
        try t.waitForText("First item")
        try t.keys("a")
        try t.waitForText("Add to Inbox ›")
        let group = DispatchGroup()
        let results = ResultBox(count: 5)
        let (docket, folder) = (t.docket, t.dir)
        DispatchQueue.global().async(group: group) {
            DispatchQueue.concurrentPerform(iterations: 5) { i in
                results.set(i, Result { try runProcess(docket, ["add", "CLI \(i)", "-b", url.path], currentDirectory: folder) })
            }
        }
        for i in 0..<5 {
            try t.type("TUI \(i)")
            try t.keys("Enter")
            // The next title only once this one is added: read together, "TUI 0⏎TUI 1" would
            // be a paste (issue 14), one item. Added means saved (the card itself may be below
            // the column's fold, and a merge's message may hold the prompt's line: it failed so once).
            try t.waitForBoard(url, "TUI \(i) added") { $0.items.values.contains { $0.title == "TUI \(i)" } }
        }
        group.wait()
        for r in results.all {
            let result = try r.get()
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let expected = (["First item"] + (0..<5).flatMap { ["TUI \($0)", "CLI \($0)"] }).sorted()
        try t.waitForBoard(url, "every item of both sides") { $0.items.values.map(\.title).sorted() == expected }
        // Esc and q in one write would be Alt-q: send them apart, the second once Esc acted.
        try t.keys("Escape")
        try t.waitForNoText("Add to Inbox ›")
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
        XCTAssertEqual(try BoardStore.load(url).board.items.values.map(\.title).sorted(), expected)
    }

    /// A board file made read-only: the move is shown NOT SAVED with the reason, kept in
    /// memory, the file untouched; once writable again the change is saved without another key.
    func testAFailedSaveIsShownKeptAndRetried() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["First item"])
        let before = try Data(contentsOf: url)
        XCTAssertEqual(chmod(url.path, 0o444), 0)
        try t.startDocket([url.path])
        try t.waitForText("First item")
        try t.keys("L")
        try t.waitForText("NOT SAVED")
        try t.waitForText("read-only")
        XCTAssertEqual(try Data(contentsOf: url), before)
        XCTAssertEqual(chmod(url.path, 0o644), 0)
        try t.waitForBoard(url, "the move saved by the retry") { $0.items[ids[0]]?.stage == "ideas" }
        try t.waitForNoText("NOT SAVED")
        try t.keys("L")
        try t.waitForBoard(url, "the next move") { $0.items[ids[0]]?.stage == "ready" }
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
    }
}

/// Results filled in by several threads.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<CommandResult, Error>?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<CommandResult, Error>) { lock.lock(); results[i] = r; lock.unlock() }
    var all: [Result<CommandResult, Error>] {
        lock.lock(); defer { lock.unlock() }
        return results.map { $0 ?? .failure(E2EError("never ran")) }
    }
}
