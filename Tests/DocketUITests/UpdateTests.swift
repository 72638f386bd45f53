import DocketCore
@testable import DocketUI
import XCTest

/// The update function: keys in, state and effects out.
final class UpdateTests: XCTestCase {
    func testArrowsAndVimKeysSelect() {
        var s = demoState()
        XCTAssertEqual(s.column, 0)
        send(&s, .key(.char("l")))
        XCTAssertEqual(s.column, 1)
        send(&s, .key(.right), .key(.left), .key(.char("h")), .key(.char("h")))
        XCTAssertEqual(s.column, 0, "h at the first column stays there")
        let first = s.selectedItemID
        send(&s, .key(.char("j")))
        XCTAssertNotEqual(s.selectedItemID, first)
        send(&s, .key(.up))
        XCTAssertEqual(s.selectedItemID, first)
    }

    func testMoveRightKeepsSelectionOnTheMovedItemAndSaves() throws {
        var s = demoState()
        let id = try XCTUnwrap(s.selectedItemID)
        let effects = send(&s, .key(.char("L")))
        XCTAssertEqual(effects, [.save])
        XCTAssertEqual(s.board.items[id]?.stage, s.board.stages[1].id)
        XCTAssertEqual(s.selectedItemID, id)
        XCTAssertEqual(s.column, 1)
        send(&s, .key(.shiftLeft))
        XCTAssertEqual(s.board.items[id]?.stage, s.board.stages[0].id)
    }

    func testRankDownThenUpRestoresOrder() throws {
        var s = demoState()
        let stage = s.board.stages[0].id
        let before = s.board.column(stage)
        let id = try XCTUnwrap(s.selectedItemID)
        send(&s, .key(.char("J")))
        XCTAssertEqual(s.board.column(stage)[1], id)
        XCTAssertEqual(s.selectedItemID, id)
        send(&s, .key(.char("K")))
        XCTAssertEqual(s.board.column(stage), before)
    }

    func testAddThroughPromptWithLineEditing() throws {
        var s = demoState()
        let stage = s.board.stages[0].id
        let count = s.board.column(stage).count
        send(&s, .key(.char("a")))
        send(&s, typed("Pay by QR"))
        send(&s, .key(.home), .key(.char("⚡")), .key(.char(" ")), .key(.end), .key(.backspace), .key(.char("R")))
        send(&s, .paste(" code 日本"))
        let effects = send(&s, .key(.enter))
        XCTAssertEqual(effects, [.save])
        XCTAssertEqual(s.board.column(stage).count, count + 1)
        let added = try XCTUnwrap(s.board.items[s.board.column(stage).last!])
        XCTAssertEqual(added.title, "⚡ Pay by QR code 日本")
        XCTAssertEqual(s.selectedItemID, added.id)
        guard s.top is PromptScreen else { return XCTFail("the prompt stays open for the next item") }
        send(&s, .key(.escape))
        XCTAssertTrue(s.isOnBoard, "back on the board")
    }

