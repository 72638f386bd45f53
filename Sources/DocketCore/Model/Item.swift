/// Seconds since 1970-01-01T00:00:00Z (UTC), as stored in the board file.
public typealias Timestamp = Int64

/// The kind of a backlog item, as Jira and Linear name them.
public enum ItemType: String, CaseIterable, Codable, Sendable {
    case story, bug, chore, spike, epic
}

/// MoSCoW priority (DSDM): must have, should have, could have, won't have (this time).
/// `rawValue` is the word stored in the file; `order` sorts must first.
public enum Priority: String, CaseIterable, Codable, Sendable {
    case must, should, could, wont

    /// 0 for must … 3 for won't.
    public var order: Int { Priority.allCases.firstIndex(of: self)! }

    /// Parses `must`/`m`, `should`/`s`, `could`/`c`, `wont`/`won't`/`w` (any case); nil otherwise.
    public init?(word: String) {
        switch word.lowercased() {
        case "must", "m": self = .must
        case "should", "s": self = .should
        case "could", "c": self = .could
        case "wont", "won't", "w": self = .wont
        default: return nil
        }
    }
}

/// A backlog item: one card on the board.
///
/// `stage` holds a `Stage.id`; `rank` is a fractional index (see `Rank`) and orders items
/// across the whole backlog; `points` are story points; `labels` and `assignees` hold names
/// (`Label.name`, `Person.handle`); `release` holds a `Release.name`.
public struct Item: Equatable, Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var type: ItemType
    public var stage: String
    public var rank: String
    public var priority: Priority?
    /// Story points; nil when not estimated. Never negative.
    public var points: Double?
    public var labels: [String]
    public var assignees: [String]
    public var release: String?
    public var blocked: Bool
    public var blockedReason: String
    public var archived: Bool
    /// When the item was created, seconds since epoch (UTC).
    public var created: Timestamp
    /// When any field last changed, seconds since epoch (UTC).
    public var updated: Timestamp

    public init(id: String, title: String, description: String = "", type: ItemType = .story,
                stage: String, rank: String, priority: Priority? = nil, points: Double? = nil,
                labels: [String] = [], assignees: [String] = [], release: String? = nil,
                blocked: Bool = false, blockedReason: String = "", archived: Bool = false,
                created: Timestamp, updated: Timestamp? = nil) {
        self.id = id; self.title = title; self.description = description; self.type = type
        self.stage = stage; self.rank = rank; self.priority = priority; self.points = points
        self.labels = labels; self.assignees = assignees; self.release = release
        self.blocked = blocked; self.blockedReason = blockedReason; self.archived = archived
        self.created = created; self.updated = updated ?? created
    }
}

extension Double {
    /// Story points as people write them: `3`, `0.5`, `13`.
    public var pointsText: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return String(self)
    }
}
