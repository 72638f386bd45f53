import DocketCore

/// Triage (`t`, `docket triage`): the Inbox one item at a time.
public struct TriageScreen: Feature {
    public static let id = "triage"
    public static let title = "Triage"

    /// The items to triage, fixed when triage began (Inbox stages, not snoozed past today).
    public var queue: [String]
    /// Index of the item shown in `queue`.
    public var index = 0
    /// How many decisions were taken (accept, decline, duplicate, snooze), for `u`.
    public var decisions: [Int] = []
    /// What is being asked, if anything.
    public var ask: Ask?

    public enum Ask: Equatable, Sendable {
        /// A value for a field (`points`, `release`, `labels`, `assignees`, `snoozedUntil`, or
        /// `declined` for the reason).
        case value(field: String, editor: LineEditor)
        /// Which stage to accept into (index into the board's non-inbox stages).
        case stage(choice: Int)
        /// The item this one duplicates, found by searching.
        case duplicate(editor: LineEditor, match: String?)
    }

    public init(queue: [String]) { self.queue = queue }

    /// Triage of the board's Inbox as of `now`; nil when the Inbox is empty.
    public init?(_ state: AppState, now: Timestamp) {
        let queue = state.board.triageQueue(today: state.calendar.day(of: now))
        guard !queue.isEmpty else { return nil }
        self.init(queue: queue)
    }

    public var currentID: String? { queue.indices.contains(index) ? queue[index] : nil }

    public var isFullScreen: Bool { true }

    public var editor: LineEditor? {
        get {
            switch ask {
            case .value(_, let e)?: return e
            case .duplicate(let e, _)?: return e
            default: return nil
            }
        }
        set {
            guard let e = newValue else { return }
            switch ask {
            case .value(let field, _)?: ask = .value(field: field, editor: e)
            case .duplicate(_, let m)?: ask = .duplicate(editor: e, match: m)
            default: break
            }
        }
    }
}

extension AppState {
    /// Starts triage on the Inbox, as `t` does (for `docket triage`); says so when the Inbox
    /// is empty. `now` is seconds since epoch.
    public mutating func startTriage(now: Timestamp) {
        if let t = TriageScreen(self, now: now) { push(t) }
        else { status = StatusMessage("the Inbox is empty: nothing to triage") }
    }
}

/// The actions of triage. On the item: `1`–`4` set must/should/could/won't, `p` points, `r`
/// release, `l` labels, `a` assignee, Enter accepts into a stage chosen from a list, `x`
/// declines (archived with a reason), `D` marks it a duplicate of an item found by search,
/// `z` snoozes it until a date, `s` skips, `u` undoes the last decision, Esc or `q` ends.
public enum TriageAction: String, FeatureAction {
    case must, should, could, wont, points, release, labels, assignee
    case accept, decline, duplicate, snooze, skip, undo, redo
    case up, down, end

    public var summary: String {
        switch self {
        case .must: return "priority: must"
        case .should: return "priority: should"
        case .could: return "priority: could"
        case .wont: return "priority: won't"
        case .points: return "set the story points"
        case .release: return "set the release"
        case .labels: return "set the labels"
        case .assignee: return "set the assignees"
        case .accept: return "accept into a stage (pick it from a list; Enter again confirms)"
        case .decline: return "decline, with a reason (archived)"
        case .duplicate: return "mark a duplicate of an item found by search (its votes move there)"
        case .snooze: return "snooze until a date"
        case .skip: return "skip to the next item"
        case .undo: return "undo the last decision"
        case .redo: return "redo"
        case .up: return "previous stage in the list"
        case .down: return "next stage in the list"
        case .end: return "close the list, or end triage"
        }
    }

    public var edits: Bool { ![.skip, .up, .down, .end].contains(self) }
}

extension TriageScreen {
    public static let defaultKeys: [(Key, TriageAction)] = [
        (.char("1"), .must), (.char("2"), .should), (.char("3"), .could), (.char("4"), .wont),
        (.char("p"), .points), (.char("r"), .release), (.char("l"), .labels), (.char("a"), .assignee),
        (.enter, .accept), (.char("x"), .decline), (.char("D"), .duplicate), (.char("z"), .snooze),
        (.char("s"), .skip), (.char("u"), .undo), (.ctrl("r"), .redo),
        (.up, .up), (.char("k"), .up), (.down, .down), (.char("j"), .down),
        (.escape, .end), (.char("q"), .end),
    ]
}
