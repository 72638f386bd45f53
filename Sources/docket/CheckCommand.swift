import ArgumentParser
import DocketCore
import Foundation

/// `docket check [--fix]`: validates a board (unknown stages, equal ranks, dangling epics and
/// duplicates, invalid ranks); with `--fix` repairs them and says what it changed. Exits 1
/// when problems remain.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check",
        abstract: "Check a board for unknown stages, equal ranks and dangling references; --fix repairs them.")

    @Flag(help: "Repair what is found, and say what changed.") var fix = false
    @OptionGroup var options: BoardOptions

    func run() throws {
        if fix {
            let (_, changed) = try options.update { board in
                // Nothing written when nothing was fixed.
                try BoardCheck.fix(&board, by: CurrentUser.name, at: nowTimestamp()).1
            }
            if changed.isEmpty { print("no problems found"); return }
            changed.forEach { TerminalSafe.print("fixed \($0)") }
            return
        }
        let (_, loaded) = try options.load()
        let problems = BoardCheck.problems(loaded.board)
        if problems.isEmpty { print("no problems found"); return }
        problems.forEach { TerminalSafe.print("\($0)") }
        printError("\(problems.count) problem\(problems.count == 1 ? "" : "s"): `docket check --fix` repairs them")
        throw ExitCode(1)
    }
}
