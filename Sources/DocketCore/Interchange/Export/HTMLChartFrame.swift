import Foundation
import Plot

/// The frame the flow charts of the HTML page share: an SVG of `width` × `height` with a plot
/// area (`x0`…`x1` across, `y0`…`y1` down), an accessible name and description (`<title>` and
/// `<desc>`, tied to the SVG by `aria-labelledby`), axes with tick labels, axis titles, and
/// the mapping of data values to positions.
struct HTMLChartFrame {
    typealias N = Node<HTML.BodyContext>
    static let width = 960.0, height = 260.0
    static let x0 = 60.0, x1 = width - 16, y0 = 12.0, y1 = height - 46

    /// The data range across (e.g. day numbers) and up (from 0 to `top`).
    var xFirst: Double, xLast: Double, top: Double

    /// Across: `v` in `xFirst…xLast` → `x0…x1`.
    func x(_ v: Double) -> Double { HTMLChartFrame.x0 + (v - xFirst) / max(1e-9, xLast - xFirst) * (HTMLChartFrame.x1 - HTMLChartFrame.x0) }
    /// Up: `v` in `0…top` → `y1…y0`.
    func y(_ v: Double) -> Double { HTMLChartFrame.y1 - v / max(1e-9, top) * (HTMLChartFrame.y1 - HTMLChartFrame.y0) }

    /// The SVG's opening nodes: size, role, title and description (`id` makes their ids
    /// unique on the page), the two axes with 0, half and `top` marked up the side (half only
    /// when whole, for `wholeNumbers`) and a date every `dateStep` days across (x values are
    /// day numbers), and the axis titles.
    func open(id: String, title: String, desc: String, xTitle: String, yTitle: String, dateStep: Int = 14,
              wholeNumbers: Bool = false) -> [N] {
        typealias T = HTMLTimeline
        let w = HTMLChartFrame.width, h = HTMLChartFrame.height
        let (x0, x1, y0, y1) = (HTMLChartFrame.x0, HTMLChartFrame.x1, HTMLChartFrame.y0, HTMLChartFrame.y1)
        var nodes: [N] = [T.attr("xmlns", "http://www.w3.org/2000/svg"), T.attr("width", T.fmt(w)), T.attr("height", T.fmt(h)),
                          T.attr("viewBox", "0 0 \(T.fmt(w)) \(T.fmt(h))"), T.attr("role", "img"),
                          T.attr("aria-labelledby", "\(id)-title \(id)-desc"),
                          .element(named: "title", nodes: [T.attr("id", "\(id)-title"), .text(title)]),
                          .element(named: "desc", nodes: [T.attr("id", "\(id)-desc"), .text(desc)]),
                          T.shape("line", ["x1": T.fmt(x0), "x2": T.fmt(x0), "y1": T.fmt(y0), "y2": T.fmt(y1), "stroke": "#99a"]),
                          T.shape("line", ["x1": T.fmt(x0), "x2": T.fmt(x1), "y1": T.fmt(y1), "y2": T.fmt(y1), "stroke": "#99a"])]
        // Half way up only when it is a whole number or the axis is not one of counts.
        for v in [0, top / 2, top] where v == v.rounded() || !wholeNumbers {
            nodes.append(T.shape("line", ["x1": T.fmt(x0 - 4), "x2": T.fmt(x0), "y1": T.fmt(y(v)), "y2": T.fmt(y(v)), "stroke": "#99a"]))
            nodes.append(HTMLChartFrame.text(HTMLChartFrame.number(v), x: x0 - 6, y: y(v) + 4, anchor: "end"))
        }
        var d = Int(xFirst)
        while Double(d) <= xLast {
            nodes.append(T.shape("line", ["x1": T.fmt(x(Double(d))), "x2": T.fmt(x(Double(d))), "y1": T.fmt(y1), "y2": T.fmt(y1 + 4), "stroke": "#99a"]))
            nodes.append(HTMLChartFrame.text(String(DayIndex.text(d).dropFirst(5)), x: x(Double(d)), y: y1 + 16, anchor: "middle"))
            d += max(1, dateStep)
        }
        nodes.append(HTMLChartFrame.text(xTitle, x: (x0 + x1) / 2, y: h - 8, anchor: "middle", cls: "axis"))
        nodes.append(.element(named: "text", nodes: [T.attr("class", "axis"), T.attr("text-anchor", "middle"),
                                                     T.attr("transform", "translate(14 \(T.fmt((y0 + y1) / 2))) rotate(-90)"), .text(yTitle)]))
        return nodes
    }

    /// A label at (`x`, `y`) anchored `start`, `middle` or `end`.
    static func text(_ s: String, x: Double, y: Double, anchor: String = "start", cls: String? = nil, fill: String? = nil) -> N {
        .element(named: "text", nodes: [HTMLTimeline.attr("x", HTMLTimeline.fmt(x)), HTMLTimeline.attr("y", HTMLTimeline.fmt(y)),
                                        HTMLTimeline.attr("text-anchor", anchor)]
                 + (cls.map { [HTMLTimeline.attr("class", $0)] } ?? []) + (fill.map { [HTMLTimeline.attr("style", "fill: \($0)")] } ?? [])
                 + [.text(s)])
    }

    /// The smallest of 1, 2, 5, 10, 20, 50… at or above `v` (1 for nothing): the top of an axis.
    static func niceTop(_ v: Double) -> Double {
        guard v.isFinite, v > 1 else { return 1 }
        var step = 1.0
        while true {
            for m in [1.0, 2, 5] where m * step >= v { return m * step }
            step *= 10
        }
    }

    /// A number for an axis: whole numbers without decimals, others with one.
    static func number(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }

    /// The sentence shown instead of a chart without data.
    static func empty(_ sentence: String) -> N {
        .element(named: "p", nodes: [HTMLTimeline.attr("class", "empty"), .text(sentence)])
    }
}
