import Foundation

/// Makes sure Swift's crash reporter never waits at a dead board for a key: it reads
/// `SWIFT_BACKTRACE` once, when the process starts, and by default asks on a terminal
/// ("Press space to interact…", up to 30 s). When the variable is unset and the process runs on
/// a terminal, a command about to open the board there (`SessionOptions.open`, `docket demo`)
/// calls this first, and Docket restarts itself once with `SWIFT_BACKTRACE=interactive=no`
/// (Linux only; anything that fails leaves the process running as it is). One-shot commands
/// leave the terminal as they found it, so a crash report may ask there as usual; they are
/// spared the restart (~15 ms). So is a process whose runtime has no backtracer (nothing
/// handles `SIGSEGV` when it starts): a static build (`--static-swift-stdlib`, the README's
/// release build) finds its helper, `swift-backtrace-static`, only beside a toolchain, and
/// without it the runtime never asks; the restart would cost its first frame ~7 ms for nothing.
enum Backtrace {
    static func makeNonInteractive() {
        #if os(Linux)
        let env = ProcessInfo.processInfo.environment
        guard env["SWIFT_BACKTRACE"] == nil, isatty(0) == 1, isatty(1) == 1, backtracerInstalled() else { return }
        setenv("SWIFT_BACKTRACE", "interactive=no", 1)
        let args = CommandLine.arguments
        var cArgs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        execv("/proc/self/exe", &cArgs)
        // Still here: exec failed; carry on without the change.
        for p in cArgs { free(p) }
        #endif
    }

    #if os(Linux)
    /// Whether something handles `SIGSEGV` already: the runtime's backtracer, when it found its
    /// helper at startup (called before Docket installs its own crash handlers).
    private static func backtracerInstalled() -> Bool {
        var action = sigaction()
        guard sigaction(SIGSEGV, nil, &action) == 0 else { return true }
        return action.__sigaction_handler.sa_handler != nil
    }
    #endif
}

