import ArgumentParser
import DocketCore
import DocketUI
import Foundation

/// `docket demo`: opens a built-in demo product backlog, copied into a temporary folder so
/// nothing of the user's is touched.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Open a built-in demo backlog (a temporary copy).")

    @Option(help: "A built-in theme (default, light, high-contrast, mono) or a theme file; without one, light or default by the terminal's background.")
    var theme: String?

    @Flag(help: "Only write the demo board and print its path.")
    var printPath = false

    func run() throws {
        if !printPath {
            // Check what would stop the session before writing anything to the temporary folder.
            _ = try ThemeLoader.load(theme ?? ProcessInfo.processInfo.environment["DOCKET_THEME"] ?? "default")
            guard isatty(0) == 1, isatty(1) == 1 else {
                throw BoardStoreError("docket demo needs a terminal (stdin and stdout a tty); `docket demo --print-path` writes the board only")
            }
            Backtrace.makeNonInteractive()  // a session in the terminal follows: restart first, before any work
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docket-demo-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(BoardLocator.fileName)
        let board = DemoHistory.adding(to: DemoBoard.make(now: nowTimestamp(), user: CurrentUser.name), now: nowTimestamp(), user: CurrentUser.name)
        try BoardStore.save(board, to: url)
        if printPath { print(url.path); return }
        try BoardSession.open(url: url, loaded: try BoardStore.load(url), themeName: theme)
        print("The demo board is kept at \(url.path)")
    }
}
