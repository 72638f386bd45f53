import Foundation

/// Everything Docket reads from the world besides the board: the clock, the user's calendar
/// (time zone) and a seeded random source. `update`, views and the domain take it as a value,
/// so days, ages, timers and forecasts are exact in tests; nothing else reads `Date()` or `TZ`.
public struct DocketEnvironment: Sendable {
    /// The current moment, seconds since 1970 UTC.
    public var clock: @Sendable () -> Timestamp
    /// Days in the user's local time zone.
    public var calendar: LocalCalendar
    /// Seed for shuffles and simulations (a run with the same seed gives the same answer).
    public var seed: UInt64

    public init(clock: @escaping @Sendable () -> Timestamp, calendar: LocalCalendar, seed: UInt64) {
        self.clock = clock; self.calendar = calendar; self.seed = seed
    }

    /// The real world: the system clock, the time zone named by `TZ` (or the system's), and a
    /// seed from the clock. `environment` is the process environment (for tests).
    public static func live(environment: [String: String] = ProcessInfo.processInfo.environment) -> DocketEnvironment {
        DocketEnvironment(clock: { Timestamp(Date().timeIntervalSince1970) },
                          calendar: LocalCalendar(timeZone: timeZone(from: environment)),
                          seed: UInt64(truncatingIfNeeded: Int64(Date().timeIntervalSince1970 * 1000)))
    }

    /// A fixed moment in `timeZone` (default UTC), for tests.
    public static func fixed(_ now: Timestamp, timeZone: String = "UTC", seed: UInt64 = 1) -> DocketEnvironment {
        DocketEnvironment(clock: { now }, calendar: LocalCalendar(timeZone: TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!), seed: seed)
    }

    /// The time zone `TZ` names (`Europe/Berlin`, `:Europe/Berlin`, `UTC`), else the system's.
    public static func timeZone(from environment: [String: String]) -> TimeZone {
        if var tz = environment["TZ"], !tz.isEmpty {
            if tz.hasPrefix(":") { tz.removeFirst() }
            if let zone = TimeZone(identifier: tz) ?? TimeZone(abbreviation: tz) { return zone }
        }
        return TimeZone.current
    }

    /// The current moment.
    public var now: Timestamp { clock() }
    /// Today in the user's time zone (`YYYY-MM-DD`).
    public var today: String { calendar.day(of: clock()) }
    /// A random generator seeded with `seed`.
    public func random() -> SeededGenerator { SeededGenerator(seed: seed) }
}
