import ArgumentParser
import DocketCore
import Foundation

/// `docket sle`: the board's service level expectations ("85 % of items leave Review within
/// 3 days"), which `docket metrics` reports against. The days of each stage are set with
/// `docket stage sla STAGE 3d`; this command shows them and sets the percentage.
struct SLECommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sle", abstract: "Show the stages' service level expectations, or set their percentage: docket sle --percent 90.",
        discussion: "A stage's days are set with `docket stage sla Review 3d`; the percentage (85 unless set) is the board's.")

    @Option(help: "The share of items, in percent, that should leave each stage within its days.") var percent: Double?
    @Flag(help: "Back to the default percentage (85).") var reset = false
    @OptionGroup var options: BoardOptions

    func run() throws {
        if percent != nil || reset {
            let (_, p) = try options.update { board -> Double in
                let header = try board.header(settingServiceLevelPercent: reset ? nil : percent)
                board.upsert([], header: header, action: "sle", summary: "service level percentage set", by: CurrentUser.name, at: nowTimestamp())
                return board.serviceLevelPercent
            }
            print("service levels: \(p.pointsText)% of items within each stage's days")
            return
        }
        let (_, loaded) = try options.load()
        let levels = loaded.board.serviceLevels
        if levels.isEmpty { print("no stage has a service level (docket stage sla Review 3d)") }
        let names = Dictionary(loaded.board.stages.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for l in levels {
            TerminalSafe.print("\(TerminalSafe.oneLine(names[l.stage] ?? l.stage)): \(l.percent.pointsText)% within \(l.days.pointsText) days")
        }
    }
}
