import CSV

/// `docket budget report`: a `BudgetReport` as text, JSON or CSV. Money in JSON and CSV is
/// in major units of the board's currency (a number such as 60000.5); in text, formatted.
public enum BudgetReportOutput {
    public enum Format: String, CaseIterable, Sendable { case text, json, csv }

    /// The report as text (one line per group), JSON (`{"by", "currency", "costPerPoint",
    /// "groups": [...]}`) or CSV (a header row, then one row per group). Throws when the CSV
    /// writer fails.
    public static func render(_ report: BudgetReport, board: Board, format: Format, money: MoneyFormat) throws -> String {
        switch format {
        case .text: return text(report, board: board, money: money)
        case .json: return json(report, board: board)
        case .csv: return try csv(report, board: board)
        }
    }

    static let keys = ["group", "items", "doneItems", "plannedPoints", "donePoints", "unestimated",
                       "plannedCost", "spentCost", "budget", "overBudgetBy"]

    private static func values(_ g: BudgetReport.Group, exponent e: Int) -> [JSONText.Value] {
        let money = { (m: Money?) -> JSONText.Value in m.map { .number($0.major(exponent: e)) } ?? .null }
        return [.string(g.name), .int(Int64(g.items)), .int(Int64(g.doneItems)), .number(g.plannedPoints), .number(g.donePoints),
                .int(Int64(g.unestimated.count)), money(g.plannedCost), money(g.spentCost), money(g.budget), money(g.overBudgetBy)]
    }

    static func text(_ report: BudgetReport, board: Board, money: MoneyFormat) -> String {
        var out = ["Budget by \(report.grouping.rawValue)" + (report.costPerPoint.map { " · \(money.string($0)) per point" } ?? " · no cost model (set one with `docket budget --per-point N`)")]
        for g in report.groups {
            var parts = ["\(g.name): \(g.items) item\(g.items == 1 ? "" : "s"), \(g.donePoints.pointsText)/\(g.plannedPoints.pointsText) points done"]
            if let p = g.plannedCost, let s = g.spentCost { parts.append("\(money.string(s)) spent of \(money.string(p)) planned") }
            if let b = g.budget { parts.append("budget \(money.string(b))") }
            if let o = g.overBudgetBy { parts.append("over budget by \(money.string(o))") }
            if !g.unestimated.isEmpty { parts.append(PlanWarnings.unestimated(g.unestimated.count) + " (" + g.unestimated.joined(separator: ", ") + ")") }
            out.append("  " + parts.joined(separator: " · "))
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func json(_ report: BudgetReport, board: Board) -> String {
        var j = JSONText(capacity: 512)
        j.raw("{\"by\": "); j.string(report.grouping.rawValue)
        j.raw(", \"currency\": "); if let c = board.planning.currency { j.string(c) } else { j.raw("null") }
        j.raw(", \"costPerPoint\": "); j.raw(report.costPerPoint.map { $0.major(exponent: board.planning.exponent).pointsText } ?? "null")
        j.raw(", \"groups\": [")
        for (i, g) in report.groups.enumerated() {
            j.raw(i == 0 ? "\n  " : ",\n  ")
            var fields = Array(zip(keys, values(g, exponent: board.planning.exponent)).map { ($0.0, Optional($0.1)) })
            fields.append(("unestimatedItems", .strings(g.unestimated)))
            j.object(fields)
        }
        j.raw(report.groups.isEmpty ? "]}\n" : "\n]}\n")
        return String(decoding: j.bytes, as: UTF8.self)
    }

    static func csv(_ report: BudgetReport, board: Board) throws -> String {
        try ItemListCSV.rfc4180 { writer in
            try writer.write(row: keys)
            for g in report.groups {
                try writer.write(row: values(g, exponent: board.planning.exponent).map { v -> String in
                    switch v {
                    case .string(let s): return s
                    case .number(let d): return d.pointsText
                    case .int(let n): return String(n)
                    default: return ""
                    }
                })
            }
        }
    }
}
