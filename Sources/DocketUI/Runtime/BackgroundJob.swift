import DocketCore
import Foundation

/// Work too large for the key path (figures over a whole board and its history): an effect
/// asks for it, the runtime runs it on another thread, and its result comes back as
/// `Event.computed`. Plain data in, plain data out: a job reads nothing but its inputs.
public enum BackgroundJob: Equatable, Sendable {
    /// The metrics screen's figures for `request`.
    case metrics(MetricsRequest)
    /// The releases screen's forecasts for `request`.
    case forecasts(ForecastRequest)

    /// Does the work (on whatever thread calls it).
    public func run() -> BackgroundResult {
        switch self {
        case .metrics(let r): return .metrics(MetricsFigures(r))
        case .forecasts(let r): return .forecasts(ReleaseForecasts(r))
        }
    }
}

/// What a finished job gives back; equal when they answer the same request (results are
/// compared by their token only, for tests of events).
public enum BackgroundResult: Equatable, Sendable {
    case metrics(MetricsFigures)
    case forecasts(ReleaseForecasts)

    public static func == (a: BackgroundResult, b: BackgroundResult) -> Bool {
        switch (a, b) {
        case (.metrics(let x), .metrics(let y)): return x.request.token == y.request.token
        case (.forecasts(let x), .forecasts(let y)): return x.request.token == y.request.token
        default: return false
        }
    }
}

/// Where finished jobs wait for the loop: filled from other threads, emptied by the loop.
final class BackgroundInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [BackgroundResult] = []

    func put(_ result: BackgroundResult) { lock.lock(); results.append(result); lock.unlock() }

    func take() -> [BackgroundResult] {
        lock.lock(); defer { lock.unlock() }
        let out = results
        results = []
        return out
    }
}
