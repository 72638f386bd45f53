import DocketCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `git` (no shell) in the folder given, and answers the
/// questions `git-setup` and `sync` ask about the repository that holds a board.
struct Git {
    /// The folder git runs in (`git -C FOLDER`).
    let folder: URL

    /// What a captured run printed, and its exit status.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `git` executable on `$PATH`. Throws `BoardStoreError` when there is none.
    static func executable() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("git")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw BoardStoreError("git is not installed (no `git` on PATH): install git to share a board through it")
    }

    /// Runs `git -C FOLDER ARGS`. With `capture`, stdout and stderr are collected and
    /// returned (stdin is /dev/null); without, git shares this process's terminal (progress,
    /// credential prompts and errors as git prints them). Throws `BoardStoreError` only when
    /// git cannot be started.
    ///
    /// Started with `posix_spawn` and waited for with `waitpid`, not Foundation's `Process`:
    /// on Linux `Process` waits until every process that inherited its status socket is gone,
    /// and git may leave a daemon behind (credential cache, ssh ControlPersist) for minutes.
    @discardableResult
    func run(_ args: [String], capture: Bool = true, environment extra: [String: String] = [:]) throws -> Output {
        let exe = try Git.executable()
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("docket-git-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        let outPath = base + ".out", errPath = base + ".err"
        defer { if capture { unlink(outPath); unlink(errPath) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if capture {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            fflush(nil)  // our output first, then git's
        }
        let argv = [exe.path, "-C", folder.path] + args
        let env = ProcessInfo.processInfo.environment.merging(extra) { $1 }.map { "\($0.key)=\($0.value)" }
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cEnv: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
        defer { for p in cArgs + cEnv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, exe.path, &actions, nil, &cArgs, &cEnv)
        guard rc == 0 else { throw BoardStoreError("cannot run \(exe.path): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        let code: Int32 = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let read = { (path: String) in capture ? String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) : "" }
        return Output(status: code, stdout: read(outPath), stderr: read(errPath))
    }

    /// Runs `git ARGS` and returns its stdout without the final line break. Throws
    /// `BoardStoreError` with git's stderr when it fails.
    func output(_ args: [String]) throws -> String {
        let r = try run(args)
        guard r.status == 0 else { throw BoardStoreError(Git.trimmed(r.stderr.isEmpty ? "git \(args.joined(separator: " ")) failed (exit \(r.status))" : r.stderr)) }
        return Git.trimmed(r.stdout)
    }

    static func trimmed(_ s: String) -> String {
        var s = s
        while s.last?.isNewline == true { s.removeLast() }
        return s
    }
}

/// The git repository that holds a board: its root, and the board's path from there
/// (with `/`, as git names paths).
struct BoardRepository {
    let git: Git
    let root: URL
    let boardPath: String

    /// The repository holding `board` (a file, which need not exist yet, in an existing
    /// folder). Throws `BoardStoreError` when git is missing or the folder is not in a
    /// git repository.
    init(board: URL) throws {
        let folder = board.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
            throw BoardStoreError("no folder \(folder.path)")
        }
        let git = Git(folder: folder)
        let r = try git.run(["rev-parse", "--show-toplevel", "--show-prefix"])
        guard r.status == 0 else {
            if r.stderr.contains("not a git repository") {
                throw BoardStoreError("\(folder.path) is not in a git repository: run `git init` (or clone the team's repository) first")
            }
            throw BoardStoreError(Git.trimmed(r.stderr))
        }
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 2 else { throw BoardStoreError("git rev-parse gave no repository root for \(folder.path)") }
        self.root = URL(fileURLWithPath: lines[0], isDirectory: true)
        self.git = Git(folder: root)
        self.boardPath = lines[1] + board.lastPathComponent
    }
}
