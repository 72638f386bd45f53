/// An item's goals and feedback as `docket show` and the details pane show them.
public enum StrategyText {
    /// `goals:     OBJECTIVE; …`, `feedback:  N notes · C customers · impact F` and one
    /// `  DATE FROM (importance): TEXT` line per note, newest first; nothing for an item
    /// without goals or notes.
    public static func lines(_ item: Item, _ board: Board) -> [String] {
        var out: [String] = []
        let goals = goals(serving: item.id, board)
        if !goals.isEmpty { out.append("goals:     " + goals.map(\.objective).joined(separator: "; ")) }
        let notes = board.feedback(for: item.id)
        guard !notes.isEmpty else { return out }
        out.append("feedback:  " + impactLine(board.customerImpact(item.id)))
        out += notes.reversed().map { "  " + noteLine($0) }
        return out
    }

    /// The goals the item serves (linked, or through its epic), in board order.
    public static func goals(serving id: String, _ board: Board) -> [Goal] {
        // Item by item (`Board.serves`): the details pane asks this on every frame.
        guard let item = board.items[id] else { return [] }
        return board.strategy.goals.filter { board.serves(item, goal: $0) }
    }

    /// `3 notes · 2 customers · impact 5`.
    public static func impactLine(_ i: CustomerImpact) -> String {
        "\(i.notes) note\(i.notes == 1 ? "" : "s") · \(i.customers) customer\(i.customers == 1 ? "" : "s") · impact \(i.figure)"
    }

    /// `2026-12-01 Acme GmbH (critical): Exports time out`.
    public static func noteLine(_ n: FeedbackNote) -> String { "\(n.date) \(n.from) (\(n.importance.label)): \(n.text)" }
}
