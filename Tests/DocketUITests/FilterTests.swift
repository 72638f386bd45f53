import DocketCore
@testable import DocketUI
import XCTest

/// `f` filters the board with the query language; filters can be saved and picked.
final class FilterTests: XCTestCase {
    func testFilterShowsOnlyMatchesAndKeepsThemAfterEdits() throws {
        var s = demoState(width: 120, height: 30)
        send(&s, .key(.char("f")))
        send(&s, typed("priority:must"))
        XCTAssertEqual(send(&s, .key(.enter)), [])
        XCTAssertTrue(s.isOnBoard, "back on the board")
        let shown = s.board.stages.flatMap { s.column($0.id) }
        XCTAssertFalse(shown.isEmpty)
        XCTAssertTrue(shown.allSatisfy { s.board.items[$0]?.priority == .must })
        let all = s.board.items.values.filter { !$0.archived && $0.priority == .must }.count
        XCTAssertEqual(shown.count, all)
        XCTAssertTrue(render(s).renderText().contains("filter: priority:must"))
        // An edit that makes the selected item stop matching takes it off the board.
        let id = try XCTUnwrap(s.selectedItemID)
        send(&s, .key(.enter))
        guard var d = s.top(as: DetailScreen.self) else { return XCTFail() }
        d.row = DetailRows.rows(s.board.items[id]!, board: s.board).firstIndex { $0.label == "Priority" }!
        s.routes[s.routes.count - 1] = d
        send(&s, .key(.enter), .key(.ctrl("u")))
        send(&s, typed("could"))
        send(&s, .key(.enter), .key(.escape))
        XCTAssertFalse(s.board.stages.flatMap { s.column($0.id) }.contains(id))
        send(&s, .key(.char("f")), .key(.ctrl("u")), .key(.enter))
        XCTAssertNil(s.filter, "an empty filter clears it")
    }

    func testABadQueryIsUnderlinedAndNothingChanges() {
        var s = demoState(width: 100, height: 24)
        send(&s, .key(.char("f")))
        send(&s, typed("label:bug colour:red"))
        guard let p = s.top(as: FilterScreen.self) else { return XCTFail("prompt closed") }
        let e = try? XCTUnwrap(p.error)
        XCTAssertEqual(e?.offset, 10)
        let text = render(s).renderText().components(separatedBy: "\n")
        let caretLine = text[s.size.height - 2]
        XCTAssertTrue(caretLine.contains("^"), caretLine)
        XCTAssertEqual(caretLine.firstIndex(of: "^").map { caretLine.distance(from: caretLine.startIndex, to: $0) },
                       "Filter › ".count + 10, "the caret is under the bad part")
        XCTAssertEqual(send(&s, .key(.enter)), [])
        XCTAssertNil(s.filter)
        guard s.top is FilterScreen else { return XCTFail("a bad query keeps the prompt open") }
    }

    func testSavedFiltersAreSavedPickedAndDeleted() throws {
        var s = demoState(width: 100, height: 24)
        send(&s, .key(.char("f")))
        send(&s, typed("label:billing"))
        send(&s, .key(.enter), .key(.char(":")))
        send(&s, typed("filter save billing"))
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        XCTAssertEqual(s.board.savedFilters, [SavedFilter(name: "billing", query: "label:billing")])
        send(&s, .key(.char(":")))
        send(&s, typed("filter clear"))
        send(&s, .key(.enter))
        XCTAssertNil(s.filter)
        send(&s, .key(.char("F")), .key(.enter))
        XCTAssertEqual(s.filter?.text, "label:billing")
        send(&s, .key(.char("F")), .key(.char("d")))
        XCTAssertEqual(s.board.savedFilters, [])
        send(&s, .key(.escape), .key(.char("u")))
        XCTAssertEqual(s.board.savedFilters.count, 1, "deleting is undoable")
    }
}

/// With a filter on, a column header counts what it shows of the stage, and the WIP warning
/// still looks at the whole stage.
final class FilterHeaderTests: XCTestCase {
    func testHeaderShowsShownOfAllAndKeepsTheWipWarning() throws {
        var s = demoState(width: 200, height: 30)
        let doing = try XCTUnwrap(s.board.stages.first { $0.wipLimit != nil && s.board.column($0.id).count > $0.wipLimit! })
        try s.applyFilter("-is:blocked label:nothing-has-this", today: "2026-11-29")
        let header = render(s).renderText().components(separatedBy: "\n")[0]
        XCTAssertTrue(header.contains("0 of \(s.board.column(doing.id).count)/\(doing.wipLimit!)"), header)
        let layout = s.layout
        let slot = try XCTUnwrap(s.board.stages.firstIndex { $0.id == doing.id })
        XCTAssertEqual(render(s)[layout.columnX(slot) + 1, 0].role, .columnOverLimit, "still over its WIP limit")
    }
}

/// Palette guards.
final class PaletteGuardTests: XCTestCase {
    func testRenamingAStageToAnotherStagesNameIsRefused() {
        var s = demoState()
        let before = s.board.stages
        send(&s, .key(.char(":")))
        send(&s, typed("stage rename Done"))
        XCTAssertEqual(send(&s, .key(.enter)), [])
        XCTAssertEqual(s.board.stages, before)
        XCTAssertEqual(s.status?.isError, true)
    }
}
