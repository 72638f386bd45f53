import ArgumentParser
import DocketCore
import Foundation

/// `docket check [FILE] [--fix]`: validates a board (items sharing an id, invalid ranks, unknown
/// stages, equal ranks, dangling epics and duplicates, labels, assignees and releases the
/// board does not list); with `--fix` repairs them and says what it changed. Reads the file
/// with the repair-tolerant read, so a board the other commands refuse for a duplicate id or
/// an invalid rank is checked and repaired too. Exits 1 when problems remain. With
/// `--restore-backup`, puts back the `.bak` of a board that does not parse (`BoardBackup`).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check",
        abstract: "Check a board for duplicate ids, invalid or equal ranks, unknown stages, names and dangling references; --fix repairs them.")

    @Flag(help: "Repair what is found, and say what changed.") var fix = false
    @Flag(help: "Put back the board's .bak when the board does not parse (the damaged file is kept beside it).")
    var restoreBackup = false
    @OptionGroup var options: BoardOptions
    @Argument(help: "The board file (as -b gives it; default: the nearest docket.json).") var file: String?

    func run() throws {
        if restoreBackup {
            let url = try options.url(positional: file)
            let (backup, kept) = try BoardBackup.restore(url, at: nowTimestamp())
            TerminalSafe.print("restored \(url.lastPathComponent) from \(backup.summary); the damaged file is kept as \(kept.lastPathComponent)")
            return
        }
        if fix {
            let (_, changed) = try options.repair(positional: file) { board, defects in
                // Nothing written when nothing was fixed.
                try BoardCheck.fix(&board, defects: defects, by: CurrentUser.name, at: nowTimestamp()).1
            }
            if changed.isEmpty { print("no problems found"); return }
            changed.forEach { TerminalSafe.print("fixed \($0)") }
            return
        }
        let (_, (loaded, defects)) = try options.loadForRepair(positional: file)
        let problems = BoardCheck.problems(loaded.board, defects: defects)
        if problems.isEmpty { print("no problems found"); return }
        problems.forEach { TerminalSafe.print("\($0)") }
        printError("\(problems.count) problem\(problems.count == 1 ? "" : "s"): `docket check --fix` repairs them")
        throw ExitCode(1)
    }
}
