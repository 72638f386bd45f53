import DocketUI
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real `LoopTerminal`: the ncurses `Screen`, and a wait in poll(2) over everything that
/// can wake the app: the terminal's input, the signal self-pipe (SIGWINCH, termination), the
/// saver's wake-up pipe and the board file's watch. Nothing else wakes it: an idle board
/// costs no system calls.
final class PollingTerminal: LoopTerminal {
    private let screen: Screen
    private let signals: SignalPipe
    private let wakeUp: WakePipe
    private let watch: FileWatch?
    /// When the fallback watch last asked for a check (monotonic milliseconds).
    private var lastFallbackCheck = PollingTerminal.milliseconds()

    init(screen: Screen, signals: SignalPipe, wakeUp: WakePipe, watch: FileWatch?) {
        self.screen = screen; self.signals = signals; self.wakeUp = wakeUp; self.watch = watch
    }

    var size: Size { screen.size }
    func paint(_ canvas: Canvas) { screen.paint(canvas) }
    func setTheme(_ theme: Theme) { screen.setTheme(theme) }
    func suspended(_ body: () -> Void) { screen.suspended(body) }

    func wait(timeout: Int?) -> [Wake] {
        let limit = [timeout, screen.inputDeadline, watch?.fallbackInterval].compactMap { $0 }.min()
        var fds = [pollfd(fd: screen.inputFD, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: signals.readFD, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wakeUp.readFD, events: Int16(POLLIN), revents: 0)]
        if let fd = watch?.fd { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&fds, nfds_t(fds.count), Int32(clamping: limit ?? -1))
        if ready < 0 && errno != EINTR { return [.closed] }
        var wakes: [Wake] = []
        for sig in signals.take() {
            if sig == SIGWINCH {
                screen.resizeToTerminal()
                wakes.append(.events([.resize(screen.size)]))
            } else {
                wakes.append(.signal(sig))
            }
        }
        if fds[2].revents != 0, wakeUp.drain() { wakes.append(.saver) }
        if fileMayHaveChanged(fds) { wakes.append(.fileChanged) }
        wakes += input(revents: fds[0].revents, pending: screen.inputDeadline != nil)
        return wakes
    }

    /// Events from the terminal; `.closed` when it hung up or reached the end of its input.
    private func input(revents: Int16, pending: Bool) -> [Wake] {
        guard revents != 0 || pending else { return [] }
        let atEnd = revents & Int16(POLLIN) != 0 && nothingToRead()
        let events = screen.readEvents()
        var wakes: [Wake] = events.isEmpty ? [] : [.events(events)]
        if atEnd || revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { wakes.append(.closed) }
        return wakes
    }

    /// True when the input is readable but holds no byte: the end of it (the terminal is gone).
    private func nothingToRead() -> Bool {
        #if os(Linux)
        var available: Int32 = 0
        return ioctl(screen.inputFD, UInt(FIONREAD), &available) == 0 && available == 0
        #else
        return isatty(screen.inputFD) != 1
        #endif
    }

    private func fileMayHaveChanged(_ fds: [pollfd]) -> Bool {
        guard let watch else { return false }
        if watch.fd != nil { return fds[3].revents != 0 && watch.changed() }
        guard let interval = watch.fallbackInterval, PollingTerminal.milliseconds() - lastFallbackCheck >= Int64(interval) else { return false }
        lastFallbackCheck = PollingTerminal.milliseconds()
        return watch.changed()
    }

    private static func milliseconds() -> Int64 { Int64(DispatchTime.now().uptimeNanoseconds / 1_000_000) }
}
