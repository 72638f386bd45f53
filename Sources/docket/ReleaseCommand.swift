import ArgumentParser
import DocketCore
import Foundation

/// `docket release …`: add, set, rename, ship, remove and list the board's releases.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release", abstract: "Plan releases: dates, capacity in points, budget in money.",
        subcommands: [ReleaseAdd.self, ReleaseSet.self, ReleaseRename.self, ReleaseShip.self, ReleaseRemove.self, ReleaseList.self])
}

/// The locale money is written in: the user's (`LC_ALL`, `LC_MONETARY`, `LANG`).
func moneyLocale() -> Locale { MoneyFormat.locale(from: ProcessInfo.processInfo.environment) }

struct ReleaseAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a release after the others.")
    @Argument(help: "The release's name.") var name: String
    @Option(help: "Start date, YYYY-MM-DD.") var start: String?
    @Option(help: "Target date, YYYY-MM-DD.") var target: String?
    @Option(parsing: .unconditional, help: "Capacity in story points (a number ≥ 0).") var capacity: String?
    @Option(parsing: .unconditional, help: "Budget: 60000, 60,000, 60k or 60000.50 in the board's currency.") var budget: String?
    @OptionGroup var options: BoardOptions

    func run() throws {
        try options.update { board in
            var r = Release(name: name)
            let pairs = [("start", start), ("target", target), ("capacity", capacity), ("budget", budget)].compactMap { k, v in v.map { (k, $0) } }
            for (k, v) in pairs { try ReleaseField.set(k, to: v, on: &r, exponent: board.planning.exponent) }
            try board.addRelease(r, by: CurrentUser.name, at: nowTimestamp())
        }
        TerminalSafe.print("added release \(name)")
    }
}

struct ReleaseSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set",
        abstract: "Set fields of a release: docket release set 1.5 target=2027-01-15 capacity=30 budget=60k state=active notes=… (empty clears).")
    @Argument(help: "The release's name.") var name: String
    @Argument(help: "KEY=VALUE pairs. Keys: \(ReleaseField.keys.joined(separator: ", ")).") var assignments: [String]
    @OptionGroup var options: BoardOptions

    func run() throws {
        let pairs = try keyValuePairs(assignments)
        try options.update { board in try board.setRelease(name, pairs, by: CurrentUser.name, at: nowTimestamp()) }
        TerminalSafe.print("release \(name): set \(pairs.map(\.0).joined(separator: ", "))")
    }
}

struct ReleaseRename: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a release; its items follow.")
    @Argument(help: "The release's name.") var old: String
    @Argument(help: "The new name.") var new: String
    @OptionGroup var options: BoardOptions

    func run() throws {
        try options.update { board in try board.renameRelease(old, to: new, by: CurrentUser.name, at: nowTimestamp()) }
        TerminalSafe.print("renamed release \(old) to \(new)")
    }
}

struct ReleaseShip: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ship", abstract: "Mark a release shipped.")
    @Argument(help: "The release's name.") var name: String
    @OptionGroup var options: BoardOptions

    func run() throws {
        try options.update { board in try board.shipRelease(name, by: CurrentUser.name, at: nowTimestamp()) }
        TerminalSafe.print("release \(name) shipped")
    }
}

struct ReleaseRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove",
        abstract: "Remove a release (refused while items use it, unless --move-to OTHER moves them).")
    @Argument(help: "The release's name.") var name: String
    @Option(name: .customLong("move-to"), help: "Move the release's items to this release.") var moveTo: String?
    @OptionGroup var options: BoardOptions

    func run() throws {
        let (_, (_, moved)) = try options.update { board in try board.removeRelease(name, moveTo: moveTo, by: CurrentUser.name, at: nowTimestamp()) }
        TerminalSafe.print("removed release \(name)" + (moveTo.map { ", \(moved) item\(moved == 1 ? "" : "s") moved to \($0)" } ?? ""))
    }
}

struct ReleaseList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list",
        abstract: "List releases with done/planned points, capacity and money (the numbers of the backlog list and the report).")
    @Flag(help: "Print JSON (money in major units of the board's currency).") var json = false
    @OptionGroup var options: BoardOptions

    func run() throws {
        let (_, loaded) = try options.load()
        let board = loaded.board
        let plan = ReleasePlan(board)
        let text = json ? ReleaseListOutput.json(board, plan: plan)
            : ReleaseListOutput.text(board, plan: plan, format: MoneyFormat(currency: board.planning.currency, locale: moneyLocale()))
        TerminalSafe.print(text, terminator: "")
    }
}

/// `KEY=VALUE` arguments as pairs; throws naming an argument without `=` (`word` is what
/// the message calls the key: `expected FIELD=VALUE, got 'x'`).
func keyValuePairs(_ assignments: [String], word: String = "KEY") throws -> [(String, String)] {
    try assignments.map { a -> (String, String) in
        guard let eq = a.firstIndex(of: "=") else { throw ValidationError("expected \(word)=VALUE, got '\(a)'") }
        return (String(a[..<eq]), String(a[a.index(after: eq)...]))
    }
}
