import Foundation
import Plot

/// A release's burn-up as inline SVG: its scope (items in it at the end of each day) and the
/// items of it done, as two lines over the window; a marker on the scope line on each day
/// items joined or left it (titled with how many), and the target date as a line when it
/// falls in the window. Without scope in the window, a sentence.
enum HTMLBurnUpChart {
    static func svg(_ b: BurnUp, id: String) -> Node<HTML.BodyContext> {
        guard let firstDay = b.days.first.flatMap({ DayIndex.number(of: $0.day) }), b.days.contains(where: { $0.scopeItems > 0 }) else {
            return HTMLChartFrame.empty("\(b.release) had no items in these weeks: there is no burn-up to draw.")
        }
        typealias T = HTMLTimeline
        let lastDay = firstDay + b.days.count - 1
        let f = HTMLChartFrame(xFirst: Double(firstDay), xLast: Double(max(firstDay + 1, lastDay)),
                               top: HTMLChartFrame.niceTop(Double(b.days.map(\.scopeItems).max() ?? 1)))
        let added = b.days.reduce(0) { $0 + $1.added }, removed = b.days.reduce(0) { $0 + $1.removed }
        let end = b.days[b.days.count - 1]
        let desc = "Scope of \(b.release) from \(b.days[0].day) to \(end.day): \(b.days[0].scopeItems) to \(end.scopeItems) items "
            + "(\(added) added, \(removed) removed); \(end.doneItems) done by \(end.day)" + (b.target.map { "; target \($0)." } ?? ".")
        var nodes = f.open(id: id, title: "Burn-up of \(b.release)", desc: desc, xTitle: "Date", yTitle: "Items", wholeNumbers: true)
        if let target = b.target.flatMap(DayIndex.number), target >= firstDay, target <= lastDay {
            nodes.append(T.shape("line", ["x1": T.fmt(f.x(Double(target))), "x2": T.fmt(f.x(Double(target))), "y1": T.fmt(HTMLChartFrame.y0),
                                          "y2": T.fmt(HTMLChartFrame.y1), "stroke": "#c62828", "stroke-dasharray": "2 3", "class": "target"]))
            nodes.append(HTMLChartFrame.text("target", x: f.x(Double(target)) + 3, y: HTMLChartFrame.y0 + 10))
        }
        for (cls, color, value) in [("scope", "#6b5bd2", { (d: BurnUp.Day) in d.scopeItems }), ("done", "#2e7d32", { (d: BurnUp.Day) in d.doneItems })] {
            let points = b.days.enumerated().map { "\(T.fmt(f.x(Double(firstDay + $0)))),\(T.fmt(f.y(Double(value($1)))))" }
            nodes.append(.element(named: "polyline", nodes: [T.attr("class", cls), T.attr("points", points.joined(separator: " ")),
                                                             T.attr("fill", "none"), T.attr("stroke", color), T.attr("stroke-width", "2"),
                                                             .element(named: "title", nodes: [.text(cls == "scope" ? "Scope (items in \(b.release))" : "Done")])]))
        }
        for (k, d) in b.days.enumerated() where d.added > 0 || d.removed > 0 {
            var what: [String] = []
            if d.added > 0 { what.append("\(d.added) added") }
            if d.removed > 0 { what.append("\(d.removed) removed") }
            nodes.append(.element(named: "circle", nodes: [T.attr("class", "scope-change"), T.attr("cx", T.fmt(f.x(Double(firstDay + k)))),
                                                           T.attr("cy", T.fmt(f.y(Double(d.scopeItems)))), T.attr("r", "3.5"),
                                                           T.attr("fill", "#fff"), T.attr("stroke", "#6b5bd2"),
                                                           .element(named: "title", nodes: [.text("\(d.day): \(what.joined(separator: ", ")); scope \(d.scopeItems)")])]))
        }
        nodes.append(HTMLChartFrame.text("— scope ○ items added or removed", x: HTMLChartFrame.x0 + 8, y: HTMLChartFrame.y0 + 10,
                                         cls: "legend", fill: "#6b5bd2"))
        nodes.append(HTMLChartFrame.text("— done", x: HTMLChartFrame.x0 + 220, y: HTMLChartFrame.y0 + 10, cls: "legend", fill: "#2e7d32"))
        return .element(named: "svg", nodes: nodes)
    }
}
