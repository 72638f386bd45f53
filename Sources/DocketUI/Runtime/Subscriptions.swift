/// What the visible screens ask of the runtime besides input. Today: ticks. The runtime
/// (`RuntimeLoop`) reads `AppState.subscriptions` after every update, so an ask starts and
/// stops with the screen that makes it; with nothing asked the process sleeps until input,
/// a signal, the saver or a change of the board file.
public struct Subscriptions: Equatable, Sendable {
    /// Deliver `Event.tick(now)` every this many milliseconds (nil: no ticks).
    public var tickEvery: Int?

    public init(tickEvery: Int? = nil) { self.tickEvery = tickEvery.map { max(1, $0) } }

    /// Nothing asked: no wake-ups at all.
    public static let none = Subscriptions()

    /// Both asks at once: the faster tick rate wins.
    public func merging(_ other: Subscriptions) -> Subscriptions {
        switch (tickEvery, other.tickEvery) {
        case let (a?, b?): return Subscriptions(tickEvery: min(a, b))
        case let (a, b): return Subscriptions(tickEvery: a ?? b)
        }
    }
}

/// A screen's state that asks for something while the screen is visible (a timer, a
/// countdown): conform the state type and return the ask, e.g.
/// `var subscriptions: Subscriptions { running ? Subscriptions(tickEvery: 1000) : .none }`,
/// then react to `Event.tick(now)` in the screen's reducer.
public protocol SubscriptionSource {
    var subscriptions: Subscriptions { get }
}

extension AppState {
    /// What the visible screens ask for: the asks of every visible screen state that is a
    /// `SubscriptionSource`, merged (`Subscriptions.none` when none asks).
    public var subscriptions: Subscriptions {
        visibleScreenStates.compactMap { ($0 as? SubscriptionSource)?.subscriptions }.reduce(.none) { $0.merging($1) }
    }

    /// The states of the screens on view, for `subscriptions` (the board's own state is the
    /// AppState; overlays carry theirs in `mode`).
    var visibleScreenStates: [Any] {
        switch mode {
        case .board, .help, .savedFilters: return []
        case .prompt(let p): return [p]
        case .detail(let d): return [d]
        case .backlog(let b): return [b]
        case .search(let s): return [s]
        case .triage(let t): return [t]
        case .palette(let p): return [p]
        case .filter(let f): return [f]
        }
    }
}
