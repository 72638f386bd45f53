import DocketCore

/// What the releases screen asks to be computed off the key path: the Monte Carlo forecast
/// of every release not shipped or cancelled (the same as `docket forecast RELEASE`).
public struct ForecastRequest: Equatable, Sendable {
    public var board: Board
    public var now: Timestamp
    public var calendar: LocalCalendar
    public var seed: UInt64
    public var token: Int
}

/// The forecasts of a `ForecastRequest`: per release name, one line (`85% by 2027-01-20 · …`)
/// or why there is none.
public struct ReleaseForecasts: Sendable {
    public let request: ForecastRequest
    public let lines: [String: String]

    public init(_ r: ForecastRequest) {
        request = r
        let days = DayIndex(calendar: r.calendar)
        let history = FlowHistory.build(r.board, now: r.now)
        var lines: [String: String] = [:]
        for release in r.board.releases where release.state != .shipped && release.state != .cancelled {
            do {
                let f = try Forecast.release(release.name, board: r.board, history: history, today: days.day(r.now),
                                             settings: ForecastSettings(seed: r.seed), days: days)
                lines[release.name] = ReleaseForecasts.line(f)
            } catch {
                lines[release.name] = "\(error)"
            }
        }
        self.lines = lines
    }

    /// `50% by D · 85% by D · 95% by D · 62% chance by the target 2027-01-31`.
    static func line(_ f: WhenForecast) -> String {
        if f.items == 0 { return "nothing left to do" }
        let dates = [("50%", f.p50), ("85%", f.p85), ("95%", f.p95)].map { "\($0.0) by \($0.1 ?? "—")" }.joined(separator: " · ")
        var chance = ""
        if let c = f.chanceByTarget, let target = f.target { chance = " · \(Int(c.rounded()))% chance by the target \(target)" }
        return "\(f.items) items left: " + dates + chance
    }
}

/// The release forecasts a screen shows (the releases and roadmap screens): asked for as a
/// background job, kept until the board changes, then asked for again on the next tick.
public struct ForecastCache: Sendable {
    /// Per release name, its forecast line (empty until the first answer).
    public private(set) var lines: [String: String] = [:]
    /// The request in flight or answered last; older answers are dropped.
    public private(set) var token = 0
    /// True when the board changed since the forecasts were asked for.
    public private(set) var stale = false

    public init() {}

    /// A new request for `state`'s board at `now`.
    public mutating func request(_ state: AppState, now: Timestamp) -> BackgroundJob {
        token += 1
        stale = false
        return .forecasts(ForecastRequest(board: state.board, now: now, calendar: state.calendar, seed: state.seed, token: token))
    }

    /// Takes `result` when it answers the latest request.
    public mutating func receive(_ result: BackgroundResult) {
        guard case .forecasts(let f) = result, f.request.token == token else { return }
        lines = f.lines
    }

    /// The board changed: ask again on the next tick.
    public mutating func invalidate() { stale = true }

    /// The ticks a screen holding the cache asks for (only while stale).
    public var tickInterval: Int? { stale ? 500 : nil }

    /// On a tick: the new request, if one is due.
    public mutating func tick(_ state: AppState, now: Timestamp) -> Step {
        stale ? Step([.compute(request(state, now: now))]) : .stay
    }
}

/// A screen that shows release forecasts (the releases and roadmap screens): it opens with a
/// forecast request, takes the answers, and asks again on a tick after the board changed.
protocol ShowsForecasts: Feature {
    var forecasts: ForecastCache { get set }
}

extension ShowsForecasts {
    /// Pushes `screen` and asks for its forecasts off the key path.
    static func opening(_ screen: Self, _ state: AppState, now: Timestamp) -> Step {
        var screen = screen
        let job = screen.forecasts.request(state, now: now)
        return Step([.compute(job)], .push(screen))
    }

    public mutating func received(_ result: BackgroundResult) { forecasts.receive(result) }
    public var tickInterval: Int? { forecasts.tickInterval }
    public mutating func tick(_ app: inout AppState, now: Timestamp) -> Step { forecasts.tick(app, now: now) }
}
