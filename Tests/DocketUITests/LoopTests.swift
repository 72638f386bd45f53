import DocketCore
@testable import DocketUI
import Foundation
import XCTest

/// A terminal for the loop without a tty: each `wait` plays the next step of a script and
/// records the timeout the loop asked for; paints, suspensions and themes are recorded.
final class ScriptedTerminal: LoopTerminal {
    enum Step {
        /// Returns these at once.
        case wakes([Wake])
        /// The timeout the loop asked for passes (the clock moves on by it); nothing else.
        case elapse
        /// Runs `body` (on the loop's thread) and returns what it returns.
        case run(() -> [Wake])
    }

    var size: Size
    var script: [Step]
    private(set) var painted: [Canvas] = []
    private(set) var timeouts: [Int?] = []
    private(set) var log: [String] = []
    /// The monotonic clock the loop reads, in milliseconds.
    var milliseconds: Int64 = 0
    /// Set while the terminal is given back (Ctrl-Z, the editor).
    var whileSuspended: () -> Void = {}

    init(size: Size = Size(width: 120, height: 30), _ script: [Step]) {
        self.size = size; self.script = script
    }

    func paint(_ canvas: Canvas) { painted.append(canvas); log.append("paint \(canvas.width)x\(canvas.height)") }
    func setTheme(_ theme: Theme) { log.append("theme") }
    func suspended(_ body: () -> Void) {
        log.append("suspend")
        body()
        whileSuspended()
        log.append("resume")
    }

    func wait(timeout: Int?) -> [Wake] {
        timeouts.append(timeout)
        // A script that ran out ends the session, so a broken loop cannot hang the test.
        guard !script.isEmpty else { log.append("script ran out"); return [.signal(SIGTERM)] }
        switch script.removeFirst() {
        case .wakes(let wakes): return wakes
        case .elapse: milliseconds += Int64(timeout ?? 0); return []
        case .run(let body): return body()
        }
    }

    /// The text of the last paint.
    var screen: String { painted.last?.renderText() ?? "" }

    /// A clock for the loop: `testNow` plus this terminal's milliseconds.
    var clock: LoopClock { LoopClock(now: { testNow + self.milliseconds / 1000 }, milliseconds: { self.milliseconds }) }
}

/// Records what the loop asked of the services.
final class ServiceLog {
    var entries: [String] = []
    var editedText = "edited"
    var whyNotWritable: String?

    var services: LoopServices {
        LoopServices(
            editText: { text, name in self.entries.append("edit \(name)"); return self.editedText },
            loadTheme: { name in
                self.entries.append("load theme \(name)")
                guard name == "mono" else { throw ThemeError(file: name, key: nil, message: "no such theme") }
                return try ThemeLoader.load("mono")
            },
            export: { _, format, path, _, _, _ in
                self.entries.append("export \(format) \(path)")
                guard path != "/nowhere/out.csv" else { throw BoardStoreError("cannot write /nowhere/out.csv") }
                return URL(fileURLWithPath: "/tmp/\(path)")
            },
            stopProcess: { self.entries.append("stopped") },
            whyNotWritable: { self.whyNotWritable },
            returnFreedMemory: { self.entries.append("returned freed memory") })
    }
}

/// A board file in a fresh folder with the saver and merging writer a session uses.
struct SavedBoard {
    let url: URL
    let saver: BoardSaver
    let writer: MergingWriter

    init(_ test: XCTestCase, board: Board) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docket-loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        url = dir.appendingPathComponent("docket.json")
        try BoardStore.save(board, to: url)
        let writer = MergingWriter(base: board, url: url, user: "test")
        self.writer = writer
        saver = BoardSaver(url: url) { board, url in try writer.write(board, to: url) }
    }
}

/// A screen that asks for ticks every 500 ms, as a standup timer will: it counts them in the
/// status line and closes itself after `closeAfter`.
struct TickingScreen: Feature {
    static let id = "ticking-test"
    var ticks = 0
    var closeAfter = 2
    var tickInterval: Int? { 500 }
    mutating func perform(_ action: TickingAction, _ app: inout AppState, now: Timestamp) -> Step { .pop }
    mutating func tick(_ app: inout AppState, now: Timestamp) -> Step {
        ticks += 1
        app.status = StatusMessage("tick \(ticks) at \(now - testNow) s")
        return ticks >= closeAfter ? .pop : .stay
    }
    func draw(_ app: AppState, into canvas: inout Canvas) {}
    static let defaultKeys: [(Key, TickingAction)] = [(.escape, .close)]
}

