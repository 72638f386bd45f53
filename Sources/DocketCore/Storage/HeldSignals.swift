import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signals that end a command (Ctrl-C's `SIGINT`, `SIGTERM`, `SIGHUP`, `SIGQUIT`) held back
/// while a file is written (`AtomicFile.write`, every save, export and backup; and all of
/// `BoardStore.update`'s write, whose file may be written on a worker thread while the calling
/// thread hashes it), so that one arriving then ends the program only once the file is replaced
/// (or left as it was) and no temporary file is left beside it (a newcomer's check: 8 of 20
/// `docket set` runs at 100k interrupted at random left a `.board.json.tmp-…` of up to 40 MB
/// until the next save).
///
/// They are blocked for the calling thread only (`pthread_sigmask`); the worker threads of
/// Dispatch block them always, so in a command (whose main thread writes, or waits for the
/// worker that does) a signal stays pending until `during` unblocks it, and is then delivered
/// as it would have been: the program ends by it (exit status 128 + the signal) unless
/// something handles it. An open board's saves run on its saver thread, so its main thread
/// takes the signal at once, as before: its own handling is unchanged.
enum HeldSignals {
    /// The signals held.
    static let held: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// `body`'s result, the held signals blocked on this thread while it runs. Rethrows what
    /// `body` throws (after unblocking).
    static func during<T>(_ body: () throws -> T) rethrows -> T {
        var block = sigset_t(), old = sigset_t()
        sigemptyset(&block)
        for signal in held { sigaddset(&block, signal) }
        pthread_sigmask(SIG_BLOCK, &block, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        return try body()
    }
}
