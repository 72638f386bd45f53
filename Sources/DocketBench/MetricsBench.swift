import DocketCore
import Foundation

/// `DocketBench --metrics N`: a generated board of `N` items with a year of history (about ten
/// activity entries per item: create, moves through the stages, edits), then the time of
/// `docket metrics` (load the file; flow history, report, text and JSON), cumulative flow over
/// the year, and a 10,000-run forecast. Seeded, so every run measures the same board.
func metricsBenchmark(items count: Int, dir: URL) throws {
    let now = metricsNow
    let board = metricsBoard(items: count)
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
    let compute = measure(runs: 3) { metrics = FlowMetrics(loaded!, now: now, windowDays: 84, calendar: calendar) }
    if CommandLine.arguments.contains("--split") {
        var h: FlowHistory?
        let build = measure(runs: 3) { h = FlowHistory.build(loaded!, now: now) }
        let days = DayIndex(calendar: calendar), today = days.day(now)
        let report = measure(runs: 3) { _ = FlowReport.make(loaded!, history: h!, from: today - 83, to: today, days: days) }
        let periods = measure(runs: 3) { _ = h!.periods(.week, from: today - 83, to: today, days: days) }
        let spreads = measure(runs: 3) { _ = h!.stageSpreads(since: days.start(of: today - 83)) }
        print(String(format: "  history %.0f ms, report %.0f ms (periods %.0f ms, stage spreads %.0f ms)", build, report, periods, spreads))
    }
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
    print(String(format: "metrics: %d items, %d activity entries; load %.0f ms, history + report %.0f ms, text + json %.1f ms, "
                 + "cumulative flow (365 days) %.0f ms; forecast of 10,000 runs (500 items, p85 %@) %.0f ms, release forecast %.0f ms; peak %.0f MiB",
                 count, board.activity.count, load, compute, output, cfd, forecast?.p85 ?? "-", runs, release, peakMemoryMiB()))
    precondition(flow?.days.count == 365 && !text.isEmpty)
}

/// The moment the metrics benchmark's board is measured at (2026-11-30 08:00 UTC).
let metricsNow: Timestamp = 1_795_953_600

/// The metrics benchmark's board: `count` items created over a year, each moved through the
/// default stages (80 % chance at each step), with six edits each; seeded.
func metricsBoard(items count: Int) -> Board {
    let day: Timestamp = 86_400, now = metricsNow
    let start = now - 365 * day
    var rng = SeededGenerator(seed: 12)
    let stages = Board.defaultStages()
    let ranks = Rank.spread(count)
    var items: [Item] = [], log: [Activity] = []
    items.reserveCapacity(count); log.reserveCapacity(count * 10)
    for i in 0..<count {
        let id = DemoBoardIDs.id(i)
        let created = start + Timestamp(rng.below(360 * 86_400))
        var t = created, stage = "ready"
        log.append(Activity(at: t, by: "gen", item: id, action: "create", to: "Item \(i)"))
        for next in ["doing", "review", "done"] {
            t += Timestamp(3_600 + rng.below(6 * 86_400))
            guard t < now, rng.below(10) < 8 else { break }
            log.append(Activity(at: t, by: "gen", item: id, action: "move", field: "stage", from: stage, to: next))
            stage = next
        }
        for k in 0..<6 {   // edits: what a year of a real board also holds
            log.append(Activity(at: min(now, created + Timestamp(k) * 3_600), by: "gen", item: id, action: "edit", field: "points", from: nil, to: "3"))
        }
        items.append(Item(id: id, title: "Generated item \(i)", stage: stage, rank: ranks[i], points: 3,
                          release: i % 10 == 0 ? "1.0" : nil, created: created, updated: t))
    }
    log.sort { $0.at < $1.at }
    return Board(name: "Metrics benchmark", stages: stages, releases: [Release(name: "1.0", target: "2027-06-30")],
                 items: items, activity: log)
}

/// Ids for generated boards: 8 characters of `ItemID.alphabet`, distinct for distinct `n`.
enum DemoBoardIDs {
    static func id(_ n: Int) -> String {
        var x = UInt64(n) &* 0x9E37_79B9 & 0xFF_FFFF_FFFF
        var out = ""
        for _ in 0..<ItemID.length { out.append(ItemID.alphabet[Int(x & 31)]); x >>= 5 }
        return out
    }
}
