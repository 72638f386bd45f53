import DocketCore
@testable import DocketUI
import XCTest

/// The board drawn at fixed sizes, compared with golden text.
final class ViewGoldenTests: XCTestCase {
    func testDemoBoardAt80x24() {
        assertGolden(render(demoState(width: 80, height: 24)), "demo-80x24")
    }

    func testDemoBoardAt160x48() {
        assertGolden(render(demoState(width: 160, height: 48)), "demo-160x48")
    }

    func testScrolledSidewaysToTheLastColumn() {
        var s = demoState(width: 80, height: 24)
        send(&s, .key(.end), .key(.char("l")), .key(.char("l")), .key(.char("l")), .key(.char("l")), .key(.char("l")))
        XCTAssertEqual(s.column, 5)
        assertGolden(render(s), "demo-80x24-done-column")
    }

    func testHelpOverlay() {
        var s = demoState(width: 80, height: 24)
        send(&s, .key(.char("?")))
        assertGolden(render(s), "help-80x24")
    }

    /// At 30×10 the help's lines fill the width: the "↓ more" mark has a row of its own
    /// instead of cutting the last line ("and mo↓ more (↓)", found by a newcomer's check).
    func testHelpOverlayOnATinyTerminal() {
        var s = demoState(width: 30, height: 10)
        send(&s, .key(.char("?")))
        let screen = render(s)
        assertGolden(screen, "help-30x10")
        let rows = screen.renderText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let markRow = rows.first { $0.contains("↓ more") }
        XCTAssertEqual(markRow?.replacingOccurrences(of: "↓ more (↓)", with: "").trimmingCharacters(in: CharacterSet.whitespaces), "",
                       "the mark's row holds nothing else")
    }

    func testAddPrompt() {
        var s = demoState(width: 80, height: 24)
        send(&s, .key(.char("a")))
        send(&s, typed("Export invoices as PDF 📄"))
        assertGolden(render(s), "prompt-80x24")
    }

    func testQuickAddErrorShowsAboveThePrompt() {
        var s = demoState(width: 80, height: 24)
        send(&s, .key(.char("a")))
        send(&s, typed("Fix login !urgent"))
        send(&s, .key(.enter))
        assertGolden(render(s), "prompt-error-80x24")
    }

    func testTooSmall() {
        let s = demoState(width: 20, height: 6)
        assertGolden(render(s), "too-small-20x6")
    }
}
