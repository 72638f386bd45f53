/// `docket release list`: the releases with the numbers of `ReleasePlan`, as text or JSON.
public enum ReleaseListOutput {
    /// A JSON array, one object per release in board order: `name`, `start`, `target`,
    /// `state`, `notes`, `capacity`, `items`, `doneItems`, `plannedPoints`, `donePoints`,
    /// `remainingPoints`, `overCapacityBy`, `progress` (0…1), `unestimated` (count) and
    /// `unestimatedItems` (ids), then money in major units of `currency`: `budget`,
    /// `plannedCost`, `spentCost`, `remainingBudget`, `overBudgetBy` (null when not set or
    /// without a cost model). Ends in a line break.
    public static func json(_ board: Board, plan: ReleasePlan) -> String {
        let e = board.planning.exponent
        let money = { (m: Money?) -> JSONText.Value in m.map { .number($0.major(exponent: e)) } ?? .null }
        var j = JSONText(capacity: 512)
        j.raw("[")
        for (i, line) in plan.lines.filter(\.known).enumerated() {
            let r = line.release
            j.raw(i == 0 ? "\n  " : ",\n  ")
            j.object([
                ("name", .string(r.name)), ("start", r.start.map { .string($0) } ?? .null), ("target", r.target.map { .string($0) } ?? .null),
                ("state", .string(r.state.rawValue)), ("notes", .string(r.notes)), ("capacity", r.capacity.map { .number($0) } ?? .null),
                ("items", .int(Int64(line.items.count))), ("doneItems", .int(Int64(line.doneItems.count))),
                ("plannedPoints", .number(line.plannedPoints)), ("donePoints", .number(line.donePoints)),
                ("remainingPoints", .number(line.remainingPoints)), ("overCapacityBy", line.overCapacityBy.map { .number($0) } ?? .null),
                ("progress", .number((line.progress * 1000).rounded() / 1000)),
                ("unestimated", .int(Int64(line.unestimated.count))), ("unestimatedItems", .strings(line.unestimated)),
                ("currency", board.planning.currency.map { .string($0) } ?? .null), ("budget", money(r.budget)),
                ("plannedCost", money(line.cost?.planned)), ("spentCost", money(line.cost?.spent)),
                ("remainingBudget", money(line.cost?.remaining)), ("overBudgetBy", money(line.cost?.overBudgetBy)),
            ])
        }
        j.raw(plan.lines.contains(where: \.known) ? "\n]\n" : "]\n")
        return String(decoding: j.bytes, as: UTF8.self)
    }

    /// One line per release: name, state, dates, done/planned points of capacity, money, and
    /// warnings (over capacity, over budget, unestimated items).
    public static func text(_ board: Board, plan: ReleasePlan, format: MoneyFormat) -> String {
        let lines = plan.lines.filter(\.known)
        if lines.isEmpty { return "no releases (add one with `docket release add NAME`)\n" }
        return lines.map { line(board, $0, format: format) }.joined(separator: "\n") + "\n"
    }

    /// The text of one release line (shared with the report and the HTML page's captions).
    public static func line(_ board: Board, _ line: ReleasePlan.Line, format: MoneyFormat) -> String {
        let r = line.release
        var parts = ["\(r.name) [\(r.state.rawValue)]"]
        if r.start != nil || r.target != nil { parts.append("\(r.start ?? "…") → \(r.target ?? "…")") }
        parts.append("\(line.donePoints.pointsText)/\(line.plannedPoints.pointsText) points done" + (r.capacity.map { ", capacity \($0.pointsText)" } ?? ""))
        if let cost = line.cost {
            parts.append("spent \(format.string(cost.spent)) of \(format.string(cost.planned)) planned" + (cost.budget.map { ", budget \(format.string($0))" } ?? ""))
        } else if let b = r.budget {
            parts.append("budget \(format.string(b))")
        }
        return (parts + PlanWarnings.of(line, format: format)).joined(separator: " · ")
    }
}

/// The warnings of a release line in words: `over capacity by 8 points`, `over budget by
/// €1,700.00`, `3 items unestimated`.
public enum PlanWarnings {
    /// The warnings of `line`, in that order; empty when there is nothing to warn about.
    public static func of(_ line: ReleasePlan.Line, format: MoneyFormat) -> [String] {
        var out: [String] = []
        if let over = line.overCapacityBy { out.append("over capacity by \(over.pointsText) points") }
        if let over = line.cost?.overBudgetBy { out.append("over budget by \(format.string(over))") }
        if !line.unestimated.isEmpty { out.append(unestimated(line.unestimated.count)) }
        return out
    }

    /// `1 item unestimated`, `12 items unestimated`.
    public static func unestimated(_ n: Int) -> String { "\(n) item\(n == 1 ? "" : "s") unestimated" }
}
