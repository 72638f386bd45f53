import DocketCore
import Foundation

/// The clocks the runtime reads: the moment for `update` (seconds since 1970 UTC) and a
/// monotonic millisecond count for ticks and retries.
public struct LoopClock {
    public var now: () -> Timestamp
    public var milliseconds: () -> Int64
    public init(now: @escaping () -> Timestamp, milliseconds: @escaping () -> Int64) {
        self.now = now; self.milliseconds = milliseconds
    }
    /// The system clocks (`environment.clock` for the moment).
    public static func live(_ environment: DocketEnvironment) -> LoopClock {
        LoopClock(now: environment.clock, milliseconds: { Int64(DispatchTime.now().uptimeNanoseconds / 1_000_000) })
    }
}

/// The one serial loop of the app, and the only code that interprets: it turns what the
/// terminal, the saver, the file and the clock report into `Event`s, runs them through
/// `update`, runs the effects `update` returns (answering each with an event), and paints
/// `render(state)`. It never changes the state itself.
///
/// It sleeps in `terminal.wait` with no timeout unless a screen asks for ticks
/// (`AppState.subscriptions`) or a failed save is waiting to be retried.
public struct RuntimeLoop<Terminal: LoopTerminal> {
    /// How the session ended.
    public struct Outcome {
        /// The state at the end.
        public var state: AppState
        /// The termination signal that ended it (SIGHUP when the terminal went away), if any.
        public var signal: Int32?
        /// The saver's status after the final save (nil without a saver).
        public var saveStatus: BoardSaver.Status?
        /// What the full read of a previewed board threw (the session ended at once then).
        public var loadError: Error?
        /// How many keys, pastes and clicks were held back for the full board and, the read
        /// having failed, never applied (0 otherwise).
        public var unapplied = 0
    }

    public private(set) var state: AppState
    private let terminal: Terminal
    private let saver: BoardSaver?
    private let writer: MergingWriter?
    private let services: LoopServices
    private let clock: LoopClock
    private let asks: (AppState) -> Subscriptions
    /// How long after a failed save it is tried again, in milliseconds.
    public var retryInterval: Int64 = 5_000

    private var quit = false
    private var signal: Int32?
    private var lastSave: BoardSaver.Status?
    private var nextTick: Int64?
    private var nextRetry: Int64?
    /// Results of background jobs, waiting for the loop.
    private let inbox = BackgroundInbox()
    /// The full board while the state holds a preview (see `PendingBoard`), and the input held
    /// back meanwhile.
    private var pending: PendingBoard?
    private var heldBack: [Event] = []
    private var loadError: Error?

    /// `saver` is nil for a board that may not be written; `writer` is the saver's merging
    /// writer (its merges come back as `Event.boardMerged`). `asks` is what the state asks for
    /// (`AppState.subscriptions`; tests may pass another).
    public init(state: AppState, terminal: Terminal, saver: BoardSaver?, writer: MergingWriter?, services: LoopServices,
                clock: LoopClock, asks: @escaping (AppState) -> Subscriptions = { $0.subscriptions },
                pending: PendingBoard? = nil) {
        self.state = state; self.terminal = terminal; self.saver = saver; self.writer = writer
        self.services = services; self.clock = clock; self.asks = asks; self.pending = pending
        self.lastSave = saver?.status()
    }

    /// Runs until `Effect.quit`; before returning, waits for the saver to write the last board.
    public mutating func run() -> Outcome {
        send(.resize(terminal.size))
        if saver != nil, let why = services.whyNotWritable() { send(.saveStatus(.readOnly(why))) }
        terminal.paint(render(state))
        // The first frame is on screen: now the full board of a preview is read.
        pending?.start()
        while !quit {
            let wakes = terminal.wait(timeout: timeout())
            for wake in wakes where !quit { pending == nil ? handle(wake) : holdBack(wake) }
            if !quit { takeFullBoard() }
            if !quit { fireTimers() }
            for result in inbox.take() where !quit { send(.computed(result)) }
            if !quit { terminal.paint(render(state)) }
        }
        let final = saver?.flush()
        return Outcome(state: state, signal: signal, saveStatus: final, loadError: loadError,
                       unapplied: loadError == nil ? 0 : heldBack.count)
    }

    // MARK: - A preview

    /// While the state holds a preview: sizes, signals and the saver's news are handled; keys,
    /// pastes and clicks wait for the full board, in order (the status line counts them); a
    /// quit key or Ctrl-C typed before any other quits at once, writing nothing; the file's
    /// changes are merged once the full board is in.
    private mutating func holdBack(_ wake: Wake) {
        switch wake {
        case .events(let events):
            let before = heldBack.count
            for event in events where !quit {
                switch event {
                case .resize: send(event)
                case .key(let key) where heldBack.isEmpty && quits(key): send(event)
                default: heldBack.append(event)
                }
            }
            if heldBack.count != before && !quit { send(.inputHeld(heldBack.count)) }
        case .signal, .closed:
            // Told to end (SIGTERM, the terminal gone): keys typed meanwhile are not dropped.
            // The full board is waited for and they are applied to it, then the session ends
            // and saves as it would have.
            if !heldBack.isEmpty, let pending {
                pending.waitUntilDelivered()
                takeFullBoard()
            }
            if !quit { handle(wake) }
        default: handle(wake)  // (`fileChanged()` waits for the whole board itself)
        }
    }

    /// Whether `key` quits from the board screen (its quit key or Ctrl-C).
    private func quits(_ key: Key) -> Bool {
        state.keymaps.action(for: key, on: GlobalKeys.id) == GlobalAction.interrupt.rawValue
            || (state.routes.count == 1 && state.keymaps.action(for: key, on: state.top.screenID) == BoardAction.quit.rawValue)
    }

