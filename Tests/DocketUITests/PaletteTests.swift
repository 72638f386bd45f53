import DocketCore
@testable import DocketUI
import XCTest

/// The command palette (`:`): every action by name, plus commands with an argument.
final class PaletteTests: XCTestCase {
    func testEveryBoundActionIsAPaletteEntry() {
        let names = paletteEntries(.standard, under: BoardScreen.id).map(\.name)
        for action in BoardAction.allCases where !Keymaps.standard.keys(for: action.rawValue, on: BoardScreen.id).isEmpty {
            XCTAssertTrue(names.contains(action.rawValue), "\(action) missing from the palette")
        }
    }

    func testTypingNarrowsAndEnterRunsAnAction() throws {
        var s = demoState()
        send(&s, .key(.char(":")))
        send(&s, typed("move-ri"))
        XCTAssertEqual(paletteMatches("move-ri", .standard, under: BoardScreen.id).first?.name, "move-right")
        let id = try XCTUnwrap(s.selectedItemID)
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        XCTAssertEqual(s.board.items[id]?.stage, s.board.stages[1].id)
    }

    func testStageAddAndWipAndScoringAreUndoable() throws {
        var s = demoState()
        let stages = s.board.stages.count
        send(&s, .key(.char(":")))
        send(&s, typed("stage add QA"))
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        XCTAssertEqual(s.board.stages.count, stages + 1)
        let qa = try XCTUnwrap(s.board.stages.firstIndex { $0.name == "QA" })
        XCTAssertEqual(s.board.stages[qa + 1].kind, .done, "before the done stage")
        send(&s, .key(.char(":")))
        send(&s, typed("scoring wsjf"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.board.scoring, .wsjf)
        send(&s, .key(.char("u")), .key(.char("u")))
        XCTAssertEqual(s.board.stages.count, stages)
        XCTAssertEqual(s.board.scoring, .none)
    }

    func testThemeIsAnEffectAndUnknownCommandsSaySo() {
        var s = demoState()
        send(&s, .key(.char(":")))
        send(&s, typed("theme high-contrast"))
        XCTAssertEqual(send(&s, .key(.enter)), [.setTheme("high-contrast")])
        send(&s, .key(.char(":")))
        send(&s, typed("frobnicate"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.status?.isError, true)
        XCTAssertTrue(s.isOnBoard, "back on the board")
    }

    func testTabCompletesTheSelectedCommand() {
        var s = demoState()
        send(&s, .key(.char(":")))
        send(&s, typed("sta ad"))
        send(&s, .key(.tab))
        guard let p = s.top(as: PaletteScreen.self) else { return XCTFail("palette closed") }
        XCTAssertEqual(p.line.text, "stage add ")
    }
}

/// `:export FORMAT FILE` asks the outside world to write the file, with the filter in force.
final class PaletteExportTests: XCTestCase {
    func testExportIsAnEffectCarryingTheFilter() throws {
        var s = demoState()
        try s.applyFilter("priority:must", today: "2026-11-29")
        send(&s, .key(.char(":")))
        send(&s, typed("export report status.md"))
        XCTAssertEqual(send(&s, .key(.enter)), [.export(format: "report", path: "status.md", query: "priority:must")])
        send(&s, .key(.char(":")))
        send(&s, typed("export pdf x.pdf"))
        XCTAssertEqual(send(&s, .key(.enter)), [])
        XCTAssertEqual(s.status?.isError, true)
    }
}
