/// Scatter and line plots in braille cells, with axes, date labels, reference lines
/// (percentiles, a target) and an optional highlighted point (a cursor on a dot).
public enum BraillePlot {
    /// A point in data units (x: a day number or index; y: days, items…).
    public struct Point: Equatable, Sendable {
        public var x: Double, y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    /// A series: dots (`connect` false: a scatter) or a line through them in x order.
    public struct Series: Equatable, Sendable {
        public var points: [Point]
        public var role: StyleRole
        public var connect: Bool
        public init(points: [Point], role: StyleRole, connect: Bool) { self.points = points; self.role = role; self.connect = connect }
    }

    /// A horizontal line at `value` with a label at its right end ("85% 4.2d").
    public struct Reference: Equatable, Sendable {
        public var value: Double
        public var label: String
        public init(value: Double, label: String) { self.value = value; self.label = label }
    }

    /// What to draw: the series, the ranges (y from 0 to the largest value when nil), labels
    /// under the x axis (at data x), reference lines and a highlighted point.
    public struct Plot: Equatable, Sendable {
        public var series: [Series]
        public var xRange: ClosedRange<Double>
        public var yRange: ClosedRange<Double>?
        public var xLabels: [Labelled]
        public var references: [Reference]
        public var highlight: Point?
        public struct Labelled: Equatable, Sendable {
            public var x: Double, text: String
            public init(x: Double, text: String) { self.x = x; self.text = text }
        }
        public init(series: [Series], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>? = nil,
                    xLabels: [Labelled] = [], references: [Reference] = [], highlight: Point? = nil) {
            self.series = series; self.xRange = xRange; self.yRange = yRange; self.xLabels = xLabels
            self.references = references; self.highlight = highlight
        }
    }

    /// Draws `plot` into the rectangle at (`x`, `y`), `width` × `height` cells. With `style`
    /// patterned, the second and third lines are dashed and dotted. No points: the axes and
    /// `empty`.
    public static func draw(_ plot: Plot, style: ChartStyle = .colour, into canvas: inout Canvas,
                            x: Int, y: Int, width: Int, height: Int, empty: String = "no data in this period") {
        let area = ChartArea(x: x, y: y, width: width, height: height)
        let ys = plot.series.flatMap { $0.points.map(\.y) } + plot.references.map(\.value)
        let yRange = plot.yRange ?? 0...max(1, ys.filter(\.isFinite).max() ?? 1)
        var axes = ChartAxes(top: ChartAxes.number(yRange.upperBound), bottom: ChartAxes.number(yRange.lowerBound))
        let inner = axes.plotArea(in: area)
        var grid = BrailleGrid(columns: inner.width, rows: inner.height)
        let span = { (r: ClosedRange<Double>) in r.upperBound > r.lowerBound ? r.upperBound - r.lowerBound : 1 }
        let px = { (v: Double) -> Int in Int(((v - plot.xRange.lowerBound) / span(plot.xRange) * Double(grid.pixelWidth - 1)).rounded()) }
        let py = { (v: Double) -> Int in
            let f = (min(max(v, yRange.lowerBound), yRange.upperBound) - yRange.lowerBound) / span(yRange)
            return Int(((1 - f) * Double(grid.pixelHeight - 1)).rounded())
        }
        axes.labels = plot.xLabels.map { (px($0.x) / 2, $0.text) }
        axes.draw(into: &canvas, area: area)
        guard inner.width > 0, inner.height > 0 else { return }
        let hasPoints = plot.series.contains { !$0.points.isEmpty }
        for ref in plot.references where ref.value.isFinite {
            let row = py(ref.value) / 4
            for col in 0..<inner.width { inner.put("┄", col, row, .chartReference, on: &canvas) }
        }
        guard hasPoints else {
            labelReferences(plot.references, row: { py($0) / 4 }, in: inner, on: &canvas)
            inner.text(empty, 0, inner.height / 2, .dim, on: &canvas)
            return
        }
        var lineIndex = 0
        for s in plot.series {
            let pts = s.points.filter { $0.x.isFinite && $0.y.isFinite }
            if s.connect {
                let skip = style.patterns ? [0, 3, 2][lineIndex % 3] : 0
                let sorted = pts.sorted { $0.x < $1.x }
                for (a, b) in zip(sorted, sorted.dropFirst()) { grid.line(px(a.x), py(a.y), px(b.x), py(b.y), role: s.role, skip: skip) }
                if sorted.count == 1 { grid.set(px(sorted[0].x), py(sorted[0].y), role: s.role) }
                lineIndex += 1
            } else {
                for p in pts { grid.set(px(p.x), py(p.y), role: s.role) }
            }
        }
        grid.draw(into: &canvas, area: inner)
        labelReferences(plot.references, row: { py($0) / 4 }, in: inner, on: &canvas)   // over the dots
        if let h = plot.highlight {
            let col = px(h.x) / 2, row = py(h.y) / 4
            if col >= 0, col < grid.columns, row >= 0, row < grid.rows {
                inner.put(grid.isSet(col, row) ? grid.cell(col, row).0 : "•", col, row, .chartHighlight, on: &canvas)
            }
        }
    }

    /// Writes the reference lines' labels at the right end of their rows; labels that fall on
    /// the same row are joined ("85% 3.0d · 95% 3.0d") so none hides another.
    static func labelReferences(_ refs: [Reference], row: (Double) -> Int, in inner: ChartArea, on canvas: inout Canvas) {
        var byRow: [(row: Int, label: String)] = []
        for ref in refs where ref.value.isFinite {
            let r = row(ref.value)
            if let i = byRow.firstIndex(where: { $0.row == r }) { byRow[i].label += " · " + ref.label } else { byRow.append((r, ref.label)) }
        }
        for (r, label) in byRow { inner.text(label, max(0, inner.width - label.count), r, .chartReference, on: &canvas) }
    }
}
