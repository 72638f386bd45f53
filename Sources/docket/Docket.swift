import ArgumentParser
import Foundation

/// `docket`: a keyboard-driven product board in the terminal. Without a subcommand it opens
/// the board (`docket [FILE]`).
@main
struct Docket: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docket",
        abstract: "A product backlog board in the terminal, in one file you keep in git.",
        version: "0.1.0",
        subcommands: [OpenCommand.self, InitCommand.self, TriageCommand.self, DemoCommand.self, AddCommand.self, MoveCommand.self,
                      ShowCommand.self, ListCommand.self, SetCommand.self, ScoringCommand.self, ImportCommand.self,
                      ExportCommand.self, CheckCommand.self, SyncCommand.self, GitSetupCommand.self,
                      MergeDriverCommand.self, KeysCommand.self, StandupCommand.self,
                      ReleaseCommand.self, BudgetCommand.self, RoadmapCommand.self,
                      ArchiveCommand.self, RestoreCommand.self, CommentCommand.self, StageCommand.self,
                      MetricsCommand.self, ForecastCommand.self, SLECommand.self,
                      GoalCommand.self, KeyResultCommand.self, FeedbackCommand.self],
        defaultSubcommand: OpenCommand.self)

    /// Parses the command line, with `docket list`'s arguments put in order first (see
    /// `ListCommand.arrange`), so a query word like `-is:blocked` is never taken for options,
    /// and `docket add`'s title moved after `--` when it starts with `-` (`AddCommand.arrange`).
    /// An error from running a command is printed made safe for the terminal: its message
    /// may quote the board (an id, a stage name, a key of a broken file).
    static func main() {
        // Over a file-size limit (ulimit -f) a write must fail with EFBIG and a message, not
        // kill the process mid-save.
        signal(SIGXFSZ, SIG_IGN)
        let arguments = AddCommand.arrange(ListCommand.arrange(Array(CommandLine.arguments.dropFirst())))
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            fail(error)
        }
    }

    /// Ends the program on `error` from a command: its message made safe for the terminal and
    /// its exit code (also a lazily read board that turns out not to read: `BoardOptions`).
    static func fail(_ error: Error) -> Never {
        let message = fullMessage(for: error)
        if error is CleanExit || message.isEmpty { exit(withError: error) }
        printError(message)
        Foundation.exit(exitCode(for: error).rawValue)
    }
}
