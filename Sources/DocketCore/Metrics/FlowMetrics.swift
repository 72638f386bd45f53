/// The entry point of `docket metrics`, the report and (later) the metrics screen: the flow
/// history of a board at `now` and the report of the `days` days ending today (today
/// included), in the user's time zone.
public struct FlowMetrics: Sendable {
    public let history: FlowHistory
    public let report: FlowReport
    public let days: DayIndex
    /// Day numbers of the window's first and last day.
    public let firstDay: Int, lastDay: Int

    /// Computes everything once. `windowDays` ≥ 1.
    public init(_ board: Board, now: Timestamp, windowDays: Int, calendar: LocalCalendar) {
        let days = DayIndex(calendar: calendar)
        let history = FlowHistory.build(board, now: now)
        let today = days.day(now)
        let first = today - max(1, windowDays) + 1
        self.days = days
        self.history = history
        self.firstDay = first; self.lastDay = today
        self.report = FlowReport.make(board, history: history, from: first, to: today, days: days)
    }

    /// Cumulative flow over the window.
    public var cumulativeFlow: CumulativeFlow { history.cumulativeFlow(from: firstDay, to: lastDay, days: days) }


    /// The burn-up of a release over the window.
    public func burnUp(_ release: Release) -> BurnUp {
        history.burnUp(release: release.name, target: release.target, from: firstDay, to: lastDay, days: days)
    }
}
