import DocketCore
import Foundation
import XCTest

/// `keys.toml` in the real binary: a remap works in the terminal, a bad file stops Docket
/// before the board opens, and `docket keys` prints the effective keymap.
final class KeymapEndToEndTests: TmuxTestCase {
    func testARemappedKeyMovesTheCardAndIsSaved() throws {
        let t = try session()
        let (url, ids) = try t.makeBoard(items: ["Remap me"])
        let keys = t.dir.appendingPathComponent("keys.toml")
        try "[board]\nmove-right = [\"X\"]\n".write(to: keys, atomically: true, encoding: .utf8)
        try t.startDocket([url.path], exports: ["DOCKET_KEYS": keys.path])
        try t.waitForScreen("the board") { $0.contains("Remap me") && (screenLines($0).last ?? "").contains("saved") }
        try t.keys("L")  // the built-in key no longer moves it
        try t.keys("X")
        try t.waitForScreen("the move saved") { $0.contains("moved") && (screenLines($0).last ?? "").contains("saved") }
        try t.waitUntil("the file has the move") { (try? BoardStore.load(url).board.items[ids[0]]?.stage) == "ideas" }
        try t.keys("?")
        let help = try t.waitForText("Docket keys")
        let line = try XCTUnwrap(screenLines(help).first { $0.contains("move the item to the next stage") }, help)
        XCTAssertTrue(line.trimmingCharacters(in: .whitespaces).hasPrefix("X "), "help shows the remapped key: \(line)")
        // Esc and q in one write would be Alt-q (issue 14): send q once help has closed.
        try t.keys("Escape")
        try t.waitForNoText("Docket keys")
        try t.keys("q")
        _ = try t.waitForExit()
    }

    func testABadKeysFileIsRefusedWithItsLine() throws {
        let t = try session()
        let (url, _) = try t.makeBoard(items: ["Untouched"])
        let keys = t.dir.appendingPathComponent("keys.toml")
        try "[board]\n\nfly = \"x\"\n".write(to: keys, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: url)
        var env = t.environment
        env["DOCKET_KEYS"] = keys.path
        let result = try runProcess(t.docket, [url.path], environment: env, currentDirectory: t.dir)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("keys.toml:3: unknown action fly in [board]"), result.stderr)
        XCTAssertEqual(try Data(contentsOf: url), before, "the board is not touched")
        let listed = try runProcess(t.docket, ["keys"], environment: env, currentDirectory: t.dir)
        XCTAssertEqual(listed.status, 1)
    }

    func testDocketKeysPrintsTheEffectiveKeymap() throws {
        let t = try session()
        let keys = t.dir.appendingPathComponent("keys.toml")
        try "[board]\nquit = [\"Q\", \"ctrl-q\"]\n".write(to: keys, atomically: true, encoding: .utf8)
        var env = t.environment
        env["DOCKET_KEYS"] = keys.path
        let text = try runProcess(t.docket, ["keys"], environment: env, currentDirectory: t.dir)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("[board]"))
        XCTAssertTrue(text.stdout.contains("Q ctrl-q"), text.stdout)
        let json = try runProcess(t.docket, ["keys", "--json"], environment: env, currentDirectory: t.dir)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let quit = try XCTUnwrap(rows.first { $0["screen"] as? String == "board" && $0["action"] as? String == "quit" })
        XCTAssertEqual(quit["keys"] as? [String], ["Q", "ctrl-q"])
        XCTAssertTrue(rows.contains { $0["screen"] as? String == "triage" && $0["action"] as? String == "decline" })
    }
}
