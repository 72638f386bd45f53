import DocketCore
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure of the end-to-end harness (a timeout, a missing tool, a command that failed),
/// with everything needed to understand it in the message.
struct E2EError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The result of running a command to completion.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Where things live: the repository (found from this file's path) and the `docket` binary
/// that `swift build` puts in `.build/debug`.
enum E2EPaths {
    /// Where commands the tests start keep their records (`CheckedFiles`) unless a test says
    /// otherwise: one folder for the test process, in the temporary folder.
    static let testCache = FileManager.default.temporaryDirectory.appendingPathComponent("docket-e2e-cache-\(getpid())").path

    /// `<repo>`, from `<repo>/Tests/DocketEndToEndTests/TmuxHarness.swift`.
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // DocketEndToEndTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // <repo>

    /// `$DOCKET_BINARY` when set, else `<repo>/.build/debug/docket`.
    static var docketBinary: URL {
        if let override = ProcessInfo.processInfo.environment["DOCKET_BINARY"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return repoRoot.appendingPathComponent(".build/debug/docket")
    }

    /// The `docket` binary, or a failure that says how to build it.
    static func requireDocket() throws -> URL {
        let url = docketBinary
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw E2EError("""
                the docket binary is missing at \(url.path). The end-to-end tests drive the real \
                binary: build it first with `swift build --product docket` (or `swift build`) \
                in \(repoRoot.path), then run `swift test`.
                """)
        }
        return url
    }

    /// A shared data file (`<repo>/../shared/data/NAME`, else a copy in the Core tests'
    /// fixtures), or nil when neither exists.
    static func sharedData(_ name: String) -> URL? {
        let candidates = [
            repoRoot.deletingLastPathComponent().appendingPathComponent("shared/data/\(name)"),
            repoRoot.appendingPathComponent("Tests/DocketCoreTests/Fixtures/\(name)"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// An executable named `name` on `$PATH` (or in the usual places), or nil.
    static func findExecutable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        for dir in dirs where !dir.isEmpty {
            let candidate = URL(fileURLWithPath: dir).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// `tmux-256color` when its terminfo entry is installed, else `screen-256color`.
    static let terminalType: String = {
        let env = ProcessInfo.processInfo.environment
        var dirs = ["/usr/share/terminfo", "/lib/terminfo", "/etc/terminfo", "/usr/lib/terminfo"]
        if let home = env["HOME"] { dirs.insert(home + "/.terminfo", at: 0) }
        if let extra = env["TERMINFO"] { dirs.insert(extra, at: 0) }
        for dir in dirs {
            // Linux keeps entries under the first letter, macOS under its hex code.
            for sub in ["t", "74"] where FileManager.default.fileExists(atPath: "\(dir)/\(sub)/tmux-256color") {
                return "tmux-256color"
            }
        }
        return "screen-256color"
    }()
}

/// Runs an executable to completion and collects its output (no shell involved).
///
/// This uses `posix_spawn` and `waitpid`, not Foundation's `Process`: on Linux `Process`
/// notices the end of a child through a socket the child inherits, and `tmux new-session`
/// forks a server that keeps every inherited descriptor, so `waitUntilExit` would hang until
/// the server ends. For the same reason output goes to temporary files, not pipes, and the
/// child gets no descriptor but 0, 1 and 2.
func runProcess(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                currentDirectory: URL? = nil) throws -> CommandResult {
    let fm = FileManager.default
    let base = fm.temporaryDirectory.appendingPathComponent("docket-e2e-out-\(UUID().uuidString)")
    let outPath = base.path + ".stdout", errPath = base.path + ".stderr"
    defer { unlink(outPath); unlink(errPath) }
    let pid = try startProcess(executable, arguments, environment: environment, currentDirectory: currentDirectory,
                               stdout: outPath, stderr: errPath)
    let exitStatus = try waitForProcess(pid)
    return CommandResult(status: exitStatus,
                         stdout: String(decoding: fm.contents(atPath: outPath) ?? Data(), as: UTF8.self),
                         stderr: String(decoding: fm.contents(atPath: errPath) ?? Data(), as: UTF8.self))
}

/// Starts an executable (no shell) with stdin from /dev/null and stdout and stderr into the
/// files given, and returns its pid at once; see `runProcess` for why `posix_spawn`.
func startProcess(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                  currentDirectory: URL? = nil, stdout outPath: String = "/dev/null",
                  stderr errPath: String = "/dev/null") throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    if let closeFrom = SpawnExtras.addCloseFrom { _ = closeFrom(&actions, 3) }
    if let currentDirectory, let addChdir = SpawnExtras.addChdir { _ = addChdir(&actions, currentDirectory.path) }

    var env = environment ?? ProcessInfo.processInfo.environment
    // Records of boards read (`CheckedFiles`) go to the tests' own cache, not the user's.
    if env["XDG_CACHE_HOME"] == nil { env["XDG_CACHE_HOME"] = E2EPaths.testCache }
    let argv = [executable.path] + arguments
    let envp = env.map { "\($0.key)=\($0.value)" }
    var pid: pid_t = 0
    let spawned: Int32 = withCStringArray(argv) { cArgv in
        withCStringArray(envp) { cEnvp in
            posix_spawn(&pid, executable.path, &actions, nil, cArgv, cEnvp)
        }
    }
    guard spawned == 0 else {
        throw E2EError("cannot start \(executable.path): \(String(cString: strerror(spawned)))")
    }
    return pid
}

/// Waits for a child to end; returns its exit status, or 128 + the signal that ended it.
func waitForProcess(_ pid: pid_t) throws -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
        guard errno == EINTR else { throw E2EError("waitpid(\(pid)) failed: \(String(cString: strerror(errno)))") }
    }
    // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` and `…_addchdir_np` (2.34+), which
/// the Glibc module does not import; looked up at run time, nil where missing.
private enum SpawnExtras {
    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    typealias Chdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    static let addCloseFrom: CloseFrom? = lookup("posix_spawn_file_actions_addclosefrom_np")
    static let addChdir: Chdir? = lookup("posix_spawn_file_actions_addchdir_np")

    private static func lookup<F>(_ name: String) -> F? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: F.self)
    }
}

/// Calls `body` with a NULL-terminated C array of the strings (for argv and envp).
private func withCStringArray<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
    defer { for p in pointers { free(p) } }
    return body(pointers)
}