    func testQuickAddInThePromptSetsFieldsStageAndSaysWhatItCreated() throws {
        var s = demoState()
        XCTAssertEqual(s.selectedStage?.id, "inbox")
        let before = s.board
        let readyCount = s.board.column("ready").count
        send(&s, .key(.char("a")))
        send(&s, typed("Export invoices as PDF #billing #ocr @alice @Maya !must ~5 ^1.4 >ready due:2026-12-15"))
        let effects = send(&s, .key(.enter))
        XCTAssertEqual(effects, [.save])

        XCTAssertEqual(s.board.column("ready").count, readyCount + 1)
        let item = try XCTUnwrap(s.board.items[s.board.column("ready").last!])
        XCTAssertEqual(item.title, "Export invoices as PDF")
        XCTAssertEqual(item.labels, ["billing", "ocr"])
        XCTAssertEqual(item.assignees, ["alice", "maya"], "@Maya is the board's maya")
        XCTAssertEqual(item.priority, .must)
        XCTAssertEqual(item.points, 5)
        XCTAssertEqual(item.release, "1.4")
        XCTAssertEqual(item.due, "2026-12-15")
        XCTAssertEqual(s.status, StatusMessage("added \(item.id) to Ready; created label ocr, person alice"))
        XCTAssertEqual(s.selectedItemID, item.id, "the new item is selected, in its own column")
        // The prompt stays open, empty, for the next item in the column it was opened on.
        XCTAssertEqual(s.top(as: PromptScreen.self)?.prompt, Prompt(purpose: .addItem(stageID: "inbox"), editor: LineEditor()))

        // The next line without >stage goes to that column; a plain title says nothing was created.
        send(&s, typed("Second one"))
        send(&s, .key(.enter))
        let second = try XCTUnwrap(s.board.items[s.board.column("inbox").last!])
        XCTAssertEqual(second.title, "Second one")
        XCTAssertEqual(s.status, StatusMessage("added \(second.id) to Inbox"))

        // One undo step per added item, the created label and person included.
        send(&s, .key(.escape), .key(.char("u")), .key(.char("u")))
        XCTAssertEqual(s.board.items, before.items)
        XCTAssertEqual(s.board.header, before.header)
    }

    func testQuickAddErrorKeepsThePromptOpenWithTheTextAndTheError() throws {
        var s = demoState()
        let before = s.board
        send(&s, .key(.char("a")))
        send(&s, typed("Fix login !urgent #auth"))
        let effects = send(&s, .key(.enter))
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.board, before)
        guard let p = s.top(as: PromptScreen.self)?.prompt else { return XCTFail("the prompt stays open") }
        XCTAssertEqual(p.purpose, .addItem(stageID: "inbox"))
        XCTAssertEqual(p.editor.text, "Fix login !urgent #auth")
        XCTAssertEqual(p.editor.cursor, 10, "the cursor is on the bad token")
        XCTAssertEqual(s.status, StatusMessage("column 11: unknown priority '!urgent': use must, should, could or wont (m, s, c, w)",
                                               isError: true))

