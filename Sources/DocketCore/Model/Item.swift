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
///
/// The fields most items leave empty live in one shared, copy-on-write box (`Item.Rare`), so
/// an item takes about a third of the memory and copies with a third of the reference
/// counting: a board of 100,000 items is copied, sorted and kept in memory that much cheaper.
///
/// The stored fields are declared widest first (strings, then words, then the optional
/// number, then the one-byte ones), so that there is no padding between them: 136 bytes a
/// stride rather than 160.
public struct Item: Equatable, Sendable {
    public var id: String
    public var title: String
    public var stage: String
    public var rank: String
    public var release: String?
    public var labels: [String]
    public var assignees: [String]
    /// When the item was created, seconds since epoch (UTC).
    public var created: Timestamp
    /// When any field last changed, seconds since epoch (UTC).
    public var updated: Timestamp
    /// Everything else (see the type's comment): no box at all for an item without any.
    private var rare: RareRef
    /// Story points; nil when not estimated. Never negative.
    public var points: Double?
    public var type: ItemType
    public var priority: Priority?
    public var blocked: Bool
    public var archived: Bool

    public var description: String {
        get { rare.box?.value.description ?? "" }
        set { changeRare { $0.description = newValue } }
    }
    public var blockedReason: String {
        get { rare.box?.value.blockedReason ?? "" }
        set { changeRare { $0.blockedReason = newValue } }
    }
    /// Acceptance criteria: a checklist.
    public var criteria: [Criterion] {
        get { rare.box?.value.criteria ?? [] }
        set { changeRare { $0.criteria = newValue } }
    }
    /// Links (a URL and a title).
    public var links: [Link] {
        get { rare.box?.value.links ?? [] }
        set { changeRare { $0.links = newValue } }
    }
    /// Who asked for it: a customer or stakeholder (free text).
    public var requester: String? {
        get { rare.box?.value.requester }
        set { changeRare { $0.requester = newValue } }
    }
    /// How many requests it gathered (duplicates folded into it add theirs). Never negative.
    public var votes: Int {
        get { rare.box?.value.votes ?? 0 }
        set { changeRare { $0.votes = newValue } }
    }
    /// Due date, a calendar date `YYYY-MM-DD`.
    public var due: String? {
        get { rare.box?.value.due }
        set { changeRare { $0.due = newValue } }
    }
    /// The id of the epic this item belongs to.
    public var parent: String? {
        get { rare.box?.value.parent }
        set { changeRare { $0.parent = newValue } }
    }
    /// The id of the item this one duplicates (set when triage marks it a duplicate).
    public var duplicateOf: String? {
        get { rare.box?.value.duplicateOf }
        set { changeRare { $0.duplicateOf = newValue } }
    }
    /// Hidden from triage until this calendar date (`YYYY-MM-DD`).
    public var snoozedUntil: String? {
        get { rare.box?.value.snoozedUntil }
        set { changeRare { $0.snoozedUntil = newValue } }
    }
    /// Inputs of the RICE and WSJF scores (see `Scoring`).
    public var scores: ScoreInputs {
        get { rare.box?.value.scores ?? ScoreInputs() }
        set { changeRare { $0.scores = newValue } }
    }
    /// Why it was archived (a declined item's reason, a GitHub `not_planned` close); nil when
    /// none was given.
    public var archivedReason: String? {
        get { rare.box?.value.archivedReason }
        set { changeRare { $0.archivedReason = newValue } }
    }
    /// The name of the source list or stage it was archived with when that stage is not on
    /// the board (a card of an archived Trello list); a restore then puts it in the first stage.
    public var archivedList: String? {
        get { rare.box?.value.archivedList }
        set { changeRare { $0.archivedList = newValue } }
    }
    /// Comments, oldest first (see `Comment`).
    public var comments: [Comment] {
        get { rare.box?.value.comments ?? [] }
        set { changeRare { $0.comments = newValue } }
    }
    /// The sprints it was planned in (Jira `Sprint` columns), names kept whole, in source order.
    public var sprints: [String] {
        get { rare.box?.value.sprints ?? [] }
        set { changeRare { $0.sprints = newValue } }
    }
    /// Keys this version does not know, as raw JSON text by key: kept and written back as
    /// they were, so a newer Docket's or a script's fields survive a save.
    public var extra: [String: String] {
        get { rare.box?.value.extra ?? [:] }
        set { changeRare { $0.extra = newValue } }
    }

