import ArgumentParser
import DocketCore
import Foundation

/// `docket git-setup [--board FILE] [--driver COMMAND]`: makes git merge the board with
/// Docket: appends `PATH merge=docket` to the repository's `.gitattributes` (unless git
/// already gives the board that attribute) and sets `merge.docket.name` and
/// `merge.docket.driver` in the repository's config. Prints what it wrote.
struct GitSetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "git-setup",
        abstract: "Register Docket as git's merge driver for the board (.gitattributes and git config).",
        discussion: """
            Run it once in each clone: .gitattributes is committed and shared, the driver \
            (merge.docket.driver in .git/config) is not. `docket sync` sets the driver up itself \
            in a clone where .gitattributes already asks for it.
            """)

    @Option(help: "The command git runs as the driver (default: the path of this docket binary).")
    var driver: String?
    @OptionGroup var options: BoardOptions

    func run() throws {
        let repo = try BoardRepository(board: options.url())
        if try Self.addAttribute(repo) {
            print(".gitattributes: added `\(Self.attributePattern(repo.boardPath)) merge=docket` (commit it, so every clone merges the board with Docket)")
        } else {
            print(".gitattributes: \(repo.boardPath) already has merge=docket")
        }
        if try Self.ignoreBackup(repo) {
            print(".gitignore: added `\(Self.ignorePattern(repo.boardPath))` (Docket's one-level backup stays out of git)")
        }
        try Self.configureDriver(repo, command: driver)
    }

    /// Appends the board's `.bak` to the root `.gitignore` unless git already ignores it; true
    /// when it wrote (with `write: false`, when it would have). Throws `BoardStoreError` when
    /// it cannot.
    static func ignoreBackup(_ repo: BoardRepository, write: Bool = true) throws -> Bool {
        let bak = repo.boardPath + ".bak"
        // `check-ignore` exits 0 when git ignores the path, 1 when it does not.
        if try repo.git.run(["check-ignore", "-q", "--no-index", "--", bak]).status == 0 { return false }
        guard write else { return true }
        let url = repo.root.appendingPathComponent(".gitignore")
        var text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        text += ignorePattern(repo.boardPath) + "\n"
        try AtomicFile.write(Array(text.utf8), to: url)
        return true
    }

    /// The board's backup as a root-anchored .gitignore pattern (`/docket.json.bak`), glob
    /// characters and leading `#`/`!` escaped.
    static func ignorePattern(_ boardPath: String) -> String {
        var escaped = "/"
        for c in boardPath + ".bak" {
            if "*?[\\!# ".contains(c) { escaped.append("\\") }
            escaped.append(c)
        }
        return escaped
    }

    /// True when git gives the board the attribute `merge=docket` (from any .gitattributes).
    static func hasAttribute(_ repo: BoardRepository) throws -> Bool {
        let out = try repo.git.output(["--literal-pathspecs", "check-attr", "merge", "--", repo.boardPath])
        return out.hasSuffix(": merge: docket")
    }

    /// Appends the board's line to the root `.gitattributes` unless git already gives the
    /// board `merge=docket`; true when it wrote. Throws `BoardStoreError` when it cannot.
    static func addAttribute(_ repo: BoardRepository) throws -> Bool {
        if try hasAttribute(repo) { return false }
        let url = repo.root.appendingPathComponent(".gitattributes")
        var text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        text += "\(attributePattern(repo.boardPath)) merge=docket\n"
        try AtomicFile.write(Array(text.utf8), to: url)
        return true
    }

    /// The board's path as a .gitattributes pattern: glob characters escaped, quoted C-style
    /// when it holds spaces or quotes.
    static func attributePattern(_ path: String) -> String {
        var escaped = ""
        for c in path {
            if "*?[\\".contains(c) { escaped.append("\\") }
            escaped.append(c)
        }
        guard escaped.contains(where: { $0 == " " || $0 == "\t" || $0 == "\"" }) else { return escaped }
        return "\"" + escaped.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Sets `merge.docket.name` and `merge.docket.driver` (`COMMAND merge-driver %O %A %B %P`,
    /// COMMAND defaulting to this binary's path) in the repository's config and prints them.
    static func configureDriver(_ repo: BoardRepository, command: String?) throws {
        let driver = "\(command ?? shellQuoted(currentBinary())) merge-driver %O %A %B %P"
        let name = "Docket board: three-way merge by item and field"
        _ = try repo.git.output(["config", "merge.docket.name", name])
        _ = try repo.git.output(["config", "merge.docket.driver", driver])
        print("git config merge.docket.name \"\(name)\"")
        print("git config merge.docket.driver \"\(driver)\"")
    }

    /// This binary as it was run, made absolute without resolving symlinks (so a link such as
    /// /opt/homebrew/bin/docket stays valid across upgrades): argv[0] when it holds a slash,
    /// else its folder on PATH; /proc/self/exe, then `docket`, when neither is known.
    static func currentBinary() -> String {
        let arg0 = CommandLine.arguments.first ?? ""
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        if arg0.contains("/") { return URL(fileURLWithPath: arg0, relativeTo: cwd).standardizedFileURL.path }
        if !arg0.isEmpty {
            for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") where !dir.isEmpty {
                let candidate = URL(fileURLWithPath: String(dir), relativeTo: cwd).appendingPathComponent(arg0).standardizedFileURL
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            }
        }
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "docket"
    }

    /// `text` as one word for the shell git runs the driver with (single-quoted when needed).
    static func shellQuoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+=:,@".contains($0)) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
