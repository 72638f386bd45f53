/// Stacked bands, as cumulative flow is drawn: for each column (a day), the series' values
/// stacked from the bottom (series 0 lowest: put done first), each band filled in its role,
/// and, with `ChartStyle.patterns`, with its own glyph (█ ▓ ▒ ░ ▚ ·) so bands stay apart
/// without colour. Cells are whole: a band shows where it covers the middle of a cell. When
/// there are more days than columns, days are sampled evenly (first and last kept).
public enum StackedBands {
    /// Draws `bands` (`bands[k][d]` = value of series `k` on day `d`; all the same length)
    /// into the rectangle; `days` (`YYYY-MM-DD`, one per day) label the x axis.
    public static func draw(_ bands: [[Double]], days: [String] = [], style: ChartStyle = .colour,
                            into canvas: inout Canvas, x: Int, y: Int, width: Int, height: Int,
                            empty: String = "no data in this period") {
        let area = ChartArea(x: x, y: y, width: width, height: height)
        let n = bands.map(\.count).min() ?? 0
        let totals = (0..<n).map { d in bands.reduce(0.0) { $0 + max(0, $1[d].isFinite ? $1[d] : 0) } }
        let top = totals.max() ?? 0
        var axes = ChartAxes(top: ChartAxes.number(top), bottom: "0")
        let plot = axes.plotArea(in: area)
        let columns = n == 0 ? 0 : plot.width
        axes.labels = DateLabels.labels(days: sampled(days, columns), width: columns)
        axes.draw(into: &canvas, area: area)
        guard top > 0, columns > 0, plot.height > 0 else {
            plot.text(empty, 0, max(0, plot.height / 2), .dim, on: &canvas)
            return
        }
        for col in 0..<columns {
            let d = columns == 1 ? n - 1 : col * (n - 1) / (columns - 1)
            var edges: [Double] = []   // running top of each band, in rows
            var sum = 0.0
            for band in bands { sum += max(0, band[d].isFinite ? band[d] : 0); edges.append(sum / top * Double(plot.height)) }
            for r in 0..<plot.height {
                let middle = Double(r) + 0.5
                guard let k = edges.firstIndex(where: { middle < $0 }) else { break }
                plot.put(style.bandGlyph(k), col, plot.height - 1 - r, ChartStyle.role(ofSeries: k), on: &canvas)
            }
        }
    }

    /// `count` items of `list` taken evenly (first and last kept).
    static func sampled(_ list: [String], _ count: Int) -> [String] {
        guard count > 0, !list.isEmpty else { return [] }
        if list.count <= count { return list }
        return (0..<count).map { list[count == 1 ? list.count - 1 : $0 * (list.count - 1) / (count - 1)] }
    }
}
