import DocketCore

/// The flow metrics as chart inputs, for the metrics screen and anything else that draws them:
/// each function turns DocketCore figures into what a chart of this kit takes.
public enum FlowCharts {
    /// Cumulative flow as stacked bands: done stages at the bottom, then the others from the
    /// last stage to the first (the classic picture), with a legend in the same order.
    public static func cumulativeFlowBands(_ cfd: CumulativeFlow, stages: [Stage], style: ChartStyle = .colour)
        -> (bands: [[Double]], legend: [Legend.Entry]) {
        let order = Array(cfd.stages.indices.reversed())
        var bands: [[Double]] = [], legend: [Legend.Entry] = []
        for (k, s) in order.enumerated() {
            bands.append(cfd.counts.map { Double($0[s]) })
            let name = stages.first { $0.id == cfd.stages[s] }?.name ?? cfd.stages[s]
            legend.append(Legend.Entry(swatch: style.bandGlyph(k), label: name, role: ChartStyle.role(ofSeries: k)))
        }
        return (bands, legend)
    }

    /// Cycle times of the items done from day `firstDay` to `lastDay` as a scatter (x: day
    /// number done, y: days), with lines at the 50th, 85th and 95th percentiles; `items` are
    /// the item ids in the order of the plot's points (for a cursor moving across dots, sorted
    /// by day done). Date labels as `DateLabels` gives them for `width` plot columns.
    public static func cycleTimeScatter(_ history: FlowHistory, from firstDay: Int, to lastDay: Int, days: DayIndex,
                                        width: Int = 60) -> (plot: BraillePlot.Plot, items: [String]) {
        let scatter = history.cycleTimeScatter(from: firstDay, to: lastDay, days: days)
        return (cycleTimeScatter(scatter, from: firstDay, to: lastDay, width: width), scatter.dots.map(\.id))
    }

    /// The plot of a scatter `FlowHistory.cycleTimeScatter` computed (points in its dots' order).
    public static func cycleTimeScatter(_ scatter: CycleTimeScatter, from firstDay: Int, to lastDay: Int, width: Int = 60) -> BraillePlot.Plot {
        let points = scatter.dots.map { BraillePlot.Point(x: Double($0.day), y: $0.days) }
        let s = scatter.spread
        let refs = [(50, s.p50), (85, s.p85), (95, s.p95)].compactMap { p, v in
            v.map { BraillePlot.Reference(value: $0, label: "\(p)% \(FlowReport.days($0))") }
        }
        return BraillePlot.Plot(series: [.init(points: points, role: .chartPoint, connect: false)],
                                xRange: Double(firstDay)...Double(max(firstDay, lastDay)),
                                xLabels: dayLabels(firstDay, lastDay, width: width), references: refs)
    }

    /// A release's burn-up as two lines (scope in series 1, done in series 2) over its days,
    /// in items or points.
    public static func burnUpPlot(_ burnUp: BurnUp, points: Bool = false, width: Int = 60) -> BraillePlot.Plot {
        let first = burnUp.days.first.flatMap { DayIndex.number(of: $0.day) } ?? 0
        let scope = burnUp.days.enumerated().map { BraillePlot.Point(x: Double(first + $0), y: points ? $1.scopePoints : Double($1.scopeItems)) }
        let done = burnUp.days.enumerated().map { BraillePlot.Point(x: Double(first + $0), y: points ? $1.donePoints : Double($1.doneItems)) }
        let last = first + max(0, burnUp.days.count - 1)
        return BraillePlot.Plot(series: [.init(points: scope, role: .chartSeries1, connect: true),
                                         .init(points: done, role: .chartSeries2, connect: true)],
                                xRange: Double(first)...Double(max(first, last)), xLabels: dayLabels(first, last, width: width))
    }

    /// Items finished per period as bars labelled with the period's `MM-DD` (every fourth).
    public static func throughputBars(_ periods: [PeriodFigures]) -> [BarChart.Bar] {
        periods.enumerated().map { k, p in BarChart.Bar(Double(p.throughput), label: k % 4 == 0 ? String(p.start.dropFirst(5)) : nil) }
    }

    /// A "when" forecast as a histogram: runs per completion day from the first to the last
    /// day any run ended, markers at the 50/85/95 % dates, the first and last day labelled.
    public static func forecastHistogram(_ f: WhenForecast) -> (counts: [Int], markers: [Histogram.Marker], labels: [(bucket: Int, text: String)]) {
        guard let first = f.distribution.first.flatMap({ DayIndex.number(of: $0.day) }),
              let last = f.distribution.last.flatMap({ DayIndex.number(of: $0.day) }) else { return ([], [], []) }
        var counts = [Int](repeating: 0, count: last - first + 1)
        for d in f.distribution { if let n = DayIndex.number(of: d.day) { counts[n - first] = d.runs } }
        let markers = [(50, f.p50), (85, f.p85), (95, f.p95)].compactMap { p, day in
            day.flatMap(DayIndex.number).map { Histogram.Marker(bucket: $0 - first, label: "\(p)%") }
        }
        return (counts, markers, [(0, String(DayIndex.text(first).dropFirst(5))), (last - first, String(DayIndex.text(last).dropFirst(5)))])
    }

    /// Date labels (`MM-DD`) for a day range over `width` columns, at data x (day numbers).
    static func dayLabels(_ first: Int, _ last: Int, width: Int) -> [BraillePlot.Plot.Labelled] {
        let days = (first...max(first, last)).map(DayIndex.text)
        let span = max(1, days.count - 1)
        return DateLabels.labels(days: days, width: width).map {
            .init(x: Double(first) + Double($0.column) * Double(span) / Double(max(1, width - 1)), text: $0.text)
        }
    }
}
