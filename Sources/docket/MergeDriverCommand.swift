import ArgumentParser
import DocketCore
import DocketUI
import Foundation

/// `docket merge-driver BASE OURS THEIRS [PATHNAME]`: git's merge driver for boards (git
/// runs it as `docket merge-driver %O %A %B %P` once `docket git-setup` registered it). Writes
/// the three-way merge to OURS and exits 0; a true conflict keeps the later change and is
/// listed on stderr and in the board's activity log. Exits 1, leaving OURS untouched, when a
/// version does not parse, comes from a newer Docket, or the result cannot be written.
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge-driver",
        abstract: "git's merge driver for boards (registered by `docket git-setup`).",
        discussion: "git runs it as `docket merge-driver %O %A %B %P`; the merged board is written to OURS.",
        shouldDisplay: false)

    @Argument(help: "The common ancestor's version (git's %O).") var base: String
    @Argument(help: "Our version; the merge is written here (git's %A).") var ours: String
    @Argument(help: "Their version (git's %B).") var theirs: String
    @Argument(help: "The board's path in the repository, for messages (git's %P).") var pathname: String?

    func run() throws {
        let name = pathname ?? ours
        let outcome: BoardMergeDriver.Outcome
        do {
            outcome = try BoardMergeDriver.merge(base: URL(fileURLWithPath: base), ours: URL(fileURLWithPath: ours),
                                                 theirs: URL(fileURLWithPath: theirs), pathname: name,
                                                 by: CurrentUser.name, at: nowTimestamp())
        } catch {
            printError("docket: cannot merge \(SafeText.oneLine(name)): \(SafeText.oneLine("\(error)")) (our version is kept; git marks the file as conflicted)")
            throw ExitCode(1)
        }
        guard !outcome.conflicts.isEmpty else { return }
        let n = outcome.conflicts.count
        printError("docket: merged \(SafeText.oneLine(name)) with \(n) conflict\(n == 1 ? "" : "s") (the later change kept; recorded in the board's activity):")
        for entry in outcome.conflicts { printError("  " + Self.describe(entry, in: outcome.board)) }
    }

    /// A conflict entry on one line: `k3v9x2qa "Export invoices" title: kept "B", dropped "A"`,
    /// `board stages.uat2: kept "UAT2 (doing)", dropped its removal`
    /// (board text made safe for a terminal, values cut to 40 characters).
    static func describe(_ entry: Activity, in board: Board) -> String {
        func show(_ text: String?) -> String {
            guard let text else { return "(none)" }
            let one = SafeText.oneLine(text)
            return "\"" + (one.count > 40 ? String(one.prefix(39)) + "…" : one) + "\""
        }
        guard let id = entry.item else {
            let field = SafeText.oneLine(entry.field ?? "settings")
            // An element of a board list (`stages.uat2`): what was kept and what was dropped.
            guard field.contains("."), let kept = entry.to else { return "board \(field): \(entry.to ?? "kept ours")" }
            return "board \(field): kept \(show(kept)), dropped \(entry.from.map(show) ?? "its removal")"
        }
        let title = board.items[id].map { " " + show($0.title) } ?? ""
        guard let field = entry.field else { return "\(id)\(title): \(entry.to ?? "kept the later version")" }
        return "\(id)\(title) \(field): kept \(show(entry.to)), dropped \(show(entry.from))"
    }
}
