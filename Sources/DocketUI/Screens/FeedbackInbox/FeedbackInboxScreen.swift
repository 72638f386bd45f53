import DocketCore

/// The feedback inbox (`I` on the board, palette `feedback-inbox`): the notes linked to no
/// item, one at a time, like triage. `l` (or Enter) links the note to an item found by typing
/// (Enter confirms the match), `n` turns it into a new Inbox item, `s` skips, `u` undoes the
/// last decision, Esc or `q` ends.
public struct FeedbackInboxScreen: Feature {
    public static let id = "feedback-inbox"
    public static let title = "Feedback inbox"

    /// The unlinked notes when the inbox opened, oldest first.
    public var queue: [String]
    public var index = 0
    /// Indexes of the notes decided (linked or turned into items), for `u`.
    public var decisions: [Int] = []
    /// The search for the item to link to, and its current match.
    public var search: LineEditor?
    public var match: String?

    public init(queue: [String]) { self.queue = queue }

    /// The inbox of the board's unlinked notes; nil when there are none.
    public init?(_ state: AppState) {
        let queue = state.board.unlinkedFeedback.map(\.id)
        guard !queue.isEmpty else { return nil }
        self.init(queue: queue)
    }

    public var currentID: String? { queue.indices.contains(index) ? queue[index] : nil }
    public var isFullScreen: Bool { true }

    public var editor: LineEditor? {
        get { search }
        set { if search != nil, let e = newValue { search = e } }
    }

    public mutating func perform(_ action: FeedbackInboxAction, _ state: inout AppState, now: Timestamp) -> Step {
        guard let id = currentID, state.board.strategy.notes.contains(where: { $0.id == id }) else {
            if action == .undo, !decisions.isEmpty { return undo(&state, now: now) }
            if action == .skip, currentID != nil { index += 1; return .stay }
            return .pop
        }
        let user = state.user
        switch action {
        case .link:
            if refuseIfReadOnly(&state) { return .stay }
            search = LineEditor(); match = nil
        case .newItem:
            let fx = commitEdit(&state) { b in try b.itemFromFeedback(id, by: user, at: now).edit }
            if !fx.isEmpty { decided() }
            return Step(fx)
        case .skip: index += 1
        case .undo: return undo(&state, now: now)
        case .end:
            state.status = StatusMessage("feedback inbox: \(decisions.count) decided, \(max(0, queue.count - index)) left")
            return .pop
        }
        return .stay
    }

    /// Enter in the search: links the note to the match.
    public mutating func submit(_ state: inout AppState, now: Timestamp) -> Step {
        guard let id = currentID else { return .stay }
        guard let target = match else {
            state.status = StatusMessage("type to find the item first", isError: true)
            return .stay
        }
        let user = state.user
        let fx = commitEdit(&state) { b in try b.linkFeedback(id, items: [target], by: user, at: now) }
        search = nil; match = nil
        if !fx.isEmpty { decided() }
        return Step(fx)
    }

    public mutating func cancel(_ state: inout AppState) -> Step {
        search = nil; match = nil
        return .stay
    }

    /// Typing finds the item as you type (title, description or id, like `/`).
    public mutating func editorChanged(_ state: inout AppState, now: Timestamp) {
        guard let text = search?.text, !text.isEmpty else { match = nil; return }
        match = state.board.search(text, from: nil, includeStart: true)
    }

    private mutating func decided() { decisions.append(index); index += 1 }

    private mutating func undo(_ state: inout AppState, now: Timestamp) -> Step {
        guard state.readOnly == nil, let edit = state.stepHistory(redo: false, now: now) else {
            state.status = StatusMessage("nothing to undo")
            return .stay
        }
        state.status = StatusMessage("undid: " + edit.summary)
        if let back = decisions.last { decisions.removeLast(); index = back }
        search = nil; match = nil
        return Step([.save])
    }
}

/// The actions of the feedback inbox.
public enum FeedbackInboxAction: String, FeatureAction {
    case link, newItem = "new-item", skip, undo, end

    public var summary: String {
        switch self {
        case .link: return "link the note to an item found by typing (Enter confirms)"
        case .newItem: return "turn the note into a new Inbox item (linked to it)"
        case .skip: return "skip to the next note"
        case .undo: return "undo the last decision"
        case .end: return "end the feedback inbox"
        }
    }

    public var hint: String? {
        switch self {
        case .link: return "link"
        case .newItem: return "new item"
        case .skip: return "skip"
        case .end: return "end"
        case .undo: return "undo"
        }
    }

    public var edits: Bool { self == .link || self == .newItem || self == .undo }
}

extension FeedbackInboxScreen {
    public static let defaultKeys: [(Key, FeedbackInboxAction)] = [
        (.char("l"), .link), (.enter, .link), (.char("n"), .newItem), (.char("s"), .skip), (.char("u"), .undo),
        (.escape, .end), (.char("q"), .end),
    ]
}

extension AppState {
    /// Opens the feedback inbox; says so when no note is unlinked.
    public mutating func startFeedbackInbox() {
        if let s = FeedbackInboxScreen(self) { push(s) }
        else { status = StatusMessage("no unlinked feedback: the inbox is empty") }
    }
}
