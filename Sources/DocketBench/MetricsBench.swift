import DocketCore
import DocketUI
import Foundation

/// `DocketBench --metrics N`: a generated board of `N` items with a year of history
/// (`GeneratedHistoryBoard`: about nine activity entries per item), then the time of
/// `docket metrics` (load the file; flow history, report, text and JSON), cumulative flow over
/// the year, and a 10,000-run forecast. Seeded, so every run measures the same board.
/// `--split` times the history and the report apart; `--profile` only computes the metrics ten
/// times (for `perf record`).
func metricsBenchmark(items count: Int, dir: URL) throws {
    let now = GeneratedHistoryBoard.now
    let board = GeneratedHistoryBoard.make(count: count)
    let url = dir.appendingPathComponent("metrics-\(count).json")
    try BoardStore.save(board, to: url)
    let calendar = LocalCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
    var loaded: Board?
    let load = try measure(runs: 3) { loaded = try BoardStore.load(url).board }
    if CommandLine.arguments.contains("--profile") {
        // Only the computation, ten times over (for `perf record`).
        for _ in 0..<10 { _ = FlowMetrics(loaded!, now: now, windowDays: 84, calendar: calendar) }
        return
    }
    var metrics: FlowMetrics?
    let compute = measure(runs: 5) { metrics = FlowMetrics(loaded!, now: now, windowDays: 84, calendar: calendar) }
    let computeCPU = measureCPU(runs: 5) { metrics = FlowMetrics(loaded!, now: now, windowDays: 84, calendar: calendar) }
    if CommandLine.arguments.contains("--split") {
        var h: FlowHistory?
        let build = measure(runs: 3) { h = FlowHistory.build(loaded!, now: now) }
        let days = DayIndex(calendar: calendar), today = days.day(now)
        let report = measure(runs: 3) { _ = FlowReport.make(loaded!, history: h!, from: today - 83, to: today, days: days) }
        let periods = measure(runs: 3) { _ = h!.periods(.week, from: today - 83, to: today, days: days) }
        let spreads = measure(runs: 3) { _ = h!.stageSpreads(since: days.start(of: today - 83)) }
        // What reading the board's items and log costs by itself (the store's and the log's
        // accessors copy every item and entry they hand out).
        var sum = 0
        let itemsPass = measure(runs: 3) { loaded!.items.forEachItem { sum &+= Int($0.created) } }
        let logPass = measure(runs: 3) { let log = loaded!.activity; for i in 0..<log.count { sum &+= log[i].field == nil ? 0 : 1 } }
        print(String(format: "  history %.0f ms (of which visiting every item %.0f ms, every log entry %.0f ms), report %.0f ms (periods %.0f ms, stage spreads %.0f ms)",
                     build, itemsPass, logPass, report, periods, spreads), sum == 0 ? "" : "")
    }
    // What the metrics screen computes off the key path before its first draw: the same
    // figures, the scatter, cumulative flow and the forecast of the first release.
    let request = MetricsRequest(board: loaded!, now: now, weeks: 12, calendar: calendar, release: 0, seed: 1, token: 1)
    let screen = measure(runs: 5) { _ = MetricsFigures(request) }
    let screenCPU = measureCPU(runs: 5) { _ = MetricsFigures(request) }
    var text = ""
    let output = try measure(runs: 3) {
        text = metrics!.report.text(title: board.name, timeZone: "Europe/Berlin")
        text += String(decoding: try JSONEncoder().encode(metrics!.report), as: UTF8.self)
    }
    var flow: CumulativeFlow?
    let cfd = measure(runs: 3) { flow = metrics!.history.cumulativeFlow(from: metrics!.lastDay - 364, to: metrics!.lastDay, days: metrics!.days) }
    var forecast: WhenForecast?
    let settings = ForecastSettings(weeks: 12, runs: 10_000, seed: 1)
    let runs = try measure(runs: 5) {
        forecast = try Forecast.when(items: 500, history: metrics!.history, today: metrics!.lastDay, settings: settings, days: metrics!.days)
    }
    let release = try measure(runs: 3) {
        _ = try Forecast.release("1.0", board: loaded!, history: metrics!.history, today: metrics!.lastDay, settings: settings, days: metrics!.days)
    }
    print(String(format: "metrics: %d items, %d activity entries; load %.0f ms, history + report %.0f ms (CPU %.0f ms), metrics screen figures %.0f ms (CPU %.0f ms), text + json %.1f ms, "
                 + "cumulative flow (365 days) %.0f ms; forecast of 10,000 runs (500 items, p85 %@) %.0f ms, release forecast %.0f ms; peak %.0f MiB",
                 count, board.activity.count, load, compute, computeCPU, screen, screenCPU, output, cfd, forecast?.p85 ?? "-", runs, release, peakMemoryMiB()))
    precondition(flow?.days.count == 365 && !text.isEmpty)
}
