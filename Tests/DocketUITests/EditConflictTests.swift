import DocketCore
@testable import DocketUI
import XCTest

/// An edit begun before a change made elsewhere (merged in from the file while the prompt or
/// the detail pane was open) and saved after it: the later edit is kept and the conflict is
/// logged and shown.
final class EditConflictTests: XCTestCase {
    /// What the open board does when a merge brings in another title for `id`.
    private func changeElsewhere(_ s: inout AppState, _ id: String, title: String) throws {
        try s.board.modify(id, by: "cli", at: 1_800_000_000) { $0.title = title }
    }

    func testTitlePromptOverAChangeMadeElsewhereLogsTheConflict() throws {
        var s = demoState()
        let id = try XCTUnwrap(s.selectedItemID)
        send(&s, .key(.char("e")), .key(.ctrl("u")))
        try changeElsewhere(&s, id, title: "CLI title")
        send(&s, typed("TUI title"))
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        XCTAssertEqual(s.board.items[id]?.title, "TUI title", "the later edit is kept")
        let entry = try XCTUnwrap(s.board.activity.last { $0.action == "conflict" })
        XCTAssertEqual(entry.item, id)
        XCTAssertEqual(entry.field, "title")
        XCTAssertEqual(entry.from, "CLI title")
        XCTAssertEqual(entry.to, "TUI title")
        XCTAssertEqual(s.status?.isError, true)
        XCTAssertTrue(s.status?.text.contains("conflict: title was set to \"CLI title\" elsewhere") == true, s.status?.text ?? "")
    }

    func testNoConflictWhenNothingChangedElsewhereOrAnotherFieldDid() throws {
        var s = demoState()
        let id = try XCTUnwrap(s.selectedItemID)
        send(&s, .key(.char("e")), .key(.ctrl("u")))
        try s.board.modify(id, by: "cli", at: 1_800_000_000) { $0.points = 8 }
        send(&s, typed("Renamed"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.board.items[id]?.title, "Renamed")
        XCTAssertEqual(s.board.items[id]?.points, 8)
        XCTAssertNil(s.board.activity.last { $0.action == "conflict" })
        XCTAssertEqual(s.status?.isError, false)
    }

    func testDetailPaneFieldEditOverAChangeMadeElsewhereLogsTheConflict() throws {
        var s = demoState()
        let id = try XCTUnwrap(s.selectedItemID)
        send(&s, .key(.enter))  // the detail pane, on the Title row
        guard let d = s.top(as: DetailScreen.self) else { return XCTFail("not in the detail pane: \(s.top.screenID)") }
        XCTAssertEqual(d.itemID, id)
        send(&s, .key(.enter), .key(.ctrl("u")))
        try changeElsewhere(&s, id, title: "CLI title")
        XCTAssertEqual(send(&s, typed("Detail title") + [.key(.enter)]), [.save], "the edit is saved")
        XCTAssertEqual(s.board.items[id]?.title, "Detail title")
        guard let after = s.top(as: DetailScreen.self) else { return XCTFail("left the detail pane: \(s.top.screenID)") }
        XCTAssertNil(after.editor, "the editor closes, as after any edit")
        let entry = try XCTUnwrap(s.board.activity.last { $0.action == "conflict" })
        XCTAssertEqual(entry.field, "title")
        XCTAssertEqual(entry.from, "CLI title")
    }
}

/// The losing side of a concurrent edit of one field is told which value replaced its own.
final class LosingSideTests: XCTestCase {
    func testTheStatusLineNamesTheValueThatReplacedOurs() throws {
        var s = demoState()
        let id = try XCTUnwrap(s.selectedItemID)
        let base = s.board
        // We renamed it here…
        _ = try s.board.modify(id, by: "test", at: testNow + 10) { $0.title = "Our title" }
        // …and someone else renamed it later in the file.
        var theirs = base
        _ = try theirs.modify(id, by: "ann", at: testNow + 20) { $0.title = "Their later title" }
        let written = BoardMerge.merge(base: base, ours: s.board, theirs: theirs)
        XCTAssertEqual(written.board.items[id]?.title, "Their later title", "the later change wins")
        send(&s, .boardMerged(MergingWriter.Merge(submitted: base, written: written.board, conflicts: written.conflicts)))
        XCTAssertEqual(s.board.items[id]?.title, "Their later title")
        let status = try XCTUnwrap(s.status)
        XCTAssertTrue(status.isError)
        XCTAssertTrue(status.text.contains("your title of \(id) was replaced by \"Their later title\""), status.text)
    }
}
