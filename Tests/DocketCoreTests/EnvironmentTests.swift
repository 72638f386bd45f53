import DocketCore
import XCTest

final class EnvironmentTests: XCTestCase {
    func testDayOfMomentInZonesEastAndWestOfUTC() throws {
        let t = try XCTUnwrap(ISODate.parse("2026-12-06T23:30:00Z"))
        XCTAssertEqual(LocalCalendar.utc.day(of: t), "2026-12-06")
        XCTAssertEqual(LocalCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo")!).day(of: t), "2026-12-07")
        XCTAssertEqual(LocalCalendar(timeZone: TimeZone(identifier: "America/Los_Angeles")!).day(of: t), "2026-12-06")
        let early = try XCTUnwrap(ISODate.parse("2026-12-07T03:00:00Z"))
        XCTAssertEqual(LocalCalendar(timeZone: TimeZone(identifier: "America/Los_Angeles")!).day(of: early), "2026-12-06")
    }

    func testStartOfDayAcrossDSTChange() throws {
        let berlin = LocalCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        // 2026-03-29: clocks go from 02:00 to 03:00; midnight is still at +01:00.
        XCTAssertEqual(berlin.startOfDay("2026-03-29"), ISODate.parse("2026-03-28T23:00:00Z"))
        XCTAssertEqual(berlin.startOfDay("2026-03-30"), ISODate.parse("2026-03-29T22:00:00Z"))
        XCTAssertNil(berlin.startOfDay("2026-02-30"))
    }

    func testWeekdayAndAddingDays() {
        let cal = LocalCalendar.utc
        XCTAssertEqual(cal.weekday(of: "2026-12-07"), 1)   // a Monday
        XCTAssertEqual(cal.weekday(of: "2026-12-06"), 7)   // a Sunday
        XCTAssertEqual(cal.adding(days: -3, to: "2026-03-01"), "2026-02-26")
    }

    func testTZVariableIsHonoured() {
        XCTAssertEqual(DocketEnvironment.timeZone(from: ["TZ": "Asia/Kolkata"]).identifier, "Asia/Kolkata")
        XCTAssertEqual(DocketEnvironment.timeZone(from: ["TZ": ":Europe/Paris"]).identifier, "Europe/Paris")
        let env = DocketEnvironment.fixed(1_780_000_000, timeZone: "Pacific/Kiritimati")
        XCTAssertEqual(env.today, LocalCalendar(timeZone: TimeZone(identifier: "Pacific/Kiritimati")!).day(of: 1_780_000_000))
    }

    func testSeededGeneratorRepeats() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42)
        XCTAssertEqual((0..<5).map { _ in a.next() }, (0..<5).map { _ in b.next() })
        var c = SeededGenerator(seed: 43)
        XCTAssertNotEqual(SeededGenerator(seed: 42).state, c.state); _ = c.next()
    }
}
