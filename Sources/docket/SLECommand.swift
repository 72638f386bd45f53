import ArgumentParser
import DocketCore
import Foundation

/// `docket sle`: the board's service level expectations per stage ("85 % of items leave
/// Review within 3 days"), which `docket metrics` reports against.
struct SLECommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sle", abstract: "Show or set a stage's service level expectation: docket sle review 3 --percent 85.")

    @Argument(help: "The stage (name, id or a unique prefix).") var stage: String?
    @Argument(help: "Days (of 24 hours) within which --percent of items leave the stage.") var days: Double?
    @Option(help: "The share of items, in percent.") var percent: Double = 85
    @Flag(help: "Remove the stage's expectation.") var clear = false
    @OptionGroup var options: BoardOptions

    func run() throws {
        guard let stage else {
            let (_, loaded) = try options.load()
            let names = Dictionary(loaded.board.stages.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            let levels = loaded.board.serviceLevels
            if levels.isEmpty { print("no service levels set (docket sle STAGE DAYS --percent 85)") }
            for l in levels {
                TerminalSafe.print("\(TerminalSafe.oneLine(names[l.stage] ?? l.stage)): \(l.percent.pointsText)% within \(l.days.pointsText) days")
            }
            return
        }
        guard clear || days != nil else { throw ValidationError("give the number of days (docket sle \(stage) 3), or --clear") }
        let (_, name) = try options.update { board -> String in
            let s = try board.stage(named: stage)
            let level = clear ? nil : ServiceLevel(stage: s.id, days: days!, percent: percent)
            let header = try board.header(settingServiceLevel: level, stage: s.id)
            board.upsert([], header: header, action: "sle", summary: "service level of \(s.name) \(clear ? "removed" : "set")",
                         by: CurrentUser.name, at: nowTimestamp())
            return s.name
        }
        TerminalSafe.print(clear ? "\(TerminalSafe.oneLine(name)): no service level" : "\(TerminalSafe.oneLine(name)): \(percent.pointsText)% within \(days!.pointsText) days")
    }
}
