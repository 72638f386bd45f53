import Foundation

/// Calendar days in the user's time zone as whole numbers (days since 1970-01-01, local), so
/// metrics can bucket a million timestamps without formatting text. Built on `LocalCalendar`'s
/// time zone; the UTC offset is looked up once per hour of time touched (DST-safe: a day can be
/// 23 or 25 hours long) and kept in an array by hour (up to 50 years of hours; hours beyond
/// that in a dictionary). Not for use from two threads at once.
public final class DayIndex: @unchecked Sendable {
    public let calendar: LocalCalendar
    /// UTC offsets (seconds) of the hours from `firstHour` on; `unknown` where not looked up yet.
    private var byHour: [Int32] = []
    private var firstHour: Int64 = 0
    private var offsets: [Int64: Int64] = [:]
    private static let unknown = Int32.min, maxHours = 24 * 366 * 50

    public init(calendar: LocalCalendar) { self.calendar = calendar }

    /// The local day number of `time` (seconds since 1970 UTC).
    public func day(_ time: Timestamp) -> Int {
        let hour = floorDiv(time, 3600)
        let i = hour &- firstHour
        if i >= 0, i < byHour.count, byHour[Int(i)] != DayIndex.unknown {
            return Int(floorDiv(time + Int64(byHour[Int(i)]), 86_400))
        }
        return Int(floorDiv(time + offset(hour), 86_400))
    }

    /// The offset of `hour` (hours since 1970 UTC), looked up and kept.
    private func offset(_ hour: Int64) -> Int64 {
        if let o = offsets[hour] { return o }
        let o = Int64(calendar.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour * 3600))))
        if byHour.isEmpty { firstHour = hour - 24 * 31 }
        let lo = min(firstHour, hour - 24 * 31), hi = max(firstHour + Int64(byHour.count), hour + 24 * 31)
        if hi - lo <= Int64(DayIndex.maxHours) {
            if lo < firstHour { byHour.insert(contentsOf: repeatElement(DayIndex.unknown, count: Int(firstHour - lo)), at: 0); firstHour = lo }
            if hi > firstHour + Int64(byHour.count) { byHour.append(contentsOf: repeatElement(DayIndex.unknown, count: Int(hi - firstHour) - byHour.count)) }
            byHour[Int(hour - firstHour)] = Int32(o)
        } else {
            offsets[hour] = o
        }
        return o
    }

    /// The day number of a `YYYY-MM-DD` date; nil when it is not a date.
    public static func number(of day: String) -> Int? {
        guard CalendarDay.isValid(day), let t = ISODate.parse(day) else { return nil }
        return Int(t / 86_400)
    }

    /// The `YYYY-MM-DD` text of a day number.
    public static func text(_ day: Int) -> String { ISODate.formatDay(Timestamp(day) * 86_400) }

    /// The first moment of a day number in this time zone.
    public func start(of day: Int) -> Timestamp {
        calendar.startOfDay(DayIndex.text(day)) ?? Timestamp(day) * 86_400
    }

    /// The Monday (ISO week start) of the week holding a day number.
    public static func weekStart(_ day: Int) -> Int {
        // 1970-01-01 (day 0) was a Thursday: Monday-based weekday index = (day + 3) mod 7.
        day - Int(((Int64(day) + 3) % 7 + 7) % 7)
    }

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
