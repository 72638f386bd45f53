import Foundation

/// Why a board's items are built: the product vision, the goals (objectives with key
/// results) and the customer feedback notes, plus how the board uses that feedback
/// (`FeedbackSettings`). Kept in the board file's header (`vision`, `goals`, `feedback`,
/// `feedbackSettings`; each written only when set, so a board without them is unchanged).
///
/// Goals and notes hold the ids of the items they link to (many to many: an item may serve
/// several goals and be asked for by several notes); an item that was deleted simply stops
/// matching. `impact` is derived from `notes` (rebuilt whenever they change).
public struct Strategy: Equatable, Sendable {
    /// The product vision: a short paragraph (empty: none).
    public var vision: String = ""
    /// The goals, in the order they were added.
    public var goals: [Goal] = []
    /// The feedback notes, oldest first (by date, then id).
    public var notes: [FeedbackNote] = [] { didSet { impact = CustomerImpact.index(notes) } }
    public var settings = FeedbackSettings()
    /// Item id → its customer-impact figure (see `CustomerImpact`), from `notes`.
    public private(set) var impact: [String: CustomerImpact] = [:]

    public init(vision: String = "", goals: [Goal] = [], notes: [FeedbackNote] = [], settings: FeedbackSettings = FeedbackSettings()) {
        self.vision = vision; self.goals = goals; self.settings = settings
        self.notes = notes
        self.impact = CustomerImpact.index(notes)
    }

    /// True when the board has no vision, goals, notes or feedback settings (nothing is written).
    public var isEmpty: Bool { vision.isEmpty && goals.isEmpty && notes.isEmpty && settings == FeedbackSettings() }

    public static func == (l: Strategy, r: Strategy) -> Bool {
        l.vision == r.vision && l.goals == r.goals && l.notes == r.notes && l.settings == r.settings
    }
}

/// The state of a goal, as OKR check-ins name it.
public enum GoalState: String, CaseIterable, Sendable {
    case onTrack = "on-track", atRisk = "at-risk", offTrack = "off-track", done

    /// Parses `on-track`, `on track`, `ontrack`, `at-risk`, `off-track`, `done` (any case).
    public init?(word: String) {
        let w = word.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        switch w {
        case "on-track", "ontrack": self = .onTrack
        case "at-risk", "atrisk": self = .atRisk
        case "off-track", "offtrack": self = .offTrack
        case "done": self = .done
        default: return nil
        }
    }

    /// `on track`, `at risk`, `off track`, `done`.
    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// A goal: an objective with measurable key results, over a period, owned by someone.
/// `items` are the ids of the items and epics that serve it (an epic's children serve it too).
public struct Goal: Equatable, Sendable {
    /// Random like an item id (`ItemID`), so two machines never make the same one.
    public var id: String
    public var objective: String
    /// Free text: `2027-Q1`, `H1 2027`.
    public var period: String = ""
    /// A person's handle, or empty.
    public var owner: String = ""
    public var state: GoalState = .onTrack
    public var keyResults: [KeyResult] = []
    /// Ids of the linked items and epics, in the order they were linked.
    public var items: [String] = []

    public init(id: String, objective: String, period: String = "", owner: String = "", state: GoalState = .onTrack,
                keyResults: [KeyResult] = [], items: [String] = []) {
        self.id = id; self.objective = objective; self.period = period; self.owner = owner
        self.state = state; self.keyResults = keyResults; self.items = items
    }

    /// The mean progress of its key results (0…1 each), nil when it has none.
    public var progress: Double? {
        keyResults.isEmpty ? nil : keyResults.map(\.progress).reduce(0, +) / Double(keyResults.count)
    }
}

/// A key result: a metric moving from `start` to `target`, now at `current`, in `unit`
/// (`%`, `ms`, `€`, `users`, or empty). The target may be below the start ("reduce p95 from
/// 900 ms to 300 ms"); it is never equal to it (`KeyResult.validated` checks).
public struct KeyResult: Equatable, Sendable {
    public var metric: String
    public var unit: String
    public var start: Double
    public var target: Double
    public var current: Double

    public init(metric: String, unit: String = "", start: Double, target: Double, current: Double? = nil) {
        self.metric = metric; self.unit = unit; self.start = start; self.target = target
        self.current = current ?? start
    }

    /// How far `current` is from `start` towards `target`: (current − start) ÷ (target − start),
    /// clamped to 0…1 (past the target is 1, the wrong way is 0). Works for targets below the
    /// start: 900 → 300 ms at 650 ms is (650 − 900) ÷ (300 − 900) = 0.4167.
    public var progress: Double {
        guard target != start else { return current == target ? 1 : 0 }
        return min(1, max(0, (current - start) / (target - start)))
    }

    /// Throws `DocketError.invalidValue` when the metric is empty or the target equals the start.
    public func validated() throws -> KeyResult {
        guard !metric.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DocketError.invalidValue(field: "key result", value: metric, expected: "a metric name")
        }
        guard target != start else {
            throw DocketError.invalidValue(field: "target", value: MetricValue.text(target, unit),
                                           expected: "a target different from the start (\(MetricValue.text(start, unit)))")
        }
        return self
    }
}

/// How much a customer's note weighs: nice to have (1), important (2), critical (3).
public enum Importance: String, CaseIterable, Sendable {
    case nice, important, critical

    /// 1, 2 or 3.
    public var weight: Int { Importance.allCases.firstIndex(of: self)! + 1 }

    /// Parses `nice`, `nice-to-have`, `important`, `critical` and `1`–`3` (any case); nil otherwise.
    public init?(word: String) {
        switch word.lowercased().trimmingCharacters(in: .whitespaces) {
        case "nice", "nice-to-have", "nice to have", "low", "1": self = .nice
        case "important", "medium", "high", "2": self = .important
        case "critical", "urgent", "3": self = .critical
        default: return nil
        }
    }

    /// `nice to have`, `important`, `critical`.
    public var label: String { self == .nice ? "nice to have" : rawValue }
}

/// A note of customer feedback: what was said (`text`), by whom (`from`: a person, a company,
/// "support", "sales call"), on which day (`date`, `YYYY-MM-DD`), how much it matters, who
/// recorded it (`by`), and the items it asks for (`items`, ids; empty: not yet linked).
public struct FeedbackNote: Equatable, Sendable {
    public var id: String
    public var text: String
    public var from: String
    public var date: String
    public var importance: Importance
    public var by: String
    public var items: [String] = []

    public init(id: String, text: String, from: String, date: String, importance: Importance, by: String, items: [String] = []) {
        self.id = id; self.text = text; self.from = from; self.date = date; self.importance = importance
        self.by = by; self.items = items
    }
}

/// Which score input the customer-impact figure is added to (`docket feedback settings score=…`).
public enum FeedbackScoreInput: String, CaseIterable, Sendable {
    /// RICE reach (people per quarter): reach + impact figure.
    case reach
    /// WSJF user/business value: value + impact figure.
    case value
}

/// How the board uses its feedback: whether cards show each item's notes and customers
/// (`cards`), which score input the impact figure adds to (`score`, nil: none), and when
/// `docket feedback notify` last ran (`notifiedAt`, seconds since epoch; nil: never).
public struct FeedbackSettings: Equatable, Sendable {
    public var cards = false
    public var score: FeedbackScoreInput?
    public var notifiedAt: Timestamp?
    public init(cards: Bool = false, score: FeedbackScoreInput? = nil, notifiedAt: Timestamp? = nil) {
        self.cards = cards; self.score = score; self.notifiedAt = notifiedAt
    }
}
