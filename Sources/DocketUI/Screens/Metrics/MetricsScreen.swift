import DocketCore

/// Flow metrics and forecasts (`M` on the board, `metrics` in the palette): tabs for the
/// cycle-time scatter (j/k move a cursor across the dots and name the item), throughput per
/// week, cumulative flow, burn-up per release, aging work in progress and the forecast of a
/// release; a period of 4, 12, 26 or 52 weeks. Figures come from `FlowMetrics`, computed when
/// the screen opens, the period changes or the board changes — never per key or frame.
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
    /// Whether charts tell series apart by pattern as well as colour (NO_COLOR, 8 colours, mono).
    public var patterned = false

    public private(set) var metrics: FlowMetrics
    /// Item ids of the scatter's dots, in their order.
    public private(set) var scatterItems: [String] = []
    /// The forecast of the selected release, or why there is none.
    public private(set) var forecast: Result<WhenForecast, ForecastError>?
    /// The moment the figures were computed (seconds since epoch).
    public private(set) var computedAt: Timestamp

    public init(_ state: AppState, now: Timestamp) {
        computedAt = now
        metrics = FlowMetrics(state.board, now: now, windowDays: weeks * 7, calendar: state.calendar)
        recompute(state)
    }

    public var isFullScreen: Bool { true }

    /// Recomputes the figures for the board, the period and the release selected.
    mutating func recompute(_ state: AppState) {
        metrics = FlowMetrics(state.board, now: computedAt, windowDays: weeks * 7, calendar: state.calendar)
        scatterItems = FlowCharts.cycleTimeScatter(metrics.history, from: metrics.firstDay, to: metrics.lastDay, days: metrics.days).items
        cursor = min(cursor, max(0, itemCount - 1))
        release = min(release, max(0, state.board.releases.count - 1))
        forecast = nil
        if state.board.releases.indices.contains(release) {
            do {
                forecast = .success(try Forecast.release(state.board.releases[release].name, board: state.board, history: metrics.history,
                                                         today: metrics.lastDay, settings: ForecastSettings(seed: state.seed),
                                                         days: metrics.days))
            } catch let error as ForecastError {
                forecast = .failure(error)
            } catch {}
        }
    }

    /// How many rows the cursor moves over on this tab.
    var itemCount: Int { tab == .aging ? metrics.report.aging.count : scatterItems.count }

    /// The item under the cursor (the scatter's dot or aging's row), if any.
    public var selectedItem: String? {
        switch tab {
        case .cycleTime: return scatterItems.indices.contains(cursor) ? scatterItems[cursor] : nil
        case .aging: return metrics.report.aging.indices.contains(cursor) ? metrics.report.aging[cursor].id : nil
        default: return nil
        }
    }

    public mutating func boardChanged(_ app: AppState) { recompute(app) }
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
            recompute(state)
            state.status = StatusMessage("metrics over the last \(weeks) weeks")
        case .next: cursor = min(max(0, itemCount - 1), cursor + 1)
        case .previous: cursor = max(0, cursor - 1)
        case .nextRelease:
            guard !state.board.releases.isEmpty else { state.status = StatusMessage("this board has no releases"); break }
            release = (release + 1) % state.board.releases.count
            recompute(state)
        case .openDetail:
            guard let id = selectedItem, state.board.items[id] != nil else { break }
            return .push(DetailScreen(itemID: id))
        }
        return .stay
    }
}
