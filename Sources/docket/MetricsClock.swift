import ArgumentParser
import DocketCore

/// The moment and calendar `docket metrics` and `docket forecast` compute at: now in the
/// user's time zone (`TZ`), or the end of the day `asOf` (`YYYY-MM-DD`) when given.
/// Throws `ValidationError` for a date that is not `YYYY-MM-DD`.
func metricsMoment(asOf: String?) throws -> (now: Timestamp, calendar: LocalCalendar) {
    let env = DocketEnvironment.live()
    guard let asOf else { return (env.now, env.calendar) }
    guard let next = env.calendar.adding(days: 1, to: asOf), let end = env.calendar.startOfDay(next) else {
        throw ValidationError("--as-of must be a date written YYYY-MM-DD, not '\(asOf)'")
    }
    return (end - 1, env.calendar)
}

/// The name of the user's time zone, for the text output.
func timeZoneName(_ calendar: LocalCalendar) -> String { calendar.timeZone.identifier }
