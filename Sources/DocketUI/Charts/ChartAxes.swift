/// The axes around a plot: value labels at the left (top and bottom value, right-aligned),
/// a vertical line, a baseline and labels under it (dates, buckets). Charts lay out with
/// `ChartAxes.plotArea` and draw with `ChartAxes.draw`. Below 4 rows or 12 columns there is
/// no room for axes: the plot takes the whole area.
public struct ChartAxes: Equatable, Sendable {
    /// Text at the top and bottom of the value axis ("12", "0").
    public var top: String
    public var bottom: String
    /// Labels under the baseline, by plot column (0 = the plot's first column).
    public var labels: [(column: Int, text: String)]

    public init(top: String, bottom: String, labels: [(column: Int, text: String)] = []) {
        self.top = top; self.bottom = bottom; self.labels = labels
    }

    public static func == (a: ChartAxes, b: ChartAxes) -> Bool {
        a.top == b.top && a.bottom == b.bottom && a.labels.map(\.column) == b.labels.map(\.column) && a.labels.map(\.text) == b.labels.map(\.text)
    }

    /// Whether `area` has room for axes.
    public static func fits(_ area: ChartArea) -> Bool { area.height >= 4 && area.width >= 12 }

    /// The width of the value labels for these texts.
    func gutter() -> Int { max(top.count, bottom.count) + 1 }

    /// The part of `area` the data is drawn in.
    public func plotArea(in area: ChartArea) -> ChartArea {
        guard ChartAxes.fits(area) else { return area }
        let g = gutter()
        return area.inner(dx: g, dy: 0, width: area.width - g, height: area.height - 2)
    }

    /// Draws the axes in `area` (the plot area is left untouched).
    public func draw(into canvas: inout Canvas, area: ChartArea) {
        guard ChartAxes.fits(area) else { return }
        let g = gutter(), plotHeight = area.height - 2
        area.text(String(repeating: " ", count: g - 1 - top.count) + top, 0, 0, .chartLabel, on: &canvas)
        area.text(String(repeating: " ", count: g - 1 - bottom.count) + bottom, 0, plotHeight - 1, .chartLabel, on: &canvas)
        for row in 0..<plotHeight { area.put("│", g - 1, row, .chartAxis, on: &canvas) }
        area.put("└", g - 1, plotHeight, .chartAxis, on: &canvas)
        for col in g..<area.width { area.put("─", col, plotHeight, .chartAxis, on: &canvas) }
        var free = g   // first column a label may start at
        for label in labels.sorted(by: { $0.column < $1.column }) {
            let width = label.text.count
            var start = g + label.column - width / 2
            start = min(max(start, g), area.width - width)
            guard start >= free, start >= 0 else { continue }
            area.put("┬", g + label.column, plotHeight, .chartAxis, on: &canvas)
            area.text(label.text, start, plotHeight + 1, .chartLabel, on: &canvas)
            free = start + width + 1
        }
    }

    /// A number for an axis: whole numbers as they are, others with one decimal.
    public static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        if v == v.rounded(), abs(v) < 1e9 { return String(Int(v)) }
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

/// Labels for a time axis of consecutive days: `MM-DD` texts at evenly spread plot columns
/// (as many as fit with a space between them), the first and last day included when room.
public enum DateLabels {
    /// Labels for `days` (`YYYY-MM-DD`, one per data column, oldest first) over a plot
    /// `width` columns wide.
    public static func labels(days: [String], width: Int) -> [(column: Int, text: String)] {
        guard !days.isEmpty, width > 0 else { return [] }
        let text = { (d: String) in String(d.dropFirst(5)) }    // MM-DD
        let slots = max(1, min(days.count, (width + 1) / 7))
        var out: [(column: Int, text: String)] = []
        for k in 0..<slots {
            let index = slots == 1 ? 0 : k * (days.count - 1) / (slots - 1)
            let column = days.count == 1 ? 0 : index * (width - 1) / (days.count - 1)
            out.append((column, text(days[index])))
        }
        return out
    }
}
