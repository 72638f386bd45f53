import DocketCore
import Foundation
import XCTest

/// Sharing a board through git with the real binary: two clones of a bare repository synced
/// with `docket sync`, and `git merge` of two branches through `docket merge-driver`.
final class GitSyncEndToEndTests: XCTestCase {
    var dir: URL!
    var docket: URL!
    var git: URL!
    var env: [String: String] = [:]

    override func setUpWithError() throws {
        guard let git = E2EPaths.findExecutable("git") else {
            throw XCTSkip("git is not installed: the git sync tests need it (apt-get install git)")
        }
        self.git = git
        docket = try E2EPaths.requireDocket()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("docket-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        env = ProcessInfo.processInfo.environment
        // No user or system git config (a global pull.rebase or commit signing would change
        // what is tested), and no repository above the temporary folder.
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_CEILING_DIRECTORIES"] = dir.path
        env["HOME"] = dir.path
        env["DOCKET_USER"] = "e2e"
    }

    override func tearDown() {
        if let dir { try? FileManager.default.removeItem(at: dir) }
        super.tearDown()
    }

    /// Runs `docket ARGS` in `folder` and checks its exit status.
    @discardableResult
    func docket(_ args: [String], in folder: URL, status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> CommandResult {
        let r = try runProcess(docket, args, environment: env, currentDirectory: folder)
        XCTAssertEqual(r.status, status, "docket \(args.joined(separator: " ")):\n\(r.stdout)\n\(r.stderr)", file: file, line: line)
        return r
    }

    /// Runs `git ARGS` in `folder`; throws with its output when it fails.
    @discardableResult
    func git(_ args: [String], in folder: URL) throws -> String {
        let r = try runProcess(git, ["-C", folder.path] + args, environment: env)
        guard r.status == 0 else { throw E2EError("git \(args.joined(separator: " ")) failed (\(r.status)):\n\(r.stdout)\n\(r.stderr)") }
        return r.stdout
    }

    /// A repository in `dir/name` on branch main with a committer set.
    func clone(_ remote: URL, _ name: String) throws -> URL {
        let folder = dir.appendingPathComponent(name)
        try git(["clone", "--quiet", remote.path, folder.path], in: dir)
        try git(["config", "user.name", name], in: folder)
        try git(["config", "user.email", "\(name)@example.com"], in: folder)
        return folder
    }

    func add(_ title: String, in folder: URL) throws -> String {
        try docket(["add", title], in: folder).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func board(_ folder: URL) throws -> Board {
        try BoardStore.load(folder.appendingPathComponent("docket.json")).board
    }

    func testTwoClonesSyncThroughABareRepository() throws {
        let remote = dir.appendingPathComponent("remote.git")
        try git(["init", "--quiet", "--bare", "--initial-branch=main", remote.path], in: dir)
        let a = try clone(remote, "alice")
        try git(["checkout", "--quiet", "-b", "main"], in: a)
        try docket(["init"], in: a)
        let shared = try add("Export invoices", in: a)
        let setup = try docket(["git-setup"], in: a)
        XCTAssertTrue(setup.stdout.contains("merge-driver %O %A %B %P"), setup.stdout)
        try docket(["git-setup"], in: a)
        XCTAssertEqual(try String(contentsOf: a.appendingPathComponent(".gitattributes"), encoding: .utf8), "docket.json merge=docket\n",
                       "git-setup twice adds one line")
        XCTAssertEqual(try String(contentsOf: a.appendingPathComponent(".gitignore"), encoding: .utf8), "/docket.json.bak\n",
                       "Docket's backup is kept out of git, once")
        // No upstream yet: the board is committed, and the message says how to push.
        let first = try docket(["sync"], in: a, status: 1)
        XCTAssertTrue(first.stderr.contains("no upstream") && first.stderr.contains("git push -u origin main"), first.stderr)
        XCTAssertEqual(try git(["show", "--name-only", "--format=%s", "HEAD"], in: a), "Board: 1 added\n\n.gitattributes\n.gitignore\ndocket.json\n")
        try git(["push", "--quiet", "-u", "origin", "main"], in: a)

        let b = try clone(remote, "bob")
        XCTAssertNotNil(try board(b).items[shared])
        // Each side changes the board: different items, and the same field of the same item.
        let fromA = try add("Audit log", in: a)
        try docket(["set", shared, "title=Export invoices as PDF"], in: a)
        let fromB = try add("Dark mode", in: b)
        try docket(["move", fromB, "ready"], in: b)
        try docket(["set", shared, "title=Export invoices as CSV", "points=3"], in: b)

        try docket(["sync"], in: a)
        XCTAssertEqual(try git(["log", "-1", "--format=%B", "origin/main"], in: a),
                       "Board: 1 added, 1 changed\n\n+ \(fromA) Audit log (Inbox)\n~ \(shared) Export invoices as PDF: title\n\n")
        // Bob's clone has .gitattributes but no driver in its config: sync configures it.
        let synced = try docket(["sync"], in: b)
        XCTAssertTrue(synced.stdout.contains("configured it"), synced.stdout)
        XCTAssertTrue(synced.stderr.contains("1 conflict") && synced.stderr.contains("\(shared) \"Export invoices as CSV\" title"), synced.stderr)
        let merged = try board(b)
        XCTAssertEqual(merged.items[shared]?.title, "Export invoices as CSV", "bob changed it later (or in the same second: ours wins)")
        XCTAssertEqual(merged.items[shared]?.points, 3)
        XCTAssertEqual(merged.items[fromA]?.title, "Audit log")
        XCTAssertEqual(merged.items[fromB]?.stage, "ready")
        XCTAssertEqual(merged.activity.last?.action, "conflict")
        XCTAssertEqual(merged.activity.last?.from, "Export invoices as PDF")
        XCTAssertEqual(try git(["status", "--porcelain"], in: b), "", "the merge is committed")

        try docket(["sync"], in: a)
        XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent("docket.json")),
                       try Data(contentsOf: b.appendingPathComponent("docket.json")))
        // Nothing to commit: still pulls and pushes.
        let idle = try docket(["sync"], in: a)
        XCTAssertTrue(idle.stdout.contains("nothing to commit"), idle.stdout)
    }

    /// Changes the board in `folder` as the palette would (there is no CLI for stages).
    func editBoard(_ folder: URL, _ change: (inout Board) throws -> Void) throws {
        let url = folder.appendingPathComponent("docket.json")
        var board = try BoardStore.load(url).board
        try change(&board)
        try BoardStore.save(board, to: url)
    }

    func testStagesAddedInTwoClonesAreBothKeptBySync() throws {
        let remote = dir.appendingPathComponent("remote.git")
        try git(["init", "--quiet", "--bare", "--initial-branch=main", remote.path], in: dir)
        let a = try clone(remote, "alice")
        try git(["checkout", "--quiet", "-b", "main"], in: a)
        try docket(["init"], in: a)
        let item = try add("Checkout flow", in: a)
        try docket(["git-setup"], in: a)
        try docket(["sync"], in: a, status: 1)  // no upstream yet: committed
        try git(["push", "--quiet", "-u", "origin", "main"], in: a)
        let b = try clone(remote, "bob")

        try editBoard(a) { try $0.header.addStage(named: "UAT2"); $0.header.stages[4].wipLimit = 4 }
        try docket(["move", item, "UAT2"], in: a)
        try editBoard(b) { try $0.header.addStage(named: "Staging2"); $0.header.stages[4].wipLimit = 2 }
        try docket(["sync"], in: a)
        let synced = try docket(["sync"], in: b)
        XCTAssertTrue(synced.stderr.contains("board stages.review: kept \"Review (doing, WIP 2)\", dropped \"Review (doing, WIP 4)\""),
                      synced.stderr)
        try docket(["sync"], in: a)
        for folder in [a, b] {
            let merged = try board(folder)
            // Bob merged (ours = his board): his new stage first, Alice's after it, both before Done.
            XCTAssertEqual(merged.stages.map(\.name), ["Inbox", "Ideas", "Ready", "In progress", "Review", "Staging2", "UAT2", "Done"])
            XCTAssertEqual(merged.items[item]?.stage, "uat2")
            XCTAssertTrue(try docket(["list", "--stage", "UAT2"], in: folder).stdout.contains(item), "the moved item is listed in its stage")
            XCTAssertEqual(try docket(["check"], in: folder).stdout, "no problems found\n")
        }
        XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent("docket.json")),
                       try Data(contentsOf: b.appendingPathComponent("docket.json")))
    }

    func testGitMergeOfTwoBranchesUsesTheDriver() throws {
        let repo = dir.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        try docket(["init"], in: repo)
        let notRepo = try docket(["git-setup"], in: repo, status: 1)
        XCTAssertTrue(notRepo.stderr.contains("not in a git repository"), notRepo.stderr)
        try git(["init", "--quiet", "--initial-branch=main"], in: repo)
        try git(["config", "user.name", "carol"], in: repo)
        try git(["config", "user.email", "carol@example.com"], in: repo)
        let item = try add("Login fails on Safari", in: repo)
        try docket(["git-setup"], in: repo)
        XCTAssertTrue(try git(["config", "merge.docket.driver"], in: repo).hasSuffix(" merge-driver %O %A %B %P\n"))
        try git(["add", "."], in: repo)
        try git(["commit", "--quiet", "-m", "board"], in: repo)

        try git(["checkout", "--quiet", "-b", "feature"], in: repo)
        try docket(["set", item, "priority=must"], in: repo)
        let onFeature = try add("Feature work", in: repo)
        try git(["commit", "--quiet", "-am", "feature"], in: repo)
        try git(["checkout", "--quiet", "main"], in: repo)
        try docket(["set", item, "priority=could", "points=2"], in: repo)
        let onMain = try add("Main work", in: repo)
        try git(["commit", "--quiet", "-am", "main"], in: repo)

        // Both sides changed the same item (one line of the file): a text merge would conflict.
        let merge = try runProcess(git, ["-C", repo.path, "merge", "--no-edit", "feature"], environment: env)
        XCTAssertEqual(merge.status, 0, merge.stdout + merge.stderr)
        XCTAssertTrue(merge.stderr.contains("\(item) \"Login fails on Safari\" priority"), merge.stderr)
        let text = try String(contentsOf: repo.appendingPathComponent("docket.json"), encoding: .utf8)
        XCTAssertFalse(text.contains("<<<<<<<"), text)
        let merged = try board(repo)
        XCTAssertEqual(Set(merged.items.keys), [item, onFeature, onMain])
        XCTAssertEqual(merged.items[item]?.points, 2)
        XCTAssertEqual(merged.items[item]?.priority, .could, "main changed it later (or in the same second: ours wins)")
    }
}
