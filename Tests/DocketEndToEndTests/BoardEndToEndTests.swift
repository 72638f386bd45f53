import DocketCore
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// End-to-end tests: the real `docket` binary in a private tmux server, checked on the screen
/// and in the saved file. Build the binary first: `swift build && swift test`.
final class BoardEndToEndTests: TmuxTestCase {

    // MARK: - Helpers

    /// Opens `url` in docket and waits until the board is on screen (`stage` visible and the
    /// status line says the board is saved).
    @discardableResult
    private func open(_ t: TmuxSession, _ url: URL, showing stage: String = "Inbox",
                      width: Int = 100, height: Int = 30) throws -> String {
        try t.startDocket([url.path], width: width, height: height)
        return try t.waitForScreen("the board (\"\(stage)\" and \"saved\")") { screen in
            screen.contains(stage) && (screenLines(screen).last ?? "").contains("saved")
        }
    }

    /// Asserts the terminal was given back in a usable state: canonical input and echo
    /// (from `stty -a` run on the pane's terminal after docket ended), the normal screen,
    /// a visible cursor and no mouse reporting.
    private func assertTerminalRestored(_ t: TmuxSession, file: StaticString = #filePath, line: UInt = #line) throws {
        try t.waitUntil("stty.out") { FileManager.default.fileExists(atPath: t.sttyFile.path) }
        let flags = try t.sttyFlags()
        let raw = (try? String(contentsOf: t.sttyFile, encoding: .utf8)) ?? ""
        XCTAssertTrue(flags.contains("icanon"), "stty -a after docket lacks icanon:\n\(raw)", file: file, line: line)
        XCTAssertTrue(flags.contains("echo"), "stty -a after docket lacks echo:\n\(raw)", file: file, line: line)
        XCTAssertFalse(flags.contains("-icanon"), "the terminal was left in non-canonical mode:\n\(raw)", file: file, line: line)
        XCTAssertFalse(flags.contains("-echo"), "the terminal was left without echo:\n\(raw)", file: file, line: line)
        XCTAssertEqual(try t.paneFormat("#{alternate_on}"), "0", "the alternate screen is still on", file: file, line: line)
        XCTAssertEqual(try t.paneFormat("#{cursor_flag}"), "1", "the cursor is still hidden", file: file, line: line)
        XCTAssertEqual(try t.paneFormat("#{mouse_any_flag}"), "0", "mouse reporting is still on", file: file, line: line)
    }

    // MARK: - 1. Move with L, quit with q

