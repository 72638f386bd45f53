import ArgumentParser
import DocketCore
import DocketTerminal
import DocketUI
import Foundation

/// What opening a board in the terminal takes: the file (or `--board`, or the nearest
/// `docket.json`) and a theme.
struct SessionOptions: ParsableArguments {
    @Argument(help: "The board file (default: the nearest docket.json).")
    var file: String?

    @OptionGroup var options: BoardOptions

    @Option(help: "A built-in theme (default, light, high-contrast, mono) or a theme file; without one, light or default by the terminal's background.")
    var theme: String?

    /// Loads the board and runs the session, starting on the board, in triage of the Inbox
    /// or in a standup.
    func open(triage: Bool = false, standup: Bool = false) throws {
        Backtrace.makeNonInteractive()  // before any work: it may restart the process
        // Triage and the standup start on screens that read every item: they wait for the whole board.
        guard !triage && !standup else {
            let (url, loaded) = try options.load(positional: file, forSession: true)
            return try BoardSession.open(url: url, loaded: loaded, themeName: theme, triage: triage, standup: standup)
        }
        TerminalApp.readyMemoryForLargeRead()
        // Enough cards for every row of the terminal, however cards are laid out (`previewCards`).
        let top = max(BoardSession.previewCards, TerminalApp.terminalRows() ?? 0)
        let (url, loaded, pending) = try options.loadForSession(positional: file, top: top)
        do {
            // Handed over (`consume`): nothing here holds a preview while the session runs.
            try BoardSession.open(url: url, loaded: consume loaded, themeName: theme, pending: pending)
        } catch let failed as BoardSession.LoadFailed {
            if failed.unapplied > 0 {
                printError("docket: the \(failed.unapplied) key\(failed.unapplied == 1 ? "" : "s") typed while the board was read \(failed.unapplied == 1 ? "was" : "were") not applied: nothing was changed")
            }
            throw options.withBackupOffer(failed.error, url: url)
        }
    }
}

/// `docket [FILE]`: opens a board in the terminal.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open a board in the terminal (the default).")

    @OptionGroup var session: SessionOptions

    func run() throws { try session.open(triage: false) }
}

/// Opens a loaded board in the terminal and reports how the session ended.
enum BoardSession {
    /// How many cards of each column a preview reads in full at least (as many as the terminal
    /// has rows when it has more, since a card takes at least one row): more than a screen shows.
    static let previewCards = 100

    /// The full read of a previewed board failed (the session ended at once): `error` is what it
    /// threw, `unapplied` how many keys typed meanwhile were never applied.
    struct LoadFailed: Error { var error: Error; var unapplied: Int }

    /// `pending`: `loaded` is a preview and this is the full board being read (`PendingBoard`).
    static func open(url: URL, loaded: consuming LoadedBoard, themeName: String?, triage: Bool = false, standup: Bool = false,
                     pending: PendingBoard? = nil) throws {
        let env = ProcessInfo.processInfo.environment
        // A bad keys.toml stops here, before the terminal is touched.
        let keymaps: Keymaps
        do { keymaps = try KeymapFile.load(environment: env) } catch let error as KeymapFileError {
            printError("docket: \(error)")
            throw ExitCode(1)
        }
        // No theme named: `light` or `default` by the terminal's background (COLORFGBG here,
        // the terminal's answer to an OSC 11 query once the Screen is open).
        let named = themeName ?? env["DOCKET_THEME"]
        let theme = try named.map(ThemeLoader.load) ?? ThemeLoader.automatic(for: TerminalBackground(colorFGBG: env["COLORFGBG"]))
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty
        let readOnly = loaded.readOnlyReason
        if let readOnly { printError("docket: \(url.path) opens read-only: \(readOnly)") }
        let environment = DocketEnvironment.live(environment: env)
        // The first save splices into the file only when its lines are known to be its items:
        // the read says (for a preview, its full read, through `PendingBoard` and `begin`).
        // A read-only session has neither (so nothing holds its board but the state).
        let writer = readOnly == nil ? MergingWriter(base: loaded.board, url: url, user: CurrentUser.name,
                                                     linesAreItems: pending == nil && loaded.linesAreItems) : nil
        let saver = writer.map { writer in BoardSaver(url: url) { board, url in try writer.write(board, to: url) } }
        // The state is made where it is handed over, and `loaded` consumed into it: besides the
        // state, only the writer holds a preview, until the full board replaces it there too
        // (`MergingWriter.begin`), so the preview is freed once the full board is in.
        let outcome = try TerminalApp.run(
            sessionState(consume loaded, label: url.lastPathComponent, keymaps: keymaps, patterned: noColor || theme.name == "mono",
                         environment: environment, variables: env, triage: triage, standup: standup, previewed: pending != nil),
            saver: saver, writer: writer, theme: theme, noColor: noColor,
            environment: environment, followBackground: named == nil, pending: pending)
        if let error = outcome.loadError { throw LoadFailed(error: error, unapplied: outcome.unapplied) }
        if let error = outcome.saveError {
            printError("docket: the last changes could not be saved: \(error)")
            if let rescue = outcome.rescuePath { printError("docket: they were written to \(rescue)") }
            throw ExitCode(1)
        }
        if let sig = outcome.signal { throw ExitCode(128 + sig) }
    }
}

extension BoardSession {
    /// The state a session starts in: the loaded board (a preview when `previewed`: input is
    /// then held until the full board is in), the user's keys, clock, calendar and money format,
    /// in triage of the Inbox or in a standup when asked.
    static func sessionState(_ loaded: consuming LoadedBoard, label: String, keymaps: Keymaps, patterned: Bool,
                             environment: DocketEnvironment, variables env: [String: String],
                             triage: Bool, standup: Bool, previewed: Bool) -> AppState {
        var state = AppState(board: loaded.board, user: CurrentUser.name, fileLabel: label, readOnly: loaded.readOnlyReason,
                             size: Size(width: 80, height: 24))
        state.keymaps = keymaps
        state.chartsPatterned = patterned
        state.showAges = loaded.board.extra["showAges"] == "true"
        state.calendar = environment.calendar
        state.seed = environment.seed
        state.moneyLocale = MoneyFormat.locale(from: env)
        if triage { state.startTriage(now: environment.now) }
        if standup { state.startStandup(now: environment.now) }
        if previewed { state.readingWholeBoard = 0 }
        return state
    }
}

/// `docket triage [FILE]`: opens the board straight into triage of the Inbox.
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "triage", abstract: "Triage the Inbox one item at a time.")

    @OptionGroup var session: SessionOptions

    func run() throws { try session.open(triage: true) }
}
