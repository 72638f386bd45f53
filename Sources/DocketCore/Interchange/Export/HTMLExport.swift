import Foundation
import Plot

/// `docket export --format html`: one self-contained page for stakeholders, generated with
/// Plot: the roadmap timeline (inline SVG), the Now / Next / Later lanes, the releases with
/// progress, capacity and budget, and the blocked items. No scripts, fonts, images or links
/// to fetch: it reads the same offline, printed or as a PDF. Text from the board is escaped
/// by Plot. Numbers are those of `ReleasePlan` and `Roadmap`; money in the board's currency
/// formatted for `locale`.
public enum HTMLExport {
    public static func render(_ board: Board, today: String, now: Timestamp, locale: Locale) -> String {
        let plan = ReleasePlan(board)
        let roadmap = Roadmap(board, today: today, plan: plan)
        let money = MoneyFormat(currency: board.planning.currency, locale: locale)
        let title = "\(board.name) — roadmap"
        var intro = "As of \(today)."
        if let c = board.planning.currency { intro += " Money in \(c)." }
        if let p = plan.costPerPoint { intro += " One story point costs \(money.string(p))." }
        let html = HTML(
            .lang(.english),
            .head(.meta(.charset(.utf8)), .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                  .title(title), .style(css)),
            .body(
                .h1(.text(title)),
                .p(.class("intro"), .text(intro)),
                .section(.h2(.text("Timeline")), HTMLTimeline.svg(roadmap.timeline, today: today)),
                .section(.h2(.text("Now, Next, Later")), lanes(roadmap, money: money)),
                .section(.h2(.text("Releases")), releases(board, plan, money: money)),
                .section(.h2(.text("Blocked")), blocked(board)),
                .section(.h2(.text("Flow")), HTMLFlowCharts.section(board, now: now))
            )
        )
        return html.render(indentedBy: .spaces(1)) + "\n"
    }

    typealias BodyNode = Node<HTML.BodyContext>

    static func el(_ name: String, _ cls: String? = nil, _ nodes: [BodyNode]) -> BodyNode {
        .element(named: name, nodes: (cls.map { [.attribute(named: "class", value: $0)] } ?? []) + nodes)
    }

    /// A progress bar as two nested boxes (no script, prints as it shows).
    static func bar(_ fraction: Double, warning: Bool) -> BodyNode {
        let pct = Int((min(1, max(0, fraction)) * 100).rounded())
        return el("div", "bar", [el("div", warning ? "fill warn" : "fill", [.attribute(named: "style", value: "width: \(pct)%")])])
    }

    static func lanes(_ roadmap: Roadmap, money: MoneyFormat) -> BodyNode {
        el("div", "lanes", roadmap.lanes.map { lane, cards in
            el("div", "lane", [el("h3", nil, [.text("\(lane.title) (\(cards.count))")])] + (cards.isEmpty ? [el("p", "empty", [.text("Nothing here.")])] : cards.map { card(
                $0, money: money) }))
        })
    }

    static func card(_ c: Roadmap.Card, money: MoneyFormat) -> BodyNode {
        var nodes: [BodyNode] = [el("div", "title", [.text(c.title)]), el("div", "meta", [.text(meta(c, money: money))])]
        if let e = c.epic { nodes.append(bar(e.progress, warning: false)) }
        return el("div", c.blocked ? "card blocked" : (c.epic != nil ? "card epic" : "card"), nodes)
    }

    static func meta(_ c: Roadmap.Card, money: MoneyFormat) -> String {
        var parts = [c.id]
        if let e = c.epic {
            parts.append("epic · \(e.doneChildren.count)/\(e.children.count) done · \(e.donePoints.pointsText)/\(e.plannedPoints.pointsText) points")
            if let cost = e.plannedCost { parts.append(money.string(cost)) }
            if !e.releases.isEmpty { parts.append("releases \(e.releases.joined(separator: "–"))") }
        } else {
            if let p = c.points { parts.append("\(p.pointsText) pt") }
            if let r = c.release { parts.append("release \(r)") }
        }
        if c.blocked { parts.append("blocked") }
        return parts.joined(separator: " · ")
    }

    static func releases(_ board: Board, _ plan: ReleasePlan, money: MoneyFormat) -> BodyNode {
        let lines = plan.lines.filter(\.known)
        guard !lines.isEmpty else { return el("p", "empty", [.text("No releases.")]) }
        let head = ["Release", "State", "Dates", "Progress", "Points (done / planned / capacity)", "Money (spent / planned / budget)", "Warnings"]
        var rows: [BodyNode] = [el("tr", nil, head.map { el("th", nil, [.text($0)]) })]
        for line in lines {
            let r = line.release
            let warnings = PlanWarnings.of(line, format: money)
            let cost = line.cost.map { "\(money.string($0.spent)) / \(money.string($0.planned)) / \($0.budget.map(money.string) ?? "—")" }
                ?? r.budget.map { "budget \(money.string($0))" } ?? "—"
            let cells: [BodyNode] = [
                el("td", nil, [.text(r.name)]), el("td", nil, [.text(r.state.rawValue)]),
                el("td", nil, [.text("\(r.start ?? "…") → \(r.target ?? "…")")]),
                el("td", nil, [bar(line.progress, warning: !warnings.isEmpty), .text("\(Int((line.progress * 100).rounded()))%")]),
                el("td", nil, [.text("\(line.donePoints.pointsText) / \(line.plannedPoints.pointsText) / \(r.capacity?.pointsText ?? "—")")]),
                el("td", nil, [.text(cost)]),
                el("td", warnings.isEmpty ? nil : "warn", [.text(warnings.isEmpty ? "—" : warnings.joined(separator: "; "))]),
            ]
            rows.append(el("tr", r.state == .shipped ? "shipped" : nil, cells))
        }
        return el("table", "releases", rows)
    }

    static func blocked(_ board: Board) -> BodyNode {
        let items = board.itemsInBoardOrder().filter(\.blocked)
        guard !items.isEmpty else { return el("p", "empty", [.text("Nothing is blocked.")]) }
        return el("ul", "blocked", items.map { item in
            el("li", nil, [el("strong", nil, [.text(item.title)]), .text(" (\(item.id)): " + (item.blockedReason.isEmpty ? "no reason given" : item.blockedReason))])
        })
    }

    static let css = """
    body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d2330; max-width: 1100px; }
    h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccd; }
    .intro, .empty { color: #556; }
    .lanes { display: flex; gap: 1rem; align-items: flex-start; }
    .lane { flex: 1; background: #f3f5f9; border-radius: 6px; padding: .5rem; }
    .card { background: #fff; border: 1px solid #d5dae3; border-radius: 4px; padding: .4rem .5rem; margin: .4rem 0; }
    .card.epic { border-left: 4px solid #6b5bd2; } .card.blocked { border-left: 4px solid #c62828; }
    .meta { color: #556; font-size: .8rem; }
    .bar { background: #e3e7ee; height: .5rem; border-radius: 3px; width: 8rem; display: inline-block; margin-right: .4rem; }
    .fill { background: #2e7d32; height: 100%; border-radius: 3px; } .fill.warn { background: #c62828; }
    table.releases { border-collapse: collapse; width: 100%; font-size: .9rem; }
    th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e3e7ee; vertical-align: top; }
    td.warn { color: #c62828; font-weight: 600; } tr.shipped { color: #889; }
    svg text { font-size: 11px; fill: #1d2330; } svg text.axis { font-weight: 600; fill: #556; }
    h4 { margin: 1rem 0 .2rem; font-size: .95rem; } @media print { .lanes { display: block; } }
    """
}
