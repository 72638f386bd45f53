import DocketCore
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Issue 15, cases 1 and 2, with the real binary: two boards open on one file (two tmux
/// servers) adding at the same time, and an open board beside a `docket add` loop. Every card
/// ends up in the file exactly once, and the activity log holds one entry per change a
/// person made (merges re-log nothing).
final class TwoOpenBoardsEndToEndTests: XCTestCase {
    private var sessions: [TmuxSession] = []

    override func tearDown() {
        sessions.forEach { $0.tearDown() }
        sessions = []
        super.tearDown()
    }

    private func newSession() throws -> TmuxSession {
        let s = try TmuxSession(testName: name)
        sessions.append(s)
        return s
    }

    /// Types `a`, the title, Enter, Esc in `t` (the add prompt, one card).
    private func addCard(_ t: TmuxSession, _ title: String) throws {
        try t.keys("a")
        try t.type(title)
        try t.keys("Enter")
        try t.keys("Escape")
    }

    /// The issue's reproduction: two open boards each add a card every 0.2 s for 10 rounds
    /// (the pause paces the typing, it waits for nothing). 20 cards, 20 `create` entries,
    /// nothing else in the log.
    func testTwoOpenBoardsAddingAtOnceKeepEveryCardAndLogEachOnce() throws {
        let a = try newSession(), b = try newSession()
        let (url, _) = try a.makeBoard()
        let entriesBefore = try BoardStore.load(url).board.activity.count
        try a.startDocket([url.path])
        try b.startDocket([url.path])
        try a.waitForText("Inbox")
        try b.waitForText("Inbox")
        var titles: [String] = []
        for round in 1...10 {
            let ta = String(format: "A%03d", round), tb = String(format: "B%03d", round)
            try addCard(a, ta)
            try addCard(b, tb)
            titles += [ta, tb]
            usleep(200_000)  // paces the adds as the reproduction does; results are polled until a deadline below
        }
        let expected = Set(titles)
        try a.waitForBoard(url, "all 20 cards", timeout: 20) { board in
            expected.isSubset(of: Set(board.items.values.map(\.title)))
        }
        for t in [a, b] {
            try t.keys("q")
            XCTAssertEqual(try t.waitForExit(), 0)
        }
        let board = try BoardStore.load(url).board
        let shown = board.items.values.map(\.title).sorted()
        XCTAssertEqual(shown, titles.sorted(), "every card exactly once")
        let added = Array(board.activity.dropFirst(entriesBefore))
        XCTAssertEqual(added.filter { $0.action == "create" }.count, 20, "one create entry per card")
        XCTAssertEqual(added.count, 20, "nothing but the 20 creates: \(added.filter { $0.action != "create" })")
        let check = try a.runDocket(["check", "-b", url.path])
        XCTAssertTrue(check.stdout.contains("no problems found"), check.stdout)
    }

    /// One open board adding cards while a `docket add` loop adds 30 from another shell: every
    /// card once and exactly one `create` entry per card.
    func testAnOpenBoardBesideACommandLineLoopLogsEachAddOnce() throws {
        let t = try newSession()
        let (url, _) = try t.makeBoard()
        let entriesBefore = try BoardStore.load(url).board.activity.count
        try t.startDocket([url.path])
        try t.waitForText("Inbox")
        var titles: [String] = []
        for i in 1...30 {
            let cli = String(format: "C%03d", i)
            try t.runDocket(["add", cli, "-b", url.path])
            titles.append(cli)
            if i % 3 == 0 {
                let open = String(format: "T%03d", i / 3)
                try addCard(t, open)
                titles.append(open)
            }
        }
        let expected = Set(titles)
        try t.waitForBoard(url, "all 40 cards", timeout: 20) { expected.isSubset(of: Set($0.items.values.map(\.title))) }
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
        let board = try BoardStore.load(url).board
        XCTAssertEqual(board.items.values.map(\.title).sorted(), titles.sorted(), "every card exactly once")
        let added = Array(board.activity.dropFirst(entriesBefore))
        let creates = Dictionary(grouping: added.filter { $0.action == "create" }, by: { $0.item ?? "" }).mapValues(\.count)
        XCTAssertEqual(creates.count, 40)
        XCTAssertEqual(creates.values.filter { $0 != 1 }.count, 0, "create entries logged more than once: \(creates.filter { $0.value != 1 })")
        XCTAssertEqual(added.count, 40, "nothing but the 40 creates: \(Dictionary(grouping: added, by: \.action).mapValues(\.count))")
    }
}

/// Issue 15, case 3: a board file moved away or deleted while the board is open is noticed,
/// said in the status line, never silently re-created; `:write` saves it here again,
/// `:write FILE` elsewhere, and quitting keeps a rescue file.
final class MovedBoardFileEndToEndTests: TmuxTestCase {
    private func openBoard() throws -> (TmuxSession, URL, [String]) {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["First item"])
        try t.startDocket([url.path], width: 160)
        try t.waitForText("First item")
        return (t, url, ids)
    }

    /// Adds a card and waits until the prompt is closed (an Esc followed at once by the next
    /// key would be read as Alt and that key).
    private func addCard(_ t: TmuxSession, _ title: String) throws {
        try t.keys("a")
        try t.type(title)
        try t.keys("Enter")
        try t.keys("Escape")
        try t.waitForNoText("Add to")
    }

    func testAMovedFileIsNoticedNotRecreatedAndWriteSavesItHereAgain() throws {
        let (t, url, ids) = try openBoard()
        let moved = url.appendingPathExtension("old")
        XCTAssertEqual(rename(url.path, moved.path), 0)
        try addCard(t, "Added after the move")
        try t.waitForText("moved or deleted")
        let screen = try t.screen()
        XCTAssertTrue(screen.contains(":write"), "the status line names the way out:\n\(screen)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path), "re-created without asking")
        try t.keys(":")
        try t.type("write")
        try t.keys("Enter")
        let board = try t.waitForBoard(url, "the board saved here again") { $0.items.values.contains { $0.title == "Added after the move" } }
        XCTAssertEqual(board.items[ids[0]]?.title, "First item")
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
        XCTAssertEqual(try BoardStore.load(moved).board.items.count, 1, "the moved file is left alone")
    }

    func testADeletedFileIsNoticedWithoutAnEditAndWritePathSavesElsewhere() throws {
        let (t, url, ids) = try openBoard()
        XCTAssertEqual(unlink(url.path), 0)
        // Noticed by itself (the board checks the file about once a second).
        try t.waitForText("moved or deleted")
        try addCard(t, "Kept edit")
        let other = t.dir.appendingPathComponent("elsewhere.json")
        try t.keys(":")
        try t.type("write \(other.lastPathComponent)")
        try t.keys("Enter")
        let board = try t.waitForBoard(other, "the board saved to the new path") { $0.items.values.contains { $0.title == "Kept edit" } }
        XCTAssertEqual(board.items[ids[0]]?.title, "First item")
        // The session goes on in the new file.
        try addCard(t, "After the write")
        try t.waitForBoard(other, "the next edit in the new file") { $0.items.values.contains { $0.title == "After the write" } }
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path), "the deleted file was re-created")
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
    }

    func testQuittingAfterTheFileWasDeletedKeepsARescueFile() throws {
        let (t, url, _) = try openBoard()
        XCTAssertEqual(unlink(url.path), 0)
        try addCard(t, "Only in memory")
        try t.waitForText("moved or deleted")
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 1)
        let screen = try t.waitForText("were written to")
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path), "re-created on quit")
        let line = screen.components(separatedBy: "\n").first { $0.contains("were written to") } ?? ""
        let path = line.components(separatedBy: "were written to ").last?.trimmingCharacters(in: .whitespaces) ?? ""
        let rescued = try BoardStore.load(URL(fileURLWithPath: path)).board
        XCTAssertTrue(rescued.items.values.contains { $0.title == "Only in memory" }, "rescue file at \(path)")
    }
}

