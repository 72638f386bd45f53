import ArgumentParser
import DocketCore
import Foundation

/// `docket standup [FILE]`: opens the board in a standup. With `--summary`, prints what
/// changed since the last standup (or `--since DATE`) for a chat or an e-mail instead.
struct StandupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standup",
        abstract: "Run the daily standup, or print what changed since the last one (--summary).")

    @OptionGroup var session: SessionOptions

    @Flag(help: "Print the digest instead of opening the standup.")
    var summary = false

    @Option(help: "With --summary: count from this day (YYYY-MM-DD, today or yesterday, in your time zone), or `last` (the last standup; the default).")
    var since: String?

    @Option(help: "With --summary: text, markdown or json.")
    var format: String = "text"

    func validate() throws {
        guard StandupSummary.Format(rawValue: format) != nil else {
            throw ValidationError("--format \(format): expected text, markdown or json")
        }
        if since != nil, !summary { throw ValidationError("--since goes with --summary") }
        if let since, !["last", "today", "yesterday"].contains(since), !CalendarDay.isValid(since) {
            throw ValidationError("--since \(since): expected a date YYYY-MM-DD, today, yesterday or `last`")
        }
    }

    func run() throws {
        guard summary else { return try session.open(standup: true) }
        let (_, loaded) = try session.options.load(positional: session.file)
        let env = DocketEnvironment.live()
        let board = loaded.board
        let start: Timestamp
        if let since, since != "last" {
            let day = since == "today" ? env.today : since == "yesterday" ? env.calendar.adding(days: -1, to: env.today) ?? env.today : since
            start = env.calendar.startOfDay(day) ?? 0
        }
        else { start = SinceLastStandup.start(board, now: env.now, calendar: env.calendar) }
        let last = StandupRecord.last(in: board)
        let digest = StandupDigest(board, since: start, lastStandup: since == nil || since == "last" ? last : nil)
        print(StandupSummary.render(digest, format: StandupSummary.Format(rawValue: format)!, calendar: env.calendar), terminator: "")
    }
}
