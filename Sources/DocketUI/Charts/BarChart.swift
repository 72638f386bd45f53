/// A vertical bar chart drawn with eighth blocks (▁▂▃▄▅▆▇█), so a bar's height is exact to
/// an eighth of a row: values scale from 0 (the baseline) to the largest value (the top).
/// With axes when the area has room (see `ChartAxes`); when there are more bars than
/// columns, the last ones that fit are drawn.
public enum BarChart {
    /// One bar: its value and an optional label under it.
    public struct Bar: Equatable, Sendable {
        public var value: Double
        public var label: String?
        public init(_ value: Double, label: String? = nil) { self.value = value; self.label = label }
    }

    static let eighths = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Draws `bars` into the rectangle at (`x`, `y`) of `width` × `height` cells, bars in
    /// `role`. An empty list or all zeros draws the axes and `empty` (a sentence) instead.
    public static func draw(_ bars: [Bar], into canvas: inout Canvas, x: Int, y: Int, width: Int, height: Int,
                            role: StyleRole = .chartBar, empty: String = "no data in this period") {
        let area = ChartArea(x: x, y: y, width: width, height: height)
        let top = bars.map(\.value).filter(\.isFinite).max() ?? 0
        var axes = ChartAxes(top: ChartAxes.number(max(0, top)), bottom: "0")
        let plot = axes.plotArea(in: area)
        let (shown, barWidth, step) = layout(count: bars.count, width: plot.width)
        let visible = Array(bars.suffix(shown))
        axes.labels = visible.enumerated().compactMap { k, bar in bar.label.map { (k * step + (barWidth - 1) / 2, $0) } }
        axes.draw(into: &canvas, area: area)
        guard top > 0 else {
            plot.text(empty, 0, max(0, plot.height / 2), .dim, on: &canvas)
            return
        }
        for (k, bar) in visible.enumerated() {
            for dx in 0..<barWidth { column(bar.value, top: top, col: k * step + dx, in: plot, role: role, on: &canvas) }
        }
    }

    /// How many bars show, how wide each is (1 to 3 columns) and the step from one to the next.
    static func layout(count: Int, width: Int) -> (shown: Int, barWidth: Int, step: Int) {
        guard count > 0, width > 0 else { return (0, 1, 1) }
        if count * 2 - 1 > width { return (min(count, width), 1, 1) }
        let barWidth = min(3, max(1, (width + 1) / count - 1))
        return (count, barWidth, barWidth + 1)
    }

    /// Draws one column of a bar `value` high on a scale to `top`, from the bottom of `plot`.
    static func column(_ value: Double, top: Double, col: Int, in plot: ChartArea, role: StyleRole, on canvas: inout Canvas) {
        guard value.isFinite, value > 0, top > 0 else { return }
        let total = Int((value / top * Double(plot.height * 8)).rounded())
        for r in 0..<plot.height {
            let fill = min(8, max(0, total - r * 8))
            if fill == 0 { break }
            plot.put(eighths[fill - 1], col, plot.height - 1 - r, role, on: &canvas)
        }
    }
}

/// A histogram: counts per bucket (such as forecast runs per completion day) as one-column
/// bars in eighth blocks, buckets merged when there are more than columns, with markers
/// (a dotted vertical line and a label at the top: "85%") at chosen buckets.
public enum Histogram {
    /// A marked bucket.
    public struct Marker: Equatable, Sendable {
        public var bucket: Int
        public var label: String
        public init(bucket: Int, label: String) { self.bucket = bucket; self.label = label }
    }

    /// Draws `counts` (bucket 0 first) into the rectangle; `labels` name buckets under the
    /// baseline (bucket index → text).
    public static func draw(_ counts: [Int], markers: [Marker] = [], labels: [(bucket: Int, text: String)] = [],
                            into canvas: inout Canvas, x: Int, y: Int, width: Int, height: Int,
                            role: StyleRole = .chartBar, empty: String = "nothing to show") {
        let area = ChartArea(x: x, y: y, width: width, height: height)
        var axes = ChartAxes(top: "", bottom: "")
        let plot0 = axes.plotArea(in: area)
        let perColumn = max(1, (counts.count + max(1, plot0.width) - 1) / max(1, plot0.width))
        var merged: [Int] = []
        for start in stride(from: 0, to: counts.count, by: perColumn) { merged.append(counts[start..<min(counts.count, start + perColumn)].reduce(0, +)) }
        let top = merged.max() ?? 0
        axes.top = String(top)
        axes.bottom = "0"
        let plot = axes.plotArea(in: area)
        axes.labels = labels.map { ($0.bucket / perColumn, $0.text) }
        axes.draw(into: &canvas, area: area)
        guard top > 0 else {
            plot.text(empty, 0, max(0, plot.height / 2), .dim, on: &canvas)
            return
        }
        for (col, n) in merged.enumerated() {
            BarChart.column(Double(n), top: Double(top), col: col, in: plot, role: role, on: &canvas)
        }
        var free = 0
        for m in markers.sorted(by: { $0.bucket < $1.bucket }) {
            let col = m.bucket / perColumn
            guard col >= 0, col < plot.width else { continue }
            let filled = Int((Double(merged[min(col, merged.count - 1)]) / Double(top) * Double(plot.height)).rounded(.up))
            for row in 1..<max(1, plot.height - filled) { plot.put("┊", col, row, .chartReference, on: &canvas) }
            let start = min(max(col - m.label.count / 2, free), plot.width - m.label.count)
            if start >= free { plot.text(m.label, start, 0, .chartReference, on: &canvas); free = start + m.label.count + 1 }
        }
    }
}
