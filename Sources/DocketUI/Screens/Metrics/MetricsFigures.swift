import DocketCore

/// What the metrics screen asks to be computed: the board at a moment, a window, the user's
/// calendar, the release to forecast and a seed. `token` tells answers to old requests apart.
public struct MetricsRequest: Equatable, Sendable {
    public var board: Board
    public var now: Timestamp
    public var weeks: Int
    public var calendar: LocalCalendar
    /// Index into the board's releases of the release to forecast.
    public var release: Int
    public var seed: UInt64
    public var token: Int
}

/// Everything the metrics screen draws, computed once per request off the key path:
/// `FlowMetrics` (the same figures as `docket metrics`), the scatter's item order, and the
/// Monte Carlo forecast of the chosen release (or why there is none).
public struct MetricsFigures: Sendable {
    public let request: MetricsRequest
    public let metrics: FlowMetrics
    /// Item ids of the scatter's dots, in their order.
    public let scatterItems: [String]
    public let forecast: Result<WhenForecast, ForecastError>?

    public init(_ r: MetricsRequest) {
        request = r
        let m = FlowMetrics(r.board, now: r.now, windowDays: r.weeks * 7, calendar: r.calendar)
        metrics = m
        scatterItems = FlowCharts.cycleTimeScatter(m.history, from: m.firstDay, to: m.lastDay, days: m.days).items
        if r.board.releases.indices.contains(r.release) {
            do {
                forecast = .success(try Forecast.release(r.board.releases[r.release].name, board: r.board, history: m.history,
                                                         today: m.lastDay, settings: ForecastSettings(seed: r.seed), days: m.days))
            } catch let error as ForecastError {
                forecast = .failure(error)
            } catch {
                forecast = nil
            }
        } else {
            forecast = nil
        }
    }
}
