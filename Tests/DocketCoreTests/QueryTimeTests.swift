import DocketCore
import XCTest

/// `updated:`, `created:`, `moved:`, `age:` and `is:stale` against hand-made histories.
final class QueryTimeTests: XCTestCase {
    let day: Timestamp = 86400
    /// Monday 2026-12-07 10:00 UTC.
    let now = ISODate.parse("2026-12-07T10:00:00Z")!

    func board() throws -> Board {
        var b = Board(name: "t", stages: Board.defaultStages())
        // old: created 10 days ago, in Review for 6 days, untouched since.
        _ = try b.addItem(title: "old", stage: "doing", id: "old", by: "ann", at: now - 10 * day)
        _ = try b.move("old", toStage: "review", by: "ann", at: now - 6 * day)
        // fresh: created yesterday evening UTC, edited an hour ago.
        _ = try b.addItem(title: "fresh", stage: "review", id: "fresh", by: "bob", at: now - 13 * 3600)
        _ = try b.modify("fresh", by: "bob", at: now - 3600) { $0.points = 3 }
        return b
    }

    func ids(_ q: String, _ b: Board, calendar: LocalCalendar = .utc) throws -> [String] {
        let query = try Query.parse(q)
        let test = query.matcher(for: b, time: QueryTime(now: now, calendar: calendar))
        return b.items.values.filter(test).map(\.id).sorted()
    }

    func testRelativeAgesAndDays() throws {
        let b = try board()
        XCTAssertEqual(try ids("updated:<2d", b), ["fresh"])
        XCTAssertEqual(try ids("updated:>2d", b), ["old"])
        XCTAssertEqual(try ids("updated:today", b), ["fresh"])
        XCTAssertEqual(try ids("created:yesterday", b), ["fresh"])
        XCTAssertEqual(try ids("created:<2026-12-01", b), ["old"])
        XCTAssertEqual(try ids("moved:>=2026-12-01", b), ["fresh", "old"])
        XCTAssertEqual(try ids("age:>5d", b), ["old"], "in its stage for more than five days")
        XCTAssertEqual(try ids("-age:>5d", b), ["fresh"])
    }

    func testDaysAreLocal() throws {
        let b = try board()
        // Created Sunday 21:00 UTC: in Tokyo that is already Monday, so "today" there.
        let tokyo = LocalCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        XCTAssertEqual(try ids("created:today", b, calendar: tokyo), ["fresh"])
        XCTAssertEqual(try ids("created:today", b, calendar: .utc), [])
    }

    func testStaleUsesTheSLAWithTooLittleHistory() throws {
        var b = try board()
        XCTAssertEqual(try ids("is:stale", b), [], "no history and no SLA: nothing is stale")
        let i = try XCTUnwrap(b.stages.firstIndex { $0.id == "review" })
        b.stages[i].slaDays = 3
        XCTAssertEqual(try ids("is:stale", b), ["old"])
    }

    func testBadValuesSayWhatIsExpected() {
        for (bad, value, expected) in [("updated:soon", "soon", "YYYY-MM-DD"), ("age:yesterday", "yesterday", "5d"),
                                       ("moved:3x", "3x", "2d"), ("is:late", "late", "stale")] {
            XCTAssertThrowsError(try Query.parse(bad), bad) { error in
                XCTAssertTrue("\(error)".contains("'\(value)'") && "\(error)".contains(expected), "\(error)")
            }
        }
        XCTAssertEqual(try Query.parse("updated:<2d").debugDescription, "updated:<2d", "written back as typed")
    }
}
