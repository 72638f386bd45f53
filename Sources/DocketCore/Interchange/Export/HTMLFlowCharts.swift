import Foundation
import Plot

/// The flow metrics of the metrics screen, drawn as inline SVG for the HTML page over the last
/// 12 weeks (days in UTC): the cycle-time scatter with its percentile lines
/// (`HTMLCycleTimeChart`), items finished per week (bars), cumulative flow (stacked areas,
/// done at the bottom) and a burn-up per release (`HTMLBurnUpChart`), with the figures in
/// words. Every figure comes from one `FlowMetrics`. Each chart has a title and description
/// for screen readers; a chart without data is a sentence. No scripts; prints as it shows.
enum HTMLFlowCharts {
    typealias N = Node<HTML.BodyContext>
    static let width = 960.0, height = 220.0, left = 40.0, bottom = 24.0

    static func section(_ board: Board, now: Timestamp) -> N {
        let m = FlowMetrics(board, now: now, windowDays: 84, calendar: .utc)
        let r = m.report
        let words = "Last 12 weeks (\(r.from) – \(r.to)): \(r.finished) finished, \(r.arrivals) arrived, \(r.wip) in progress; "
            + "cycle time 50% \(FlowReport.days(r.cycleTime.p50)), 85% \(FlowReport.days(r.cycleTime.p85)), 95% \(FlowReport.days(r.cycleTime.p95))."
        let h3 = { (title: String) -> N in .element(named: "h3", nodes: [.text(title)]) }
        return .element(named: "div", nodes: [
            .element(named: "p", nodes: [.text(words)]),
            h3("Cycle time"),
            HTMLCycleTimeChart.svg(m.history.cycleTimeScatter(from: m.firstDay, to: m.lastDay, days: m.days), from: m.firstDay, to: m.lastDay),
            h3("Throughput per week"),
            throughput(r.weekly),
            h3("Cumulative flow"),
            cumulativeFlow(m.cumulativeFlow, stages: board.stages),
            h3("Burn-up per release"),
        ] + burnUps(board, m))
    }

    /// A burn-up for each release with items in the window; the others named in a sentence.
    static func burnUps(_ board: Board, _ m: FlowMetrics) -> [N] {
        guard !board.releases.isEmpty else { return [HTMLChartFrame.empty("This board has no releases: there is no burn-up to draw.")] }
        var nodes: [N] = [], idle: [String] = []
        for (k, release) in board.releases.enumerated() {
            let b = m.burnUp(release)
            guard b.days.contains(where: { $0.scopeItems > 0 }) else { idle.append(release.name); continue }
            nodes.append(.element(named: "h4", nodes: [.text(release.name + (release.target.map { " (target \($0))" } ?? ""))]))
            nodes.append(HTMLBurnUpChart.svg(b, id: "burn-up-\(k)"))
        }
        if !idle.isEmpty {
            nodes.append(HTMLChartFrame.empty("No items in these weeks, so no burn-up: \(idle.joined(separator: ", "))."))
        }
        return nodes
    }

    static func throughput(_ weeks: [PeriodFigures]) -> N {
        let top = Double(max(1, weeks.map(\.throughput).max() ?? 0))
        let plot = width - left - 10, h = height - bottom - 10
        let step = plot / Double(max(1, weeks.count))
        let total = weeks.reduce(0) { $0 + $1.throughput }
        guard total > 0 else { return HTMLChartFrame.empty("No item finished in these \(weeks.count) weeks: there is no throughput to draw.") }
        var nodes = frame(id: "throughput", "Items finished per week",
                          desc: "\(total) item\(total == 1 ? "" : "s") finished in \(weeks.count) week\(weeks.count == 1 ? "" : "s"), at most \(Int(top)) in a week.")
        for (i, w) in weeks.enumerated() {
            let bh = Double(w.throughput) / top * h
            let x = left + Double(i) * step
            nodes.append(HTMLTimeline.shape("rect", ["x": HTMLTimeline.fmt(x + 2), "y": HTMLTimeline.fmt(10 + h - bh),
                                                      "width": HTMLTimeline.fmt(max(1, step - 4)), "height": HTMLTimeline.fmt(bh), "fill": "#1565c0"]))
            if i % 2 == 0 { nodes.append(HTMLTimeline.label(String(w.start.dropFirst(5)), x: x + 2, y: height - 6)) }
        }
        nodes.append(HTMLTimeline.label(String(Int(top)), x: 4, y: 20))
        return .element(named: "svg", nodes: nodes)
    }

