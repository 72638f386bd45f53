import ArgumentParser
import DocketCore
import DocketUI
import Foundation

/// `docket sync [--board FILE] [--message M]`: commits the board (and `.gitattributes` when it
/// changed and gives the board `merge=docket`) with a message that summarises the changes
/// since the last commit, then `git pull --no-rebase` (the board merged by `docket
/// merge-driver`), then `git push`. git's own messages and errors are shown as git prints
/// them; any failure exits non-zero. With nothing to commit it still pulls and pushes.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sync",
        abstract: "Commit the board with a summary of its changes, pull (merging boards with Docket) and push.")

    @Option(name: [.customShort("m"), .long], help: "The commit's first line (default: a summary such as `Board: 2 added, 1 moved`).")
    var message: String?
    @OptionGroup var options: BoardOptions

    func run() throws {
        // Commit and pull under the board's lock: an open board saving while git replaces the
        // file would otherwise have its save unlinked by git's checkout (issue 15's git loop).
        let git = try BoardLock.withLock(try options.url()) { try commitAndPull() }
        let push = try git.run(["push"], capture: false)
        guard push.status == 0 else {
            printError("docket: git push failed (git's message above); run `docket sync` again to pull what was pushed meanwhile")
            throw ExitCode(1)
        }
    }

    /// Commits the board (when it changed) and pulls; returns the repository's git.
    private func commitAndPull() throws -> Git {
        let (url, loaded) = try options.load()
        let repo = try BoardRepository(board: url)
        let git = repo.git
        try Self.checkDriver(repo)

        let attributes = try GitSetupCommand.hasAttribute(repo) && isDirty(git, ".gitattributes")
        // The .gitignore line git-setup wrote for the board's .bak goes with it.
        let ignores = try isDirty(git, ".gitignore") && !GitSetupCommand.ignoreBackup(repo, write: false)
        if try isDirty(git, repo.boardPath) || attributes || ignores {
            let paths = [repo.boardPath] + (attributes ? [".gitattributes"] : []) + (ignores ? [".gitignore"] : [])
            let old = try? git.run(["show", "HEAD:./\(repo.boardPath)"])
            let before = old.flatMap { $0.status == 0 ? try? BoardDecoder.decode(Data($0.stdout.utf8), path: "HEAD").board : nil }
            let text = BoardChanges(from: before, to: loaded.board).commitMessage(title: message.map(SafeText.oneLine), oneLine: SafeText.oneLine)
            try gitOrFail(git, ["--literal-pathspecs", "add", "--"] + paths, "git add")
            try gitOrFail(git, ["--literal-pathspecs", "commit", "--quiet", "-m", text, "--"] + paths, "git commit")
            print("committed \(repo.boardPath): \(text.split(separator: "\n").first ?? "")")
        } else {
            print("nothing to commit in \(repo.boardPath)")
        }

        let upstream = try git.run(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"])
        guard upstream.status == 0 else {
            let branch = (try? git.output(["rev-parse", "--abbrev-ref", "HEAD"])) ?? "HEAD"
            printError(branch == "HEAD"
                ? "docket: not on a branch (detached HEAD): check out a branch to sync"
                : "docket: the branch \(branch) has no upstream to pull from and push to: push it once with `git push -u origin \(branch)` (or `git branch --set-upstream-to`), then sync again")
            throw ExitCode(1)
        }
        let pull = try git.run(["pull", "--no-rebase", "--no-edit"], capture: false, environment: ["GIT_MERGE_AUTOEDIT": "no"])
        guard pull.status == 0 else {
            printError("docket: git pull failed (git's message above); the board's commit is kept: resolve what git reports, then `docket sync` again")
            throw ExitCode(1)
        }
        do { _ = try BoardStore.load(url) } catch {
            printError("docket: after the pull the board does not parse: \(error)")
            throw ExitCode(1)
        }
        return git
    }

    /// True when git sees uncommitted changes (or an untracked file) at `path`.
    private func isDirty(_ git: Git, _ path: String) throws -> Bool {
        !(try git.output(["--literal-pathspecs", "status", "--porcelain", "--untracked-files=all", "--", path]).isEmpty)
    }

    /// Runs git, capturing its output; on failure prints its stderr as it is and exits 1.
    private func gitOrFail(_ git: Git, _ args: [String], _ what: String) throws {
        let r = try git.run(args)
        guard r.status != 0 else { return }
        FileHandle.standardError.write(Data((r.stderr + r.stdout).utf8))
        printError("docket: \(what) failed (exit \(r.status))")
        throw ExitCode(1)
    }

    /// When the board has `merge=docket` but this clone has no driver configured (config is
    /// not cloned), configures it with this binary; when it lacks the attribute, says how to
    /// add it (git would merge the board as text).
    static func checkDriver(_ repo: BoardRepository) throws {
        guard try GitSetupCommand.hasAttribute(repo) else {
            printError("docket: git merges \(repo.boardPath) as text: run `docket git-setup` so it merges boards with Docket")
            return
        }
        let configured = try repo.git.run(["config", "--get", "merge.docket.driver"])
        if configured.status != 0 || configured.stdout.isEmpty {
            print("this clone had no docket merge driver; configured it:")
            try GitSetupCommand.configureDriver(repo, command: nil)
        }
    }
}
