import DocketCore
@testable import DocketUI
import XCTest

/// Issue 14 case 6: no built-in theme draws a foreground equal or close to the background it
/// is drawn on, on 8-, 16- and 256-colour terminals; the default theme sets a colour only
/// with its background; COLORFGBG and OSC 11 answers say light or dark.
final class ThemeContrastTests: XCTestCase {
    /// xterm's default palette as RGB (0–255 a channel).
    static func rgb(_ index: Int) -> (Double, Double, Double) {
        let basic: [(Double, Double, Double)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return basic[index] }
        if index >= 232 { let v = Double((index - 232) * 10 + 8); return (v, v, v) }
        let level = { (k: Int) -> Double in k == 0 ? 0 : Double(55 + k * 40) }
        let c = index - 16
        return (level(c / 36), level(c / 6 % 6), level(c % 6))
    }

    /// WCAG 2 contrast ratio of two colours (1…21).
    static func contrast(_ a: (Double, Double, Double), _ b: (Double, Double, Double)) -> Double {
        func lum(_ c: (Double, Double, Double)) -> Double {
            func ch(_ v: Double) -> Double { let s = v / 255; return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4) }
            return 0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
        }
        let (x, y) = (lum(a), lum(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// The least contrast a role may have (WCAG's 3:1 is for large text; 2.5 still reads).
    static let minimum = 2.5

    func testNoRoleDrawsAForegroundCloseToItsBackground() throws {
        for name in BuiltinThemes.all.keys.sorted() {
            let theme = try ThemeLoader.load(name)
            // A theme made for a background assumes the terminal's default colours on it.
            let terminals: [(fg: Int, bg: Int)] = theme.background == .light ? [(0, 15)]
                : theme.background == .dark ? [(7, 0)] : [(7, 0), (0, 15)]
            var state = demoState(width: 100, height: 30)
            let roles = Set(render(state).cells.map(\.role))
            send(&state, .key(.char("?")))
            let drawn = roles.union(render(state).cells.map(\.role))
            XCTAssertTrue(drawn.contains(.columnHeader) && drawn.contains(.cardID), "the render draws the board's roles")
            for colors in [8, 16, 256] {
                for role in StyleRole.allCases {
                    let s = theme.style(role).adapted(colors: colors)
                    if s.fg == .default && s.bg == .default { continue }
                    if theme.background == nil {
                        XCTAssertTrue(s.fg != .default && s.bg != .default,
                                      "\(name) (\(colors) colours): \(role.rawValue) sets \(s.fg == .default ? "a background" : "a foreground") alone, on a terminal whose colours it does not know")
                    }
                    for terminal in terminals {
                        let fg = Self.rgb(s.fg.indexOr(terminal.fg)), bg = Self.rgb(s.bg.indexOr(terminal.bg))
                        let ratio = Self.contrast(fg, bg)
                        XCTAssertGreaterThanOrEqual(ratio, Self.minimum,
                            "\(name) (\(colors) colours): \(role.rawValue)\(drawn.contains(role) ? " (drawn on the board)" : "") has contrast \(ratio) on \(terminal.bg == 0 ? "dark" : "light") terminals")
                    }
                }
            }
        }
    }

    func testTheBuiltinThemesIncludeLight() throws {
        let light = try ThemeLoader.load("light")
        XCTAssertEqual(light.background, .light)
        XCTAssertEqual(ThemeLoader.automatic(for: .light).name, "light")
        XCTAssertEqual(ThemeLoader.automatic(for: .dark).name, "default")
        XCTAssertEqual(ThemeLoader.automatic(for: nil).name, "default")
        XCTAssertNil(try ThemeLoader.load("default").background)
        XCTAssertThrowsError(try ThemeLoader.parse("background = \"grey\"\n[roles.normal]\nbold = true", file: "x.toml")) {
            XCTAssertEqual(($0 as? ThemeError)?.key, "background")
        }
    }

    func testCOLORFGBG() {
        XCTAssertEqual(TerminalBackground(colorFGBG: "0;15"), .light)
        XCTAssertEqual(TerminalBackground(colorFGBG: "0;7"), .light)
        XCTAssertEqual(TerminalBackground(colorFGBG: "15;0"), .dark)
        XCTAssertEqual(TerminalBackground(colorFGBG: "12;default;0"), .dark)
        XCTAssertEqual(TerminalBackground(colorFGBG: "0;default;15"), .light)
        XCTAssertEqual(TerminalBackground(colorFGBG: "7;8"), .dark)
        XCTAssertNil(TerminalBackground(colorFGBG: "15;default"))
        XCTAssertNil(TerminalBackground(colorFGBG: nil))
        XCTAssertNil(TerminalBackground(colorFGBG: "junk"))
    }

    func testOSC11Answers() {
        func answer(_ s: String) -> TerminalBackground? { TerminalBackground(osc11Reply: Array(s.utf8)) }
        XCTAssertEqual(answer("\u{1B}]11;rgb:ffff/ffff/ffff\u{7}"), .light)
        XCTAssertEqual(answer("\u{1B}]11;rgb:fdf6/e3e3/0000\u{1B}\\\u{1B}[?1;2c"), .light, "solarized light, then DA1")
        XCTAssertEqual(answer("\u{1B}]11;rgb:0000/0000/0000\u{1B}\\"), .dark)
        XCTAssertEqual(answer("x\u{1B}]11;rgb:2b/2b/2b\u{7}"), .dark)
        XCTAssertNil(answer("\u{1B}[?1;2c"), "only DA1: the terminal did not say")
        XCTAssertNil(answer("\u{1B}]11;rgb:ffff/ffff"), "cut short")
        XCTAssertNil(answer("\u{1B}]11;rgb:zz/00/00\u{7}"))
    }
}

private extension TermColor {
    func indexOr(_ fallback: Int) -> Int {
        if case .index(let n) = self { return n }
        return fallback
    }
}
