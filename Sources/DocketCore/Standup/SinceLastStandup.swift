/// "Since the last standup": the moment a standup digest starts from. The last `standup`
/// entry of the activity log (so every clone of a board shared through git agrees), or with
/// none yet, the start of the previous working day in the user's time zone (on a Monday,
/// Friday: the weekend is included; on a Saturday or Sunday, Friday too).
public enum SinceLastStandup {
    /// The moment to count from at `now`, in `calendar`'s time zone.
    public static func start(_ board: Board, now: Timestamp, calendar: LocalCalendar) -> Timestamp {
        if let last = StandupRecord.last(in: board) { return last.ended }
        return previousWorkingDayStart(now: now, calendar: calendar)
    }

    /// The first moment of the working day before the one `now` falls on (Monday–Friday).
    public static func previousWorkingDayStart(now: Timestamp, calendar: LocalCalendar) -> Timestamp {
        let today = calendar.day(of: now)
        var day = calendar.adding(days: -1, to: today) ?? today
        while let w = calendar.weekday(of: day), w >= 6 { day = calendar.adding(days: -1, to: day) ?? day }
        return calendar.startOfDay(day) ?? now - 86400
    }
}
