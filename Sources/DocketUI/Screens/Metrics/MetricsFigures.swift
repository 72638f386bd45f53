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

    public init(board: Board, now: Timestamp, weeks: Int, calendar: LocalCalendar, release: Int, seed: UInt64, token: Int) {
        self.board = board; self.now = now; self.weeks = weeks; self.calendar = calendar
        self.release = release; self.seed = seed; self.token = token
    }
}

/// Everything the metrics screen draws, computed once per request off the key path (so a
/// frame only lays out figures): `FlowMetrics` (the same figures as `docket metrics`), the
/// cycle-time scatter, cumulative flow over the window, and the Monte Carlo forecast of the
/// chosen release (or why there is none).
public struct MetricsFigures: Sendable {
    public let request: MetricsRequest
    public let metrics: FlowMetrics
    public let scatter: CycleTimeScatter
    public let cumulativeFlow: CumulativeFlow
    /// Item ids of the scatter's dots, in their order.
    public var scatterItems: [String] { scatter.dots.map(\.id) }
    public let forecast: Result<WhenForecast, ForecastError>?
    /// The burn-up of the release asked for (nil when the board has none at that index).
    public let burnUp: BurnUp?

    public init(_ r: MetricsRequest) {
        request = r
        let m = FlowMetrics(r.board, now: r.now, windowDays: r.weeks * 7, calendar: r.calendar)
        metrics = m
        scatter = m.history.cycleTimeScatter(from: m.firstDay, to: m.lastDay, days: m.days)
        cumulativeFlow = m.cumulativeFlow
        burnUp = r.board.releases.indices.contains(r.release) ? m.burnUp(r.board.releases[r.release]) : nil
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
