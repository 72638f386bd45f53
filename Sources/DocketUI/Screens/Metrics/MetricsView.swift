import DocketCore

/// The metrics screen: tabs, a line of figures, the chart of the tab, a line about the item
/// under the cursor (or a legend), the status line.
extension MetricsScreen {
    public func draw(_ app: AppState, into canvas: inout Canvas) {
        let full = Rect(x: 0, y: 0, width: canvas.width, height: canvas.height)
        canvas.fill(full, role: .normal)
        let rows = Split.rows(full, [.fixed(1), .fixed(1), .fill(1), .fixed(1), .fixed(1)])
        Tabs.draw(Tab.allCases.map(\.title), selected: tab.rawValue, in: rows[0], into: &canvas)
        let chart = Rect(x: 1, y: rows[2].y, width: max(0, rows[2].width - 2), height: rows[2].height)
        guard let figures, let metrics else {
            canvas.text("Computing the figures of the last \(weeks) weeks…", x: 1, y: rows[1].y, role: .dim, maxWidth: full.width - 2)
            StatusLine.draw(app, into: &canvas, y: rows[4].y)
            return
        }
        canvas.text(SafeText.fitLine(summary(metrics) + (stale ? " · updating…" : ""), width: full.width - 2), x: 1, y: rows[1].y, role: .dim)
        let style = app.chartsPatterned ? ChartStyle.patterned : ChartStyle.colour
        var footer = ""
        switch tab {
        case .cycleTime:
            let dots = figures.scatter.dots
            var plot = FlowCharts.cycleTimeScatter(figures.scatter, from: metrics.firstDay, to: metrics.lastDay, width: max(8, chart.width - 8))
            if let points = plot.series.first?.points, points.indices.contains(cursor) { plot.highlight = points[cursor] }
            BraillePlot.draw(plot, style: style, into: &canvas, x: chart.x, y: chart.y, width: chart.width, height: chart.height,
                             empty: Self.noCycleTimes(metrics.report, weeks: weeks))
            if dots.indices.contains(cursor) {
                let dot = dots[cursor]
                footer = "▶ \(cursor + 1) of \(dots.count): \(dot.id) \(app.board.items[dot.id]?.title ?? "") — cycle time \(FlowReport.days(dot.days))"
            }
        case .throughput:
            BarChart.draw(FlowCharts.throughputBars(metrics.report.weekly), into: &canvas, x: chart.x, y: chart.y,
                          width: chart.width, height: chart.height, empty: "nothing finished in the last \(weeks) weeks")
            footer = "items finished per week (arrivals in the same weeks: \(metrics.report.arrivals))"
        case .cumulativeFlow:
            let cfd = figures.cumulativeFlow
            let (bands, legend) = FlowCharts.cumulativeFlowBands(cfd, stages: app.board.stages, style: style)
            StackedBands.draw(bands, days: cfd.days, style: style, into: &canvas, x: chart.x, y: chart.y, width: chart.width, height: chart.height)
            Legend.draw(legend, into: &canvas, x: 1, y: rows[3].y, width: max(0, full.width - 2))
        case .burnUp:
            if app.board.releases.indices.contains(release) {
                let r = app.board.releases[release]
                // Computed with the figures; drawn from them (a frame only lays figures out).
                let burnUp = figures.burnUp.flatMap { $0.release == r.name ? $0 : nil } ?? metrics.burnUp(r)
                let plot = FlowCharts.burnUpPlot(burnUp, width: max(8, chart.width - 8))
                BraillePlot.draw(plot, style: style, into: &canvas, x: chart.x, y: chart.y, width: chart.width, height: chart.height,
                                 empty: "no items in \(r.name) yet")
                Legend.draw([Legend.Entry(label: "scope of \(r.name)", role: .chartSeries1), Legend.Entry(label: "done", role: .chartSeries2)],
                            into: &canvas, x: 1, y: rows[3].y, width: max(0, full.width - 2))
            } else {
                canvas.text("This board has no releases: add one with docket release add.", x: chart.x, y: chart.y + 1, role: .dim, maxWidth: chart.width)
            }
        case .aging:
            drawAging(app, metrics, in: chart, into: &canvas)
            footer = "items in progress, oldest first; past their stage's 85th percentile in the warning style"
        case .forecast:
            drawForecast(app, in: chart, into: &canvas)
        }
        if !footer.isEmpty { canvas.text(SafeText.fitLine(footer, width: full.width - 2), x: 1, y: rows[3].y, role: .dim) }
        StatusLine.draw(app, into: &canvas, y: rows[4].y)
    }