enum TickingAction: String, FeatureAction {
    case close
    var summary: String { "close" }
}

final class LoopTests: XCTestCase {
    private func runLoop(_ terminal: ScriptedTerminal, state: AppState? = nil, saver: BoardSaver? = nil, writer: MergingWriter? = nil,
                         services: ServiceLog = ServiceLog()) -> RuntimeLoop<ScriptedTerminal>.Outcome {
        var loop = RuntimeLoop(state: state ?? demoState(), terminal: terminal, saver: saver, writer: writer,
                               services: services.services, clock: terminal.clock)
        let outcome = loop.run()
        XCTAssertFalse(terminal.log.contains("script ran out"), "the loop asked for more than the script had: \(terminal.log)")
        return outcome
    }

    func testABackgroundJobsResultComesBackAsAnEvent() {
        var shown = ""
        let t = ScriptedTerminal(size: Size(width: 100, height: 30), [])
        t.script = [
            .wakes([.events([.key(.char("M"))])]),
            .run { shown = t.screen; return [.events([.key(.char("q"))])] },
            .wakes([.events([.key(.char("q"))])]),
        ]
        let end = runLoop(t)
        XCTAssertTrue(shown.contains("finished"), "the figures computed by the job are on screen: \(shown)")
        XCTAssertFalse(shown.contains("Computing the figures"))
        XCTAssertTrue(end.state.isOnBoard)
    }

    func testResizeIsTakenAndPaintedAtTheNewSize() {
        let t = ScriptedTerminal(size: Size(width: 80, height: 24), [
            .wakes([.events([.resize(Size(width: 100, height: 30))])]),
            .wakes([.events([.key(.char("q"))])]),
        ])
        let end = runLoop(t)
        XCTAssertEqual(t.log, ["paint 80x24", "paint 100x30"])
        XCTAssertEqual(end.state.size, Size(width: 100, height: 30))
        XCTAssertNil(end.signal)
    }

    func testCtrlZGivesTheTerminalBackAndResumesAtTheSizeItHasThen() {
        let services = ServiceLog()
        let t = ScriptedTerminal(size: Size(width: 80, height: 24), [
            .wakes([.events([.key(.ctrl("z"))])]),
            .wakes([.events([.key(.char("q"))])]),
        ])
        t.whileSuspended = { t.size = Size(width: 90, height: 25) }  // resized while stopped
        let end = runLoop(t, services: services)
        XCTAssertEqual(services.entries, ["stopped"])
        XCTAssertEqual(t.log, ["paint 80x24", "suspend", "resume", "paint 90x25"])
        XCTAssertEqual(end.state.size, Size(width: 90, height: 25))
    }

    func testAMergeFromDiskArrivesThroughUpdate() throws {
        let state = demoState(width: 140, height: 30)
        let file = try SavedBoard(self, board: state.board)
        var theirs: Item?
        var screenBeforeQuit = ""
        let t = ScriptedTerminal([])
        t.script = [
            .run {
                // Another process adds an item to the file.
                theirs = try? BoardStore.update(file.url) { b in try b.addItem(title: "Added elsewhere", stage: b.stages[0].id, by: "other", at: testNow).item }
                return [.fileChanged]
            },
            .run { file.saver.flush(); return [.saver] },
            .run { screenBeforeQuit = t.screen; return [.events([.key(.char("q"))])] },
        ]
        let end = runLoop(t, state: state, saver: file.saver, writer: file.writer)
        let added = try XCTUnwrap(theirs)
        XCTAssertEqual(end.state.board.items[added.id]?.title, "Added elsewhere")
        XCTAssertTrue(screenBeforeQuit.contains("Added elsewhere"), screenBeforeQuit)
        XCTAssertTrue(screenBeforeQuit.contains("merged changes made to the file elsewhere"), screenBeforeQuit)
        XCTAssertEqual(end.state.saveState, .saved)
    }

    func testTicksAreDeliveredOnlyWhileAScreenAsks() {
        var state = demoState(width: 120, height: 30)
        var screens: [String] = []
        let t = ScriptedTerminal([])
        // The screen is open from the start; it asks for ticks until it closes itself.
        state.push(TickingScreen())
        t.script = [
            .elapse,
            .run { screens.append(t.screen); return [] },
            .elapse,
            .run { screens.append(t.screen); return [.events([.key(.char("j"))])] },
            .wakes([.events([.key(.char("q"))])]),
        ]
        let end = runLoop(t, state: state)
        XCTAssertEqual(t.timeouts, [500, 500, 500, nil, nil], "ticks while the screen is open, then none")
        XCTAssertEqual(t.milliseconds, 1000)
        XCTAssertTrue(screens[0].contains("tick 1 at 0 s"), screens[0])
        XCTAssertTrue(screens[1].contains("tick 2 at 1 s"), screens[1])
        XCTAssertEqual(end.state.lastTick, testNow + 1)
        XCTAssertTrue(end.state.isOnBoard, "the ticking screen closed itself")
    }