        // Fix it in place: delete "urgent", type "s", and it goes through.
        send(&s, .key(.right))
        for _ in 0..<6 { send(&s, .key(.delete)) }
        send(&s, .key(.char("s")))
        send(&s, .key(.enter))
        let item = try XCTUnwrap(s.board.items[s.board.column("inbox").last!])
        XCTAssertEqual(item.title, "Fix login")
        XCTAssertEqual(item.priority, .should)
        XCTAssertEqual(s.status?.isError, false)
    }

    func testQuickAddUnknownStageKeepsThePromptOpen() {
        var s = demoState()
        let before = s.board
        send(&s, .key(.char("a")))
        send(&s, typed("Task >qa"))
        XCTAssertEqual(send(&s, .key(.enter)), [])
        XCTAssertEqual(s.board, before)
        XCTAssertEqual(s.status, StatusMessage("column 6: no stage named 'qa'", isError: true))
        guard let p = s.top(as: PromptScreen.self)?.prompt else { return XCTFail("the prompt stays open") }
        XCTAssertEqual(p.editor.text, "Task >qa")
        XCTAssertEqual(p.editor.cursor, 5)
    }

    func testEscCancelsThePromptWithoutChanges() {
        var s = demoState()
        let before = s.board
        send(&s, .key(.char("a")))
        send(&s, typed("never mind"))
        let effects = send(&s, .key(.escape))
        XCTAssertEqual(effects, [])
        XCTAssertTrue(s.isOnBoard, "back on the board")
        XCTAssertEqual(s.board, before)
    }

    func testEditTitleThenUndoAndRedo() throws {
        var s = demoState()
        let id = try XCTUnwrap(s.selectedItemID)
        let old = s.board.items[id]!.title
        send(&s, .key(.char("e")), .key(.ctrl("u")))
        send(&s, typed("Renamed"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.board.items[id]?.title, "Renamed")
        send(&s, .key(.char("u")))
        XCTAssertEqual(s.board.items[id]?.title, old)
        send(&s, .key(.ctrl("r")))
        XCTAssertEqual(s.board.items[id]?.title, "Renamed")
    }

    func testArchiveIsUndoable() throws {
        var s = demoState()
        let id = try XCTUnwrap(s.selectedItemID)
        send(&s, .key(.char("d")))
        XCTAssertEqual(s.board.items[id]?.archived, true)
        XCTAssertFalse(s.board.column(s.board.stages[0].id).contains(id))
        send(&s, .key(.char("u")))
        XCTAssertEqual(s.board.items[id]?.archived, false)
        XCTAssertEqual(s.selectedItemID, id)
    }

    func testDescriptionEditingGoesThroughTheEditorEffect() throws {
        var s = demoState()
        let id = try XCTUnwrap(s.selectedItemID)
        let effects = send(&s, .key(.char("E")))
        XCTAssertEqual(effects, [.editDescription(itemID: id, text: s.board.items[id]!.description)])
        send(&s, .editorFinished(itemID: id, text: "New **description**", error: nil))
        XCTAssertEqual(s.board.items[id]?.description, "New **description**")
        send(&s, .editorFinished(itemID: id, text: nil, error: "vi exited with status 1"))
        XCTAssertEqual(s.status?.isError, true)
    }

    func testReadOnlyBoardRefusesEdits() {
        var s = demoState()
        s.readOnly = "written by a newer Docket"
        let before = s.board
        let effects = send(&s, .key(.char("L")), .key(.char("a")), .key(.char("d")), .key(.char("u")))
        XCTAssertEqual(effects, [])
        XCTAssertEqual(s.board, before)
        XCTAssertTrue(s.isOnBoard, "back on the board")
        XCTAssertEqual(s.status?.isError, true)
    }

    func testQuitAndCtrlCQuit() {
        var s = demoState()
        // `Effect.quit` is the one quit signal (there is no `quitting` flag any more).
        XCTAssertEqual(send(&s, .key(.char("q"))), [.quit])
        // Ctrl-C in a prompt cancels the edit and keeps the board open; on the board it quits.
        var t = demoState()
        send(&t, .key(.char("a")))
        send(&t, typed("half-typed"))
        XCTAssertEqual(send(&t, .key(.ctrl("c"))), [], "no quit")
        XCTAssertTrue(t.isOnBoard, "the prompt closed")
        XCTAssertFalse(t.board.items.values.contains { $0.title == "half-typed" }, "nothing was added")
        XCTAssertEqual(send(&t, .key(.ctrl("c"))), [.quit])
        var u = demoState()
        XCTAssertEqual(send(&u, .terminate), [.quit])
    }

    func testMouseClickSelectsTheCardUnderIt() throws {
        var s = demoState(width: 80, height: 24)
        let layout = s.layout
        // Second card of the second column: x inside column 1, y on the card's title row.
        send(&s, .mouse(MouseEvent(x: layout.columnX(1) + 3, y: layout.cardY(1), kind: .press)))
        XCTAssertEqual(s.column, 1)
        XCTAssertEqual(s.selectedItemID, s.board.column(s.board.stages[1].id)[1])
        // A click on the gap between cards selects the column only.
        send(&s, .mouse(MouseEvent(x: layout.columnX(0) + 3, y: layout.cardY(0) + 2, kind: .press)))
        XCTAssertEqual(s.column, 0)
    }

    func testSelectionStaysVisibleWhenScrollingAndResizing() {
        var s = demoState(width: 80, height: 12)
        let stage = s.board.stages[2].id
        send(&s, .key(.char("l")), .key(.char("l")), .key(.char("G")))
        let count = s.board.column(stage).count
        XCTAssertEqual(s.selectedRow, count - 1)
        let top = s.scrolls[stage] ?? 0
        XCTAssertLessThanOrEqual(top, count - 1)
        XCTAssertLessThan(count - 1 - top, s.layout.cardSlots)
        send(&s, .resize(Size(width: 20, height: 6)), .resize(Size(width: 200, height: 60)))
        XCTAssertEqual(s.selectedRow, count - 1)
        XCTAssertEqual(s.scrolls[stage], 0)
    }

    func testTinySizesNeverCrash() {
        var s = demoState()
        for w in [0, 1, 2, 5, 23, 24, 25, 47, 80, 400] {
            for h in [0, 1, 3, 7, 8, 9, 24, 120] {
                send(&s, .resize(Size(width: w, height: h)), .key(.char("l")), .key(.char("j")))
                let c = render(s)
                XCTAssertEqual(c.width, max(0, w))
                XCTAssertEqual(c.height, max(0, h))
            }
        }
    }

    func testHelpListsEveryBoundActionOfEveryScreen() {
        let keymaps = Keymaps.standard
        for screen in Screens.all {
            let text = HelpScreen.lines(for: screen.id, keymaps, width: 400).map { "\($0.0) \($0.2)" }.joined(separator: "\n")
            let table = keymaps.tables[screen.id]!
            for action in table.actions where !table.keys(for: action.name).isEmpty {
                XCTAssertTrue(text.contains(action.summary), "help of \(screen.id) lacks \(action.name)")
            }
            for global in GlobalAction.allCases { XCTAssertTrue(text.contains(global.summary), "help of \(screen.id) lacks \(global)") }
        }
        let board = HelpScreen.lines(for: BoardScreen.id, keymaps, width: 400).map(\.0).joined()
        XCTAssertTrue(board.contains("Ctrl-R"))
    }
}

