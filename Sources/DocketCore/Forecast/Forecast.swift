/// How a forecast is made: from the daily throughput of the last `weeks` weeks (the whole days
/// before today), `runs` Monte Carlo runs seeded with `seed`.
public struct ForecastSettings: Equatable, Codable, Sendable {
    public var weeks: Int
    public var runs: Int
    public var seed: UInt64
    /// At least this many items must have been finished in the window.
    public static let minimumFinished = 10

    public init(weeks: Int = 12, runs: Int = 10_000, seed: UInt64 = 1) {
        self.weeks = weeks; self.runs = runs; self.seed = seed
    }

    /// Throws `ForecastError.invalid` naming the option and its range when `weeks` is not
    /// 1…520 or `runs` not 1…1,000,000.
    public func check() throws {
        guard weeks > 0, weeks <= 520 else { throw ForecastError.invalid("--weeks must be between 1 and 520, not \(weeks)") }
        guard runs > 0, runs <= 1_000_000 else { throw ForecastError.invalid("--runs must be between 1 and 1000000, not \(runs)") }
    }
}

/// Why no forecast can be given, in words that say what is missing.
public enum ForecastError: Error, Equatable, CustomStringConvertible, Sendable {
    case tooLittleHistory(finished: Int, weeks: Int)
    case noSuchRelease(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .tooLittleHistory(let n, let weeks):
            let what = n == 0 ? "no item was finished" : "only \(n) item\(n == 1 ? " was" : "s were") finished"
            return "too little history for a forecast: \(what) in the last \(weeks) weeks; it needs at least \(ForecastSettings.minimumFinished) finished items (try a longer --weeks, or finish more items first)"
        case .noSuchRelease(let name): return "no release named '\(name)'"
        case .invalid(let why): return why
        }
    }
}

/// "When will N items be done?": the completion dates at 50, 85 and 95 % confidence (a date by
/// which that share of the runs had finished), and, with a target date, the share of runs done
/// by it. Dates are `YYYY-MM-DD` in the user's time zone; the first simulated day is the day
/// after `today`; a date is nil when that share of runs did not finish within ten years.
public struct WhenForecast: Equatable, Codable, Sendable {
    public var items: Int
    public var today: String
    public var p50: String?
    public var p85: String?
    public var p95: String?
    public var target: String?
    /// Percent of runs done by `target` (nil without a target).
    public var chanceByTarget: Double?
    /// Items finished in the window the samples come from.
    public var finishedInWindow: Int
    public var settings: ForecastSettings
    /// Runs per completion day (day → runs), for a histogram.
    public var distribution: [DayCount]
}

/// A day and how many runs ended on it.
public struct DayCount: Equatable, Codable, Sendable {
    public var day: String
    public var runs: Int
}

/// "How many items by a date?": with 50, 85 and 95 % confidence, at least this many items are
/// done by the end of `until` (counting from the day after `today`).
public struct HowManyForecast: Equatable, Codable, Sendable {
    public var until: String
    public var today: String
    public var days: Int
    public var p50: Int
    public var p85: Int
    public var p95: Int
    public var finishedInWindow: Int
    public var settings: ForecastSettings
}

/// Forecasts from a board's flow history. `today` is a day number of `days` (the user's
/// time zone). Throws `ForecastError`.
public enum Forecast {
    /// Throws `ForecastError.invalid` unless `until` (a day number) is after `today`.
    public static func checkUntil(_ until: Int, today: Int) throws {
        guard until > today else { throw ForecastError.invalid("--until must be after today (\(DayIndex.text(today))), not \(DayIndex.text(until))") }
    }

    /// The daily throughput of the `weeks` × 7 days before `today`. Throws `.tooLittleHistory`
    /// when fewer than `ForecastSettings.minimumFinished` items were finished in them.
    public static func samples(_ history: FlowHistory, today: Int, settings: ForecastSettings, days: DayIndex) throws -> [Int] {
        try settings.check()
        let samples = history.dailyThroughput(from: today - settings.weeks * 7, to: today - 1, days: days)
        let finished = samples.reduce(0, +)
        guard finished >= ForecastSettings.minimumFinished else { throw ForecastError.tooLittleHistory(finished: finished, weeks: settings.weeks) }
        return samples
    }

    /// When `items` more items will be done; `target` (`YYYY-MM-DD`) adds the chance of being
    /// done by it.
    public static func when(items: Int, target: String? = nil, history: FlowHistory, today: Int,
                            settings: ForecastSettings, days: DayIndex) throws -> WhenForecast {
        guard items >= 0 else { throw ForecastError.invalid("--items must be 0 or more, not \(items)") }
        let samples = try self.samples(history, today: today, settings: settings, days: days)
        var rng = SeededGenerator(seed: settings.seed)
        let runs = MonteCarlo.daysToFinish(items, samples: samples, runs: settings.runs, generator: &rng)
        let date = { (p: Double) -> String? in
            Percentile.of(sorted: runs, p).flatMap { $0 > MonteCarlo.maxDays ? nil : DayIndex.text(today + $0) }
        }
        var chance: Double?
        if let target, let t = DayIndex.number(of: target) {
            chance = Double(runs.filter { today + $0 <= t }.count) * 100 / Double(runs.count)
        }
        var counts: [Int: Int] = [:]
        for d in runs where d <= MonteCarlo.maxDays { counts[d, default: 0] += 1 }
        return WhenForecast(items: items, today: DayIndex.text(today), p50: date(50), p85: date(85), p95: date(95),
                            target: target, chanceByTarget: chance, finishedInWindow: samples.reduce(0, +),
                            settings: settings,
                            distribution: counts.keys.sorted().map { DayCount(day: DayIndex.text(today + $0), runs: counts[$0]!) })
    }

    /// How many items will be done from the day after `today` to the end of `until`.
    public static func howMany(until: Int, history: FlowHistory, today: Int, settings: ForecastSettings, days: DayIndex) throws -> HowManyForecast {
        try checkUntil(until, today: today)
        let samples = try self.samples(history, today: today, settings: settings, days: days)
        var rng = SeededGenerator(seed: settings.seed)
        let runs = MonteCarlo.itemsDone(inDays: until - today, samples: samples, runs: settings.runs, generator: &rng)
        // "At least N with 85 % confidence": 85 % of runs reach N, the 15th percentile.
        let atLeast = { (p: Double) in Percentile.of(sorted: runs, 100 - p) ?? 0 }
        return HowManyForecast(until: DayIndex.text(until), today: DayIndex.text(today), days: until - today,
                               p50: atLeast(50), p85: atLeast(85), p95: atLeast(95),
                               finishedInWindow: samples.reduce(0, +), settings: settings)
    }

    /// When the open items of `release` will be done, and the chance of meeting its target.
    /// Throws `.noSuchRelease` for a release the board does not have.
    public static func release(_ name: String, board: Board, history: FlowHistory, today: Int,
                               settings: ForecastSettings, days: DayIndex) throws -> WhenForecast {
        guard let release = board.releases.first(where: { $0.name == name })
                ?? board.releases.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw ForecastError.noSuchRelease(name)
        }
        let remaining = history.flows.filter { $0.isOpen && $0.release == release.name }.count
        return try when(items: remaining, target: release.target, history: history, today: today, settings: settings, days: days)
    }
}
