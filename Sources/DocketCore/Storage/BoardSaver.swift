import Foundation

/// Saves a board off the caller's thread, coalescing saves that pile up: while one save
/// runs, newer boards replace each other and only the newest is written next. `flush()`
/// waits until the newest board submitted is on disk (call it before exiting).
///
/// The outcome of the last save is read with `status()`; a failed save keeps the board so
/// the next `submit` or `flush` tries again, and the file on disk is never truncated.
public final class BoardSaver: @unchecked Sendable {
    /// Where saves stand: `generation` counts submitted boards, `saved` the newest one on disk.
    public struct Status: Equatable, Sendable {
        public var generation: Int = 0
        public var saved: Int = 0
        public var error: String?
        /// Set when the last save failed because the board's file was moved, deleted or
        /// replaced by a folder (`BoardFileGone`): the status line offers `:write` then.
        public var gone: BoardFileGone?
        /// True when every submitted board is on disk.
        public var isClean: Bool { saved == generation && error == nil }
    }

    /// Where boards are written (changed by `retarget`).
    public var url: URL {
        lock.lock(); defer { lock.unlock() }
        return target
    }
    private var target: URL
    private let lock = NSCondition()
    private var pending: (board: Board, generation: Int)?
    private var running = false
    private var state = Status()
    private let queue = DispatchQueue(label: "docket.saver", qos: .utility)
    private let write: @Sendable (Board, URL) throws -> Void

    /// `write` defaults to `BoardStore.save`; tests may pass another.
    public init(url: URL, write: @escaping @Sendable (Board, URL) throws -> Void = { try BoardStore.save($0, to: $1) }) {
        self.target = url
        self.write = write
    }

    /// Writes the next boards to `url` instead (after the file was moved or deleted and the
    /// user chose another path).
    public func retarget(_ url: URL) {
        lock.lock(); target = url; lock.unlock()
    }

    /// Queues `board` for saving and returns at once.
    public func submit(_ board: Board) {
        lock.lock()
        state.generation += 1
        pending = (board, state.generation)
        failed = nil
        let start = !running
        if start { running = true }
        lock.unlock()
        notify()
        if start { queue.async { self.drain() } }
    }

    private var observer: (@Sendable () -> Void)?

    /// Calls `callback` after every change of `status()` (a board submitted, a save done or
    /// failed), on the thread that made it, so a loop can sleep until the saver has news (the
    /// runtime writes to a wake-up pipe). Replaces the previous callback.
    public func onChange(_ callback: @escaping @Sendable () -> Void) {
        lock.lock(); observer = callback; lock.unlock()
    }

    private func notify() {
        lock.lock(); let callback = observer; lock.unlock()
        callback?()
    }

    /// The outcome of saves so far.
    public func status() -> Status {
        lock.lock(); defer { lock.unlock() }
        return state
    }

    /// Blocks until the newest submitted board is saved or its save failed; returns the status.
    @discardableResult
    public func flush() -> Status {
        lock.lock()
        while running { lock.wait() }
        let s = state
        lock.unlock()
        return s
    }

    private func drain() {
        while true {
            lock.lock()
            guard let job = pending else {
                running = false
                lock.broadcast()
                lock.unlock()
                return
            }
            pending = nil
            let url = target
            lock.unlock()
            var failure: String?
            var gone: BoardFileGone?
            do { try write(job.board, url) } catch { failure = "\(error)"; gone = error as? BoardFileGone }
            lock.lock()
            state.gone = gone
            if let failure {
                state.error = failure
                // Keep the board for `retryFailed`, unless a newer one is already waiting.
                if pending == nil {
                    failed = job
                    running = false
                    lock.broadcast()
                    lock.unlock()
                    notify()
                    return
                }
            } else {
                state.error = nil
                state.saved = max(state.saved, job.generation)
            }
            lock.unlock()
            notify()
        }
    }

    private var failed: (board: Board, generation: Int)?

    /// Tries the last failed save again (if no newer board was submitted since); returns at once.
    public func retryFailed() {
        lock.lock()
        guard let job = failed, pending == nil, !running else { lock.unlock(); return }
        failed = nil
        pending = job
        running = true
        lock.unlock()
        queue.async { self.drain() }
    }
}
