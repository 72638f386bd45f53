import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The write end of the signal self-pipe; set once, before any handler is installed, so the
/// handler only reads it.
nonisolated(unsafe) private var signalPipeWriteFD: Int32 = -1

/// The handler: writes the signal number into the self-pipe (async-signal-safe: one write,
/// errno kept). A full pipe drops the byte; the pipe is readable anyway, which is all that
/// matters for waking the loop.
private func writeSignalToPipe(_ sig: Int32) {
    let saved = errno
    var byte = UInt8(truncatingIfNeeded: sig)
    _ = write(signalPipeWriteFD, &byte, 1)
    errno = saved
}

/// Signals turned into readable bytes (the self-pipe trick), so the loop can sleep in poll(2)
/// and still notice them at once: SIGWINCH (the terminal was resized) and SIGTERM, SIGHUP,
/// SIGINT and the other signals whose default is to end the process (save, restore the
/// terminal, exit). Installed before ncurses starts, so ncurses leaves these signals to us (it
/// only takes over signals left at SIG_DFL). SIGPIPE is ignored: a closed pipe is an error to
/// handle where it happens. One per process.
public final class SignalPipe {
    /// Signals that end the session.
    public static let termination: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGVTALRM, SIGPROF]

    /// The fd to poll: readable when a signal arrived.
    public let readFD: Int32

    /// Creates the pipe and installs the handlers. Throws `TerminalError` when no pipe can be made.
    public init() throws {
        let (r, w) = try makeNonBlockingPipe("signals")
        readFD = r
        signalPipeWriteFD = w
        for sig in SignalPipe.termination + [SIGWINCH] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = writeSignalToPipe
            #else
            action.__sigaction_u.__sa_handler = writeSignalToPipe
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(sig, &action, nil)
        }
        signal(SIGPIPE, SIG_IGN)
    }

    /// The signals that arrived since the last call, oldest first (each at most once).
    public func take() -> [Int32] {
        var out: [Int32] = []
        for byte in drainPipe(readFD) where !out.contains(Int32(byte)) { out.append(Int32(byte)) }
        return out
    }
}

/// A pipe whose write end wakes the loop from another thread (the saver's).
public final class WakePipe: @unchecked Sendable {
    /// The fd to poll: readable after `wake()`.
    public let readFD: Int32
    private let writeFD: Int32

    /// Throws `TerminalError` when no pipe can be made.
    public init() throws { (readFD, writeFD) = try makeNonBlockingPipe("wake-ups") }

    /// Makes `readFD` readable (from any thread; never blocks).
    public func wake() {
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Empties the pipe; true when it held a wake-up.
    @discardableResult
    public func drain() -> Bool { !drainPipe(readFD).isEmpty }

    deinit { close(readFD); close(writeFD) }
}

/// A pipe with both ends non-blocking and close-on-exec (the editor must not inherit them).
func makeNonBlockingPipe(_ purpose: String) throws -> (Int32, Int32) {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else {
        throw TerminalError(description: "cannot create a pipe for \(purpose): \(String(cString: strerror(errno)))")
    }
    for fd in fds {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
    return (fds[0], fds[1])
}

/// Every byte waiting in a non-blocking fd.
func drainPipe(_ fd: Int32) -> [UInt8] {
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 64)
    while true {
        let n = read(fd, &buffer, buffer.count)
        if n > 0 { out += buffer[0..<n]; continue }
        if n < 0 && errno == EINTR { continue }
        return out
    }
}
