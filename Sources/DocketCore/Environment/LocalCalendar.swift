import Foundation

/// Calendar days in one time zone (the user's, from `TZ` or the system): which day a moment
/// falls on, where a day starts, and its weekday. Days are `YYYY-MM-DD` text, as everywhere in
/// the board file; moments are `Timestamp`s (seconds since 1970 UTC). DST is handled by
/// Foundation's `TimeZone` (a day can be 23 or 25 hours long).
public struct LocalCalendar: Sendable, Equatable {
    /// The time zone days are counted in.
    public var timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// UTC, the calendar of the board file's own timestamps.
    public static let utc = LocalCalendar(timeZone: TimeZone(identifier: "UTC")!)

    /// The day `time` falls on in this time zone (`YYYY-MM-DD`).
    public func day(of time: Timestamp) -> String {
        let offset = Timestamp(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time))))
        return ISODate.formatDay(time + offset)
    }

    /// The first moment of `day` (`YYYY-MM-DD`) in this time zone; nil when `day` is not a date.
    public func startOfDay(_ day: String) -> Timestamp? {
        guard CalendarDay.isValid(day), let midnightUTC = ISODate.parse(day) else { return nil }
        // The offset at local midnight: try the offset of the UTC midnight, then correct once
        // (a DST change near midnight shifts it by an hour).
        var guess = midnightUTC - offsetSeconds(at: midnightUTC)
        let corrected = midnightUTC - offsetSeconds(at: guess)
        if self.day(of: corrected) == day { guess = corrected }
        return guess
    }

    /// The day `days` calendar days after `day` (negative goes back); nil when `day` is not a date.
    public func adding(days: Int, to day: String) -> String? {
        guard CalendarDay.isValid(day), let t = ISODate.parse(day) else { return nil }
        return ISODate.formatDay(t + Timestamp(days) * 86400)
    }

    /// Weekday of `day`: 1 = Monday … 7 = Sunday (ISO 8601); nil when `day` is not a date.
    public func weekday(of day: String) -> Int? {
        guard CalendarDay.isValid(day), let t = ISODate.parse(day) else { return nil }
        let daysSinceEpoch = t / 86400          // 1970-01-01 was a Thursday (4)
        return Int(((daysSinceEpoch % 7) + 7 + 3) % 7) + 1
    }

    private func offsetSeconds(at time: Timestamp) -> Timestamp {
        Timestamp(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time))))
    }
}
