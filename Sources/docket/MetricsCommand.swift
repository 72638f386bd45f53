import ArgumentParser
import DocketCore
import DocketUI
import Foundation

/// `docket metrics`: flow metrics of the board for a period (lead and cycle time percentiles,
/// throughput, arrivals, WIP, time in stage against service levels, aging work in progress).
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics", abstract: "Flow metrics: throughput, lead and cycle time, WIP, time in stage, aging (text, json or csv).",
        discussion: """
            The period is the --since days ending today (in the time zone of TZ). text has \
            sparklines per week; json holds every figure, with cumulative flow per day and \
            a burn-up per release (durations in days of 24 hours, percentiles by nearest rank); csv has one row per item done in the period or open \
            now. Service levels per stage are set with `docket sle`. See README "Metrics and \
            forecasts" for how moves backwards, re-opens and odd histories are counted.
            """)

    @Option(help: "The period: a number and d or w (12w, 30d).") var since: String = "12w"
    @Option(help: "text, json or csv.") var format: MetricsFormat = .text
    @Option(name: .customLong("as-of"), help: "Compute as at the end of this day (YYYY-MM-DD) instead of now.") var asOf: String?
    @OptionGroup var options: BoardOptions

    enum MetricsFormat: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    /// Bad options are refused before anything runs, with this command's usage line.
    func validate() throws {
        guard let period = ExportPeriod(since), period.seconds >= 86_400 else {
            throw ValidationError("--since must be a number followed by d or w (12w, 30d), not '\(since)'")
        }
        if let asOf, !CalendarDay.isValid(asOf) { throw ValidationError("--as-of must be a date written YYYY-MM-DD, not '\(asOf)'") }
    }

    func run() throws {
        guard let period = ExportPeriod(since), period.seconds >= 86_400 else { return }
        let (now, calendar) = try metricsMoment(asOf: asOf)
        let (_, loaded) = try options.load()
        let board = loaded.board
        let metrics = FlowMetrics(board, now: now, windowDays: Int(period.seconds / 86_400), calendar: calendar)
        switch format {
        case .text:
            TerminalSafe.print(metrics.report.text(title: board.name, timeZone: timeZoneName(calendar)), terminator: "")
        case .json:
            TerminalSafe.print(String(decoding: try FlowJSON.encode(metrics, board: board), as: UTF8.self))
        case .csv:
            let clean: ((String) -> String)? = TerminalSafe.isTerminal ? { SafeText.clean($0) } : nil
            print(try FlowCSV.encode(metrics, board: board, clean: clean), terminator: "")
        }
    }
}
