import DocketCore
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 14 case 6 with a terminal that answers the OSC 11 background query (tmux does not):
/// docket runs on a pty this test drives, the test answers the query as a terminal would, and
/// the theme follows the answer (over COLORFGBG).
final class BackgroundQueryEndToEndTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("docket-osc11-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        super.tearDown()
    }

    /// Runs docket on a new pty, answers its OSC 11 query with `answer`, and returns what it
    /// drew once `done` holds for the output (or the deadline passed), after quitting it.
    private func run(answer: String, colorFGBG: String?, until done: (String) -> Bool) throws -> String {
        let docket = try E2EPaths.requireDocket()
        let board = folder.appendingPathComponent("board.json")
        var env = ProcessInfo.processInfo.environment
        for key in ["TMUX", "NO_COLOR", "DOCKET_THEME", "COLORFGBG", "DOCKET_KEYS"] { env.removeValue(forKey: key) }
        env["HOME"] = folder.path
        env["DOCKET_USER"] = "e2e"
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env["TERM"] = "xterm-256color"
        env["LINES"] = "24"
        env["COLUMNS"] = "80"
        if let colorFGBG { env["COLORFGBG"] = colorFGBG }
        XCTAssertEqual(try runProcess(docket, ["init", board.path], environment: env).status, 0)

        guard let pty = PTY.functions else { throw XCTSkip("posix_openpt is not in this C library") }
        let master = pty.open(O_RDWR | O_NOCTTY)
        guard master >= 0, pty.grant(master) == 0, pty.unlock(master) == 0, let name = pty.name(master) else {
            throw XCTSkip("no pseudo-terminal available")
        }
        defer { close(master) }
        let slave = String(cString: name)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, slave, O_RDWR, 0) }
        posix_spawn_file_actions_addclose(&actions, master)
        let copy = { (s: String) -> UnsafeMutablePointer<CChar>? in strdup(s) }
        let argv = [docket.path, board.path].map(copy) + [nil]
        let envp = env.map { copy("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, docket.path, &actions, nil, argv, envp) == 0 else { throw E2EError("cannot start docket") }

        var output: [UInt8] = []
        var answered = false
        let deadline = Date().addingTimeInterval(10)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&pfd, 1, 50) > 0 {
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { break }
                output += buffer[0..<n]
            }
            let text = String(decoding: output, as: UTF8.self)
            if !answered, text.contains("\u{1B}]11;?") {
                answered = true
                _ = answer.withCString { write(master, $0, strlen($0)) }
            }
            if answered, done(text) { break }
        }
        _ = write(master, "q", 1)
        let quitBy = Date().addingTimeInterval(5)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() >= quitBy { kill(pid, SIGKILL); _ = waitpid(pid, &status, 0); break }
            // Keep the pty drained so docket's last writes never block.
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&pfd, 1, 50) > 0 { _ = read(master, &buffer, buffer.count) }
        }
        XCTAssertTrue(answered, "docket asked for the background (OSC 11)")
        return String(decoding: output, as: UTF8.self)
    }

    func testALightAnswerPicksTheLightTheme() throws {
        let out = try run(answer: "\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\\u{1B}[?62;22c", colorFGBG: nil) { $0.contains("48;5;24m") }
        XCTAssertTrue(out.contains("48;5;24m"), "the light theme's status line (white on colour 24):\n\(out.debugDescription.suffix(600))")
    }

    func testADarkAnswerWinsOverCOLORFGBG() throws {
        let out = try run(answer: "\u{1B}]11;rgb:0000/0000/0000\u{7}\u{1B}[?62;22c", colorFGBG: "0;15") { $0.contains("saved") }
        XCTAssertTrue(out.contains("saved"), "the board was drawn:\n\(out.debugDescription.suffix(600))")
        XCTAssertFalse(out.contains("48;5;24m"), "not the light theme: the terminal said its background is dark")
    }
}

/// The pty functions, looked up at run time: the Glibc module does not import them.
private enum PTY {
    typealias IntFn = @convention(c) (Int32) -> Int32
    typealias NameFn = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
    struct Functions { let open: IntFn; let grant: IntFn; let unlock: IntFn; let name: NameFn }

    static let functions: Functions? = {
        func find<F>(_ name: String) -> F? {
            dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: F.self) }
        }
        guard let o: IntFn = find("posix_openpt"), let g: IntFn = find("grantpt"), let u: IntFn = find("unlockpt"),
              let n: NameFn = find("ptsname") else { return nil }
        return Functions(open: o, grant: g, unlock: u, name: n)
    }()
}
