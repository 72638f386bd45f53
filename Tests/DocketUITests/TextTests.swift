@testable import DocketUI
import XCTest

/// Display widths, safe text and the canvas: CJK, emoji, VS16, ZWJ, combining marks, controls.
final class TextTests: XCTestCase {
    func testWidths() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("日本語"), 6)
        XCTAssertEqual(DisplayWidth.of("🚀"), 2)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1, "a combining mark rides on its base")
        XCTAssertEqual(DisplayWidth.of("ｶﾀｶﾅ"), 4, "halfwidth katakana are narrow")
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4, "fullwidth Latin is wide")
    }

    func testControlsAndEscapesBecomeVisible() {
        XCTAssertEqual(SafeText.clean("\u{1B}[31mred\u{1B}[0m"), "␛[31mred␛[0m")
        XCTAssertEqual(SafeText.clean("a\nb\tc\u{7F}"), "a␊b␉c␡")
        XCTAssertEqual(SafeText.clean("x\u{9B}y"), "x\u{FFFD}y", "C1 CSI")
        XCTAssertEqual(SafeText.clean("\u{202E}evil"), "\u{FFFD}evil", "bidi override")
        XCTAssertFalse(SafeText.clean("\u{1B}]0;title\u{7}").unicodeScalars.contains { $0.value < 0x20 })
    }

    func testEmojiSequencesAreMadePredictable() {
        XCTAssertEqual(SafeText.clean("❤\u{FE0F}"), "❤", "VS16 dropped: width 1 as wcwidth says")
        XCTAssertEqual(DisplayWidth.of(SafeText.clean("❤\u{FE0F}")), 1)
        let dev = SafeText.clean("👩\u{200D}💻")
        XCTAssertEqual(dev, "👩💻")
        XCTAssertEqual(dev.count, 2, "the joined emoji is split into its parts")
        XCTAssertEqual(DisplayWidth.of(dev), 4)
        XCTAssertEqual(SafeText.clean("\u{301}x"), " \u{301}x", "a mark with no base gets a space")
        // A skin tone after the emoji it colours: dropped (terminals disagree on 2 or 4 columns).
        XCTAssertEqual(SafeText.clean("👍🏽 ok 👋🏿"), "👍 ok 👋")
        XCTAssertEqual(DisplayWidth.of(SafeText.clean("👍🏽 ok")), 5)
        XCTAssertEqual(SafeText.clean("tone 🏽"), "tone 🏽", "a modifier on its own is kept")
        XCTAssertEqual(DisplayWidth.of(SafeText.clean("🏽")), 2)
    }

    func testFitCutsWithAnEllipsisByColumns() {
        XCTAssertEqual(SafeText.fit("hello world", width: 8), "hello w…")
        XCTAssertEqual(SafeText.fit("hello", width: 5), "hello")
        XCTAssertEqual(SafeText.fit("日本語テキスト", width: 7), "日本語…")
        XCTAssertEqual(DisplayWidth.of(SafeText.fit("日本語テキスト", width: 6)), 5, "a wide char that does not fit leaves a gap")
        XCTAssertEqual(SafeText.fit("🚀🚀🚀", width: 4), "🚀…")
        XCTAssertEqual(SafeText.fit("abc", width: 0), "")
    }

    func testCanvasClipsWideCharactersAtTheEdge() {
        var c = Canvas(width: 5, height: 1)
        let end = c.text("ab日本", x: 0, y: 0, role: .normal)
        XCTAssertEqual(end, 5)
        XCTAssertEqual(c.renderText(), "ab日\n", "the second wide char does not fit and leaves a space")
        XCTAssertTrue(c[3, 0].isContinuation)
        c.text("X", x: 3, y: 0, role: .normal)
        XCTAssertEqual(c.renderText(), "ab X\n", "overwriting half of a wide char blanks the other half")
    }

    func testCanvasNeverWritesOutside() {
        var c = Canvas(width: 3, height: 2)
        c.text("abcdef", x: -2, y: 0, role: .normal)
        c.text("zz", x: 0, y: 5, role: .normal)
        c.fill(Rect(x: -5, y: -5, width: 100, height: 100), role: .dim, with: ".")
        XCTAssertEqual(c.renderText(), "...\n...\n")
    }

    func testLineEditor() {
        var e = LineEditor("hello world")
        XCTAssertEqual(e.cursor, 11)
        _ = e.handle(.ctrl("w"))
        XCTAssertEqual(e.text, "hello ")
        _ = e.handle(.ctrl("a"))
        _ = e.handle(.delete)
        XCTAssertEqual(e.text, "ello ")
        _ = e.handle(.ctrl("e"))
        e.insert("there\nfriend")
        XCTAssertEqual(e.text, "ello there friend", "pasted line breaks become spaces")
        _ = e.handle(.left); _ = e.handle(.left)
        _ = e.handle(.ctrl("k"))
        XCTAssertEqual(e.text, "ello there frie")
        _ = e.handle(.ctrl("u"))
        XCTAssertEqual(e.text, "")
        XCTAssertFalse(e.handle(.up))
    }
}
