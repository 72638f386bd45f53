@testable import DocketUI
import XCTest

/// Issue 14 case 4: a flag is one 2-column glyph, and painting only the changed cells
/// (`Canvas.cellsToPaint`) always leaves the screen as a full paint does, for random edits of
/// random grapheme strings (flags, lone regional indicators, CJK, emoji, combining marks).
final class RepaintPropertyTests: XCTestCase {
    /// A terminal screen as the terminal keeps it: drawing over half of a wide character
    /// blanks its other half; a wide character covers the next column.
    struct Terminal: Equatable {
        var cells: [[String]]
        init(width: Int, height: Int) { cells = Array(repeating: Array(repeating: " ", count: width), count: height) }

        mutating func draw(_ text: String, x: Int, y: Int) {
            let width = cells[y].count
            let w = DisplayWidth.of(Character(text))
            if cells[y][x] == "", x > 0 { cells[y][x - 1] = " " }
            if cells[y][x] != "", x + 1 < width, cells[y][x + 1] == "" { cells[y][x + 1] = " " }
            cells[y][x] = text
            if w == 2, x + 1 < width {
                if x + 2 < width, cells[y][x + 2] == "" { cells[y][x + 2] = " " }
                cells[y][x + 1] = ""
            }
        }

        mutating func paint(_ canvas: Canvas, over old: Canvas?) {
            for (x, y) in canvas.cellsToPaint(over: old) { draw(canvas[x, y].text, x: x, y: y) }
        }
    }

    func testFlagsAreOneTwoColumnGlyph() {
        XCTAssertEqual(DisplayWidth.of(Character("🇩🇪")), 2)
        XCTAssertEqual(DisplayWidth.of(Character("🇩")), 1, "a lone indicator is 1 column, as glibc and tmux say")
        XCTAssertEqual(DisplayWidth.of("X🇩🇪🇯🇵🇧🇷Z"), 8)
        var c = Canvas(width: 10, height: 1)
        c.text("X🇩🇪🇯🇵Z", x: 0, y: 0, role: .normal)
        XCTAssertEqual(c[1, 0].text, "🇩🇪")
        XCTAssertTrue(c[2, 0].isContinuation)
        XCTAssertEqual(c[3, 0].text, "🇯🇵")
        XCTAssertEqual(c[5, 0].text, "Z")
        XCTAssertEqual(c.renderText(), "X🇩🇪🇯🇵Z\n")
    }

    /// The issue's reproduction: `X🇩🇪🇯🇵🇧🇷Z`, Home, Right, Right, type `|`.
    func testTheIssueEditRepaintsLikeAFullPaint() {
        var e = LineEditor("X🇩🇪🇯🇵🇧🇷Z")
        let before = line(e)
        _ = e.handle(.home); _ = e.handle(.right); _ = e.handle(.right); _ = e.handle(.char("|"))
        XCTAssertEqual(e.text, "X🇩🇪|🇯🇵🇧🇷Z")
        let after = line(e)
        var diffed = Terminal(width: 20, height: 2)
        diffed.paint(before, over: nil)
        diffed.paint(after, over: before)
        var fresh = Terminal(width: 20, height: 2)
        fresh.paint(after, over: nil)
        XCTAssertEqual(diffed, fresh)
        XCTAssertEqual(fresh.cells[0].joined(), "X🇩🇪|🇯🇵🇧🇷Z" + String(repeating: " ", count: 11), "9 columns of text, then blanks")
    }

    func testRandomEditsDiffPaintedEqualAFreshPaint() {
        let seed: UInt64 = 14_004
        var rng = SeededRandom(seed: seed)
        let atoms = ["a", "Z", " ", "|", "日", "本", "🇩🇪", "🇯🇵", "🇧", "🇷", "🚀", "e\u{301}", "ｶ", "Ｗ", "👩\u{200D}💻", "❤\u{FE0F}"]
        for round in 0..<400 {
            let width = 6 + rng.below(20)
            var e = LineEditor((0..<rng.below(12)).map { _ in rng.pick(atoms) }.joined())
            var old = line(e, width: width)
            var screen = Terminal(width: width, height: 2)
            screen.paint(old, over: nil)
            for step in 0..<20 {
                switch rng.below(6) {
                case 0: _ = e.handle(.left)
                case 1: _ = e.handle(.right)
                case 2: _ = e.handle(.backspace)
                case 3: _ = e.handle(.home)
                default: e.insert(rng.pick(atoms))
                }
                let new = line(e, width: width)
                screen.paint(new, over: old)
                var fresh = Terminal(width: width, height: 2)
                fresh.paint(new, over: nil)
                XCTAssertEqual(screen, fresh, "seed \(seed) round \(round) step \(step): \(e.text.debugDescription)")
                if screen != fresh { return }
                old = new
            }
        }
    }

    /// The editor's line as a prompt draws it: the text, the cursor cell, a second row of text.
    private func line(_ e: LineEditor, width: Int = 20) -> Canvas {
        var c = Canvas(width: width, height: 2)
        let before = String(e.chars[..<e.cursor])
        let x = c.text(before, x: 0, y: 0, role: .prompt)
        let under = e.cursor < e.chars.count ? String(e.chars[e.cursor]) : " "
        let x2 = c.text(under, x: x, y: 0, role: .promptCursor)
        c.text(String(e.chars[min(e.chars.count, e.cursor + 1)...]), x: x2, y: 0, role: .prompt)
        c.text(e.text, x: 1, y: 1, role: .normal)
        return c
    }
}
