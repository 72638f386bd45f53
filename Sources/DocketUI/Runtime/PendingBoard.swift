import DocketCore
import Foundation

/// The full board of a session that opened on a preview (`BoardDecoder.preview`), read on
/// another thread: the reading thread `deliver`s it, `RuntimeLoop` takes it. Until then the
/// loop paints the preview and holds back every key, paste and click, every save and every
/// merge from disk, so nothing is ever done to the preview; they are replayed, in order, on
/// the full board.
public final class PendingBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Board, Error>?
    private var onDelivery: (() -> Void)?

    public init() {}

    /// Hands over the full read's outcome: the board, or the error it threw (the session
    /// then ends and the error is reported as an unreadable board always is).
    public func deliver(_ outcome: Result<Board, Error>) {
        lock.lock()
        result = outcome
        let wake = onDelivery
        lock.unlock()
        wake?()
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
    func take() -> Result<Board, Error>? {
        lock.lock(); defer { lock.unlock() }
        let out = result
        result = nil
        return out
    }
}