    /// Takes the full board in when it has come: the writer's base, the state's board, then
    /// the input held back, in order, and a look at the file. A failed read ends the session.
    private mutating func takeFullBoard() {
        guard let result = pending?.take() else { return }
        pending = nil
        switch result {
        case .success(let loaded):
            writer?.begin(with: loaded.board, linesAreItems: loaded.linesAreItems)
            send(.boardLoaded(loaded.board))
            // The preview is gone now (the state and the writer hold the full board): give its
            // memory back.
            services.returnFreedMemory()
            let held = heldBack
            heldBack = []
            for event in held where !quit { send(event) }
            if !quit { fileChanged() }
        case .failure(let error):
            loadError = error
            quit = true
        }
    }

    // MARK: - Waking

    /// Milliseconds until the next tick or retry is due (0 when overdue), nil when none is.
    private mutating func timeout() -> Int? {
        let now = clock.milliseconds()
        if let every = asks(state).tickEvery {
            if nextTick == nil { nextTick = now + Int64(every) }
        } else {
            nextTick = nil
        }
        let due = [nextTick, nextRetry].compactMap { $0 }.min()
        return due.map { Int(max(0, $0 - now)) }
    }

    private mutating func fireTimers() {
        let now = clock.milliseconds()
        if let due = nextRetry, now >= due, let saver {
            nextRetry = now + retryInterval
            saver.retryFailed()
        }
        if let due = nextTick, now >= due, let every = asks(state).tickEvery {
            // Ticks that were missed (a long suspension) are not made up for: one, then on.
            nextTick = max(due + Int64(every), now + 1)
            send(.tick(clock.now()))
        }
    }

    private mutating func handle(_ wake: Wake) {
        switch wake {
        case .events(let events):
            for event in events where !quit { send(event) }
        case .signal(let sig):
            signal = sig
            send(.terminate)
        case .closed:
            signal = SIGHUP
            send(.terminate)
        case .saver:
            takeSaverNews()
        case .fileChanged:
            fileChanged()
        }
    }

    /// The saver's merges and state change, as events; a failed save is retried later.
    private mutating func takeSaverNews() {
        guard let saver else { return }
        let merges = writer?.takeMerges() ?? []
        for merge in merges {
            send(.boardMerged(merge))
        }
        // A merge reads the file and builds whole boards (tens of MiB at 100,000 items) that are
        // gone once it is taken in: give that memory back.
        if !merges.isEmpty { services.returnFreedMemory() }
        let status = saver.status()
        if status.error != nil { nextRetry = nextRetry ?? clock.milliseconds() + retryInterval } else { nextRetry = nil }
        guard status != lastSave else { return }
        lastSave = status
        send(.saveStatus(status.error.map { .failed($0) } ?? (status.isClean ? .saved : .saving)))
        // A change on disk while a save ran: it is the saver's to merge, now that it is done.
        if status.isClean { fileChanged() }
    }

    /// The file or its folder changed: if the file is not what we last wrote or read, save,
    /// which merges it (`MergingWriter`); retry a failed save; say whether it can be written.
    private mutating func fileChanged() {
        // A preview is never merged into: the file is looked at once the whole board is in.
        guard let saver, pending == nil else { return }
        let status = saver.status()
        if status.isClean || status.error != nil, writer?.fileChanged(saver.url) == true { saver.submit(state.board) }
        // A failed save is tried again at once when the file changes (made writable again).
        else if status.error != nil { saver.retryFailed() }
        guard status.isClean else { return }
        let access: SaveState = services.whyNotWritable().map { .readOnly($0) } ?? .saved
        switch state.saveState {
        case .saved, .readOnly: if access != state.saveState { send(.saveStatus(access)) }
        case .saving, .failed: break
        }
    }

    // MARK: - Events and effects

    /// Runs `event` through `update` and the effects that come back.
    private mutating func send(_ event: Event) {
        let effects = update(&state, event, now: clock.now())
        for effect in effects { run(effect) }
    }

    private mutating func run(_ effect: Effect) {
        switch effect {
        case .save:
            // A preview is never saved (nothing can change it: input waits for the full board).
            if pending == nil { saver?.submit(state.board) }
        case .quit:
            quit = true
        case .editDescription(let id, let text):
            var result: Result<String, Error> = .failure(CancellationError())
            terminal.suspended { result = Result { try services.editText(text, id) } }
            send(.resumed(terminal.size))
            switch result {
            case .success(let edited): send(.editorFinished(itemID: id, text: edited == text ? nil : edited, error: nil))
            case .failure(let error): send(.editorFinished(itemID: id, text: nil, error: "\(error)"))
            }
        case .suspend:
            terminal.suspended { services.stopProcess() }
            send(.resumed(terminal.size))
        case .setTheme(let name):
            do {
                terminal.setTheme(try services.loadTheme(name))
                send(.themeLoaded(name))
            } catch {
                send(.themeFailed("\(error)"))
            }
        case .write(let path):
            guard let saver, let writer else { break }
            let url = path.map { URL(fileURLWithPath: $0, relativeTo: saver.url.deletingLastPathComponent()).standardizedFileURL } ?? saver.url
            do {
                try writer.allowCreating(at: url, current: saver.url)
                saver.retarget(url)
                saver.submit(state.board)
                send(.writing(path: url.path, error: nil))
            } catch {
                send(.writing(path: url.path, error: "\(error)"))
            }
        case .compute(let job):
            let inbox = self.inbox
            services.background { inbox.put(job.run()) }
        case .export(let format, let path, let query):
            let now = clock.now()
            do {
                let url = try services.export(state.board, format, path, query, now, state.calendar.day(of: now))
                send(.exportFinished(format: format, path: url.path))
            } catch {
                send(.exportFailed("\(error)"))
            }
        }
    }
}
