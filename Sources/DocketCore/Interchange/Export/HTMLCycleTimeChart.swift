import Foundation
import Plot

/// The cycle-time scatter as inline SVG: a dot per item finished in the window (x: the day it
/// was done, y: its cycle time in days), dashed lines at the 50th, 85th and 95th percentiles,
/// each dot titled with its item and figures. Without finished items, a sentence.
enum HTMLCycleTimeChart {
    static func svg(_ s: CycleTimeScatter, from firstDay: Int, to lastDay: Int) -> Node<HTML.BodyContext> {
        guard !s.dots.isEmpty else {
            return HTMLChartFrame.empty("No item with a cycle time was finished from \(DayIndex.text(firstDay)) to \(DayIndex.text(lastDay)): there is no scatter to draw.")
        }
        typealias T = HTMLTimeline
        let f = HTMLChartFrame(xFirst: Double(firstDay), xLast: Double(max(firstDay + 1, lastDay)),
                               top: HTMLChartFrame.niceTop(s.dots.map(\.days).max() ?? 1))
        let n = s.dots.count
        let desc = "\(n) item\(n == 1 ? "" : "s") finished from \(DayIndex.text(firstDay)) to \(DayIndex.text(lastDay)); "
            + "50% took \(FlowReport.days(s.spread.p50)) or less, 85% \(FlowReport.days(s.spread.p85)), 95% \(FlowReport.days(s.spread.p95)) (d = days of 24 hours)."
        var nodes = f.open(id: "cycle-time", title: "Cycle time of finished items", desc: desc,
                           xTitle: "Date finished", yTitle: "Cycle time (days)")
        for (p, v) in [(50, s.spread.p50), (85, s.spread.p85), (95, s.spread.p95)] {
            guard let v else { continue }
            nodes.append(.element(named: "line", nodes: [T.attr("class", "percentile p\(p)"), T.attr("x1", T.fmt(HTMLChartFrame.x0)),
                                                         T.attr("x2", T.fmt(HTMLChartFrame.x1)), T.attr("y1", T.fmt(f.y(v))), T.attr("y2", T.fmt(f.y(v))),
                                                         T.attr("stroke", "#c62828"), T.attr("stroke-dasharray", "6 4"),
                                                         .element(named: "title", nodes: [.text("\(p)th percentile: \(FlowReport.days(v))")])]))
            // 85 % labelled on the left, 50 and 95 % on the right: neighbours' labels do not overlap.
            let left = p == 85
            nodes.append(HTMLChartFrame.text("\(p)% \(FlowReport.days(v))", x: left ? HTMLChartFrame.x0 + 4 : HTMLChartFrame.x1 - 2,
                                             y: f.y(v) - 3, anchor: left ? "start" : "end", fill: "#c62828"))
        }
        for d in s.dots {
            nodes.append(.element(named: "circle", nodes: [T.attr("class", "dot"), T.attr("cx", T.fmt(f.x(Double(d.day)))), T.attr("cy", T.fmt(f.y(d.days))),
                                                           T.attr("r", "3"), T.attr("fill", "#1565c0"), T.attr("fill-opacity", "0.7"),
                                                           .element(named: "title", nodes: [.text("\(d.id): \(FlowReport.days(d.days)), finished \(DayIndex.text(d.day))")])]))
        }
        return .element(named: "svg", nodes: nodes)
    }
}
