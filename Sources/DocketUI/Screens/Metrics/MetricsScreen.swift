import DocketCore

/// Flow metrics and forecasts (`M` on the board, `metrics` in the palette): tabs for the
/// cycle-time scatter (j/k move a cursor across the dots and name the item), throughput per
/// week, cumulative flow, burn-up per release, aging work in progress and the forecast of a
/// release; a period of 4, 12, 26 or 52 weeks. Figures come from `FlowMetrics`, computed off
/// the key path (`Effect.compute`) when the screen opens, the period or release changes, or
/// the board changes; the screen says so meanwhile.
public struct MetricsScreen: Feature {
    public static let id = "metrics"
    public static let title = "Metrics"

    public enum Tab: Int, CaseIterable, Sendable {
        case cycleTime, throughput, cumulativeFlow, burnUp, aging, forecast
        var title: String {
            switch self {
            case .cycleTime: return "Cycle time"
            case .throughput: return "Throughput"
            case .cumulativeFlow: return "Cumulative flow"
            case .burnUp: return "Burn-up"
            case .aging: return "Aging WIP"
            case .forecast: return "Forecast"
            }
        }
    }

    /// The periods `p` cycles through, in weeks.
    public static let periods = [4, 12, 26, 52]

    public var tab: Tab = .cycleTime
    public var weeks = 12
    /// The selected dot of the scatter (an index into `scatterItems`), or row of aging WIP.
    public var cursor = 0
    /// The release of the burn-up and forecast tabs (an index into the board's releases).
    public var release = 0

    /// The figures on screen: nil until the first computation comes back.
    public private(set) var figures: MetricsFigures?
    /// The request in flight or answered last; a newer one makes older answers stale.
    public private(set) var token = 0
    /// True when the board or the period changed since `figures` were asked for.
    public private(set) var stale = true
    /// The moment the figures are computed at (seconds since epoch).
    public private(set) var computedAt: Timestamp

    public init(now: Timestamp) { computedAt = now }

    public var isFullScreen: Bool { true }

    /// Opens the screen on `state`: pushed at once, its figures computed off the key path.
    public static func open(_ state: AppState, now: Timestamp) -> Step {
        var screen = MetricsScreen(now: now)
        let job = screen.request(state, now: now)
        return Step([.compute(job)], .push(screen))
    }

    /// A new request for `state`'s board, the period and release selected (older answers are
    /// then ignored).
    mutating func request(_ state: AppState, now: Timestamp) -> BackgroundJob {
        token += 1
        stale = false
        computedAt = now
        return .metrics(MetricsRequest(board: state.board, now: now, weeks: weeks, calendar: state.calendar,
                                       release: release, seed: state.seed, token: token))
    }

    public mutating func received(_ result: BackgroundResult) {
        guard case .metrics(let f) = result, f.request.token == token else { return }
        figures = f
        cursor = min(cursor, max(0, itemCount - 1))
    }

    /// While the figures are out of date the screen asks for a tick, which asks for new ones.
    public var tickInterval: Int? { stale ? 200 : nil }

    public mutating func tick(_ app: inout AppState, now: Timestamp) -> Step {
        guard stale else { return .stay }
        return Step([.compute(request(app, now: now))])
    }

    public var metrics: FlowMetrics? { figures?.metrics }
    public var scatterItems: [String] { figures?.scatterItems ?? [] }
    public var forecast: Result<WhenForecast, ForecastError>? { figures?.forecast }

    /// How many rows the cursor moves over on this tab.
    var itemCount: Int { tab == .aging ? (metrics?.report.aging.count ?? 0) : (figures?.scatter.dots.count ?? 0) }

    /// The item under the cursor (the scatter's dot or aging's row), if any.
    public var selectedItem: String? {
        switch tab {
        case .cycleTime: return figures.flatMap { $0.scatter.dots.indices.contains(cursor) ? $0.scatter.dots[cursor].id : nil }
        case .aging: return metrics.flatMap { $0.report.aging.indices.contains(cursor) ? $0.report.aging[cursor].id : nil }
        default: return nil
        }
    }

    /// The board changed (an edit, a merge from disk): the figures are asked for again.
    public mutating func boardChanged(_ app: AppState) { stale = true }
}

/// The metrics screen's actions.
public enum MetricsAction: String, FeatureAction {
    case nextTab = "next-tab", previousTab = "previous-tab", period, next, previous, nextRelease = "next-release"
    case openDetail = "open-detail", close

    public var summary: String {
        switch self {
        case .nextTab: return "next tab"
        case .previousTab: return "previous tab"
        case .period: return "period: 4, 12, 26 or 52 weeks"
        case .next: return "next dot of the scatter (or row)"
        case .previous: return "previous dot of the scatter (or row)"
        case .nextRelease: return "next release (burn-up and forecast)"
        case .openDetail: return "open the details of the item under the cursor"
        case .close: return "back to the board"
        }
    }

    public var hint: String? {
        switch self {
        case .nextTab: return "tab"
        case .period: return "period"
        case .nextRelease: return "release"
        case .close: return "back"
        default: return nil
        }
    }
}

extension MetricsScreen {
    public static let hintOrder: [MetricsAction] = [.nextTab, .period, .nextRelease, .close]
    public static let defaultKeys: [(Key, MetricsAction)] = [
        (.tab, .nextTab), (.right, .nextTab), (.char("l"), .nextTab), (.backTab, .previousTab), (.left, .previousTab), (.char("h"), .previousTab),
        (.char("p"), .period), (.char("j"), .next), (.down, .next), (.char("k"), .previous), (.up, .previous),
        (.char("r"), .nextRelease), (.enter, .openDetail), (.escape, .close), (.char("q"), .close),
    ]

    public mutating func perform(_ action: MetricsAction, _ state: inout AppState, now: Timestamp) -> Step {
        let tabs = Tab.allCases.count
        switch action {
        case .close: return .pop
        case .nextTab: tab = Tab(rawValue: (tab.rawValue + 1) % tabs)!; cursor = 0
        case .previousTab: tab = Tab(rawValue: (tab.rawValue + tabs - 1) % tabs)!; cursor = 0
        case .period:
            weeks = Self.periods[((Self.periods.firstIndex(of: weeks) ?? 0) + 1) % Self.periods.count]
            state.status = StatusMessage("metrics over the last \(weeks) weeks")
            return Step([.compute(request(state, now: now))])
        case .next: cursor = min(max(0, itemCount - 1), cursor + 1)
        case .previous: cursor = max(0, cursor - 1)
        case .nextRelease:
            guard !state.board.releases.isEmpty else { state.status = StatusMessage("this board has no releases"); break }
            release = (release + 1) % state.board.releases.count
            return Step([.compute(request(state, now: now))])
        case .openDetail:
            guard let id = selectedItem, state.board.items[id] != nil else { break }
            return .push(DetailScreen(itemID: id))
        }
        return .stay
    }
}