/// Issue 15, case 4: a damaged board's error names its `.bak` (when written, how many items)
/// and the command that restores it; `docket check --restore-backup` does it, keeping the
/// damaged file.
final class DamagedBoardBackupEndToEndTests: CLITestCase {
    /// A board with three items whose `.bak` holds the first two.
    private func boardWithBackup() throws -> URL {
        let url = dir.appendingPathComponent("docket.json")
        XCTAssertEqual(try run(["init", url.path]).status, 0)
        for title in ["One", "Two", "Three"] { XCTAssertEqual(try run(["add", title, "-b", url.path]).status, 0) }
        XCTAssertEqual(try BoardStore.load(AtomicFile.backupURL(of: url)).board.items.count, 2)
        return url
    }

    private func checkOffer(_ damage: Data, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = try boardWithBackup()
        try damage.write(to: url)
        for args in [[url.path], ["list", "-b", url.path]] {
            let r = try run(args)
            XCTAssertNotEqual(r.status, 0, file: file, line: line)
            XCTAssertTrue(r.stderr.contains("docket.json.bak"), "names the backup: \(r.stderr)", file: file, line: line)
            XCTAssertTrue(r.stderr.contains("2 items"), "says how many items it holds: \(r.stderr)", file: file, line: line)
            XCTAssertTrue(r.stderr.contains("written 20"), "says when it was written: \(r.stderr)", file: file, line: line)
            XCTAssertTrue(r.stderr.contains("docket check --restore-backup"), "names the command: \(r.stderr)", file: file, line: line)
        }
        let restore = try run(["check", "--restore-backup", "-b", url.path])
        XCTAssertEqual(restore.status, 0, restore.stderr, file: file, line: line)
        XCTAssertEqual(try BoardStore.load(url).board.items.values.map(\.title).sorted(), ["One", "Two"], file: file, line: line)
        let kept = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("docket.json.damaged") }
        XCTAssertEqual(kept.count, 1, "the damaged file is kept: \(kept)", file: file, line: line)
        guard kept.count == 1 else { return }
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent(kept[0])), damage, file: file, line: line)
        XCTAssertTrue(restore.stdout.contains(kept[0]), restore.stdout, file: file, line: line)
    }

    func testAnEmptyBoardFileOffersItsBackup() throws {
        try checkOffer(Data())
    }

    func testABoardFileOfNulBytesOffersItsBackup() throws {
        try checkOffer(Data(repeating: 0, count: 4096))
    }

    func testRestoreBackupRefusesToReplaceABoardThatParses() throws {
        let url = try boardWithBackup()
        let before = try Data(contentsOf: url)
        let r = try run(["check", "--restore-backup", "-b", url.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("parses"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: url), before, "nothing replaced")
    }
}
