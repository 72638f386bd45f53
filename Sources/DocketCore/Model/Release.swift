/// Where a release is in its life: planned (not started), active (being built), shipped
/// (delivered) or cancelled. Stored lowercase; a release without a state is planned.
public enum ReleaseState: String, CaseIterable, Codable, Sendable {
    case planned, active, shipped, cancelled

    /// True for shipped and cancelled releases: nothing more is planned into them.
    public var isClosed: Bool { self == .shipped || self == .cancelled }
}

/// A release (milestone): dates, the capacity in story points it must fit and a budget in
/// money. Releases are kept in the board's order (the order they ship in).
///
/// `start` and `target` are calendar dates written `YYYY-MM-DD` (nil: not planned yet);
/// `capacity` is in story points; `budget` is an amount of the board's currency in its minor
/// units (see `Money`); `extra` holds the keys of the release this version does not know, as
/// raw JSON text by key, written back as they were.
public struct Release: Equatable, Codable, Sendable {
    public var name: String
    public var start: String?
    public var target: String?
    /// Capacity in story points; nil when the release has none.
    public var capacity: Double?
    /// Budget in the board currency's minor units; nil when the release has none.
    public var budget: Money?
    public var state: ReleaseState
    /// Free text (empty: none).
    public var notes: String
    public var extra: [String: String]

    public init(name: String, start: String? = nil, target: String? = nil, capacity: Double? = nil,
                budget: Money? = nil, state: ReleaseState = .planned, notes: String = "", extra: [String: String] = [:]) {
        self.name = name; self.start = start; self.target = target; self.capacity = capacity
        self.budget = budget; self.state = state; self.notes = notes; self.extra = extra
    }
}

/// Someone who can be assigned items. `handle` is the short name used on cards (`@alice`).
public struct Person: Equatable, Codable, Sendable {
    public var handle: String
    public var name: String?

    public init(handle: String, name: String? = nil) { self.handle = handle; self.name = name }
}

/// A label: a name, and a colour word as Trello writes them (`red`, `green`…), optional.
public struct Label: Equatable, Codable, Sendable {
    public var name: String
    public var color: String?

    public init(name: String, color: String? = nil) { self.name = name; self.color = color }
}

/// A filter saved in the board under a name, to be picked from a list.
public struct SavedFilter: Equatable, Codable, Sendable {
    public var name: String
    public var query: String
    public init(name: String, query: String) { self.name = name; self.query = query }
}