    static func cumulativeFlow(_ cfd: CumulativeFlow, stages: [Stage]) -> N {
        let n = cfd.days.count
        guard n > 1 else { return HTMLChartFrame.empty("No days to show.") }
        let order = Array(cfd.stages.indices.reversed())
        let totals = (0..<n).map { d in order.reduce(0) { $0 + cfd.counts[d][$1] } }
        guard let most = totals.max(), most > 0 else { return HTMLChartFrame.empty("No open or finished item on these days: there is no flow to draw.") }
        let top = Double(most)
        let plot = width - left - 10, h = height - bottom - 10
        let x = { (d: Int) in left + Double(d) / Double(n - 1) * plot }
        let y = { (v: Int) in 10 + h - Double(v) / top * h }
        let colors = ["#2e7d32", "#1565c0", "#6b5bd2", "#ef6c00", "#00838f", "#ad1457", "#757575"]
        let names = cfd.stages.map { id in stages.first { $0.id == id }?.name ?? id }
        let today = cfd.stages.indices.map { "\(names[$0]) \(cfd.counts[n - 1][$0])" }.joined(separator: ", ")
        var nodes = frame(id: "cumulative-flow", "Items per stage per day",
                          desc: "Items in each stage at the end of each day from \(cfd.days[0]) to \(cfd.days[n - 1]); on the last day: \(today).")
        var below = [Int](repeating: 0, count: n)
        for (k, s) in order.enumerated() {
            let above = (0..<n).map { below[$0] + cfd.counts[$0][s] }
            let upper = (0..<n).map { "\(HTMLTimeline.fmt(x($0))),\(HTMLTimeline.fmt(y(above[$0])))" }
            let lower = (0..<n).reversed().map { "\(HTMLTimeline.fmt(x($0))),\(HTMLTimeline.fmt(y(below[$0])))" }
            let name = names[s]
            nodes.append(.element(named: "polygon", nodes: [HTMLTimeline.attr("points", (upper + lower).joined(separator: " ")),
                                                            HTMLTimeline.attr("fill", colors[k % colors.count]),
                                                            HTMLTimeline.attr("fill-opacity", "0.75"),
                                                            .element(named: "title", nodes: [.text(name)])]))
            // The legend: the band's colour, then its stage.
            nodes.append(HTMLTimeline.shape("rect", ["x": HTMLTimeline.fmt(left + Double(k) * 120), "y": HTMLTimeline.fmt(height - 15),
                                                      "width": "10", "height": "10", "fill": colors[k % colors.count]]))
            nodes.append(HTMLTimeline.label(name, x: left + Double(k) * 120 + 14, y: height - 6))
            below = above
        }
        nodes.append(HTMLTimeline.label(String(Int(top)), x: 4, y: 20))
        return .element(named: "svg", nodes: nodes)
    }

    private static func frame(id: String, _ title: String, desc: String) -> [N] {
        [HTMLTimeline.attr("xmlns", "http://www.w3.org/2000/svg"), HTMLTimeline.attr("width", HTMLTimeline.fmt(width)),
         HTMLTimeline.attr("height", HTMLTimeline.fmt(height)), HTMLTimeline.attr("viewBox", "0 0 \(HTMLTimeline.fmt(width)) \(HTMLTimeline.fmt(height))"),
         HTMLTimeline.attr("role", "img"), HTMLTimeline.attr("aria-labelledby", "\(id)-title \(id)-desc"),
         .element(named: "title", nodes: [HTMLTimeline.attr("id", "\(id)-title"), .text(title)]),
         .element(named: "desc", nodes: [HTMLTimeline.attr("id", "\(id)-desc"), .text(desc)]),
         HTMLTimeline.shape("line", ["x1": HTMLTimeline.fmt(left), "x2": HTMLTimeline.fmt(left), "y1": "10", "y2": HTMLTimeline.fmt(height - bottom), "stroke": "#99a"]),
         HTMLTimeline.shape("line", ["x1": HTMLTimeline.fmt(left), "x2": HTMLTimeline.fmt(width - 10), "y1": HTMLTimeline.fmt(height - bottom),
                                     "y2": HTMLTimeline.fmt(height - bottom), "stroke": "#99a"])]
    }
}
