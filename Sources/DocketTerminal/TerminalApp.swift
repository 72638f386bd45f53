import CNcurses
import DocketCore
import DocketUI
import Foundation

/// Runs the board in the terminal: the one serial loop of DESIGN.md. Events from the
/// Screen (keys, mouse, resize), the saver and signals go through `update`; the new state
/// is drawn with `render` and painted; effects (save, editor, quit) run here.
public enum TerminalApp {
    /// What happened at the end of a session.
    public struct Outcome {
        /// The save error, when the last board could not be written (it was then written
        /// to `rescuePath`, if that worked).
        public var saveError: String?
        public var rescuePath: String?
        /// The signal that ended the session, if one did.
        public var signal: Int32?
    }

    /// Runs until the user quits or a signal arrives. `saver` is nil for a read-only board.
    /// Throws `TerminalError` when the terminal cannot be used (nothing is changed then).
    /// `writer`, when given, is the saver's merging writer: the loop checks about once a second
    /// whether the file changed on disk and takes its merges into the board on screen.
    public static func run(_ initial: AppState, saver: BoardSaver?, writer: MergingWriter? = nil, theme: Theme, noColor: Bool) throws -> Outcome {
        let signals = TerminationSignals()
        let screen = try Screen(theme: theme, noColor: noColor)
        defer { screen.end() }
        var state = initial
        let now = { Timestamp(Date().timeIntervalSince1970) }
        _ = update(&state, .resize(screen.size), now: now())
        screen.paint(render(state))
        var lastSave = saver?.status()
        var outcome = Outcome()

        var lastCheck = Date(), lastRetry = Date()
        while !state.quitting {
            // About once a second: has someone else changed the file? Then save, which merges.
            if let saver, let writer, Date().timeIntervalSince(lastCheck) >= 1 {
                lastCheck = Date()
                let st = saver.status()
                if st.isClean || st.error != nil, writer.fileChanged(saver.url) { saver.submit(state.board) }
                // A failed save (disk full, read-only) is tried again on the next change, and
                // every few seconds meanwhile, so freeing space is enough.
                else if st.error != nil, Date().timeIntervalSince(lastRetry) >= 5 { lastRetry = Date(); saver.retryFailed() }
            }
            if let writer {
                for merge in writer.takeMerges() {
                    state.board = merge.apply(to: state.board)
                    state.refreshFilter(today: CalendarDay.of(now()))
                    state.status = StatusMessage(merge.conflicts.isEmpty ? "merged changes made to the file elsewhere"
                        : "conflict: \(merge.conflicts.prefix(5).joined(separator: ", ")) (merged; kept and dropped values in the activity log)",
                        isError: !merge.conflicts.isEmpty)
                    _ = update(&state, .resize(screen.size), now: now())
                    screen.paint(render(state))
                }
            }
            var events: [Event] = []
            if let sig = signals.pending { outcome.signal = sig; events.append(.terminate) }
            else if let e = screen.nextEvent() {
                if screen.terminalClosed { outcome.signal = SIGHUP }
                events.append(e)
            }
            if let saver {
                let s = saver.status()
                if s != lastSave {
                    lastSave = s
                    events.append(.saveStatus(s.error.map { .failed($0) } ?? (s.isClean ? .saved : .saving)))
                }
            }
            if events.isEmpty { continue }
            for event in events {
                if event == .key(.ctrl("z")) {
                    screen.suspended { docket_suspend_self() }
                    _ = update(&state, .resize(screen.size), now: now())
                    continue
                }
                for effect in update(&state, event, now: now()) {
                    switch effect {
                    case .save:
                        guard let saver else { break }
                        saver.submit(state.board)
                        _ = update(&state, .saveStatus(.saving), now: now())
                    case .editDescription(let id, let text):
                        let result = screen.suspended { Result { try ExternalEditor.edit(text, name: id) } }
                        let finished: Event
                        switch result {
                        case .success(let t): finished = .editorFinished(itemID: id, text: t == text ? nil : t, error: nil)
                        case .failure(let e): finished = .editorFinished(itemID: id, text: nil, error: "\(e)")
                        }
                        for e in update(&state, finished, now: now()) where e == .save {
                            saver?.submit(state.board)
                        }
                        _ = update(&state, .resize(screen.size), now: now())
                    case .quit:
                        break
                    case .export(let format, let path, let query):
                        do {
                            let request = ExportRequest(format: ExportFormat(rawValue: format) ?? .json,
                                                        query: try query.map { try Query.parse($0) }, now: now())
                            let url = URL(fileURLWithPath: path, relativeTo: saver?.url.deletingLastPathComponent()).standardizedFileURL
                            try ExportFile.write(try BoardExport.render(state.board, request), to: url, board: saver?.url)
                            state.status = StatusMessage("exported \(format) to \(url.path)")
                        } catch {
                            state.status = StatusMessage("export failed: \(error)", isError: true)
                        }
                    case .write(let path):
                        guard let saver, let writer else { break }
                        let url = path.map { URL(fileURLWithPath: $0, relativeTo: saver.url.deletingLastPathComponent()).standardizedFileURL } ?? saver.url
                        do {
                            try writer.allowCreating(at: url, current: saver.url)
                            saver.retarget(url)
                            state.fileLabel = url.lastPathComponent
                            saver.submit(state.board)
                            _ = update(&state, .saveStatus(.saving), now: now())
                            state.status = StatusMessage("writing \(url.path)")
                        } catch {
                            state.status = StatusMessage("\(error)", isError: true)
                        }
                    case .setTheme(let name):
                        do {
                            screen.setTheme(try ThemeLoader.load(name))
                            state.status = StatusMessage("theme: \(name)")
                        } catch {
                            state.status = StatusMessage("\(error)", isError: true)
                        }
                    }
                }
            }
            if !state.quitting { screen.paint(render(state)) }
        }

        screen.end()
        if let saver {
            let final = saver.flush()
            if let error = final.error {
                outcome.saveError = error
                let rescue = FileManager.default.temporaryDirectory.appendingPathComponent("docket-rescue-\(getpid()).json")
                if (try? BoardStore.save(state.board, to: rescue)) != nil { outcome.rescuePath = rescue.path }
            }
        }
        return outcome
    }
}