/// `R` re-ranks the selected column by score.
final class ScoreKeyTests: XCTestCase {
    func testCapitalRReranksTheColumnAndCardsShowScores() throws {
        var s = demoState(width: 120, height: 30)
        let stage = s.board.stages[0].id
        let ids = s.board.column(stage)
        XCTAssertGreaterThan(ids.count, 2)
        send(&s, .key(.char("R")))
        XCTAssertEqual(s.status?.isError, true, "no model yet: says how to choose one")
        s.board.scoring = .rice
        // Give the last card the highest score.
        try s.board.modify(ids.last!, by: "t", at: 1) {
            $0.scores.reach = 1000; $0.scores.impact = 3; $0.scores.confidence = 100; $0.scores.effort = 1
        }
        let effects = send(&s, .key(.char("R")))
        XCTAssertEqual(effects, [.save])
        XCTAssertEqual(s.board.column(stage).first, ids.last)
        XCTAssertTrue(render(s).renderText().contains("★3000"), "the score is on the card")
        let reranked = s.board
        send(&s, .key(.char("u")))
        XCTAssertEqual(s.board.column(stage), ids)
        let changed = ids.filter { reranked.items[$0]!.rank != s.board.items[$0]!.rank }
        XCTAssertFalse(changed.isEmpty)
        XCTAssertEqual(s.selectedItemID, changed.min(), "undo selects the first item (by id) it changed")
    }
}

/// While the terminal is too small nothing is visible, so keys other than quit do nothing.
final class TooSmallKeyTests: XCTestCase {
    func testKeysDoNothingWhileTooSmallButQuitWorks() {
        var s = demoState()
        let before = s.board
        send(&s, .resize(Size(width: 20, height: 6)))
        XCTAssertEqual(send(&s, .key(.char("d")), .key(.char("L")), .key(.char("a"))), [])
        XCTAssertEqual(s.board, before)
        XCTAssertTrue(s.isOnBoard, "back on the board")
        XCTAssertEqual(send(&s, .key(.char("q"))), [.quit])
    }

    func testNoColorTurnsBackgroundsIntoReverseVideo() throws {
        let theme = try ThemeLoader.load("default")
        XCTAssertTrue(theme.style(.cardSelected).adapted(colors: 0).reverse, "the selected card stays visible without colour")
        XCTAssertFalse(theme.style(.card).adapted(colors: 0).reverse)
    }

    func testTypedSkinToneJoinsItsEmoji() {
        var e = LineEditor()
        _ = e.handle(.char("👍"))
        _ = e.handle(.char("\u{1F3FD}"))
        XCTAssertEqual(e.chars.count, 1)
        _ = e.handle(.backspace)
        XCTAssertEqual(e.text, "")
    }
}