    func testTheStandupTimersRunOnTicksFromTheLoop() throws {
        var state = demoState(width: 120, height: 30)
        state.startStandup(now: testNow)
        let t = ScriptedTerminal([.elapse, .elapse, .elapse, .wakes([.signal(SIGTERM)])])
        let end = runLoop(t, state: state)
        XCTAssertEqual(t.timeouts, [1000, 1000, 1000, 1000], "the standup asks for a tick a second")
        let standup = try XCTUnwrap(end.state.top(as: StandupScreen.self))
        XCTAssertEqual(standup.meetingSeconds, 3)
    }

    func testSubscriptionsAreTheAsksOfTheScreenOnTop() {
        var s = demoState()
        XCTAssertEqual(s.subscriptions, .none)
        s.push(TickingScreen())
        XCTAssertEqual(s.subscriptions, Subscriptions(tickEvery: 500))
        s.pop()
        XCTAssertEqual(s.subscriptions, .none)
        XCTAssertEqual(Subscriptions(tickEvery: 1000).merging(Subscriptions(tickEvery: 250)), Subscriptions(tickEvery: 250))
        XCTAssertEqual(Subscriptions.none.merging(Subscriptions(tickEvery: 250)), Subscriptions(tickEvery: 250))
    }

    func testQuitWaitsForTheSaverToWriteTheLastBoard() throws {
        let state = demoState()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docket-loop-\(UUID().uuidString)")
        let gate = DispatchSemaphore(value: 0)
        let written = Written()
        let saver = BoardSaver(url: dir.appendingPathComponent("docket.json")) { board, _ in
            gate.wait()  // the save lasts until the test opens the gate, after `q` was read
            written.set(board)
        }
        let t = ScriptedTerminal([
            .wakes([.events([.key(.char("L"))])]),   // moves the selected item: a save
            .run {
                // The save goes on well after `q` (a slow disk): run() must wait for it. (Correct
                // code passes however long it takes; without the wait, run() returns first.)
                DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { gate.signal() }
                return [.events([.key(.char("q"))])]
            },
        ])
        let end = runLoop(t, state: state, saver: saver)
        XCTAssertNotEqual(end.state.board, state.board, "the move changed the board")
        XCTAssertTrue(written.board == end.state.board, "run() returned before the last board was written")
        XCTAssertEqual(end.saveStatus?.isClean, true)
    }

    func testASignalEndsTheSessionAndIsReported() {
        let t = ScriptedTerminal([.wakes([.signal(SIGTERM), .events([.key(.char("j"))])])])
        let end = runLoop(t)
        XCTAssertEqual(end.signal, SIGTERM)
        XCTAssertEqual(end.state.rows, demoState().rows, "nothing after the signal is handled")
        let closed = ScriptedTerminal([.wakes([.closed])])
        XCTAssertEqual(runLoop(closed).signal, SIGHUP)
    }

    func testAnUnwritableFileSaysReadOnlyFromTheFirstFrame() throws {
        let state = demoState(width: 120, height: 30)
        let file = try SavedBoard(self, board: state.board)
        let services = ServiceLog()
        services.whyNotWritable = "docket.json has no write permission"
        let t = ScriptedTerminal([.wakes([.events([.key(.char("q"))])])])
        let end = runLoop(t, state: state, saver: file.saver, writer: file.writer, services: services)
        let firstFrame = try XCTUnwrap(t.painted.first).renderText()
        XCTAssertTrue(firstFrame.contains("read-only"), firstFrame)
        XCTAssertEqual(end.state.saveState, .readOnly("docket.json has no write permission"))
    }

    func testABoardOfANewerFormatSaysReadOnlyFromTheFirstFrameAndKeepsIt() throws {
        var state = AppState(board: demoState().board, user: "test", fileLabel: "docket.json", readOnly: "written by a newer Docket",
                             size: Size(width: 120, height: 30))
        let t = ScriptedTerminal([.wakes([.events([.key(.char("q"))])])])
        _ = runLoop(t, state: state)
        XCTAssertTrue(try XCTUnwrap(t.painted.first).renderText().contains("read-only"))
        for status in [SaveState.saving, .saved, .failed("disk full")] {
            send(&state, .saveStatus(status))
            XCTAssertEqual(state.saveState, .readOnly("written by a newer Docket"), "after \(status)")
        }
    }