    private func summary(_ metrics: FlowMetrics) -> String {
        let r = metrics.report
        let ct = r.cycleTime
        return "Last \(weeks) weeks (\(r.from) – \(r.to)) · \(r.finished) finished · \(r.arrivals) arrived · WIP \(r.wip)"
            + " · cycle time 50% \(FlowReport.days(ct.p50)) · 85% \(FlowReport.days(ct.p85)) · 95% \(FlowReport.days(ct.p95))"
    }

    private func drawAging(_ app: AppState, _ metrics: FlowMetrics, in area: Rect, into canvas: inout Canvas) {
        let aging = metrics.report.aging
        guard !aging.isEmpty else {
            canvas.text("Nothing is in progress.", x: area.x, y: area.y + 1, role: .dim, maxWidth: area.width); return
        }
        let p85 = Dictionary(metrics.report.stages.map { ($0.id, $0.timeInStage.p85) }, uniquingKeysWith: { a, _ in a })
        let table = Table(columns: [Table.Column(title: "id", extent: .fixed(9)), Table.Column(title: "title", extent: .fill(1)),
                                    Table.Column(title: "stage", extent: .fixed(12)),
                                    Table.Column(title: "in stage", extent: .fixed(9), alignRight: true),
                                    Table.Column(title: "85% of stage", extent: .fixed(12), alignRight: true),
                                    Table.Column(title: "age", extent: .fixed(7), alignRight: true)])
        table.drawHeader(in: Rect(x: area.x, y: area.y, width: area.width, height: 1), role: .columnHeader, into: &canvas)
        let names = Dictionary(app.board.stages.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let list = Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1))
        ListBox.draw(count: aging.count, selected: cursor, in: list, into: &canvas) { i, row, selected, c in
            let a = aging[i]
            let limit = p85[a.stage] ?? nil
            let late = limit.map { a.daysInStage > $0 } ?? false
            let role: StyleRole = selected ? .cardSelected : late ? .ageStale : .help
            table.drawRow([(app.board.shortID(a.id), selected ? role : .cardID), (a.title, role), (names[a.stage] ?? a.stage, role),
                           (FlowReport.days(a.daysInStage), role), (FlowReport.days(limit), selected ? role : .dim), (FlowReport.days(a.ageDays), role)],
                          in: row, into: &c)
        }
    }

    private func drawForecast(_ app: AppState, in area: Rect, into canvas: inout Canvas) {
        guard app.board.releases.indices.contains(release) else {
            let text = "This board has no releases to forecast: docket forecast --items N answers \"when will N more be done\"."
            for (i, line) in Wrap.lines(text, width: area.width, maxLines: 4).enumerated() {
                canvas.text(line, x: area.x, y: area.y + 1 + i, role: .dim)
            }
            return
        }
        let name = app.board.releases[release].name
        switch forecast {
        case .success(let f)?:
            // Every line of `docket forecast` (the chance of the target included) but its last,
            // the Monte Carlo source.
            let text = ForecastText.when(f, release: name).split(separator: "\n").map(String.init).dropLast()
            var y = area.y
            for line in text where y < area.maxY {
                canvas.text(SafeText.fitLine(line, width: area.width), x: area.x, y: y, role: .normal); y += 1
            }
            let h = FlowCharts.forecastHistogram(f)
            Histogram.draw(h.counts, markers: h.markers, labels: h.labels, into: &canvas, x: area.x, y: y + 1,
                           width: area.width, height: max(0, area.maxY - y - 1), empty: "no run finished")
        case .failure(let e)?:
            for (i, line) in Wrap.lines("\(name): \(e)", width: area.width, maxLines: 4).enumerated() {
                canvas.text(line, x: area.x, y: area.y + 1 + i, role: .warning)
            }
        case nil: break
        }
    }

    /// Why the scatter is empty: nothing finished, or only items that never started (which
    /// have a lead time but no cycle time).
    static func noCycleTimes(_ report: FlowReport, weeks: Int) -> String {
        guard report.finishedWithoutStart > 0 else { return "no item finished in the last \(weeks) weeks" }
        let n = report.finishedWithoutStart
        return "no cycle times: the \(n) item\(n == 1 ? "" : "s") finished in the last \(weeks) weeks never started (no doing stage)"
    }
}
