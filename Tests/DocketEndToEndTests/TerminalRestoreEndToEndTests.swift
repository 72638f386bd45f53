import DocketCore
import Foundation
import XCTest

/// The shell's screen after a session: whatever the terminal went through (grown, shrunk,
/// Ctrl-Z), quitting leaves the lines the shell had on screen where they were and nothing of
/// the board (the alternate screen is left cleanly).
final class TerminalRestoreEndToEndTests: TmuxTestCase {
    /// Prints two shell lines, runs docket on `url`, then prints its exit status.
    private func startAfterShellLines(_ t: TmuxSession, _ url: URL, width: Int, height: Int) throws {
        let script = """
            printf 'shell line 1\\nshell line 2\\n'
            \(shellQuote(t.docket.path)) \(shellQuote(url.path))
            echo "EXIT:$?"
            exec sleep 600
            """
        try t.start(script: script, width: width, height: height)
        try t.waitForScreen("the board") { $0.contains("Inbox") && (screenLines($0).last ?? "").contains("saved") }
    }

    /// Resizes, waits until the board is drawn across the new width, quits, and checks the
    /// shell's screen is as before: its two lines on top, then the exit status, nothing else.
    private func assertShellScreenKept(from: (Int, Int), to: (Int, Int), file: StaticString = #filePath, line: UInt = #line) throws {
        let t = try session()
        let (url, _) = try t.makeBoard(items: ["First item"])
        try startAfterShellLines(t, url, width: from.0, height: from.1)
        try t.resize(width: to.0, height: to.1)
        try t.waitForScreen("the board redrawn at \(to.0)×\(to.1)") { screen in
            let lines = screenLines(screen)
            return lines.count == to.1 && (lines.last ?? "").contains("saved")
        }
        try t.keys("q")
        let after = try t.waitForText("EXIT:0")
        XCTAssertEqual(screenLines(after), ["shell line 1", "shell line 2", "EXIT:0"],
                       "the shell screen after quitting:\n\(after)", file: file, line: line)
        XCTAssertEqual(try t.paneFormat("#{alternate_on}"), "0", file: file, line: line)
    }

    func testQuittingAfterTheTerminalGrewLeavesTheShellScreenAsItWas() throws {
        try assertShellScreenKept(from: (80, 24), to: (120, 40))
    }

    func testQuittingAfterTheTerminalShrankLeavesTheShellScreenAsItWas() throws {
        try assertShellScreenKept(from: (100, 30), to: (70, 20))
    }

    /// Ctrl-Z gives the shell its screen back; `fg` brings the board back, resized meanwhile.
    func testCtrlZSuspendsAndFgResumesAtTheNewSize() throws {
        let t = try session()
        let (url, _) = try t.makeBoard(items: ["First item"])
        // An interactive shell with job control, so Ctrl-Z stops docket and `fg` resumes it.
        let script = """
            export PS1='sh> '
            printf 'shell line 1\\n'
            exec /bin/sh -i
            """
        try t.start(script: script, width: 100, height: 30)
        try t.waitForText("sh>")
        try t.type("\(shellQuote(t.docket.path)) \(shellQuote(url.path))")
        try t.keys("Enter")
        try t.waitForScreen("the board") { $0.contains("Inbox") && (screenLines($0).last ?? "").contains("saved") }
        try t.keys("C-z")
        let stopped = try t.waitForScreen("the shell after Ctrl-Z") { !$0.contains("Inbox") && $0.contains("shell line 1") }
        XCTAssertFalse(stopped.contains("│"), "board borders left on the shell screen:\n\(stopped)")
        try t.resize(width: 120, height: 34)
        try t.type("fg")
        try t.keys("Enter")
        try t.waitForScreen("the board back at 120×34") { screen in
            let lines = screenLines(screen)
            return screen.contains("Inbox") && lines.count == 34 && (lines.last ?? "").contains("saved")
        }
        try t.keys("q")
        try t.waitForScreen("the shell again") { !$0.contains("Inbox") && $0.contains("shell line 1") }
    }
}
