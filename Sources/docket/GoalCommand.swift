import ArgumentParser
import DocketCore
import Foundation

/// `docket goal`: the board's vision and goals (objectives with key results), and which items
/// and epics serve them. `docket kr set` updates a key result.
struct GoalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goal", abstract: "The vision and goals: add, set, link, unlink, list, vision.",
        subcommands: [GoalList.self, GoalAdd.self, GoalSet.self, GoalLink.self, GoalUnlink.self, GoalVision.self],
        defaultSubcommand: GoalList.self)
}

struct GoalList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the vision and goals with their key results' progress.")
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: BoardOptions

    func run() throws {
        let board = try options.load().1.board
        TerminalSafe.print(json ? GoalsOutput.json(board)
                                : GoalsOutput.text(board, money: MoneyFormat(currency: board.planning.currency, locale: moneyLocale())),
                           terminator: "")
    }
}

struct GoalAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add",
        abstract: "Add a goal: docket goal add \"Exports never time out\" --period 2027-Q1 --owner maya --kr \"p95 export time: 900ms -> 300ms\".")
    @Argument(help: "The objective.") var objective: String
    @Option(help: "The period (2027-Q1, H1 2027).") var period = ""
    @Option(help: "Who owns it (a handle).") var owner = ""
    @Option(name: .customLong("kr"), help: "A key result: \"METRIC: START -> TARGET\" with units (900ms, 40%, €12000, 1200 users). Repeatable.")
    var keyResults: [String] = []
    @Option(help: "Items or epics that serve it (ids). Repeatable.") var item: [String] = []
    @OptionGroup var options: BoardOptions

    func run() throws {
        let krs = try keyResults.map(MetricValue.keyResult)
        let (_, goal) = try options.update { board -> Goal in
            let (goal, _) = try board.addGoal(objective: objective, period: period, owner: owner, keyResults: krs, by: CurrentUser.name, at: nowTimestamp())
            if !item.isEmpty { try board.linkGoal(goal.id, items: item, by: CurrentUser.name, at: nowTimestamp()) }
            return goal
        }
        print(goal.id)
    }
}

struct GoalSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set",
        abstract: "Set a goal's fields: docket goal set GOAL state=at-risk owner=maya period=2027-Q1 objective=TEXT, or add a key result with --kr.")
    @Argument(help: "The goal (id, id prefix or objective).") var goal: String
    @Argument(help: "KEY=VALUE pairs. Keys: \(Board.goalKeys.joined(separator: ", ")); state is on-track, at-risk, off-track or done.")
    var assignments: [String] = []
    @Option(name: .customLong("kr"), help: "Add a key result \"METRIC: START -> TARGET\". Repeatable.") var keyResults: [String] = []
    @OptionGroup var options: BoardOptions

    func run() throws {
        let pairs = try keyValuePairs(assignments)
        guard !pairs.isEmpty || !keyResults.isEmpty else { throw ValidationError("give KEY=VALUE pairs or --kr") }
        try options.update { board in
            if !pairs.isEmpty { try board.setGoal(goal, pairs, by: CurrentUser.name, at: nowTimestamp()) }
            for kr in keyResults { try board.addKeyResult(goal, kr, by: CurrentUser.name, at: nowTimestamp()) }
        }
        TerminalSafe.print("goal \(goal) updated")
    }
}

struct GoalLink: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "link", abstract: "Link items or epics to a goal.")
    @Argument(help: "The goal (id, id prefix or objective).") var goal: String
    @Argument(help: "Item ids.") var items: [String]
    @OptionGroup var options: BoardOptions

    func run() throws {
        try runLinking(options) { try $0.linkGoal(goal, items: items, by: $1, at: $2) }
    }
}

struct GoalUnlink: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unlink", abstract: "Unlink items or epics from a goal.")
    @Argument(help: "The goal (id, id prefix or objective).") var goal: String
    @Argument(help: "Item ids.") var items: [String]
    @OptionGroup var options: BoardOptions

    func run() throws {
        try runLinking(options) { try $0.linkGoal(goal, items: items, link: false, by: $1, at: $2) }
    }
}

struct GoalVision: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "vision", abstract: "Print the vision, or set it: docket goal vision \"TEXT\" (\"\" clears it).")
    @Argument(help: "The new vision (a short paragraph).") var text: String?
    @OptionGroup var options: BoardOptions

    func run() throws {
        guard let text else {
            TerminalSafe.print(try options.load().1.board.strategy.vision)
            return
        }
        try options.update { board in try board.setVision(text, by: CurrentUser.name, at: nowTimestamp()) }
        TerminalSafe.print(text.isEmpty ? "vision cleared" : "vision set")
    }
}

/// `docket kr set GOAL KR current=…`: updates a key result (its number or metric).
struct KeyResultCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kr", abstract: "Update a goal's key result: docket kr set GOAL KR current=650ms.",
                                                    subcommands: [KeyResultSet.self])
}

struct KeyResultSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Set a key result's current value (or target, start, metric, unit).")
    @Argument(help: "The goal (id, id prefix or objective).") var goal: String
    @Argument(help: "The key result: its number (1 = first) or a prefix of its metric.") var kr: String
    @Argument(help: "KEY=VALUE pairs. Keys: \(Board.keyResultKeys.joined(separator: ", ")).") var assignments: [String]
    @OptionGroup var options: BoardOptions

    func run() throws {
        let pairs = try keyValuePairs(assignments)
        let (_, line) = try options.update { board -> String in
            try board.setKeyResult(goal, kr, pairs, by: CurrentUser.name, at: nowTimestamp())
            let g = try board.goal(matching: goal)
            return g.keyResults[try board.keyResultIndex(kr, in: g)].line
        }
        TerminalSafe.print(line)
    }
}

/// Runs a link or unlink change (`goal link`, `feedback unlink`…) on the board by the current
/// user, now, and prints its summary.
func runLinking(_ options: BoardOptions, _ change: (inout Board, String, Timestamp) throws -> Edit) throws {
    let (_, edit) = try options.update { board in try change(&board, CurrentUser.name, nowTimestamp()) }
    TerminalSafe.print(edit.summary)
}
