import Foundation
import Plot

/// The roadmap timeline as inline SVG: one row per bar (releases, then epics) from its start
/// to its target on a day axis with month ticks, today as a red line, shipped releases
/// dimmed, late or over-capacity bars in red. Bars without a target are listed without a bar.
enum HTMLTimeline {
    static let width = 960.0, labelWidth = 220.0, rowHeight = 26.0, top = 28.0

    static func svg(_ bars: [Roadmap.Bar], today: String) -> Node<HTML.BodyContext> {
        typealias N = Node<HTML.BodyContext>
        let days = bars.flatMap { [$0.start, $0.target] }.compactMap { $0.flatMap(day) } + [day(today)].compactMap { $0 }
        guard let first = days.min(), let last = days.max(), !bars.isEmpty else {
            return .element(named: "p", nodes: [.attribute(named: "class", value: "empty"), .text("No releases or epics with dates.")])
        }
        let lo = first - 7, hi = max(last + 7, lo + 28)
        let plot = width - labelWidth - 10
        let x = { (d: Int) in labelWidth + Double(d - lo) / Double(hi - lo) * plot }
        let height = top + Double(bars.count) * rowHeight + 10
        var nodes: [N] = [attr("xmlns", "http://www.w3.org/2000/svg"), attr("width", fmt(width)), attr("height", fmt(height)),
                          attr("viewBox", "0 0 \(fmt(width)) \(fmt(height))"), attr("role", "img")]
        nodes.append(.element(named: "title", nodes: [.text("Timeline of releases and epics")]))
        // Month ticks: the first day of each month in range.
        var t = ISODate.parse(ISODate.formatDay(Int64(lo) * 86_400).prefix(8) + "01")!
        while t / 86_400 <= Int64(hi) {
            let d = Int(t / 86_400)
            if d >= lo {
                nodes.append(shape("line", ["x1": fmt(x(d)), "x2": fmt(x(d)), "y1": "18", "y2": fmt(height), "stroke": "#dde2ea"]))
                if x(d) + 50 < width { nodes.append(label(String(ISODate.formatDay(t).prefix(7)), x: x(d) + 2, y: 12)) }
            }
            t = ISODate.parse(nextMonth(ISODate.formatDay(t)))!
        }
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * rowHeight
            nodes.append(label((bar.kind == .epic ? "◆ " : "") + bar.name, x: 4, y: y + 15))
            guard let end = bar.target.flatMap(day) else { continue }
            let start = min(bar.start.flatMap(day) ?? end, end)
            let x0 = x(start), w = max(4, x(end) - x0)
            let color = bar.late || bar.overCapacity ? "#c62828" : bar.kind == .epic ? "#6b5bd2" : "#1565c0"
            let opacity = bar.state == .shipped || bar.state == .cancelled ? "0.35" : "1"
            nodes.append(shape("rect", ["x": fmt(x0), "y": fmt(y + 4), "width": fmt(w), "height": "16", "rx": "3",
                                        "fill": color, "fill-opacity": opacity == "1" ? "0.3" : "0.12"]))
            nodes.append(shape("rect", ["x": fmt(x0), "y": fmt(y + 4), "width": fmt(w * min(1, bar.progress)), "height": "16", "rx": "3",
                                        "fill": color, "fill-opacity": opacity]))
        }
        if let d = day(today) {
            nodes.append(shape("line", ["x1": fmt(x(d)), "x2": fmt(x(d)), "y1": "16", "y2": fmt(height), "stroke": "#c62828", "stroke-width": "2"]))
            nodes.append(label("today", x: x(d) + 3, y: 24))
        }
        return .element(named: "svg", nodes: nodes)
    }

    static func attr(_ name: String, _ value: String) -> Node<HTML.BodyContext> { .attribute(named: name, value: value) }

    static func shape(_ name: String, _ attributes: [String: String]) -> Node<HTML.BodyContext> {
        .element(named: name, nodes: attributes.sorted { $0.key < $1.key }.map { attr($0.key, $0.value) })
    }

    static func label(_ text: String, x: Double, y: Double) -> Node<HTML.BodyContext> {
        .element(named: "text", nodes: [attr("x", fmt(x)), attr("y", fmt(y)), .text(text)])
    }

    /// Days since 1970 of a `YYYY-MM-DD` date.
    private static func day(_ text: String) -> Int? { ISODate.parse(text).map { Int($0 / 86_400) } }

    private static func nextMonth(_ day: String) -> String {
        let y = Int(day.prefix(4))!, m = Int(day.dropFirst(5).prefix(2))!
        return m == 12 ? String(format: "%04d-01-01", y + 1) : String(format: "%04d-%02d-01", y, m + 1)
    }

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }
}
