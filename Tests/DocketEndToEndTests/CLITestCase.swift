import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A test of the real `docket` binary run as a script would (no terminal): a fresh temporary
/// folder per test (`dir`, removed afterwards, made writable first), the binary (`docket`),
/// and `run` with `DOCKET_USER=e2e` in that folder (records of boards read, `CheckedFiles`, in
/// its `.cache`).
class CLITestCase: XCTestCase {
    var dir: URL!
    var docket: URL!

    override func setUpWithError() throws {
        docket = try E2EPaths.requireDocket()
        dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("docket-\(String(describing: type(of: self)))-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() {
        if let dir {
            chmod(dir.path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        super.tearDown()
    }

    /// Runs `docket ARGS` in `dir`; the result holds the exit status, stdout and stderr.
    @discardableResult
    func run(_ args: [String]) throws -> CommandResult {
        var env = ProcessInfo.processInfo.environment
        env["DOCKET_USER"] = "e2e"
        // Records of boards read in full (`CheckedFiles`) stay in the test's folder.
        env["XDG_CACHE_HOME"] = dir.appendingPathComponent(".cache").path
        env.removeValue(forKey: "DOCKET_NO_CACHE")
        return try runProcess(docket, args, environment: env, currentDirectory: dir)
    }
}
