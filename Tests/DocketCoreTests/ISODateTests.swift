import XCTest
import DocketCore

final class ISODateTests: XCTestCase {
    func testKnownValues() {
        XCTAssertEqual(ISODate.format(0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(ISODate.format(1_700_000_000), "2023-11-14T22:13:20Z")
        XCTAssertEqual(ISODate.format(1_709_208_000), "2024-02-29T12:00:00Z")
        XCTAssertEqual(ISODate.format(951_868_800), "2000-03-01T00:00:00Z")
        XCTAssertEqual(ISODate.format(-1), "1969-12-31T23:59:59Z")
        XCTAssertEqual(ISODate.formatDay(1_795_961_100), "2026-11-29")
    }

    func testParseKnownValues() {
        XCTAssertEqual(ISODate.parse("2026-11-29T14:05:00Z"), 1_795_961_100)
        XCTAssertEqual(ISODate.parse("2015-01-13T09:59:36.293Z"), 1_421_143_176, "Trello's milliseconds are dropped")
        XCTAssertEqual(ISODate.parse("2026-11-29T15:05:00+01:00"), 1_795_961_100)
        XCTAssertEqual(ISODate.parse("2026-11-29T09:35:00-0430"), 1_795_961_100)
        XCTAssertEqual(ISODate.parse("2026-11-29"), 1_795_961_100 - (14 * 3600 + 5 * 60))
        XCTAssertEqual(ISODate.parse("2024-02-29T12:00:00Z"), 1_709_208_000)
    }

    func testParseRejectsNonDates() {
        for text in ["", "yesterday", "2026-13-01", "2026-00-10", "2026-11-32", "2026/11/29", "2026-11-29T25:00:00Z",
                     "2026-11-29T14:60:00Z", "2026-11-29T14:05", "2026-11-29T14:05:00Zjunk"] {
            XCTAssertNil(ISODate.parse(text), text)
        }
    }

    func testRoundTrip() {
        var rng = SeededRandom(seed: 1)
        for _ in 0..<5_000 {
            let t = Timestamp.random(in: -2_208_988_800...4_102_444_800, using: &rng)  // 1900…2100
            let text = ISODate.format(t)
            XCTAssertEqual(text.count, 20, text)
            XCTAssertEqual(ISODate.parse(text), t, text)
        }
    }
}
