/// The fields of the query language, by the names people type (`label:bug`).
enum QueryField: String, CaseIterable, Sendable {
    case label, assignee, priority, points, stage, release, type, `is`, due, votes, requester, id, sprint
    case updated, created, moved, age
    case goal, has, feedback, customers

    /// Also accepted: plural forms.
    init?(name: String) {
        switch name.lowercased() {
        case "labels": self = .label
        case "assignees": self = .assignee
        case "sprints": self = .sprint
        case "goals": self = .goal
        default: self.init(rawValue: name.lowercased())
        }
    }

    /// Whether `>`, `>=`, `<`, `<=`, `=` work with it.
    var compares: Bool { [.points, .votes, .due, .updated, .created, .moved, .age, .feedback, .customers].contains(self) }

    static let allNames = allCases.map(\.rawValue).joined(separator: ", ")
}

/// A comparison in `points:>3`, `votes:<=5`, `due:<2026-12-31`; no operator means `=`.
enum QueryComparison: String, Equatable, Sendable {
    case equal = "=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    @inline(__always)
    func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .equal: return a == b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }

    /// How it is written in front of a value (nothing for `=`).
    var prefix: String { self == .equal ? "" : rawValue }
}

/// Which moment of an item a time term reads: when it was last changed, created, or moved
/// into the stage it is in now.
enum QueryMoment: String, Equatable, Sendable { case updated, created, moved }

/// The value of a time term: a day in the user's time zone (`2026-12-01`, `today`,
/// `yesterday`) or an age (`2d`, `12h`, `3w`: seconds before the query runs).
enum QueryWhen: Equatable, Sendable {
    case day(String)
    case today
    case yesterday
    case ago(Int64)

    var written: String {
        switch self {
        case .day(let d): return d
        case .today: return "today"
        case .yesterday: return "yesterday"
        case .ago(let s): return s % 604800 == 0 ? "\(s / 604800)w" : s % 86400 == 0 ? "\(s / 86400)d" : "\(s / 3600)h"
        }
    }
}

/// A due date in a query: a calendar day, or the day the query runs.
enum QueryDay: Equatable, Sendable {
    case date(String)
    case today
}

/// One term of a query: a test of one item.
enum QueryTerm: Equatable, Sendable {
    case label(FoldedText)
    case assignee(FoldedText)
    case priority(Priority)
    case points(QueryComparison, Double)
    /// A stage id, name or unique prefix, resolved against the board like `Board.stage(named:)`.
    case stage(FoldedText)
    case release(FoldedText)
    case type(ItemType)
    case blocked
    case archived
    /// Not archived and not in a stage of kind `done`.
    case open
    case due(QueryComparison, QueryDay)
    case votes(QueryComparison, Double)
    /// A substring of the requester.
    case requester(FoldedText)
    /// A prefix of the id.
    case id(FoldedText)
    /// One of the item's sprints, whole (ignoring case).
    case sprint(FoldedText)
    /// A substring of the title, the description or the id.
    case text(FoldedText)
    /// `updated:`, `created:`, `moved:` against a day or an age.
    case time(QueryMoment, QueryComparison, QueryWhen)
    /// `age:>5d`: how long the item has been in its stage, in seconds.
    case age(QueryComparison, Int64)
    /// `is:stale`: in its stage longer than the stage's usual time (the board's 85th
    /// percentile of time in it, or with too little history its SLA).
    case stale
    /// Serves a goal named by an id prefix or a substring of its objective (`Board.itemIDs(servingGoal:)`).
    case goal(FoldedText)
    /// Serves some goal (`has:goal`).
    case hasGoal
    /// Has a feedback note linked (`has:feedback`).
    case hasFeedback
    /// The customer-impact figure (`CustomerImpact.figure`) compared with a number.
    case feedback(QueryComparison, Double)
    /// The number of distinct customers behind the item compared with a number.
    case customers(QueryComparison, Double)
}

/// A parsed query: terms joined by and, or and not. `and` and `or` hold two or more nodes.
indirect enum QueryNode: Equatable, Sendable {
    case and([QueryNode])
    case or([QueryNode])
    case not(QueryNode)
    case term(QueryTerm)
}

