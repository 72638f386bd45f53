import Foundation

/// A Markdown page for stakeholders who never open the board: the stages with their items,
/// the releases with done and planned points against capacity and money against budget (see
/// `ReleasePlan`; over capacity or over budget in bold), the blocked items with their reasons, and what changed in the last period
/// from the activity log, grouped by day (newest day first, entries in time order; times UTC).
public enum ReportExport {
    /// The report of `items` (open items, in board order) as of `now`, with the activity of
    /// the `since` period before it. Ends in a line break.
    /// Money is formatted for `locale` in the board's currency.
    public static func render(_ board: Board, items: [Item], now: Timestamp, since: ExportPeriod,
                              locale: Locale = Locale(identifier: "en_US_POSIX")) -> String {
        var out: [String] = []
        out.append("# \(text(board.name)) — report")
        out.append("")
        let start = now - since.seconds
        out.append("\(ISODate.formatDay(now)) · \(items.count) item\(items.count == 1 ? "" : "s") · changes in the last \(since) (since \(ISODate.format(start)))")
        if !board.strategy.vision.isEmpty { out += ["", "> " + text(board.strategy.vision)] }
        out += stagesSection(board, items)
        out += GoalsOutput.markdown(board, money: MoneyFormat(currency: board.planning.currency, locale: locale))
        out += releasesSection(board, money: MoneyFormat(currency: board.planning.currency, locale: locale))
        out += blockedSection(items)
        out += StandupSection.lines(board, now: now)
        out += ReportMetrics.section(board, now: now)
        out += activitySection(board, from: start, to: now, since: since)
        return out.joined(separator: "\n") + "\n"
    }

    static func stagesSection(_ board: Board, _ items: [Item]) -> [String] {
        var out = ["", "## Stages"]
        let byStage = Dictionary(grouping: items, by: \.stage)
        for stage in board.stages {
            let list = byStage[stage.id] ?? []
            let points = list.reduce(0) { $0 + ($1.points ?? 0) }
            out.append("")
            out.append("### \(text(stage.name)) (\(list.count) item\(list.count == 1 ? "" : "s"), \(points.pointsText) points)")
            if !list.isEmpty { out.append("") }
            for item in list { out.append("- " + itemLine(item)) }
        }
        return out
    }

    /// The releases with the numbers of `ReleasePlan` (the same as the backlog list and
    /// `release list`, whatever items the report lists): done/planned points against capacity,
    /// and with a cost model planned and spent money against the budget.
    static func releasesSection(_ board: Board, money: MoneyFormat) -> [String] {
        guard !board.releases.isEmpty else { return [] }
        let plan = ReleasePlan(board)
        let withCost = plan.costPerPoint != nil
        var out = ["", "## Releases", "",
                   "| Release | State | Target | Items | Done | Planned | Capacity |" + (withCost ? " Planned cost | Spent | Budget |" : "") + " Status |",
                   "| --- | --- | --- | ---: | ---: | ---: | ---: |" + (withCost ? " ---: | ---: | ---: |" : "") + " --- |"]
        for line in plan.lines where line.known {
            let r = line.release
            var status: [String] = []
            if let capacity = r.capacity {
                if let over = line.overCapacityBy { status.append("**over capacity** by \(over.pointsText)") }
                else { status.append(line.plannedPoints == capacity ? "full" : "\((capacity - line.plannedPoints).pointsText) left") }
            } else {
                status.append("no capacity set")
            }
            if let over = line.cost?.overBudgetBy { status.append("**over budget** by \(money.string(over))") }
            if !line.unestimated.isEmpty { status.append(PlanWarnings.unestimated(line.unestimated.count)) }
            var row = "| \(cell(r.name)) | \(r.state.rawValue) | \(r.target ?? "—") | \(line.items.count) | \(line.donePoints.pointsText) | \(line.plannedPoints.pointsText) | \(r.capacity?.pointsText ?? "—") |"
            if let cost = line.cost {
                row += " \(money.string(cost.planned)) | \(money.string(cost.spent)) | \(cost.budget.map(money.string) ?? "—") |"
            }
            out.append(row + " \(status.joined(separator: ", ")) |")
        }
        return out
    }

    static func blockedSection(_ items: [Item]) -> [String] {
        var out = ["", "## Blocked", ""]
        let blocked = items.filter(\.blocked)
        if blocked.isEmpty { out.append("Nothing is blocked.") }
        for item in blocked {
            let reason = item.blockedReason.isEmpty ? "no reason given" : text(item.blockedReason)
            out.append("- \(text(item.title)) (`\(item.id)`): \(reason)")
        }
        return out
    }

    static func activitySection(_ board: Board, from start: Timestamp, to now: Timestamp, since: ExportPeriod) -> [String] {
        var out = ["", "## Changes in the last \(since)"]
        let recent = board.activity.filter { $0.at >= start && $0.at <= now }.sorted { $0.at < $1.at }
        if recent.isEmpty { out += ["", "No changes."]; return out }
        let days = Dictionary(grouping: recent) { ISODate.formatDay($0.at) }
        let names = ItemListJSON.stageNames(board)
        for day in days.keys.sorted(by: >) {
            out += ["", "### \(day)", ""]
            for entry in days[day]! {
                let time = ISODate.format(entry.at).dropFirst(11).prefix(5)
                out.append("- \(time) \(text(entry.by)): \(describe(entry, board: board, stageNames: names))")
            }
        }
        return out
    }

    /// One activity entry in words: the action, the item's title, and what changed.
    static func describe(_ entry: Activity, board: Board, stageNames: [String: String]) -> String {
        var s = entry.action
        if let id = entry.item {
            let title = board.items[id].map { text($0.title) } ?? "(deleted)"
            s += " \(title) (`\(id)`)"
        }
        let show: (String?) -> String = { value in
            guard let value else { return "—" }
            return text(entry.field == "stage" ? stageNames[value] ?? value : value)
        }
        if let field = entry.field {
            s += ": \(field) \(show(entry.from)) → \(show(entry.to))"
        } else if entry.action != "create", entry.from != nil || entry.to != nil {
            s += ": \(show(entry.from)) → \(show(entry.to))"
        }
        return s
    }

    /// One item as a list line: title, id, priority, points, assignees, release, blocked.
    static func itemLine(_ item: Item) -> String {
        var parts = ["\(text(item.title)) (`\(item.id)`)"]
        if let p = item.priority { parts.append(p.rawValue) }
        if let p = item.points { parts.append("\(p.pointsText) pt") }
        if !item.assignees.isEmpty { parts.append(item.assignees.map { "@" + text($0) }.joined(separator: " ")) }
        if let r = item.release { parts.append("release \(text(r))") }
        if item.blocked { parts.append("**blocked**") }
        return parts.joined(separator: " · ")
    }

    /// Board text on one line, with `<` written as `&lt;` (no raw HTML in the page).
    static func text(_ s: String) -> String {
        MarkdownExport.oneLine(s).replacingOccurrences(of: "<", with: "&lt;")
    }

    /// Text for a table cell: also `|` escaped.
    static func cell(_ s: String) -> String { text(s).replacingOccurrences(of: "|", with: "\\|") }
}
