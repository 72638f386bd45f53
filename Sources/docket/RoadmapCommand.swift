import ArgumentParser
import DocketCore
import Foundation

/// `docket roadmap`: prints the Now / Next / Later roadmap, the timeline and the phases;
/// `roadmap set` chooses what feeds the lanes; `roadmap stage` names a stage's phase and exit
/// criterion.
struct RoadmapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roadmap", abstract: "Print the roadmap: Now / Next / Later, epics, the timeline and the phases.",
        subcommands: [RoadmapSet.self, RoadmapStage.self])

    @Option(help: "text, markdown or json.") var format: RoadmapOutput.Format = .text
    @OptionGroup var options: BoardOptions

    func run() throws {
        let board = try options.load().1.board
        let roadmap = Roadmap(board, today: localToday())
        TerminalSafe.print(RoadmapOutput.render(roadmap, board: board, format: format,
                                                money: MoneyFormat(currency: board.planning.currency, locale: moneyLocale())), terminator: "")
    }
}

struct RoadmapSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set",
        abstract: "Choose what feeds the lanes: docket roadmap set now-stages=doing,review next-releases=1.5 confirm-exit=off.")
    @Argument(help: "KEY=VALUE pairs. Keys: \(Board.roadmapKeys.joined(separator: ", ")).") var assignments: [String]
    @OptionGroup var options: BoardOptions

    func run() throws {
        let pairs = try keyValuePairs(assignments)
        try options.update { board in try board.setRoadmap(pairs, by: CurrentUser.name, at: nowTimestamp()) }
        TerminalSafe.print("roadmap: set \(pairs.map(\.0).joined(separator: ", "))")
    }
}

struct RoadmapStage: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stage",
        abstract: "Set a stage's phase (discovery, delivery, launch, none) and exit criterion (a sentence; empty clears).")
    @Argument(help: "The stage (name, id or a unique prefix).") var stage: String
    @Option(help: "discovery, delivery, launch or none.") var phase: String?
    @Option(name: .customLong("exit-criterion"), help: "A sentence that must hold before an item leaves the stage.") var exitCriterion: String?
    @OptionGroup var options: BoardOptions

    func run() throws {
        guard phase != nil || exitCriterion != nil else { throw ValidationError("give --phase and/or --exit-criterion") }
        try options.update { board in
            try board.setStagePlanning(stage, phase: phase, exitCriterion: exitCriterion, by: CurrentUser.name, at: nowTimestamp())
        }
        TerminalSafe.print("stage \(stage) updated")
    }
}
