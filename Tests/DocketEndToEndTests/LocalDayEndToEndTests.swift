import Foundation
import XCTest

/// The command line's "today" is the day in the user's time zone (`TZ`).
final class LocalDayEndToEndTests: CLITestCase {
    /// Today in `zone`, from Foundation's calendar.
    private func today(in zone: String) throws -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try XCTUnwrap(TimeZone(identifier: zone))
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    private func add(_ title: String, due: String) throws -> String {
        let added = try run(["add", title])
        XCTAssertEqual(added.status, 0, added.stderr)
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(try run(["set", id, "due=\(due)"]).status, 0)
        return id
    }

    /// Kiritimati (UTC+14) and Pago Pago (UTC−11) are 25 hours apart: their todays always
    /// differ, so `due:today` lists a different item in each.
    func testDueTodayFollowsTZ() throws {
        XCTAssertEqual(try run(["init"]).status, 0)
        let east = "Pacific/Kiritimati", west = "Pacific/Pago_Pago"
        let eastDay = try today(in: east), westDay = try today(in: west)
        let eastItem = try add("Due in Kiritimati today", due: eastDay)
        let westItem = try add("Due in Pago Pago today", due: westDay)
        XCTAssertNotEqual(eastDay, westDay)
        for (zone, shown, hidden) in [(east, eastItem, westItem), (west, westItem, eastItem)] {
            var env = ProcessInfo.processInfo.environment
            env["DOCKET_USER"] = "e2e"
            env["TZ"] = zone
            let listed = try runProcess(docket, ["list", "due:today"], environment: env, currentDirectory: dir)
            XCTAssertEqual(listed.status, 0, listed.stderr)
            // A day boundary in either zone between computing the days and listing moves them.
            guard try today(in: zone) == (zone == east ? eastDay : westDay) else { throw XCTSkip("midnight passed in \(zone) during the test") }
            XCTAssertTrue(listed.stdout.contains(shown), "TZ=\(zone): \(listed.stdout)")
            XCTAssertFalse(listed.stdout.contains(hidden), "TZ=\(zone): \(listed.stdout)")
        }
    }
}
