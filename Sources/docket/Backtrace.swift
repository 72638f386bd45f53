import Foundation

/// Makes sure Swift's crash reporter never waits at a dead board for a key: it reads
/// `SWIFT_BACKTRACE` once, when the process starts, and by default asks on a terminal
/// ("Press space to interact…", up to 30 s). When the variable is unset and the process runs on
/// a terminal, a command about to open the board there (`SessionOptions.open`, `docket demo`)
/// calls this first, and Docket restarts itself once with `SWIFT_BACKTRACE=interactive=no`
/// (Linux only; anything that fails leaves the process running as it is). One-shot commands
/// leave the terminal as they found it, so a crash report may ask there as usual; they are
/// spared the restart (~15 ms).
enum Backtrace {
    static func makeNonInteractive() {
        #if os(Linux)
        let env = ProcessInfo.processInfo.environment
        guard env["SWIFT_BACKTRACE"] == nil, isatty(0) == 1, isatty(1) == 1 else { return }
        setenv("SWIFT_BACKTRACE", "interactive=no", 1)
        let args = CommandLine.arguments
        var cArgs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &cArgs)
        // Still here: exec failed; carry on without the change.
        for p in cArgs { free(p) }
        #endif
    }
}

