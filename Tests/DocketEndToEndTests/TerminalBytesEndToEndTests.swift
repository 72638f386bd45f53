import DocketCore
import Foundation
import XCTest

/// Issue 14 with the real binary in tmux: raw bytes sent in one write (`send-keys -H`), as a
/// terminal sends them. Each test checks the screen and the saved file.
final class TerminalBytesEndToEndTests: TmuxTestCase {
    /// Sends `bytes` to the pane in one write.
    private func send(_ t: TmuxSession, _ bytes: [UInt8]) throws {
        try t.tmux(["send-keys", "-t", "0", "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    private func send(_ t: TmuxSession, _ text: String) throws { try send(t, Array(text.utf8)) }

    private func open(_ t: TmuxSession, _ url: URL, exports: [String: String] = [:]) throws {
        try t.startDocket([url.path], exports: exports)
        try t.waitForScreen("the board") { $0.contains("Inbox") && (screenLines($0).last ?? "").contains("saved") }
    }

    private func lastLine(_ screen: String) -> String { screenLines(screen).last ?? "" }

    /// Opens help and closes it: once help has come and gone, every byte sent before it has
    /// been handled (a positive signal instead of a sleep).
    private func settle(_ t: TmuxSession) throws {
        try t.keys("?")
        try t.waitForText("Docket keys")
        try t.keys("q")
        try t.waitForNoText("Docket keys")
    }

    // MARK: - 1. Sequences are one key, never letters

    func testApplicationModeHomeAndConsoleF1AreNotLetters() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["Alpha"])
        try open(t, url)
        // ESC O H (Home in application mode), ESC O F (End), ESC [ [ A (F1 on the console),
        // ESC [ 1 ; 2 C (Shift-→), an unknown ESC [ 99 ~: as letters they would move the card
        // (H, L), open saved filters (F) or a prompt.
        for seq: [UInt8] in [[0x1B, 0x4F, 0x48], [0x1B, 0x4F, 0x46], [0x1B, 0x5B, 0x5B, 0x41], [0x1B, 0x5B, 0x39, 0x39, 0x7E]] {
            try send(t, seq)
        }
        try settle(t)
        let screen = try t.screen()
        XCTAssertFalse(screen.contains("moved"), screen)
        XCTAssertEqual(try BoardStore.load(url).board.items[ids[0]]?.stage, "inbox", "the card did not move")

        // In the add prompt: X, F1 as the Linux console sends it, Y gives XY.
        try t.keys("a")
        try t.waitForScreen("the add prompt") { self.lastLine($0).contains("Add to Inbox ›") }
        try send(t, "X")
        try send(t, [0x1B, 0x5B, 0x5B, 0x41])
        try send(t, [0x1B, 0x4F, 0x48])  // Home: the cursor goes to the start
        try send(t, "Y")
        try t.waitForScreen("YX in the prompt") { self.lastLine($0).contains("Add to Inbox › YX") }
        try t.keys("Enter")
        try t.waitForBoard(url, "the item YX") { $0.items.values.contains { $0.title == "YX" } }
        XCTAssertFalse(try BoardStore.load(url).board.items.values.contains { $0.title.contains("A") && $0.title != "Alpha" })
    }

    // MARK: - 2. Alt keys in a text field

    func testAltLettersInTheTitleEditorEditTextAndNeverActOnTheBoard() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["Alpha Beta", "Other"])
        try open(t, url)
        try t.keys("e")
        try t.waitForScreen("the title editor") { self.lastLine($0).contains("Title of \(ids[0]) › Alpha Beta") }
        // Alt-d, Alt-H, Alt-L, Alt-J (archive, move, re-rank as letters), each in one write.
        for seq in ["\u{1B}d", "\u{1B}H", "\u{1B}L", "\u{1B}J"] { try send(t, seq) }
        try send(t, "\u{1B}b")   // Alt-b: before "Beta"
        try send(t, "X")
        try t.waitForScreen("the edited title") { self.lastLine($0).contains("› Alpha XBeta") }
        try t.keys("Enter")
        let board = try t.waitForBoard(url, "the new title") { $0.items[ids[0]]?.title == "Alpha XBeta" }
        XCTAssertEqual(board.items[ids[0]]?.archived, false)
        XCTAssertEqual(board.items[ids[0]]?.stage, "inbox")
        XCTAssertEqual(board.column("inbox"), ids, "not re-ranked")

