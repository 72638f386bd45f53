import DocketCore

extension DetailRows {
    /// The goals an item serves and its feedback: the customer-impact line
    /// (`3 notes · 2 customers · impact 5`), then each note (`DATE FROM (importance): TEXT`),
    /// newest first (`StrategyText`). Read-only rows (`readOnly`).
    static func strategyRows(_ item: Item, board: Board) -> [DetailRow] {
        var rows: [DetailRow] = []
        let goals = StrategyText.goals(serving: item.id, board)
        if !goals.isEmpty {
            rows.append(DetailRow(kind: .field("goals"), label: "Goals", value: goals.map(\.objective).joined(separator: "; ")))
        }
        let notes = board.feedback(for: item.id)
        guard !notes.isEmpty else { return rows }
        rows.append(DetailRow(kind: .field("feedback"), label: "Feedback", value: StrategyText.impactLine(board.customerImpact(item.id))))
        rows += notes.reversed().map { DetailRow(kind: .field("feedback"), label: "", value: StrategyText.noteLine($0)) }
        return rows
    }
}
