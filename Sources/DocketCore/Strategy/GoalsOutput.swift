/// `docket goal list`: the vision and the goals as text, Markdown (the report's section) or JSON.
public enum GoalsOutput {
    /// Text: the vision, then per goal `id  objective  [state] period @owner`, its key results
    /// (`KeyResult.line`) and `N items, P points` (and cost). Ends in a line break.
    public static func text(_ board: Board, money: MoneyFormat) -> String {
        var out: [String] = []
        if !board.strategy.vision.isEmpty { out += ["Vision: " + board.strategy.vision, ""] }
        if board.strategy.goals.isEmpty { out.append("no goals: add one with docket goal add OBJECTIVE --kr \"METRIC: START -> TARGET\"") }
        for s in GoalSummary.all(board) {
            let g = s.goal
            var head = "\(g.id)  \(g.objective)  [\(g.state.label)]"
            if !g.period.isEmpty { head += " \(g.period)" }
            if !g.owner.isEmpty { head += " @\(g.owner)" }
            out.append(head)
            for (i, k) in g.keyResults.enumerated() { out.append("  \(i + 1). \(k.line)") }
            out.append("  \(s.itemCount) item\(s.itemCount == 1 ? "" : "s"), \(s.points.pointsTotalText) points" + (s.cost.map { ", \(money.string($0))" } ?? ""))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The report's section: `## Goals` with the vision, then per goal a heading, its state,
    /// period and owner, a table of key results (start, current, target, progress) and the
    /// items serving it. Empty when the board has no vision and no goals.
    public static func markdown(_ board: Board, money: MoneyFormat) -> [String] {
        let st = board.strategy
        guard !st.goals.isEmpty || !st.vision.isEmpty else { return [] }
        var out = ["", "## Goals"]
        for s in GoalSummary.all(board) {
            let g = s.goal
            out += ["", "### \(ReportExport.text(g.objective)) (\(g.state.label))", ""]
            var facts: [String] = []
            if !g.period.isEmpty { facts.append("period \(ReportExport.text(g.period))") }
            if !g.owner.isEmpty { facts.append("owner @\(ReportExport.text(g.owner))") }
            facts.append("\(s.itemCount) item\(s.itemCount == 1 ? "" : "s"), \(s.points.pointsText) points" + (s.cost.map { ", \(money.string($0))" } ?? ""))
            out.append(facts.joined(separator: " · "))
            if !g.keyResults.isEmpty {
                out += ["", "| Key result | Start | Current | Target | Progress |", "| --- | ---: | ---: | ---: | ---: |"]
                for k in g.keyResults {
                    out.append("| \(ReportExport.cell(k.metric)) | \(MetricValue.text(k.start, k.unit)) | \(MetricValue.text(k.current, k.unit)) | \(MetricValue.text(k.target, k.unit)) | \(Int((k.progress * 100).rounded()))% |")
                }
            }
        }
        return out
    }

    /// A JSON object: `vision` and `goals`, each with `id`, `objective`, `period`, `owner`,
    /// `state`, `progress` (0…1, null without key results), `keyResults` (metric, unit, start,
    /// current, target, progress), `items` (linked ids), `serving` (open serving items),
    /// `points` and `cost` (major units, null without a cost model). Ends in a line break.
    public static func json(_ board: Board) -> String {
        var j = JSONText(capacity: 1024)
        j.raw("{\"vision\": "); j.string(board.strategy.vision); j.raw(", \"goals\": [")
        for (i, s) in GoalSummary.all(board).enumerated() {
            let g = s.goal
            j.raw(i == 0 ? "\n  " : ",\n  ")
            var krs = JSONText(capacity: 256)
            krs.raw("[")
            for (n, k) in g.keyResults.enumerated() {
                if n > 0 { krs.raw(", ") }
                krs.object([("metric", .string(k.metric)), ("unit", .string(k.unit)), ("start", .number(k.start)),
                            ("current", .number(k.current)), ("target", .number(k.target)), ("progress", .number(round3(k.progress)))])
            }
            krs.raw("]")
            j.object([("id", .string(g.id)), ("objective", .string(g.objective)), ("period", .string(g.period)),
                      ("owner", .string(g.owner)), ("state", .string(g.state.rawValue)),
                      ("progress", g.progress.map { .number(round3($0)) } ?? .null),
                      ("keyResults", .raw(String(decoding: krs.bytes, as: UTF8.self))), ("items", .strings(g.items)),
                      ("serving", .strings(s.stages.flatMap(\.items))), ("points", .number(s.points)),
                      ("cost", s.cost.map { .number($0.major(exponent: board.planning.exponent)) } ?? .null)])
        }
        j.raw(board.strategy.goals.isEmpty ? "]}\n" : "\n]}\n")
        return String(decoding: j.bytes, as: UTF8.self)
    }

    static func round3(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }
}
