import Foundation

/// Calendar days in the user's time zone as whole numbers (days since 1970-01-01, local), so
/// metrics can bucket a million timestamps without formatting text. Built on `LocalCalendar`'s
/// time zone; the UTC offset is looked up once per hour of time touched (DST-safe: a day can be
/// 23 or 25 hours long).
public final class DayIndex: @unchecked Sendable {
    public let calendar: LocalCalendar
    private var offsets: [Int64: Int64] = [:]

    public init(calendar: LocalCalendar) { self.calendar = calendar }

    /// The local day number of `time` (seconds since 1970 UTC).
    public func day(_ time: Timestamp) -> Int {
        let hour = floorDiv(time, 3600)
        let offset: Int64
        if let o = offsets[hour] { offset = o } else {
            offset = Int64(calendar.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour * 3600))))
            offsets[hour] = offset
        }
        return Int(floorDiv(time + offset, 86_400))
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
