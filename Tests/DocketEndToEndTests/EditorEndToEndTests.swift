import DocketCore
import Foundation
import XCTest

/// `E` hands the terminal to `$VISUAL`/`$EDITOR` and takes it back with the board redrawn.
final class EditorEndToEndTests: TmuxTestCase {
    func testDescriptionEditedInTheEditorIsSavedAndTheBoardComesBack() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["Invoice PDF export"])
        // A stand-in editor: appends a line to the file it is given, as a person would.
        let editor = t.dir.appendingPathComponent("editor.sh")
        try Data("#!/bin/sh\nprintf 'Acceptance: the PDF shows the logo ✅\\n' >> \"$1\"\n".utf8).write(to: editor)
        chmod(editor.path, 0o755)
        try t.startDocket([url.path], exports: ["VISUAL": editor.path])
        try t.waitForText("Invoice PDF export")

        try t.keys("E")
        try t.waitForText("edited the description of \(ids[0])")
        try t.waitForBoard(url, "the new description") {
            $0.items[ids[0]]?.description == "Acceptance: the PDF shows the logo ✅"
        }
        // The board is drawn again after the editor: the card and the status line are back.
        let screen = try t.waitForScreen("the redrawn board") { $0.contains("Inbox") && $0.contains("Invoice PDF export") }
        XCTAssertTrue(screenLines(screen).last?.contains("saved") ?? false, screen)

        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
        let flags = try t.sttyFlags()
        XCTAssertTrue(flags.contains("icanon") && flags.contains("echo"), "terminal restored: \(flags)")
    }
}
