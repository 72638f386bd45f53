import DocketCore
import Foundation
import XCTest

/// The releases screen in a real terminal: a capacity edited in place is saved to the file (a
/// bad value first: refused, named, nothing written), and the roadmap opens with its lanes.
final class PlanningScreensEndToEndTests: TmuxTestCase {
    func testEditAReleaseCapacityInTheTerminal() throws {
        let t = try session()
        let (url, _) = try t.makeBoard()
        try t.runDocket(["release", "add", "1.0", "--target", "2027-01-15", "--capacity", "20", "-b", url.path])
        for title in ["Export invoices ~8 ^1.0", "Payment reminders ~5 ^1.0", "Audit log ~3 ^1.0"] {
            try t.runDocket(["add", title, "--stage", "Ready", "-b", url.path])
        }
        try t.startDocket([url.path], width: 100, height: 30)
        try t.waitForText("Ready")
        try t.keys("r")
        try t.waitForText("Releases · 1")
        try t.waitForText("16/20")
        // capacity is the fourth field: name, start, target, capacity.
        try t.keys("l", "l", "l", "Enter", "C-u")
        try t.type("twelve")
        try t.keys("Enter")
        try t.waitForText("invalid capacity 'twelve'")
        XCTAssertEqual(try BoardStore.load(url).board.releases.first?.capacity, 20, "a bad value writes nothing")
        try t.keys("C-u")
        try t.type("12")
        try t.keys("Enter")
        try t.waitForText("over capacity by 4 points")
        let board = try t.waitForBoard(url, "capacity 12 saved") { $0.releases.first?.capacity == 12 }
        XCTAssertEqual(board.releases.map(\.name), ["1.0"])
        XCTAssertEqual(board.releases.first?.target, "2027-01-15", "the other fields are kept")
        // Esc and the next key apart (together they would read as Alt-m).
        try t.keys("Escape")
        try t.waitForNoText("Releases · 1")
        try t.keys("m")
        try t.waitForText("Next · 3 cards")
        try t.keys("Escape")
        try t.waitForNoText("Next · 3 cards")
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
        let list = try t.runDocket(["release", "list", "--json", "-b", url.path]).stdout
        let rows = try JSONSerialization.jsonObject(with: Data(list.utf8)) as! [[String: Any]]
        XCTAssertEqual(rows.first?["capacity"] as? Double, 12)
        XCTAssertEqual(rows.first?["overCapacityBy"] as? Double, 4)
    }
}