    public init(id: String, title: String, description: String = "", type: ItemType = .story,
                stage: String, rank: String, priority: Priority? = nil, points: Double? = nil,
                labels: [String] = [], assignees: [String] = [], release: String? = nil,
                blocked: Bool = false, blockedReason: String = "", archived: Bool = false,
                created: Timestamp, updated: Timestamp? = nil) {
        self.id = id; self.title = title; self.type = type
        self.stage = stage; self.rank = rank; self.priority = priority; self.points = points
        self.labels = labels; self.assignees = assignees; self.release = release
        self.blocked = blocked; self.archived = archived
        self.created = created; self.updated = updated ?? created
        self.rare = RareRef()
        if !description.isEmpty { self.description = description }
        if !blockedReason.isEmpty { self.blockedReason = blockedReason }
    }

    /// The fields most items leave empty.
    struct Rare: Equatable {
        var description = ""
        var blockedReason = ""
        var criteria: [Criterion] = []
        var links: [Link] = []
        var requester: String?
        var votes = 0
        var due: String?
        var parent: String?
        var duplicateOf: String?
        var snoozedUntil: String?
        var scores = ScoreInputs()
        var archivedReason: String?
        var archivedList: String?
        var comments: [Comment] = []
        var sprints: [String] = []
        var extra: [String: String] = [:]
    }

    /// `Rare` behind a reference, copied before a change when shared (copy on write). Never
    /// changed while shared, so it may cross threads with the item.
    final class RareBox: @unchecked Sendable {
        var value: Rare
        init(_ value: Rare) { self.value = value }
    }

    /// The item's `RareBox`, or none while every rare field is empty: an item without rare
    /// fields then holds no reference at all, so making, copying and dropping it retains
    /// nothing there (a box shared by every such item was one counter that every core's copies
    /// contended for). Equal when the values are, box or no box.
    struct RareRef: Equatable, @unchecked Sendable {
        var box: RareBox?
        static func == (a: RareRef, b: RareRef) -> Bool {
            a.box === b.box || (a.box?.value ?? Rare()) == (b.box?.value ?? Rare())
        }
    }

    private mutating func changeRare(_ change: (inout Rare) -> Void) {
        if !isKnownUniquelyReferenced(&rare.box) { rare.box = RareBox(rare.box?.value ?? Rare()) }
        change(&rare.box!.value)
    }
}

/// A comment on an item: who wrote it (`author`, a handle or name), when (`at`, seconds
/// since epoch, UTC) and what (`text`, may hold newlines). Kept in the item's line of the file.
public struct Comment: Equatable, Hashable, Sendable {
    public var author: String
    public var at: Timestamp
    public var text: String
    public init(author: String, at: Timestamp, text: String) { self.author = author; self.at = at; self.text = text }
}

/// One acceptance criterion: its text and whether it is met.
public struct Criterion: Equatable, Sendable {
    public var text: String
    public var done: Bool
    public init(text: String, done: Bool = false) { self.text = text; self.done = done }
}

/// A link from an item: a URL and a title (the URL when it has none).
public struct Link: Equatable, Sendable {
    public var url: String
    public var title: String
    public init(url: String, title: String = "") { self.url = url; self.title = title }
}

/// The inputs of an item's score. RICE (Intercom): `reach` per quarter (people or events),
/// `impact` (0.25, 0.5, 1, 2 or 3), `confidence` in percent, `effort` in person-months.
/// WSJF (SAFe): `value` (user/business value), `criticality` (time criticality), `risk`
/// (risk reduction / opportunity enablement) and `size` (job size), each on the modified
/// Fibonacci scale (1, 2, 3, 5, 8, 13, 20). Nil means not estimated.
public struct ScoreInputs: Equatable, Sendable {
    public var reach: Double?
    public var impact: Double?
    public var confidence: Double?
    public var effort: Double?
    public var value: Double?
    public var criticality: Double?
    public var risk: Double?
    public var size: Double?
    public init() {}
    /// True when no input is set.
    public var isEmpty: Bool { self == ScoreInputs() }

    /// The file and JSON keys of the inputs, in a fixed order, with their values.
    public var fields: [(String, Double?)] {
        [("reach", reach), ("impact", impact), ("confidence", confidence), ("effort", effort),
         ("value", value), ("criticality", criticality), ("risk", risk), ("size", size)]
    }

    /// Sets the input named by a key of `fields`; returns false for an unknown key.
    public mutating func set(_ key: String, _ v: Double?) -> Bool {
        switch key {
        case "reach": reach = v
        case "impact": impact = v
        case "confidence": confidence = v
        case "effort": effort = v
        case "value": value = v
        case "criticality": criticality = v
        case "risk": risk = v
        case "size": size = v
        default: return false
        }
        return true
    }
}

extension Double {
    /// A total of story points as shown: `pointsText` of the sum rounded to two decimals
    /// (0.1 + 0.2 is 0.30000000000000004, and a column's points added up in another order,
    /// as a preview's parts add them, can differ in their last digits).
    public var pointsTotalText: String { ((self * 100).rounded() / 100).pointsText }

    /// Story points as people write them: `3`, `0.5`, `13`.
    public var pointsText: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return String(self)
    }
}
