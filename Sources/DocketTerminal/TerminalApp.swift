import CNcurses
import DocketCore
import DocketUI
import Foundation

/// Runs the board in the terminal: sets up the real terminal (`Screen` in a poll(2) wait,
/// signals, the saver's wake-up, the file watch) and runs `RuntimeLoop`, the one serial loop
/// of DESIGN.md (event → update → state → view → canvas → screen).
public enum TerminalApp {
    /// What happened at the end of a session.
    public struct Outcome {
        /// The save error, when the last board could not be written (it was then written
        /// to `rescuePath`, if that worked).
        public var saveError: String?
        public var rescuePath: String?
        /// The signal that ended the session, if one did.
        public var signal: Int32?
        /// What the full read of a previewed board threw (`pending`); the session ended at once.
        public var loadError: Error?
        /// Keys, pastes and clicks typed while that board was read, never applied (its read failed).
        public var unapplied = 0
    }

    /// Readies the allocator for reading a large board: the read's large temporaries are given
    /// back to the system when freed instead of kept for reuse (glibc; at 1,000,000 items the
    /// open's peak was 45 MB higher), until the loop gives freed memory back once the whole
    /// board is in (`LoopServices.returnFreedMemory`). True when the allocator took it.
    @discardableResult
    public static func readyMemoryForLargeRead() -> Bool { docket_map_large_blocks() == 1 }

    /// The terminal's rows now (from the tty, before the session starts), nil when stdout is
    /// not a terminal: how many cards a preview must hold in full.
    public static func terminalRows() -> Int? {
        var rows: Int32 = 0, cols: Int32 = 0
        guard docket_tty_size(1, &rows, &cols) == 0, rows > 0 else { return nil }
        return Int(rows)
    }

    /// Runs until the user quits or a signal arrives. `saver` is nil for a read-only board.
    /// Throws `TerminalError` when the terminal cannot be used (nothing is changed then).
    /// `writer`, when given, is the saver's merging writer: when the board file's folder
    /// changes, the loop saves (which merges the file's changes) and takes its merges into the
    /// board on screen. `environment` gives the clock. `followBackground`: the user named no
    /// theme, so the terminal's answer about its background (OSC 11) picks `light` or
    /// `default` (see `Screen.init`). `pending`: `initial` holds a preview, and this is the full
    /// board being read (see `PendingBoard`). `initial` is consumed: the loop holds the only
    /// state, so a preview is freed once the full board replaces it.
    public static func run(_ initial: consuming AppState, saver: BoardSaver?, writer: MergingWriter? = nil, theme: Theme, noColor: Bool,
                           environment: DocketEnvironment = .live(), followBackground: Bool = false,
                           pending: PendingBoard? = nil) throws -> Outcome {
        // A board read whole before the session: its read's memory goes back now (with a
        // preview, once the whole board is in: `returnFreedMemory`).
        if pending == nil { docket_return_freed_memory() }
        let signals = try SignalPipe()
        let wakeUp = try WakePipe()
        let screen = try Screen(theme: theme, noColor: noColor, followBackground: followBackground)
        defer { screen.end() }
        saver?.onChange { wakeUp.wake() }
        pending?.whenDelivered { wakeUp.wake() }
        let terminal = PollingTerminal(screen: screen, signals: signals, wakeUp: wakeUp, watch: saver.map { FileWatch(file: $0.url) })
        let boardFile = saver?.url
        let services = LoopServices(
            editText: { try ExternalEditor.edit($0, name: $1) },
            export: { board, format, path, query, now, today in
                try LoopServices.exportBoard(board, format: format, path: path, query: query, now: now, today: today, boardFile: boardFile)
            },
            stopProcess: { docket_suspend_self() },
            whyNotWritable: { boardFile.flatMap(FileAccess.whyNotWritable) },
            background: { work in DispatchQueue.global(qos: .userInitiated).async { work(); wakeUp.wake() } },
            // Off the loop's thread: on a very large heap the trim takes a moment.
            returnFreedMemory: { DispatchQueue.global(qos: .utility).async { docket_return_freed_memory() } })
        var loop = RuntimeLoop(state: consume initial, terminal: terminal, saver: saver, writer: writer, services: services,
                               clock: .live(environment), pending: pending)
        let ended = loop.run()
        screen.end()
        var outcome = Outcome(signal: ended.signal, loadError: ended.loadError, unapplied: ended.unapplied)
        if let error = ended.saveStatus?.error {
            outcome.saveError = error
            let rescue = FileManager.default.temporaryDirectory.appendingPathComponent("docket-rescue-\(getpid()).json")
            if (try? BoardStore.save(ended.state.board, to: rescue)) != nil { outcome.rescuePath = rescue.path }
        }
        return outcome
    }
}