    func testAFailedSaveIsRetriedOnATimeoutOnlyWhileItFails() throws {
        let failures = Written()
        failures.remaining = 2
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docket-loop-\(UUID().uuidString)")
        let saver = BoardSaver(url: dir.appendingPathComponent("docket.json")) { board, _ in
            if failures.takeFailure() { throw BoardStoreError("disk full") }
            failures.set(board)
        }
        let t = ScriptedTerminal([
            .wakes([.events([.key(.char("L"))])]),
            .run { saver.flush(); return [.saver] },          // the save failed: retry in 5 s
            .elapse,                                           // retried, fails again
            .run { saver.flush(); return [.saver] },
            .elapse,                                           // retried, saved
            .run { saver.flush(); return [.saver] },
            .wakes([.events([.key(.char("q"))])]),
        ])
        let end = runLoop(t, saver: saver)
        // No timeout while healthy; 5 s while the save fails (waiting for the flush counts no time).
        XCTAssertEqual(t.timeouts, [nil, nil, 5000, 5000, 5000, 5000, nil])
        XCTAssertEqual(end.state.saveState, .saved)
        XCTAssertTrue(failures.board == end.state.board, "the retried save wrote the board")
    }

    func testAFailedSaveIsRetriedAtOnceWhenTheFileChanges() throws {
        let failures = Written()
        failures.remaining = 1
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docket-loop-\(UUID().uuidString)")
        let saver = BoardSaver(url: dir.appendingPathComponent("docket.json")) { board, _ in
            if failures.takeFailure() { throw BoardStoreError("docket.json is read-only") }
            failures.set(board)
        }
        let t = ScriptedTerminal([
            .wakes([.events([.key(.char("L"))])]),
            .run { saver.flush(); return [.saver] },          // failed
            .wakes([.fileChanged]),                            // made writable again: retried
            .run { saver.flush(); return [.saver] },          // saved
            .wakes([.events([.key(.char("q"))])]),
        ])
        let end = runLoop(t, saver: saver)
        XCTAssertEqual(t.milliseconds, 0, "no time had to pass")
        XCTAssertEqual(end.state.saveState, .saved)
        XCTAssertTrue(failures.board == end.state.board, "the retried save wrote the board")
    }

    func testEffectsAreAnsweredWithEvents() throws {
        let services = ServiceLog()
        let state = demoState(width: 160, height: 30)
        let id = try XCTUnwrap(state.selectedItemID)
        let palette = { (command: String) -> Wake in .events([.key(.char(":"))] + typed(command) + [.key(.enter)]) }
        var screens: [String] = []
        let t = ScriptedTerminal([])
        t.script = [
            .wakes([.events([.key(.char("E"))])]),
            .wakes([palette("theme mono")]),
            .run { screens.append(t.screen); return [palette("theme nosuch")] },
            .run { screens.append(t.screen); return [palette("export csv out.csv")] },
            .run { screens.append(t.screen); return [palette("export csv /nowhere/out.csv")] },
            .run { screens.append(t.screen); return [.events([.key(.char("q"))])] },
        ]
        var loop = RuntimeLoop(state: state, terminal: t, saver: nil, writer: nil, services: services.services, clock: t.clock)
        let end = loop.run()
        XCTAssertEqual(end.state.board.items[id]?.description, "edited")
        XCTAssertEqual(services.entries, ["edit \(id)", "load theme mono", "load theme nosuch", "export csv out.csv", "export csv /nowhere/out.csv"])
        XCTAssertEqual(t.log.filter { !$0.hasPrefix("paint") }, ["suspend", "resume", "theme"])
        let expected = ["theme: mono", "nosuch: no such theme", "exported csv to /tmp/out.csv", "export failed: cannot write /nowhere/out.csv"]
        XCTAssertEqual(screens.count, expected.count)
        for (screen, status) in zip(screens, expected) { XCTAssertTrue(screen.contains(status), "\(status) not in\n\(screen)") }
    }
}

/// A board written on the saver's thread, read on the test's; and failures to play.
final class Written: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Board?
    var remaining = 0
    func set(_ board: Board) { lock.lock(); value = board; lock.unlock() }
    var board: Board? { lock.lock(); defer { lock.unlock() }; return value }
    func takeFailure() -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard remaining > 0 else { return false }
        remaining -= 1
        return true
    }
}
