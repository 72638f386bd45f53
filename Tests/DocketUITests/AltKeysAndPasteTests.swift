import DocketCore
@testable import DocketUI
import XCTest

/// Issue 14 cases 2 and 3 through `update`: Alt keys edit text fields and never reach the
/// board; pasted lines are inserted as one line, never submitted line by line.
final class AltKeysAndPasteTests: XCTestCase {
    /// Decodes raw terminal bytes (one read, then the timeouts) into events.
    private func bytes(_ text: String) -> [Event] {
        var d = KeyDecoder()
        return d.feed(Array(text.utf8), at: 0) + d.expire(at: 10_000)
    }

    func testLineEditorWordKeys() {
        var e = LineEditor("alpha beta-gamma delta")
        XCTAssertTrue(e.handle(.alt("b")))
        XCTAssertEqual(e.cursor, 17, "before delta")
        XCTAssertTrue(e.handle(.alt("b")))
        XCTAssertEqual(e.cursor, 11, "before gamma")
        XCTAssertTrue(e.handle(.ctrlLeft))
        XCTAssertEqual(e.cursor, 6, "before beta")
        XCTAssertTrue(e.handle(.alt("f")))
        XCTAssertEqual(e.cursor, 10, "after beta")
        XCTAssertTrue(e.handle(.alt("d")))
        XCTAssertEqual(e.text, "alpha beta delta", "Alt-d deletes -gamma")
        XCTAssertTrue(e.handle(Key.altBackspace))
        XCTAssertEqual(e.text, "alpha  delta")
        XCTAssertEqual(e.cursor, 6)
        XCTAssertTrue(e.handle(.ctrlRight))
        XCTAssertEqual(e.cursor, 12)
        XCTAssertTrue(e.handle(.alt("x")), "other Alt keys are taken…")
        XCTAssertTrue(e.handle(.insert))
        XCTAssertEqual(e.text, "alpha  delta", "…and change nothing")
    }

    func testPastedLinesAreJoined() {
        var e = LineEditor("x")
        e.insert("Prepare retro notes\nq\ndd\n")
        XCTAssertEqual(e.text, "xPrepare retro notes q dd")
    }

    /// `1b 64` (Alt-d) in the add prompt or title editor must not archive the selected card;
    /// `1b 48`, `1b 4c`, `1b 4a` must not move or re-rank it.
    func testAltLettersInATextFieldNeverActOnTheBoard() throws {
        for opener in ["a", "e"] {
            var s = demoState()
            let id = try XCTUnwrap(s.selectedItemID)
            let before = s.board
            send(&s, .key(.char(Character(opener))))
            for seq in ["\u{1B}d", "\u{1B}H", "\u{1B}L", "\u{1B}J", "\u{1B}K", "\u{1B}q"] {
                XCTAssertEqual(send(&s, bytes(seq)), [], "\(opener): \(seq.debugDescription) has no effect")
            }
            XCTAssertEqual(s.board, before)
            XCTAssertEqual(s.board.items[id]?.archived, false)
            XCTAssertTrue(s.top is PromptScreen, "\(opener): the text field is still open")
        }
    }

    func testAnUnboundAltKeyOnTheBoardDoesNothing() {
        var s = demoState()
        let before = s.board, column = s.column, selected = s.selectedItemID
        for seq in ["\u{1B}d", "\u{1B}l", "\u{1B}J", "\u{1B}q", "\u{1B}a"] {
            XCTAssertEqual(send(&s, bytes(seq)), [], seq.debugDescription)
        }
        XCTAssertEqual(s.board, before)
        XCTAssertTrue(s.isOnBoard)
        XCTAssertEqual(s.column, column)
        XCTAssertEqual(s.selectedItemID, selected)
    }

    func testAltWordKeysEditTheTitle() throws {
        var s = demoState()
        let id = try XCTUnwrap(s.selectedItemID)
        send(&s, .key(.char("e")), .key(.ctrl("u")))
        send(&s, typed("one two three"))
        send(&s, bytes("\u{1B}\u{7F}"))   // Alt-Backspace: "one two "
        send(&s, bytes("\u{1B}b"))        // before "two"
        send(&s, bytes("\u{1B}d"))        // "one  "
        send(&s, .key(.enter))
        XCTAssertEqual(s.board.items[id]?.title, "one", "trimmed on save")
    }

    /// An unbracketed paste of three lines in the add prompt adds one item, and in the title
    /// editor never saves early or quits.
    func testAMultiLineBurstIsInsertedNotSubmitted() throws {
        var s = demoState()
        let count = s.board.items.count
        send(&s, .key(.char("a")))
        send(&s, bytes("Prepare retro notes\rq\rdd\r"))
        XCTAssertEqual(s.board.items.count, count, "nothing added by the paste")
        guard let p = s.top(as: PromptScreen.self)?.prompt else { return XCTFail("the prompt is still open") }
        XCTAssertEqual(p.editor.text, "Prepare retro notes q dd")
        send(&s, .key(.enter))
        XCTAssertEqual(s.board.items.count, count + 1)
        XCTAssertTrue(s.board.items.values.contains { $0.title == "Prepare retro notes q dd" })

        var t = demoState()
        let id = try XCTUnwrap(t.selectedItemID)
        send(&t, .key(.char("e")), .key(.ctrl("u")))
        XCTAssertFalse(send(&t, bytes("New title\nq\ndd\n")).contains(.quit))
        guard let q = t.top(as: PromptScreen.self)?.prompt else { return XCTFail("the title editor is still open") }
        XCTAssertEqual(q.editor.text, "New title q dd")
        XCTAssertNotEqual(t.board.items[id]?.title, "New title q dd", "not saved before Enter")
    }

    func testAPasteOnTheBoardIsNotCommands() {
        var s = demoState()
        let before = s.board
        XCTAssertEqual(send(&s, bytes("dd\nq\nJJ\n")), [], "no effect, no quit")
        XCTAssertEqual(s.board, before)
    }
}
