import DocketCore
@testable import DocketUI
import Foundation
import XCTest

/// `update` counts days in the user's time zone (`AppState.calendar`), not in UTC.
final class LocalDayTests: XCTestCase {
    /// The date of `moment` in `zone`, from Foundation's calendar (not the code under test).
    private func day(_ moment: Timestamp, in zone: String) throws -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try XCTUnwrap(TimeZone(identifier: zone))
        let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(moment)))
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// At `testNow` (12:00 UTC) it is already tomorrow in Auckland: `due:today` there is not
    /// the UTC day.
    func testDueTodayIsTheDayInTheUsersTimeZone() throws {
        let local = try day(testNow, in: "Pacific/Auckland")
        let utc = try day(testNow, in: "UTC")
        XCTAssertNotEqual(local, utc, "the test needs a moment where the two days differ")
        for (zone, expected) in [("Pacific/Auckland", local), ("UTC", utc)] {
            var s = demoState()
            s.calendar = LocalCalendar(timeZone: try XCTUnwrap(TimeZone(identifier: zone)))
            let ids = Array(s.board.column(s.board.stages[0].id).prefix(2))
            for (id, due) in zip(ids, [local, utc]) {
                try s.board.modify(id, summary: "due", by: "test", at: testNow) { $0.due = due }
            }
            send(&s, [.key(.char("f"))] + typed("due:today") + [.key(.enter)])
            let shown = Set(try XCTUnwrap(s.filter, "the filter applies").columns.values.joined())
            let dueShown = ids.filter { shown.contains($0) }
            XCTAssertEqual(dueShown.map { s.board.items[$0]?.due }, [expected], "in \(zone)")
        }
    }

    /// The session's calendar comes from `TZ` (through `DocketEnvironment.live`).
    func testTheSessionCalendarHonoursTZ() throws {
        let env = DocketEnvironment.live(environment: ["TZ": "Pacific/Auckland"])
        var s = demoState()
        s.calendar = env.calendar
        XCTAssertEqual(s.calendar.day(of: testNow), try day(testNow, in: "Pacific/Auckland"))
    }
}