/// Quotes a string for a POSIX shell.
func shellQuote(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// One end-to-end session: a private folder (used as HOME, TMPDIR and the working folder)
/// and a private tmux server (`tmux -L <unique name>`) whose one pane runs a command.
///
/// Everything that waits polls with a deadline (every 50 ms, 10 s by default) and, on
/// timeout, throws with the last screen so the failure explains itself.
final class TmuxSession {
    let name: String
    /// The test's private folder: HOME, TMPDIR and the working folder of every command.
    let dir: URL
    let docket: URL
    let tmuxPath: URL
    let term = E2EPaths.terminalType
    private var started = false

    /// Where the runner script writes the docket process id, its exit status and `stty -a`.
    var pidFile: URL { dir.appendingPathComponent("docket.pid") }
    var exitFile: URL { dir.appendingPathComponent("exit.status") }
    var sttyFile: URL { dir.appendingPathComponent("stty.out") }

    static let defaultTimeout: TimeInterval = 10
    static let pollInterval: useconds_t = 50_000

    private nonisolated(unsafe) static var counter = 0

    init(testName: String) throws {
        docket = try E2EPaths.requireDocket()
        guard let tmux = E2EPaths.findExecutable("tmux") else {
            throw XCTSkip("tmux is not installed: the end-to-end tests drive docket inside tmux (apt-get install tmux)")
        }
        tmuxPath = tmux
        TmuxSession.counter += 1
        let safe = testName.filter { $0.isLetter || $0.isNumber }.suffix(24)
        let unique = UUID().uuidString.prefix(8).lowercased()
        name = "docket-e2e-\(getpid())-\(TmuxSession.counter)-\(safe)-\(unique)"
        dir = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("tmp"), withIntermediateDirectories: true)
    }

    // MARK: - Environment

    /// The environment of every command: a private HOME and TMPDIR, DOCKET_USER=e2e, a UTF-8
    /// locale and the terminal type; nothing from a surrounding tmux.
    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["TMUX", "TMUX_PANE", "NO_COLOR", "DOCKET_THEME", "VISUAL", "EDITOR", "LC_CTYPE", "LC_MESSAGES",
                    "XDG_CACHE_HOME", "DOCKET_NO_CACHE"] {
            env.removeValue(forKey: key)
        }
        env["HOME"] = dir.path
        env["TMPDIR"] = dir.appendingPathComponent("tmp").path
        env["DOCKET_USER"] = "e2e"
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env["TERM"] = term
        env["SHELL"] = "/bin/sh"
        env["ESCDELAY"] = "25"
        return env
    }

    /// The `export` lines that give a pane the same environment.
    private var exportLines: String {
        let env = environment
        return ["HOME", "TMPDIR", "DOCKET_USER", "LANG", "LC_ALL", "TERM", "SHELL", "ESCDELAY", "PATH"]
            .compactMap { key in env[key].map { "export \(key)=\(shellQuote($0))" } }
            .joined(separator: "\n")
    }

    // MARK: - Running docket without a terminal

    /// Runs `docket ARGS` to completion in the test's folder (for init, add, import…).
    @discardableResult
    func runDocket(_ arguments: [String]) throws -> CommandResult {
        let result = try runProcess(docket, arguments, environment: environment, currentDirectory: dir)
        guard result.status == 0 else {
            throw E2EError("`docket \(arguments.joined(separator: " "))` exited with \(result.status)\nstdout: \(result.stdout)\nstderr: \(result.stderr)")
        }
        return result
    }

    /// A new board file in the test's folder made with `docket init`, plus items made with
    /// `docket add` (in Inbox). Returns the file and the new ids in order.
    func makeBoard(_ fileName: String = "board.json", items: [String] = []) throws -> (URL, [String]) {
        let url = dir.appendingPathComponent(fileName)
        try runDocket(["init", url.path])
        var ids: [String] = []
        for title in items {
            let out = try runDocket(["add", title, "--stage", "Inbox", "-b", url.path])
            ids.append(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return (url, ids)
    }

    // MARK: - tmux

    /// Runs `tmux -L <name> ARGS` and returns its output; throws when tmux fails.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let result = try runProcess(tmuxPath, ["-L", name] + arguments, environment: environment, currentDirectory: dir)
        guard result.status == 0 else {
            throw E2EError("`tmux -L \(name) \(arguments.joined(separator: " "))` failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    /// Starts the server with one W×H pane running `script` (shell text run by /bin/sh).
    func start(script: String, width: Int = 100, height: Int = 30) throws {
        let scriptURL = dir.appendingPathComponent("pane.sh")
        let text = "#!/bin/sh\ncd \(shellQuote(dir.path)) || exit 99\n\(exportLines)\n\(script)\n"
        try Data(text.utf8).write(to: scriptURL)
        try tmux(["-f", "/dev/null", "-u", "new-session", "-d", "-x", String(width), "-y", String(height),
                  "/bin/sh \(shellQuote(scriptURL.path))"])
        started = true
    }

    /// Starts the pane with `docket ARGS` in the foreground. The runner records docket's pid
    /// (`docket.pid`), then after docket ends: `stty -a` of the pane's terminal
    /// (`stty.out`), the exit status on screen (`EXIT:n`) and in `exit.status`; then it
    /// keeps the pane open so the screen can still be read.
    /// `exports` are extra environment variables for docket (e.g. `VISUAL`).
    func startDocket(_ arguments: [String], width: Int = 100, height: Int = 30, exports: [String: String] = [:]) throws {
        let args = ([docket.path] + arguments).map(shellQuote).joined(separator: " ")
        let exportText = exports.sorted { $0.key < $1.key }.map { "export \($0.key)=\(shellQuote($0.value))\n" }.joined()
        let script = exportText + """
            sh -c 'echo $$ > docket.pid; exec "$0" "$@"' \(args)
            status=$?
            stty -a > stty.out 2>&1
            echo "EXIT:$status"
            echo "$status" > exit.status.tmp && mv exit.status.tmp exit.status
            exec sleep 600
            """
        try start(script: script, width: width, height: height)
    }

    /// Sends tmux key names (`q`, `Enter`, `Escape`, `C-c`, `S-Right`…).
    func keys(_ names: String...) throws {
        try tmux(["send-keys", "-t", "0"] + names)
    }

    /// Types text literally (UTF-8, no key-name lookup).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "0", "-l", text])
    }

    /// The visible screen as text (`capture-pane -p`), or with styles (`-e`).
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "0"] + (escapes ? ["-e"] : []))
    }

    /// Resizes the window (and so the pane) to W×H.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "0", "-x", String(width), "-y", String(height)])
    }

    /// A tmux format of the pane, e.g. `#{alternate_on}`.
    func paneFormat(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "0", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - Polling

    /// Polls `condition` every 50 ms until it holds; throws after `timeout` seconds with
    /// `what` and the last screen.
    func waitUntil(_ what: String, timeout: TimeInterval = TmuxSession.defaultTimeout,
                   _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if (try? condition()) == true { return }
            if Date() >= deadline {
                let last = (try? screen()) ?? "(no screen: \(name))"
                throw E2EError("timed out after \(timeout) s waiting for \(what)\n--- last screen ---\n\(last)--- end ---")
            }
            usleep(TmuxSession.pollInterval)
        }
    }

    /// Polls the screen until `predicate` holds and returns that screen.
    @discardableResult
    func waitForScreen(_ what: String, timeout: TimeInterval = TmuxSession.defaultTimeout,
                       escapes: Bool = false, _ predicate: (String) -> Bool) throws -> String {
        var matched = ""
        try waitUntil("the screen to show \(what)", timeout: timeout) {
            let s = try screen(escapes: escapes)
            if predicate(s) { matched = s; return true }
            return false
        }
        return matched
    }

    /// Polls the screen until it contains `text`; returns that screen.
    @discardableResult
    func waitForText(_ text: String, timeout: TimeInterval = TmuxSession.defaultTimeout) throws -> String {
        try waitForScreen("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen until it no longer contains `text`; returns that screen.
    @discardableResult
    func waitForNoText(_ text: String, timeout: TimeInterval = TmuxSession.defaultTimeout) throws -> String {
        try waitForScreen("no \"\(text)\"", timeout: timeout) { !$0.contains(text) }
    }

    /// Polls the board file until it loads and `predicate` holds; returns that board.
    @discardableResult
    func waitForBoard(_ url: URL, _ what: String, timeout: TimeInterval = TmuxSession.defaultTimeout,
                      _ predicate: (Board) -> Bool) throws -> Board {
        var matched: Board?
        try waitUntil("the saved file \(url.lastPathComponent) to have \(what)", timeout: timeout) {
            let board = try BoardStore.load(url).board
            if predicate(board) { matched = board; return true }
            return false
        }
        return matched!
    }

    /// The pid of the docket process, once the runner has written it.
    func docketPID() throws -> pid_t {
        var pid: pid_t = 0
        try waitUntil("docket's pid file") {
            let text = try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let p = pid_t(text), p > 0 else { return false }
            pid = p
            return true
        }
        return pid
    }

    /// Whether the docket process is still running.
    func docketIsRunning() throws -> Bool {
        let pid = try docketPID()
        return !TmuxSession.hasEnded(pid) && !FileManager.default.fileExists(atPath: exitFile.path)
    }

    /// Waits for docket to end and returns its exit status (as the shell reports it: 128+n
    /// for a signal n).
    func waitForExit(timeout: TimeInterval = TmuxSession.defaultTimeout) throws -> Int32 {
        var status: Int32 = -1
        try waitUntil("docket to exit", timeout: timeout) {
            let text = try String(contentsOf: exitFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let s = Int32(text) else { return false }
            status = s
            return true
        }
        return status
    }

    /// Sends `signal` to docket and waits for it to exit; on timeout the error says whether
    /// docket is still alive and what it is doing (from /proc), which is what a lost signal
    /// looks like.
    func signalAndWaitForExit(_ signal: Int32, timeout: TimeInterval = 5) throws -> Int32 {
        let pid = try docketPID()
        guard kill(pid, signal) == 0 else { throw E2EError("kill(\(pid), \(signal)) failed: errno \(errno)") }
        do {
            return try waitForExit(timeout: timeout)
        } catch let error as E2EError {
            let alive = !TmuxSession.hasEnded(pid)
            var detail = alive ? "docket (pid \(pid)) is still running" : "docket (pid \(pid)) is gone but the runner saw no exit"
            if alive, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) {
                let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
                if fields.count > 13 {
                    detail += "; state \(fields[0]), utime \(fields[11]) stime \(fields[12]) ticks"
                }
            }
            if let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) {
                let masks = status.split(separator: "\n").filter { $0.hasPrefix("SigBlk") || $0.hasPrefix("SigIgn") || $0.hasPrefix("SigCgt") }
                detail += "; main thread " + masks.joined(separator: " ")
            }
            throw E2EError("docket did not exit within \(timeout) s of signal \(signal) (\(detail))\n\(error.description)")
        }
    }

    /// Closes the terminal under docket: kills the tmux server, so the pane's terminal hangs up.
    func closeTerminal() throws {
        try tmux(["kill-server"])
    }

    /// Whether process `pid` has ended (gone, or a zombie waiting to be reaped).
    static func hasEnded(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return true }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }

    /// CPU time used by `pid` so far, in clock ticks (user + system), from /proc; nil if unknown.
    static func cpuTicks(_ pid: pid_t) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return nil }
        let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
        guard fields.count > 13, let u = Int(fields[11]), let s = Int(fields[12]) else { return nil }
        return u + s
    }

    /// The tokens of `stty -a` as the runner recorded them after docket ended.
    func sttyFlags() throws -> Set<String> {
        let text = try String(contentsOf: sttyFile, encoding: .utf8)
        return Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" || $0 == "\t" }).map(String.init))
    }

    // MARK: - Teardown

    /// Kills the tmux server, makes sure docket is gone, and removes the folder.
    func tearDown() {
        if started {
            _ = try? runProcess(tmuxPath, ["-L", name, "kill-server"], environment: environment)
            // The pane's processes get SIGHUP; give docket a moment to save and leave.
            if let text = try? String(contentsOf: pidFile, encoding: .utf8),
               let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0 {
                let deadline = Date().addingTimeInterval(3)
                while !TmuxSession.hasEnded(pid) && Date() < deadline { usleep(TmuxSession.pollInterval) }
                if !TmuxSession.hasEnded(pid) {
                    // Known docket bug (see the e2e report): a lost SIGHUP leaves it spinning.
                    FileHandle.standardError.write(Data("warning: docket (pid \(pid)) outlived its terminal by 3 s; killing it\n".utf8))
                    kill(pid, SIGKILL)
                }
            }
        }
        // A process of the pane may still be writing into the folder as it ends: retry briefly.
        let deadline = Date().addingTimeInterval(2)
        while FileManager.default.fileExists(atPath: dir.path) {
            try? FileManager.default.removeItem(at: dir)
            if Date() >= deadline { break }
            if FileManager.default.fileExists(atPath: dir.path) { usleep(TmuxSession.pollInterval) }
        }
    }
}

/// A base class that gives each test its own `TmuxSession` and tears it down.
class TmuxTestCase: XCTestCase {
    private var current: TmuxSession?

    /// The test's session (made on first use).
    func session() throws -> TmuxSession {
        if let current { return current }
        let made = try TmuxSession(testName: name)
        current = made
        return made
    }

    override func tearDown() {
        current?.tearDown()
        current = nil
        super.tearDown()
    }
}

/// The lines of a screen without trailing blank lines.
func screenLines(_ screen: String) -> [String] {
    var lines = screen.components(separatedBy: "\n")
    while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
    return lines
}
