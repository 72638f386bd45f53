import Dispatch
import Foundation

/// Notices SIGTERM, SIGHUP and SIGINT without doing anything unsafe inside a signal
/// handler: Dispatch delivers them on a queue, which only sets a flag; the main loop (awake
/// at least every 250 ms) sees it, saves and restores the terminal.
public final class TerminationSignals: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?
    private var sources: [DispatchSourceSignal] = []

    /// Starts listening (the signals' default actions are turned off while it listens).
    public init() {
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            signal(sig, SIG_IGN)
            let src = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            src.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock(); self.received = sig; self.lock.unlock()
            }
            src.resume()
            sources.append(src)
        }
    }

    /// The signal that arrived, if any.
    public var pending: Int32? {
        lock.lock(); defer { lock.unlock() }
        return received
    }
}
