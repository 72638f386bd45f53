import DocketCore
import Foundation

/// The full board of a session that opened on a preview (`BoardDecoder.preview`), read on
/// another thread: the reading thread `deliver`s it, `RuntimeLoop` takes it. Until then the
/// loop paints the preview and holds back every key, paste and click, every save and every
/// merge from disk, so nothing is ever done to the preview; they are replayed, in order, on
/// the full board.
///
/// The read itself (`read`) starts when the loop has painted the first frame (`start`), so the
/// first frame does not share the machine's cores with it.
public final class PendingBoard: @unchecked Sendable {
    private let lock = NSLock()
    private let delivered = DispatchSemaphore(value: 0)
    private var result: Result<LoadedBoard, Error>?
    private var onDelivery: (() -> Void)?
    private var read: (@Sendable () -> Result<LoadedBoard, Error>)?

    /// `read` reads the full board (on another thread, once `start` is called); without it,
    /// the outcome is handed over with `deliver`.
    public init(read: (@Sendable () -> Result<LoadedBoard, Error>)? = nil) { self.read = read }

    /// Starts `read` on another thread (once; nothing without one), which delivers its outcome.
    func start() {
        lock.lock()
        let work = read
        read = nil
        lock.unlock()
        guard let work else { return }
        DispatchQueue.global(qos: .userInitiated).async { [self] in deliver(work()) }
    }

    /// Hands over the full read's outcome: the board as read (with whether its lines are its
    /// items, `LoadedBoard.linesAreItems`, so the session's first save may splice into the
    /// file), or the error it threw (the session then ends and the error is reported as an
    /// unreadable board always is).
    public func deliver(_ outcome: Result<LoadedBoard, Error>) {
        lock.lock()
        result = outcome
        let wake = onDelivery
        lock.unlock()
        delivered.signal()
        wake?()
    }

    /// Waits until the outcome is delivered (at once when it already is, or was taken). For a
    /// session told to end while keys wait for the full board: they are applied and saved first.
    /// The read must have been started (`start`), or `deliver` be called by another thread.
    func waitUntilDelivered() {
        delivered.wait()
        delivered.signal()  // for any later wait
    }

    /// Calls `wake` (from the delivering thread) once the outcome is there; at once when it
    /// already is.
    public func whenDelivered(_ wake: @escaping () -> Void) {
        lock.lock()
        onDelivery = wake
        let there = result != nil
        lock.unlock()
        if there { wake() }
    }

    /// The outcome, once (nil until it is delivered, and after it was taken).
    func take() -> Result<LoadedBoard, Error>? {
        lock.lock(); defer { lock.unlock() }
        let out = result
        result = nil
        return out
    }
}