        // In the add prompt too; and on the board an unbound Alt key does nothing.
        try t.keys("a")
        try t.waitForScreen("the add prompt") { self.lastLine($0).contains("Add to Inbox ›") }
        try send(t, "\u{1B}d")
        try send(t, "New")
        try send(t, "\u{1B}\u{7F}")  // Alt-Backspace: the word is gone
        try send(t, "Fresh")
        try t.waitForScreen("Fresh in the prompt") { self.lastLine($0).contains("Add to Inbox › Fresh") }
        try t.keys("Enter")
        try t.waitForBoard(url, "the item Fresh") { $0.items.values.contains { $0.title == "Fresh" } }
        try t.keys("Escape")
        try t.waitForScreen("the prompt closed") { !self.lastLine($0).contains("Add to") }
        try send(t, "\u{1B}d")
        try send(t, "\u{1B}q")
        try settle(t)
        let after = try BoardStore.load(url).board
        XCTAssertEqual(after.items.values.filter(\.archived).count, 0, "nothing archived")
        XCTAssertTrue(try t.docketIsRunning(), "Alt-q did not quit")
    }

    // MARK: - 3. An unbracketed multi-line paste

    func testAMultiLinePasteWithoutBracketsIsInsertedNotSubmitted() throws {
        let t = try session()
        let (url, _) = try t.makeBoard(items: ["Alpha"])
        try open(t, url)
        try t.keys("a")
        try t.waitForScreen("the add prompt") { self.lastLine($0).contains("Add to Inbox ›") }
        try send(t, "Prepare retro notes\rq\rdd\r")
        try t.waitForScreen("the pasted lines in the prompt") { self.lastLine($0).contains("› Prepare retro notes q dd") }
        XCTAssertEqual(try BoardStore.load(url).board.items.count, 1, "nothing added by the paste")
        try t.keys("Enter")
        let board = try t.waitForBoard(url, "one new item") { $0.items.count == 2 }
        XCTAssertEqual(Set(board.items.values.map(\.title)), ["Alpha", "Prepare retro notes q dd"])
        try t.keys("Escape")
        try t.waitForScreen("the prompt closed") { !self.lastLine($0).contains("Add to") }

        // In the title editor: the first line break does not save, the `q` line does not quit.
        try t.keys("e")
        let editor = try t.waitForScreen("the title editor") { self.lastLine($0).contains("Title of") }
        let id = String(try XCTUnwrap(lastLine(editor).components(separatedBy: "Title of ").last?.split(separator: " ").first))
        try t.keys("C-u")
        try send(t, "New title\nq\ndd\n")
        try t.waitForScreen("the pasted title") { self.lastLine($0).contains("› New title q dd") }
        XCTAssertTrue(try t.docketIsRunning())
        XCTAssertNotEqual(try BoardStore.load(url).board.items[id]?.title, "New title q dd", "not saved before Enter")
        try t.keys("Enter")
        try t.waitForBoard(url, "the pasted title saved") { $0.items[id]?.title == "New title q dd" }
    }

    // MARK: - 4. Flags

    func testFlagsInTheTitleEditorRepaintLikeAFullPaint() throws {
        let t = try session()
        let (url, _) = try t.makeBoard()
        let id = try t.runDocket(["add", "--literal", "X🇩🇪🇯🇵🇧🇷Z", "-b", url.path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try open(t, url)
        let board = try t.waitForText("X🇩🇪🇯🇵🇧🇷Z")
        XCTAssertTrue(board.contains("X🇩🇪🇯🇵🇧🇷Z"), "every flag whole on the board:\n\(board)")
        try t.keys("e")
        try t.waitForScreen("the title editor") { self.lastLine($0).contains("Title of \(id) › X🇩🇪🇯🇵🇧🇷Z") }
        try t.keys("Home")
        try t.keys("Right")
        try t.keys("Right")
        try t.keys("|")
        let edited = try t.waitForScreen("the edited title") { self.lastLine($0).contains("› X🇩🇪|🇯🇵🇧🇷Z") }
        // A full repaint (after a resize) shows exactly what the incremental one did.
        try t.resize(width: 90, height: 30)
        try t.waitForScreen("the narrow board") { screenLines($0).allSatisfy { $0.count <= 90 } && self.lastLine($0).contains("› X🇩🇪|🇯🇵🇧🇷Z") }
        try t.resize(width: 100, height: 30)
        let full = try t.waitForScreen("the wide board again") { $0.contains("In progress") && self.lastLine($0).contains("› X🇩🇪|🇯🇵🇧🇷Z") }
        XCTAssertEqual(lastLine(edited), lastLine(full))
        XCTAssertEqual(screenLines(edited), screenLines(full), "incremental repaint equals a full repaint")
        try t.keys("Enter")
        try t.waitForBoard(url, "the new title") { $0.items[id]?.title == "X🇩🇪|🇯🇵🇧🇷Z" }
    }

    // MARK: - Mouse through the decoder; the light theme from COLORFGBG

    func testSGRMouseClickSelectsTheCardUnderIt() throws {
        let t = try session()
        let (url, _) = try t.makeBoard()
        let ready = try t.runDocket(["add", "Ready card", "--stage", "Ready", "-b", url.path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try open(t, url)
        let screen = try t.waitForText("Ready card")
        let lines = screenLines(screen)
        let row = try XCTUnwrap(lines.firstIndex { $0.contains("Ready card") })
        let column = try XCTUnwrap(lines[row].range(of: "Ready card")).lowerBound.utf16Offset(in: lines[row])
        // SGR press of the left button at (column, row), 1-based, then the release.
        try send(t, "\u{1B}[<0;\(column + 2);\(row + 1)M\u{1B}[<0;\(column + 2);\(row + 1)m")
        try t.keys("e")
        try t.waitForScreen("the clicked card's title editor") { self.lastLine($0).contains("Title of \(ready) › Ready card") }
        // X10 wheel report (mode 1000 without SGR) is read too, and is not letters.
        try t.keys("Escape")
        try t.waitForScreen("the editor closed") { !self.lastLine($0).contains("Title of") }
        try send(t, [0x1B, 0x5B, 0x4D, 32 + 65, UInt8(33 + column), UInt8(33 + row)])
        try settle(t)
        XCTAssertEqual(try BoardStore.load(url).board.items[ready]?.stage, "ready")
    }

    func testCOLORFGBGLightPicksTheLightTheme() throws {
        let t = try session()
        let (url, _) = try t.makeBoard(items: ["Alpha"])
        try open(t, url, exports: ["COLORFGBG": "0;15"])
        let styled = try t.screen(escapes: true)
        // The light theme's status line is white on colour 24; the default theme's is black on white.
        XCTAssertTrue(styled.contains("48;5;24"), "the light theme's status line:\n\(styled.debugDescription)")
        let ideas = try ideasHeaderStyle(styled)
        XCTAssertTrue(ideas.contains("\u{1B}[30m"), "a black header on a light background: \(ideas.debugDescription)")
    }

    func testTheDefaultThemeDrawsHeadersInTheTerminalsOwnColour() throws {
        let t = try session()
        let (url, _) = try t.makeBoard(items: ["Alpha"])
        try open(t, url)
        let styled = try t.screen(escapes: true)
        let ideas = try ideasHeaderStyle(styled)
        XCTAssertTrue(ideas.contains("[1m") || ideas.contains(";1m"), "a bold header: \(ideas.debugDescription)")
        let colours = ideas.replacingOccurrences(of: "\u{1B}[39m", with: "").replacingOccurrences(of: "\u{1B}[49m", with: "")
        XCTAssertFalse(colours.contains("[3") || colours.contains("[9") || colours.contains("38;"),
                       "no foreground colour on an unknown background: \(ideas.debugDescription)")
    }

    /// The escapes that style the (unselected) Ideas header: from the last reset before it.
    private func ideasHeaderStyle(_ styled: String) throws -> String {
        let line = try XCTUnwrap(styled.components(separatedBy: "\n").first { $0.contains(" Ideas") })
        let before = line[..<(try XCTUnwrap(line.range(of: " Ideas")).lowerBound)]
        return String(before.components(separatedBy: "│").last ?? "")
    }
}
