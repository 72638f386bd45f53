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

extension AppState {
    /// What the screens on view ask for: the top screen's `Feature.tickInterval` (a screen
    /// that needs time returns one while it is on top and gets `Feature.tick(_:now:)`).
    /// `Subscriptions.none` when nothing asks: the runtime then never wakes on its own.
    public var subscriptions: Subscriptions { Subscriptions(tickEvery: top.tickInterval) }
}
