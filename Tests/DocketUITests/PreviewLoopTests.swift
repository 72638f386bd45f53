import DocketCore
@testable import DocketUI
import Foundation
import XCTest

/// A session that opens on a preview of a large board (`PendingBoard`): nothing is done to the
/// preview; input waits for the full board and is then applied to it, in order.
final class PreviewLoopTests: XCTestCase {
    private struct Session {
        let full: Board
        /// The full read of the file (`full` and whether its lines are its items).
        let loaded: LoadedBoard
        let preview: Board
        let url: URL
        let saver: BoardSaver
        let writer: MergingWriter
        let bytes: Data
    }

    /// A large board saved to a file (its text changed by `craft` when given), its preview, and
    /// the saver and writer a session makes (the writer made from the preview, as `docket` does,
    /// not splicing until it is given the full board and what its read found).
    private func session(craft: ((Board, String) -> String)? = nil) throws -> Session {
        let board = GeneratedBoard.make(count: BoardDecoder.previewMinimum + 200, seed: 9)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docket-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("docket.json")
        try BoardStore.save(board, to: url)
        if let craft { try Data(craft(board, try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url) }
        let bytes = try Data(contentsOf: url)
        let loaded = try BoardDecoder.decode(bytes, path: url.path)
        let preview = try XCTUnwrap(BoardDecoder.preview(bytes, path: url.path, top: 30)).board
        let writer = MergingWriter(base: preview, url: url, user: "test", linesAreItems: false)
        let saver = BoardSaver(url: url) { board, url in try writer.write(board, to: url) }
        return Session(full: loaded.board, loaded: loaded, preview: preview, url: url, saver: saver, writer: writer, bytes: bytes)
    }

    private func run(_ s: Session, _ t: ScriptedTerminal, _ pending: PendingBoard,
                     log: ServiceLog = ServiceLog()) -> RuntimeLoop<ScriptedTerminal>.Outcome {
        var state = AppState(board: s.preview, user: "test", fileLabel: "docket.json", size: t.size)
        state.readingWholeBoard = 0
        var loop = RuntimeLoop(state: state, terminal: t, saver: s.saver, writer: s.writer, services: log.services,
                               clock: t.clock, pending: pending)
        let outcome = loop.run()
        XCTAssertFalse(t.log.contains("script ran out"), "\(t.log)")
        return outcome
    }

    func testInputWaitsForTheFullBoardAndIsThenAppliedToIt() throws {
        let s = try session()
        let pending = PendingBoard()
        let inbox = s.full.stages[0].id, next = s.full.stages[1].id
        let second = s.full.column(inbox)[1]
        var whileReading = "", untouchedWhileReading = false
        let t = ScriptedTerminal(size: Size(width: 120, height: 30), [])
        t.script = [
            // Down and move right, typed before the whole board is read.
            .wakes([.events([.key(.char("j")), .key(.char("L"))])]),
            .run {
                whileReading = t.screen
                untouchedWhileReading = (try? Data(contentsOf: s.url)) == s.bytes
                pending.deliver(.success(s.loaded))
                return []
            },
            .run { s.saver.flush(); return [.saver] },
            .wakes([.events([.key(.char("q"))])]),
        ]
        let end = run(s, t, pending)
        XCTAssertTrue(whileReading.contains("reading the whole board… 2 keys waiting"), whileReading)
        XCTAssertTrue(untouchedWhileReading, "nothing saved while reading")
        XCTAssertEqual(end.state.board.items[second]?.stage, next, "the keys held back were applied to the full board")
        XCTAssertFalse(t.screen.contains("reading the whole board"))
        let saved = try BoardStore.load(s.url).board
        XCTAssertEqual(saved.items[second]?.stage, next, "and saved")
        XCTAssertEqual(saved.items.count, s.full.items.count)
        let deep = try XCTUnwrap(s.full.column("done").last)
        XCTAssertEqual(saved.items[deep], s.full.items[deep], "a card the preview held as a stand-in is saved whole")
        XCTAssertEqual(saved.activity.count, s.full.activity.count + 1, "the log kept, one move added")
    }

    func testTheFullReadStartsOnceTheFirstFrameIsPaintedAndItsBoardIsTakenIn() throws {
        let s = try session()
        let delivered = DispatchSemaphore(value: 0)
        let loaded = s.loaded
        let pending = PendingBoard { .success(loaded) }
        pending.whenDelivered { delivered.signal() }
        var paintedBeforeReading = 0
        let t = ScriptedTerminal([])
        t.script = [
            .run {
                paintedBeforeReading = t.painted.count
                XCTAssertEqual(delivered.wait(timeout: .now() + 60), .success, "the read was started and delivered")
                return []
            },
            .wakes([.events([.key(.char("q"))])]),
        ]
        let log = ServiceLog()
        let end = run(s, t, pending, log: log)
        XCTAssertEqual(paintedBeforeReading, 1, "the first frame was painted")
        XCTAssertEqual(log.entries, ["returned freed memory"], "the preview's memory given back once, when the full board came")
        let deep = try XCTUnwrap(s.full.column("done").last)
        XCTAssertEqual(end.state.board.items[deep], s.full.items[deep], "the full board is in")
        XCTAssertEqual(try Data(contentsOf: s.url), s.bytes, "opening wrote nothing")
    }

    func testAFileWhoseLinesAreNotItsItemsIsSavedAsTheSessionHoldsIt() throws {
        // Two item lines name each other by a second "id" key (the last one counts): the preview
        // places items by each line's first id, the full read finds the lines are not their
        // items, and the first save after it must give a file that reads back as the session's board.
        let s = try session { board, text in
            let one = board.column(board.stages[0].id)[1], other = board.column("done").last!
            var lines = text.components(separatedBy: "\n")
            for (id, to) in [(one, other), (other, one)] {
                let at = lines.firstIndex { $0.hasPrefix("{\"id\": \"\(id)\"") }!
                let line = lines[at], end = line.lastIndex(of: "}")!
                lines[at] = String(line[..<end]) + ", \"id\": \"\(to)\"" + String(line[end...])
            }
            return lines.joined(separator: "\n")
        }
        XCTAssertFalse(s.loaded.linesAreItems, "the full read sees lines that are not their items")
        let inbox = s.full.stages[0].id, next = s.full.stages[1].id
        let second = s.full.column(inbox)[1]
        let loaded = s.loaded, delivered = DispatchSemaphore(value: 0)
        let pending = PendingBoard { .success(loaded) }
        pending.whenDelivered { delivered.signal() }
        let t = ScriptedTerminal(size: Size(width: 120, height: 30), [])
        t.script = [
            .run {
                XCTAssertEqual(delivered.wait(timeout: .now() + 60), .success, "the full read was delivered")
                return []
            },
            .wakes([.events([.key(.char("j")), .key(.char("L"))])]),
            .run { s.saver.flush(); return [.saver] },
            .wakes([.events([.key(.char("q"))])]),
        ]
        let end = run(s, t, pending)
        XCTAssertEqual(end.state.board.items[second]?.stage, next)
        let saved = try BoardDecoder.decode(try Data(contentsOf: s.url), path: s.url.path)
        XCTAssertEqual(saved.board.items, end.state.board.items, "the file reads back as the session's board")
        XCTAssertTrue(saved.linesAreItems, "written whole, in the canonical layout")
    }

    func testATerminatingSignalWhileReadingAppliesAndSavesTheKeysTypedFirst() throws {
        // `j` `L` typed while the whole board is read, then SIGTERM (or the terminal gone): the
        // session waits for the board, applies the keys, saves, and ends as the signal asks.
        for wake: Wake in [.signal(SIGTERM), .closed] {
            let s = try session()
            let loaded = s.loaded
            let pending = PendingBoard { .success(loaded) }
            let inbox = s.full.stages[0].id, next = s.full.stages[1].id
            let second = s.full.column(inbox)[1]
            let t = ScriptedTerminal(size: Size(width: 120, height: 30), [])
            t.script = [.wakes([.events([.key(.char("j")), .key(.char("L"))])]), .wakes([wake])]
            let end = run(s, t, pending)
            XCTAssertEqual(end.signal, wake == .closed ? SIGHUP : SIGTERM)
            XCTAssertNil(end.loadError)
            XCTAssertEqual(end.state.board.items[second]?.stage, next, "the keys were applied to the full board")
            let saved = try BoardStore.load(s.url).board
            XCTAssertEqual(saved.items[second]?.stage, next, "and saved before the session ended (\(wake))")
            XCTAssertEqual(saved.items.count, s.full.items.count)
        }
    }

    func testAFailedFullReadEndsTheSessionWithItsErrorAndWritesNothing() throws {
        let s = try session()
        let pending = PendingBoard()
        let wrong = BoardFileError(path: "docket.json", line: 9, column: 3, message: "expected must, should, could or wont")
        let t = ScriptedTerminal([
            .wakes([.events([.key(.char("L"))])]),
            .run { pending.deliver(.failure(wrong)); return [] },
        ])
        let end = run(s, t, pending)
        XCTAssertEqual(end.loadError as? BoardFileError, wrong)
        XCTAssertEqual(end.unapplied, 1, "the L typed meanwhile is counted as never applied")
        XCTAssertEqual(try Data(contentsOf: s.url), s.bytes, "the file is untouched")
    }

    func testQuitWhileReadingQuitsAtOnceAndWritesNothing() throws {
        let s = try session()
        let t = ScriptedTerminal([.wakes([.events([.key(.char("q"))])])])
        let end = run(s, t, PendingBoard())
        XCTAssertNil(end.loadError)
        XCTAssertEqual(try Data(contentsOf: s.url), s.bytes)
    }

    func testAChangeToTheFileWhileReadingIsMergedOnceTheFullBoardIsIn() throws {
        let s = try session()
        let pending = PendingBoard()
        var theirs: Item?
        let t = ScriptedTerminal([])
        t.script = [
            .run {
                theirs = try? BoardStore.update(s.url) { b in try b.addItem(title: "Added elsewhere", stage: b.stages[0].id, by: "other", at: testNow).item }
                return [.fileChanged]
            },
            .run { pending.deliver(.success(s.loaded)); return [] },
            .run { s.saver.flush(); return [.saver] },
            .wakes([.events([.key(.char("q"))])]),
        ]
        let end = run(s, t, pending)
        let added = try XCTUnwrap(theirs)
        XCTAssertEqual(end.state.board.items[added.id]?.title, "Added elsewhere")
        let saved = try BoardStore.load(s.url).board
        XCTAssertEqual(saved.items.count, s.full.items.count + 1)
        XCTAssertEqual(saved.items[added.id]?.title, "Added elsewhere")
    }
}