    func testMoveToNextStageAndQuitSavesTheMove() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["First item", "Second item"])
        try open(t, url)

        try t.keys("L")
        let screen = try t.waitForText("moved \(ids[0]) to Ideas")
        XCTAssertTrue(screen.contains("Second item"))
        // Saved at once, before quitting.
        try t.waitForBoard(url, "\(ids[0]) in ideas") { $0.items[ids[0]]?.stage == "ideas" }

        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
        try t.waitForText("EXIT:0")

        let board = try BoardStore.load(url).board
        XCTAssertEqual(board.items[ids[0]]?.stage, "ideas")
        XCTAssertEqual(board.items[ids[1]]?.stage, "inbox")
        XCTAssertEqual(board.column("ideas"), [ids[0]])
        XCTAssertEqual(board.column("inbox"), [ids[1]])
        let move = board.activity.last { $0.item == ids[0] && $0.action == "move" }
        XCTAssertNotNil(move, "the move is in the activity log: \(board.activity)")
        XCTAssertEqual(move?.by, "e2e", "the activity log names $DOCKET_USER")
        try assertTerminalRestored(t)
    }

    // MARK: - 2. Add through the prompt: emoji and CJK

    func testAddThroughPromptWithEmojiAndCJK() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["Existing"])
        try open(t, url)
        let title = "Ship 🚀 日本語"

        try t.keys("a")
        try t.waitForScreen("the add prompt") { (screenLines($0).last ?? "").contains("Add to Inbox ›") }
        try t.type(title)
        try t.waitForScreen("the typed title in the prompt") { (screenLines($0).last ?? "").contains("Add to Inbox › \(title)") }
        try t.keys("Enter")
        // The card is on the board (not only in the prompt) and the prompt stays open, empty.
        let shown = try t.waitForScreen("the new card and an empty prompt") { screen in
            let lines = screenLines(screen)
            guard let last = lines.last else { return false }
            return lines.dropLast().contains { $0.contains(title) }
                && last.trimmingCharacters(in: .whitespaces) == "Add to Inbox ›"
        }
        XCTAssertTrue(shown.contains("Existing"))
        XCTAssertTrue(shown.contains("Inbox                2"), "the Inbox header should count 2 items:\n\(shown)")

        try t.keys("Escape")
        try t.waitForScreen("the prompt closed") { !$0.contains("Add to Inbox") }
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)

        let board = try BoardStore.load(url).board
        let added = board.items.values.filter { $0.title == title }
        XCTAssertEqual(added.count, 1, "titles saved: \(board.items.values.map(\.title))")
        XCTAssertEqual(added.first?.stage, "inbox")
        XCTAssertEqual(board.column("inbox").count, 2)
        XCTAssertEqual(board.column("inbox").first, ids[0], "a new item goes below the existing one")
    }

    // MARK: - 3. Resize down to too small and back

    func testResizeTooSmallAndBack() throws {
        let t = try session()
        let (url, _) = try t.makeBoard(items: ["Resize me"])
        try open(t, url)

        try t.resize(width: 20, height: 6)
        try t.waitForText("too small")
        XCTAssertTrue(try t.docketIsRunning(), "docket died at 20x6")

        // Below and at the edge of the minimum, and a key while too small.
        try t.resize(width: 23, height: 8)
        try t.waitForText("23×8")
        try t.keys("j")
        try t.resize(width: 24, height: 8)
        try t.waitForScreen("the board at 24x8") { $0.contains("Inbox") && !$0.contains("too small") }

        try t.resize(width: 100, height: 30)
        let screen = try t.waitForScreen("the board back at 100x30") { screen in
            screen.contains("Inbox") && screen.contains("Ideas") && screen.contains("Resize me") && !screen.contains("too small")
        }
        XCTAssertFalse(screen.contains("EXIT:"))
        XCTAssertTrue(try t.docketIsRunning(), "docket died after the resizes")

        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
        XCTAssertEqual(try BoardStore.load(url).board.items.count, 1)
    }

    // MARK: - 4. Ctrl-C inside the add prompt

    /// Ctrl-C in a prompt cancels that edit (the board stays open); Ctrl-C on the board quits.
    func testCtrlCInsidePromptCancelsThenQuitsAndRestoresTerminal() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["Keep one", "Keep two"])
        try open(t, url)

        try t.keys("a")
        try t.waitForScreen("the add prompt") { (screenLines($0).last ?? "").contains("Add to Inbox ›") }
        try t.type("half typed")
        try t.waitForText("Add to Inbox › half typed")
        try t.keys("C-c")
        try t.waitForScreen("the prompt closed, the board still open") { !$0.contains("Add to Inbox ›") && $0.contains("Keep one") }
        try t.keys("C-c")

        let status = try t.waitForExit()
        XCTAssertTrue(status == 0 || status == 130, "Ctrl-C should quit (0, or 130 for SIGINT); got \(status)")
        try t.waitForText("EXIT:")

        let board = try BoardStore.load(url).board   // still parses
        XCTAssertEqual(Set(board.items.keys), Set(ids))
        XCTAssertFalse(board.items.values.contains { $0.title.contains("half typed") }, "an unsubmitted prompt was saved")
        XCTAssertEqual(board.column("inbox"), ids)
        try assertTerminalRestored(t)
    }

    // MARK: - 5. SIGTERM after a move

    func testSIGTERMSavesTheMoveAndRestoresTerminal() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["Term me", "Stay"])
        try open(t, url)

        try t.keys("L")
        try t.waitForText("moved \(ids[0]) to Ideas")

        let status = try t.signalAndWaitForExit(SIGTERM)
        XCTAssertEqual(status, 128 + SIGTERM, "docket should end with the SIGTERM status")
        let board = try BoardStore.load(url).board
        XCTAssertEqual(board.items[ids[0]]?.stage, "ideas")
        XCTAssertEqual(board.items[ids[1]]?.stage, "inbox")
        try assertTerminalRestored(t)
    }

    // MARK: - 5b. SIGHUP (the terminal closes) after a move

    func testSIGHUPSavesTheMoveAndRestoresTerminal() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["Hang up", "Stay"])
        try open(t, url)

        try t.keys("L", "L")
        try t.waitForText("moved \(ids[0]) to Ready")

        let status = try t.signalAndWaitForExit(SIGHUP)
        XCTAssertEqual(status, 128 + SIGHUP, "docket should end with the SIGHUP status")
        XCTAssertEqual(try BoardStore.load(url).board.items[ids[0]]?.stage, "ready")
        try assertTerminalRestored(t)
    }

    // MARK: - 5c. The terminal closes (tmux server killed) after a move

    func testClosingTheTerminalSavesAndExits() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["Closed under me", "Stay"])
        try open(t, url)
        let pid = try t.docketPID()

        try t.keys("L")
        try t.waitForText("moved \(ids[0]) to Ideas")
        try t.closeTerminal()

        let ticksBefore = TmuxSession.cpuTicks(pid)
        do {
            try t.waitUntil("docket to end after its terminal closed", timeout: 5) { TmuxSession.hasEnded(pid) }
        } catch {
            var spent = "?"
            if let before = ticksBefore, let after = TmuxSession.cpuTicks(pid) { spent = String(after - before) }
            XCTFail("docket (pid \(pid)) is still running 5 s after its terminal closed; it used \(spent) CPU ticks meanwhile (about 500 means a busy loop)")
            return
        }
        XCTAssertEqual(try BoardStore.load(url).board.items[ids[0]]?.stage, "ideas")
    }

    // MARK: - 6. Archive, undo, redo, undo

    func testArchiveThenUndoKeepsTheItem() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["Archive me", "Other"])
        try open(t, url)

        try t.keys("d")
        try t.waitForText("archived \(ids[0])")
        try t.waitForBoard(url, "\(ids[0]) archived") { $0.items[ids[0]]?.archived == true }
        XCTAssertFalse(try t.screen().contains("Archive me"))

        try t.keys("u")
        let screen = try t.waitForText("undid: archived \(ids[0])")
        XCTAssertTrue(screen.contains("Archive me"))
        try t.waitForBoard(url, "\(ids[0]) not archived") { $0.items[ids[0]]?.archived == false }

        try t.keys("C-r")
        try t.waitForText("redid: archived \(ids[0])")
        try t.waitForBoard(url, "\(ids[0]) archived again") { $0.items[ids[0]]?.archived == true }
        try t.keys("u")
        try t.waitForText("undid: archived \(ids[0])")

        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
        let board = try BoardStore.load(url).board
        XCTAssertEqual(board.items[ids[0]]?.archived, false)
        XCTAssertEqual(board.column("inbox"), ids, "the item is back in its place")
    }

    // MARK: - 7. Escape sequences in a title are shown, not sent

    func testEscapeSequenceInTitleIsMadeVisible() throws {
        let t = try session()
        let (url, _) = try t.makeBoard()
        let id = try t.runDocket(["add", "\u{1b}[31mRED\u{1b}[0m title", "--stage", "Inbox", "-b", url.path])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try open(t, url)

        let plain = try t.waitForText("RED")
        XCTAssertTrue(plain.contains("␛[31mRED␛[0m title"), "the escape should show as ␛:\n\(plain)")
        XCTAssertTrue(plain.contains(id))
        let styled = try t.screen(escapes: true)
        XCTAssertTrue(styled.contains("␛[31mRED"), "the marker should be in the styled capture too")
        XCTAssertFalse(styled.contains("\u{1b}[31mRED"), "the title's SGR reached the terminal (RED is drawn red):\n\(styled.debugDescription)")
        XCTAssertFalse(styled.contains("\u{1b}[0m title"))

        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
        XCTAssertEqual(try BoardStore.load(url).board.items[id]?.title, "\u{1b}[31mRED\u{1b}[0m title",
                       "the title is kept as it was")
    }

    // MARK: - 8. Help overlay

    func testHelpOverlayOpensAndCloses() throws {
        let t = try session()
        let (url, _) = try t.makeBoard(items: ["Helpful"])
        try open(t, url)

        try t.keys("?")
        let help = try t.waitForText("Docket keys")
        XCTAssertTrue(help.contains("undo"))
        XCTAssertTrue(help.contains("quit"))

        try t.keys("Escape")
        let board = try t.waitForNoText("Docket keys")
        XCTAssertTrue(board.contains("Helpful"))
        XCTAssertTrue(board.contains("Ideas"))

        // `?` toggles too.
        try t.keys("?")
        try t.waitForText("Docket keys")
        try t.keys("?")
        try t.waitForNoText("Docket keys")

        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
    }

    // MARK: - 9. Trello import, open, move, quit

    func testTrelloImportOpenMoveAndQuit() throws {
        guard let export = E2EPaths.sharedData("trello-clipkit-ja.json") else {
            throw XCTSkip("trello-clipkit-ja.json not found in \(E2EPaths.repoRoot.deletingLastPathComponent().path)/shared/data or Tests/DocketCoreTests/Fixtures")
        }
        let t = try session()
        let url = t.dir.appendingPathComponent("clipkit.json")
        let out = try t.runDocket(["import", export.path, "--new", url.path])
        XCTAssertTrue(out.stdout.contains("created"), out.stdout)

        let imported = try BoardStore.load(url).board
        XCTAssertGreaterThanOrEqual(imported.stages.count, 2)
        let first = imported.stages[0], second = imported.stages[1]
        XCTAssertEqual(first.name, "やりたいこと")
        let card = try XCTUnwrap(imported.column(first.id).first, "the first list has no cards")

        try open(t, url, showing: "やりたいこと")
        try t.waitForText(second.name)

        try t.keys("L")
        try t.waitForText("moved \(card)")
        try t.waitForBoard(url, "the card in \(second.name)") { $0.items[card]?.stage == second.id }

        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
        let board = try BoardStore.load(url).board
        XCTAssertEqual(board.items[card]?.stage, second.id)
        XCTAssertEqual(board.column(first.id).count, imported.column(first.id).count - 1)
        XCTAssertEqual(board.column(second.id).count, imported.column(second.id).count + 1)
        XCTAssertEqual(board.items.count, imported.items.count)
    }

    // MARK: - 10. Ctrl-Z and fg from an interactive shell

    func testCtrlZSuspendsAndFgResumes() throws {
        guard let bash = E2EPaths.findExecutable("bash") else { throw XCTSkip("bash is needed for job control") }
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["Suspend me"])
        let prompt = "E2E$"
        // HISTFILE empty: bash saves no history into the test's folder when tmux hangs it up.
        try t.start(script: "HISTFILE= PS1='\(prompt) ' exec \(shellQuote(bash.path)) --norc --noprofile -i")
        try t.waitForText(prompt)

        let isPrompt: (String) -> Bool = { (screenLines($0).last ?? "").trimmingCharacters(in: .whitespaces) == prompt }
        try t.type("\(shellQuote(t.docket.path)) \(shellQuote(url.path))")
        try t.keys("Enter")
        try t.waitForScreen("the board") { $0.contains("Suspend me") && (screenLines($0).last ?? "").contains("saved") }

        try t.keys("C-z")
        try t.waitForScreen("the shell after Ctrl-Z") { $0.contains("Stopped") && isPrompt($0) }
        XCTAssertEqual(try t.paneFormat("#{alternate_on}"), "0", "suspended docket left the alternate screen on")
        XCTAssertEqual(try t.paneFormat("#{cursor_flag}"), "1", "suspended docket left the cursor hidden")
        try t.type("stty -a > stty.out")
        try t.keys("Enter")
        try t.waitUntil("stty.out") { ((try? String(contentsOf: t.sttyFile, encoding: .utf8)) ?? "").contains("icanon") }
        let flags = try t.sttyFlags()
        XCTAssertTrue(flags.contains("icanon") && flags.contains("echo") && !flags.contains("-echo"),
                      "the terminal is not sane while docket is suspended: \(flags.sorted())")

        try t.type("fg")
        try t.keys("Enter")
        try t.waitForScreen("the board after fg") { $0.contains("Suspend me") && $0.contains("Ideas") && !$0.contains("Stopped") }
        try t.keys("L")
        try t.waitForText("moved \(ids[0]) to Ideas")
        try t.keys("q")
        try t.waitForScreen("the shell prompt after q") { isPrompt($0) && !$0.contains("Suspend me") }
        try t.type("echo \"EXIT:$?\"")
        try t.keys("Enter")
        try t.waitForText("EXIT:0")
        XCTAssertEqual(try BoardStore.load(url).board.items[ids[0]]?.stage, "ideas")
    }
}
