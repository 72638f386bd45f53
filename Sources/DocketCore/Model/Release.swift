/// A release (milestone): a target date and the capacity, in story points, it must fit.
///
/// `target` is a calendar date written `YYYY-MM-DD` (nil: not planned yet).
public struct Release: Equatable, Codable, Sendable {
    public var name: String
    public var target: String?
    /// Budget in story points; nil when the release has no budget.
    public var capacity: Double?

    public init(name: String, target: String? = nil, capacity: Double? = nil) {
        self.name = name; self.target = target; self.capacity = capacity
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
