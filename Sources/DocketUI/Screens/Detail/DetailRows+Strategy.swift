import DocketCore

extension DetailRows {
    /// The goals an item serves and its feedback: the customer-impact line
    /// (`3 notes · 2 customers · impact 5`), then each note (`DATE FROM (importance): TEXT`),
    /// newest first. Read-only rows (`readOnly`).
    static func strategyRows(_ item: Item, board: Board) -> [DetailRow] {
        var rows: [DetailRow] = []
        let goals = board.strategy.goals.filter { board.itemIDs(servingGoal: $0).contains(item.id) }
        if !goals.isEmpty {
            rows.append(DetailRow(kind: .field("goals"), label: "Goals", value: goals.map(\.objective).joined(separator: "; ")))
        }
        let notes = board.feedback(for: item.id)
        guard !notes.isEmpty else { return rows }
        let impact = board.customerImpact(item.id)
        rows.append(DetailRow(kind: .field("feedback"), label: "Feedback",
                              value: "\(impact.notes) note\(impact.notes == 1 ? "" : "s") · \(impact.customers) customer\(impact.customers == 1 ? "" : "s") · impact \(impact.figure)"))
        for n in notes.reversed() {
            rows.append(DetailRow(kind: .field("feedback"), label: "", value: "\(n.date) \(n.from) (\(n.importance.label)): \(n.text)"))
        }
        return rows
    }
}
