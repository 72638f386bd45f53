import DocketCore

/// Triage (`t`, `docket triage`): the Inbox one item at a time.
public struct TriageState: Equatable, Sendable {
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

    public var currentID: String? { queue.indices.contains(index) ? queue[index] : nil }
}

extension Board {
    /// The items waiting in Inbox stages, in rank order, leaving out those snoozed past `today`
    /// (`YYYY-MM-DD`).
    public func triageQueue(today: String) -> [String] {
        stages.filter { $0.kind == .inbox }.flatMap { column($0.id) }.filter { id in
            guard let until = items[id]?.snoozedUntil else { return true }
            return until <= today
        }
    }
}
