import DocketCore
import Foundation

/// Runs `git` with Foundation's `Process` (no shell), in the folder given, and answers the
/// questions `git-setup` and `sync` ask about the repository that holds a board.
struct Git {
    /// The folder git runs in (`Process.currentDirectoryURL`).
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

    /// Runs `git ARGS`. With `capture`, stdout and stderr are collected and returned; without,
    /// git shares this process's terminal (progress, credential prompts and errors as git
    /// prints them). Throws `BoardStoreError` only when git cannot be started.
    @discardableResult
    func run(_ args: [String], capture: Bool = true, environment extra: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = try Git.executable()
        process.arguments = args
        process.currentDirectoryURL = folder
        if !extra.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 } }
        let out = Pipe(), err = Pipe()
        if capture { process.standardOutput = out; process.standardError = err } else { fflush(nil) }  // our output first, then git's
        do { try process.run() } catch {
            throw BoardStoreError("cannot run git in \(folder.path): \((error as NSError).localizedDescription)")
        }
        final class Box: @unchecked Sendable { var data = Data() }
        let errData = Box()
        let errRead = DispatchGroup()
        if capture {
            // Read both pipes at once, so a large output on one never blocks git on the other.
            errRead.enter()
            DispatchQueue.global().async { errData.data = err.fileHandleForReading.readDataToEndOfFile(); errRead.leave() }
        }
        let outData = capture ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        errRead.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.data, as: UTF8.self))
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
