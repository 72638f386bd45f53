/// The report's flow section: throughput, lead and cycle time, WIP and time in stage (with
/// service levels) of the last 12 weeks, and a Monte Carlo forecast of each release with open
/// items (seed 1, so the same board gives the same page). Days are counted in UTC, like the
/// report's other times. Too little history is said in a sentence, not forecast.
public enum ReportMetrics {
    /// The section's Markdown lines (starting with a blank line).
    public static func section(_ board: Board, now: Timestamp) -> [String] {
        let metrics = FlowMetrics(board, now: now, windowDays: 84, calendar: .utc)
        let r = metrics.report
        var out = ["", "## Flow (\(r.from) to \(r.to), days in UTC)", ""]
        out.append("- Throughput: \(r.finished) item\(r.finished == 1 ? "" : "s"), \(r.finishedPoints.pointsText) points; per week `\(SparklineText.of(r.weekly.map { Double($0.throughput) }))`")
        out.append("- Lead time: \(FlowReport.spreadText(r.leadTime))")
        out.append("- Cycle time: \(FlowReport.spreadText(r.cycleTime))")
        out.append("- Work in progress now: \(r.wip) item\(r.wip == 1 ? "" : "s")")
        out += ["", "| Stage | WIP | 50% | 85% | 95% | Service level |", "| --- | ---: | ---: | ---: | ---: | --- |"]
        for s in r.stages {
            let sl = s.serviceLevel.map(FlowReport.serviceLevelText) ?? "—"
            out.append("| \(ReportExport.cell(s.name)) | \(s.wip) | \(FlowReport.days(s.timeInStage.p50)) | \(FlowReport.days(s.timeInStage.p85)) | \(FlowReport.days(s.timeInStage.p95)) | \(sl) |")
        }
        out += forecasts(board, metrics)
        return out
    }

    static func forecasts(_ board: Board, _ metrics: FlowMetrics) -> [String] {
        let open = Set(metrics.history.flows.filter(\.isOpen).compactMap(\.release))
        let releases = board.releases.filter { open.contains($0.name) }
        guard !releases.isEmpty else { return [] }
        var out = ["", "### Release forecasts", ""]
        let settings = ForecastSettings()
        let samples: [Int]
        do {
            samples = try Forecast.samples(metrics.history, today: metrics.lastDay, settings: settings, days: metrics.days)
        } catch {
            out.append("No forecast: \(error)")
            return out
        }
        out += ["| Release | Target | Items left | 50% | 85% | 95% | Chance by target |", "| --- | --- | ---: | --- | --- | --- | ---: |"]
        for release in releases {
            guard let f = try? Forecast.release(release.name, board: board, history: metrics.history, today: metrics.lastDay,
                                                settings: settings, days: metrics.days) else { continue }
            let chance = f.chanceByTarget.map { ForecastText.percent($0) } ?? "—"
            out.append("| \(ReportExport.cell(release.name)) | \(release.target ?? "—") | \(f.items) | \(f.p50 ?? "later") | \(f.p85 ?? "later") | \(f.p95 ?? "later") | \(chance) |")
        }
        out += ["", ForecastText.source(samples.reduce(0, +), settings, today: DayIndex.text(metrics.lastDay))]
        return out
    }
}
