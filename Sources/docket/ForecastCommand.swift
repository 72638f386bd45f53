import ArgumentParser
import DocketCore
import Foundation

/// `docket forecast`: Monte Carlo forecasts over the board's daily throughput: when a release
/// (or N more items) will be done, or how many items will be done by a date.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast", abstract: "Forecast a release's dates, when N items are done, or how many by a date (Monte Carlo).",
        discussion: """
            docket forecast 1.5 gives the dates by which the open items of release 1.5 are \
            done with 50, 85 and 95 % confidence, and the chance of meeting its target date; \
            --items 30 answers "when will 30 more be done"; --until 2027-03-31 answers "how \
            many by then". Each of --runs runs draws days at random from the daily throughput \
            of the last --weeks weeks (today excluded); the same --seed gives the same answer. \
            With fewer than 10 items finished in those weeks it says so instead of guessing.
            """)

    @Argument(help: "A release's name.") var release: String?
    @Option(help: "Forecast when this many more items will be done.") var items: Int?
    @Option(help: "Forecast how many items will be done by this day (YYYY-MM-DD).") var until: String?
    @Option(help: "Weeks of history to draw from.") var weeks: Int = 12
    @Option(help: "Number of simulated runs.") var runs: Int = 10_000
    @Option(help: "Seed of the simulation (same seed, same answer).") var seed: UInt64 = 1
    @Option(help: "text or json.") var format: ForecastFormat = .text
    @Option(name: .customLong("as-of"), help: "Forecast as at the end of this day (YYYY-MM-DD) instead of now.") var asOf: String?
    @OptionGroup var options: BoardOptions

    enum ForecastFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        let asked = [release != nil, items != nil, until != nil].filter { $0 }.count
        guard asked == 1 else { throw ValidationError("name a release, or give --items N or --until YYYY-MM-DD (exactly one of them)") }
        if let items, items < 1 { throw ValidationError("--items must be a number of items of 1 or more, not \(items)") }
        let untilDay = try self.untilDay()
        do {
            try ForecastSettings(weeks: weeks, runs: runs, seed: seed).check()
            if let day = untilDay {
                let (now, calendar) = try metricsMoment(asOf: asOf)
                try Forecast.checkUntil(day, today: DayIndex(calendar: calendar).day(now))
            }
        } catch ForecastError.invalid(let why) {
            throw ValidationError(why)
        }
    }

    /// `--until` as a day number (`DayIndex`), nil without it. Throws `ValidationError` naming
    /// the value when it is not a date written YYYY-MM-DD.
    private func untilDay() throws -> Int? {
        guard let until else { return nil }
        guard let day = DayIndex.number(of: until) else { throw ValidationError("--until must be a date written YYYY-MM-DD, not '\(until)'") }
        return day
    }

    func run() throws {
        let (now, calendar) = try metricsMoment(asOf: asOf)
        let (_, loaded) = try options.load()
        let days = DayIndex(calendar: calendar)
        let history = FlowHistory.build(loaded.board, now: now)
        let today = days.day(now)
        let settings = ForecastSettings(weeks: weeks, runs: runs, seed: seed)
        do {
            if let day = try untilDay() {
                let result = try Forecast.howMany(until: day, history: history, today: today, settings: settings, days: days)
                try emit(result, text: ForecastText.howMany(result))
            } else {
                let result = try release.map { try Forecast.release($0, board: loaded.board, history: history, today: today, settings: settings, days: days) }
                    ?? Forecast.when(items: items ?? 0, history: history, today: today, settings: settings, days: days)
                try emit(result, text: ForecastText.when(result, release: release))
            }
        } catch ForecastError.invalid(let why) {
            throw ValidationError(why)   // a bad option (validate() checks them all first)
        }
    }

    func emit<T: Encodable>(_ value: T, text: String) throws {
        switch format {
        case .text: TerminalSafe.print(text, terminator: "")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            TerminalSafe.print(String(decoding: try encoder.encode(value), as: UTF8.self))
        }
    }
}