/// A filter query, as typed in the board's filter prompt and given to `docket list QUERY`.
///
/// The language: `label:bug`, `@alice` or `assignee:alice`, `priority:must` (or m/s/c/w),
/// `points:>3` (comparisons `>` `>=` `<` `<=` `=`, none means `=`), `stage:ready` (id, name or a
/// unique prefix), `release:v2.1`, `type:bug`, `is:blocked`, `is:archived`, `is:open`,
/// `due:<2026-12-31` (or `due:today`), `votes:>3`, `requester:acme` (a substring), `id:k3v`
/// (a prefix), `sprint:"Sprint 12"` (one of the item's sprints), `goal:exports` (serves a goal
/// whose id starts with or objective contains the value), `has:goal`, `has:feedback`,
/// `feedback:>3` (customer-impact figure), `customers:>2` (distinct customers), free words (a substring of the title, description or id; `"quoted phrases"`).
/// Values may be quoted (`label:"needs design"`; `\"` and `\\` inside quotes). Adjacent terms
/// must all match; `or` between terms means either (and binds tighter than or: `a b or c` is
/// `(a b) or c`); `-` negates the term or group right after it; parentheses group. Field
/// names and values ignore case. The empty query matches every item.
public struct Query: Equatable, Sendable, CustomDebugStringConvertible {
    /// How deep parentheses may nest.
    public static let maxDepth = 64

    /// The text the query was parsed from.
    public let text: String
    /// The parsed query; nil when the text has no terms.
    let root: QueryNode?
    /// Whether the query says `is:archived` anywhere (also under `-` or `or`): `docket list`
    /// hides archived items unless it does.
    public let mentionsArchived: Bool
    /// `root` compiled for matching.
    let program: QueryProgram

    init(text: String, root: QueryNode?) {
        self.text = text
        self.root = root
        self.mentionsArchived = root?.contains { $0 == .archived } ?? false
        self.program = QueryProgram(root)
    }

    /// Queries are equal when they parse to the same terms, however they are written.
    public static func == (l: Query, r: Query) -> Bool { l.root == r.root }

    /// True when the query has no terms (it matches every item).
    public var isEmpty: Bool { root == nil }

    /// The query written out in full: `and` and `or` groups in parentheses, `-` for not,
    /// free words as quoted phrases, values lowercased where matching ignores case. It parses
    /// back to the same query.
    public var debugDescription: String { root.map { $0.written } ?? "" }
}

extension QueryNode {
    /// True when some term satisfies `test`.
    func contains(_ test: (QueryTerm) -> Bool) -> Bool {
        switch self {
        case .and(let nodes), .or(let nodes): return nodes.contains { $0.contains(test) }
        case .not(let node): return node.contains(test)
        case .term(let term): return test(term)
        }
    }

    var written: String {
        switch self {
        case .and(let nodes): return "(" + nodes.map(\.written).joined(separator: " ") + ")"
        case .or(let nodes): return "(" + nodes.map(\.written).joined(separator: " or ") + ")"
        case .not(.not(let node)): return "-(-" + node.written + ")"  // `--x` would parse as x
        case .not(let node): return "-" + node.written
        case .term(let term): return term.written
        }
    }
}

extension QueryTerm {
    var written: String {
        func value(_ s: String) -> String {
            let plain = !s.isEmpty && !s.contains { $0.isWhitespace || $0 == "\"" || $0 == "(" || $0 == ")" || $0 == "\\" }
                && !s.hasPrefix("<") && !s.hasPrefix(">") && !s.hasPrefix("=")
            return plain ? s : quoted(s)
        }
        func quoted(_ s: String) -> String {
            "\"" + s.replacingAll("\\", "\\\\").replacingAll("\"", "\\\"") + "\""
        }
        switch self {
        case .label(let v): return "label:" + value(v.text)
        case .assignee(let v): return "@" + value(v.text)
        case .priority(let p): return "priority:" + p.rawValue
        case .points(let c, let n): return "points:" + c.prefix + n.pointsText
        case .stage(let v): return "stage:" + value(v.text)
        case .release(let v): return "release:" + value(v.text)
        case .type(let t): return "type:" + t.rawValue
        case .blocked: return "is:blocked"
        case .archived: return "is:archived"
        case .open: return "is:open"
        case .due(let c, .date(let d)): return "due:" + c.prefix + d
        case .due(let c, .today): return "due:" + c.prefix + "today"
        case .votes(let c, let n): return "votes:" + c.prefix + n.pointsText
        case .requester(let v): return "requester:" + value(v.text)
        case .id(let v): return "id:" + value(v.text)
        case .sprint(let v): return "sprint:" + value(v.text)
        case .text(let v): return quoted(v.text)
        case .time(let m, let c, let w): return m.rawValue + ":" + c.prefix + w.written
        case .age(let c, let s): return "age:" + c.prefix + QueryWhen.ago(s).written
        case .stale: return "is:stale"
        case .goal(let v): return "goal:" + value(v.text)
        case .hasGoal: return "has:goal"
        case .hasFeedback: return "has:feedback"
        case .feedback(let c, let n): return "feedback:" + c.prefix + n.pointsText
        case .customers(let c, let n): return "customers:" + c.prefix + n.pointsText
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: Character, _ replacement: String) -> String {
        guard contains(target) else { return self }
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
