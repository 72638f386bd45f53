@testable import DocketUI
import Foundation
import XCTest

final class ThemeTests: XCTestCase {
    private var themesFolder: URL {
        URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().appendingPathComponent("../../themes").standardizedFileURL
    }

    func testBuiltinThemesMatchTheFilesInThemes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesFolder.path).filter { $0.hasSuffix(".toml") }
        XCTAssertEqual(Set(files.map { String($0.dropLast(5)) }), Set(BuiltinThemes.all.keys))
        for f in files {
            let text = try String(contentsOf: themesFolder.appendingPathComponent(f), encoding: .utf8)
            XCTAssertEqual(BuiltinThemes.all[String(f.dropLast(5))].map { $0 + "\n" }, text,
                           "\(f) changed: run scripts/embed-themes")
        }
    }

    func testBuiltinThemesLoad() throws {
        for name in ["default", "high-contrast", "mono"] {
            let theme = try ThemeLoader.load(name)
            XCTAssertEqual(theme.name, name)
        }
        let d = try ThemeLoader.load("default")
        XCTAssertEqual(d.style(.cardSelected).bg, .index(153))
        XCTAssertEqual(d.style(.cardSelected).bg8, .index(6))
        XCTAssertTrue(try ThemeLoader.load("mono").style(.cardSelected).reverse)
    }

    func testColourFallbacks() throws {
        let d = try ThemeLoader.load("default")
        let selected = d.style(.cardSelected)
        XCTAssertEqual(selected.adapted(colors: 8).bg, .index(6), "fg8/bg8 are used on 8-colour terminals")
        XCTAssertEqual(selected.adapted(colors: 256).bg, .index(153))
        XCTAssertEqual(selected.adapted(colors: 0).bg, .default, "NO_COLOR: no colours")
        XCTAssertEqual(Style(fg: .index(9)).adapted(colors: 8).fg, .index(1), "bright red → red")
        XCTAssertEqual(TermColor(parsing: "#ff0000")?.basic, .index(1))
        XCTAssertEqual(TermColor(parsing: "bright-blue"), .index(12))
        XCTAssertNil(TermColor(parsing: "chartreuse"))
    }

    func testBadThemesNameTheFileAndKey() {
        func error(_ toml: String) -> ThemeError? {
            do { _ = try ThemeLoader.parse(toml, file: "mine.toml"); return nil } catch { return error as? ThemeError }
        }
        XCTAssertEqual(error("[roles.normal]\nfg = \"chartreuse\"")?.key, "roles.normal.fg")
        XCTAssertEqual(error("[roles.cardz]\nbold = true")?.key, "roles.cardz")
        XCTAssertEqual(error("[roles.card]\nbold = \"yes\"")?.key, "roles.card.bold")
        XCTAssertEqual(error("name = \"x\"")?.key, "roles")
        let syntax = error("[roles.normal\nfg=1")
        XCTAssertNotNil(syntax)
        XCTAssertTrue(syntax?.description.hasPrefix("mine.toml: ") ?? false)
        XCTAssertTrue(syntax?.description.contains("line 1") ?? false, syntax?.description ?? "")
        XCTAssertThrowsError(try ThemeLoader.load("/no/such/theme.toml")) { e in
            XCTAssertTrue("\(e)".contains("/no/such/theme.toml"))
        }
    }
}
