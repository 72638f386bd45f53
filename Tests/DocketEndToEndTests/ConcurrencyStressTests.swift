import DocketCore
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Issue 15's stress test: open boards (`StressSession`, driven through the update loop with
/// the real saver and merging writer) and `docket` command-line writers (`StressCLIWriter`,
/// the real binary) make seeded random adds, moves, renames, archives and re-ranks on one
/// board at once, at three speeds (no pause, 10 ms, 200 ms between changes). Afterwards:
/// every item created is in the file exactly once with the values its maker gave it last,
/// each maker's items keep the order it gave them, ranks are strictly ordered in every
/// column, the activity log holds exactly the entries each maker logged (once each, no
/// conflicts, nothing else) and `docket check` is clean.
///
/// Bounded: a fixed number of changes per actor; one round of the three speeds takes a few
/// seconds. `DOCKET_STRESS_SECONDS=3600` repeats rounds (new seeds each) for that long;
/// `DOCKET_STRESS_SEED` picks the first seed (default 15). Each round prints its figures.
final class ConcurrencyStressTests: XCTestCase {
    struct Speed {
        var name: String
        var pause: useconds_t
        var sessionSteps: Int
        var cliSteps: Int
    }

    static let speeds = [
        Speed(name: "no pause", pause: 0, sessionSteps: 60, cliSteps: 15),
        Speed(name: "10 ms", pause: 10_000, sessionSteps: 40, cliSteps: 10),
        Speed(name: "200 ms", pause: 200_000, sessionSteps: 10, cliSteps: 4),
    ]

    var dir: URL!
    var docket: URL!

    override func setUpWithError() throws {
        docket = try E2EPaths.requireDocket()
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("docket-stress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() {
        if let dir { try? FileManager.default.removeItem(at: dir) }
        super.tearDown()
    }

    static var longSeconds: TimeInterval { TimeInterval(ProcessInfo.processInfo.environment["DOCKET_STRESS_SECONDS"] ?? "") ?? 0 }
    static var firstSeed: UInt64 { UInt64(ProcessInfo.processInfo.environment["DOCKET_STRESS_SEED"] ?? "") ?? 15 }

    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = dir.path
        env["DOCKET_USER"] = "setup"
        return env
    }

    func testOpenBoardsAndCommandLineWritersLoseNothingAtThreeSpeeds() throws {
        let deadline = Date().addingTimeInterval(Self.longSeconds)
        var round: UInt64 = 0
        repeat {
            for (k, speed) in Self.speeds.enumerated() {
                let seed = Self.firstSeed &+ round &* 1000 &+ UInt64(k)
                let folder = dir.appendingPathComponent("r\(round)-\(k)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let url = folder.appendingPathComponent("docket.json")
                try runDocket(["init", url.path], in: folder)
                let initial = Array(try BoardStore.load(url).board.activity)
                let started = Date()
                let sessions = try (0..<3).map { try StressSession(name: "open\($0)", url: url, seed: seed &* 31 &+ UInt64($0)) }
                let clis = (0..<2).map { StressCLIWriter(name: "cli\($0)", url: url, docket: docket, environment: environment,
                                                         seed: seed &* 37 &+ UInt64($0)) }
                runConcurrently(sessions.map { s in { s.sync(); s.step() } }, times: speed.sessionSteps, pause: speed.pause,
                                and: clis.map { c in { c.step() } }, times: speed.cliSteps)
                sessions.forEach { $0.finish() }
                let label = "seed \(seed), \(speed.name)"
                let figures = try verify(url, initial: initial, sessions: sessions, clis: clis, label: label)
                print("stress \(label): \(figures) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
                try? FileManager.default.removeItem(at: folder)
            }
            round += 1
        } while Date() < deadline
    }

    /// The git merge driver in the loop: two clones of a bare repository, each with an open
    /// board and a command-line writer, and a `docket sync` at random moments in each; at the
    /// end both clones sync until they agree, and the board is checked as above.
    func testTwoClonesSyncingAtRandomMomentsLoseNothing() throws {
        guard let gitPath = E2EPaths.findExecutable("git") else {
            throw XCTSkip("git is not installed: the git half of the stress test needs it (apt-get install git)")
        }
        let deadline = Date().addingTimeInterval(Self.longSeconds)
        var round: UInt64 = 0
        repeat {
            let seed = Self.firstSeed &+ 500 &+ round &* 1000
            let started = Date()
            let figures = try gitRound(seed: seed, git: gitPath, folder: dir.appendingPathComponent("git\(round)"))
            print("stress seed \(seed), git: \(figures) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
            round += 1
        } while Date() < deadline
    }

    private func gitRound(seed: UInt64, git gitPath: URL, folder: URL) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let gitEnv = ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CEILING_DIRECTORIES": folder.path]
        func git(_ args: [String], in where_: URL) throws {
            let r = try runProcess(gitPath, ["-C", where_.path] + args, environment: environment.merging(gitEnv) { $1 })
            guard r.status == 0 else { throw E2EError("git \(args.joined(separator: " ")) failed: \(r.stderr)") }
        }
        let remote = folder.appendingPathComponent("remote.git")
        try git(["init", "--quiet", "--bare", "--initial-branch=main", remote.path], in: folder)
        func clone(_ name: String) throws -> URL {
            let c = folder.appendingPathComponent(name)
            try git(["clone", "--quiet", remote.path, c.path], in: folder)
            try git(["config", "user.name", name], in: c)
            try git(["config", "user.email", "\(name)@example.com"], in: c)
            return c
        }
        let a = try clone("a")
        try git(["checkout", "--quiet", "-b", "main"], in: a)
        try runDocket(["init"], in: a, env: gitEnv)
        try runDocket(["git-setup"], in: a, env: gitEnv)
        _ = try runProcess(docket, ["sync"], environment: environment.merging(gitEnv) { $1 }, currentDirectory: a)  // commits; no upstream yet
        try git(["push", "--quiet", "-u", "origin", "main"], in: a)
        let b = try clone("b")
        try runDocket(["sync"], in: b, env: gitEnv)  // configures the driver in this clone
        let urlA = a.appendingPathComponent("docket.json"), urlB = b.appendingPathComponent("docket.json")
        let initial = Array(try BoardStore.load(urlA).board.activity)

        let sessions = [try StressSession(name: "openA", url: urlA, seed: seed &* 31), try StressSession(name: "openB", url: urlB, seed: seed &* 31 &+ 1)]
        let env = environment.merging(gitEnv) { $1 }
        let clis = [StressCLIWriter(name: "cliA", url: urlA, docket: docket, environment: env, seed: seed &* 37),
                    StressCLIWriter(name: "cliB", url: urlB, docket: docket, environment: env, seed: seed &* 37 &+ 1)]
        let syncs = SyncCounter()
        let docket = self.docket!
        let syncers: [@Sendable () -> Void] = [(a, seed &* 41), (b, seed &* 41 &+ 1)].map { clone, s in
            let rng = LockedGenerator(seed: s)
            return {
                usleep(useconds_t(rng.below(150_000)))  // a random pause between syncs (the stress), not a wait until a result
                let r = try? runProcess(docket, ["sync"], environment: env, currentDirectory: clone)
                syncs.count(r?.status == 0)
            }
        }
        runConcurrently(sessions.map { s in { s.sync(); s.step() } } + syncers, times: 30, pause: 10_000,
                        and: clis.map { c in { c.step() } }, times: 8)
        sessions.forEach { $0.finish() }
        // Sync both ways until the clones agree (a push can lose a race with the other's).
        var agreed = false
        for _ in 0..<10 where !agreed {
            for c in [a, b, a] { _ = try? runProcess(docket, ["sync"], environment: env, currentDirectory: c) }
            agreed = (try? Data(contentsOf: urlA)) == (try? Data(contentsOf: urlB))
        }
        XCTAssertTrue(agreed, "seed \(seed), git: the clones never agreed")
        let figures = try verify(urlA, initial: initial, sessions: sessions, clis: clis, label: "seed \(seed), git")
        return figures + ", \(syncs.ok) of \(syncs.ok + syncs.failed) random syncs went through"
    }

    // MARK: - Running

    @discardableResult
    func runDocket(_ args: [String], in folder: URL, env extra: [String: String] = [:]) throws -> CommandResult {
        let r = try runProcess(docket, args, environment: environment.merging(extra) { $1 }, currentDirectory: folder)
        guard r.status == 0 else { throw E2EError("docket \(args.joined(separator: " ")) exited \(r.status): \(r.stderr)") }
        return r
    }

    /// Runs each of `a` `times` times and each of `b` `bTimes` times, every actor on its own
    /// thread, `pause` microseconds between two steps of one actor (the speed under test; it
    /// paces the changes, it waits for nothing).
    func runConcurrently(_ a: [@Sendable () -> Void], times: Int, pause: useconds_t, and b: [@Sendable () -> Void], times bTimes: Int) {
        let group = DispatchGroup()
        for (step, n) in a.map({ ($0, times) }) + b.map({ ($0, bTimes) }) {
            group.enter()
            let thread = Thread {
                for _ in 0..<n {
                    step()
                    if pause > 0 { usleep(pause) }  // the stress speed (no pause, 10 ms, 200 ms), not a wait until a result
                }
                group.leave()
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
        group.wait()
    }

    // MARK: - Checking

    /// Checks the board at `url` against what every actor did; returns the figures.
    @discardableResult
    func verify(_ url: URL, initial: [Activity], sessions: [StressSession], clis: [StressCLIWriter], label: String,
                file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let board = try BoardStore.load(url).board
        func fail(_ what: String) { XCTFail("\(label): \(what)", file: file, line: line) }
        for c in clis where !c.failures.isEmpty { fail("\(c.name) failed: \(c.failures.prefix(3))") }
        for s in sessions { if let e = s.saveError { fail("\(s.name) could not save: \(e)") } }

        // Every item exactly once, with the values its maker gave it last.
        let made = sessions.reduce(0) { $0 + $1.mine.count } + clis.reduce(0) { $0 + $1.expected.count }
        if board.items.count != made { fail("\(board.items.count) items in the file, \(made) made") }
        let titles = board.items.values.map(\.title)
        if Set(titles).count != titles.count { fail("a title is in the file twice") }
        for s in sessions {
            for (id, mine) in s.items {
                guard let item = board.items[id] else { fail("\(s.name) lost \(id) (\(mine.title))"); continue }
                if (item.title, item.stage, item.archived) != (mine.title, mine.stage, mine.archived) {
                    fail("\(s.name)'s \(id): file has \(item.title)/\(item.stage)/\(item.archived), it made \(mine.title)/\(mine.stage)/\(mine.archived)")
                }
            }
            for stage in board.stages {
                let fileOrder = board.column(stage.id).filter { s.items[$0] != nil }
                let ownOrder = s.items.values.filter { $0.stage == stage.id && !$0.archived }.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }.map(\.id)
                if fileOrder != ownOrder { fail("\(s.name)'s order in \(stage.id): file \(fileOrder), it made \(ownOrder)") }
            }
        }
        for c in clis {
            for (id, want) in c.expected {
                guard let item = board.items[id] else { fail("\(c.name) lost \(id) (\(want.title))"); continue }
                if (item.title, item.stage) != (want.title, want.stage) {
                    fail("\(c.name)'s \(id): file has \(item.title)/\(item.stage), it made \(want.title)/\(want.stage)")
                }
            }
        }
        // Ranks strictly ordered in every column.
        for stage in board.stages {
            let ranks = board.column(stage.id).map { board.items[$0]!.rank }
            if zip(ranks, ranks.dropFirst()).contains(where: { $0 >= $1 }) { fail("ranks of \(stage.id) not strictly ordered: \(ranks)") }
        }

        // The activity log: exactly what each actor logged, once.
        var rest = Array(board.activity)
        if Array(rest.prefix(initial.count)) != initial { fail("the log's first entries changed") }
        rest.removeFirst(min(initial.count, rest.count))
        let conflicts = rest.filter { $0.action == "conflict" }
        if !conflicts.isEmpty { fail("\(conflicts.count) conflicts logged, none expected: \(conflicts.prefix(3))") }
        let byActor = Dictionary(grouping: rest, by: \.by)
        for s in sessions {
            let got = counts(byActor[s.name] ?? []), want = counts(s.logged)
            if got != want {
                let extra = got.filter { want[$0.key, default: 0] < $0.value }, missing = want.filter { got[$0.key, default: 0] < $0.value }
                fail("\(s.name)'s entries: \(extra.count) extra \(Array(extra.prefix(3))), \(missing.count) missing \(Array(missing.prefix(3)))")
            }
        }
        for c in clis {
            let all = (byActor[c.name] ?? []).map { StressCLIWriter.Entry(item: $0.item, action: $0.action, field: $0.field, from: $0.from, to: $0.to) }
            // A move that lands on a rank the column already holds also logs the new rank.
            let rankEntries = all.filter { $0.field == "rank" }.count
            let moves = c.entries.filter { $0.action == "move" }.count
            if rankEntries > moves { fail("\(c.name): \(rankEntries) rank entries for \(moves) moves") }
            if counts(all.filter { $0.field != "rank" }) != counts(c.entries) { fail("\(c.name)'s entries differ from its changes") }
        }
        let actors = Set(sessions.map(\.name) + clis.map(\.name))
        let strangers = rest.filter { !actors.contains($0.by) }
        if !strangers.isEmpty { fail("entries by nobody who changed anything: \(strangers.prefix(3))") }

        let check = try runProcess(docket, ["check", "-b", url.path], environment: environment)
        if check.status != 0 { fail("docket check: \(check.stdout)\(check.stderr)") }
        let merges = sessions.reduce(0) { $0 + $1.mergesTaken }
        return "\(made) items, \(rest.count) entries, \(sessions.reduce(0) { $0 + $1.steps }) open-board and \(clis.reduce(0) { $0 + $1.steps }) CLI changes, \(merges) merges taken in"
    }

    /// Counts syncs that went through and that failed (a push that lost a race, a pull
    /// refused while the board was being saved), from several threads.
    final class SyncCounter: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var ok = 0, failed = 0
        func count(_ success: Bool) { lock.lock(); if success { ok += 1 } else { failed += 1 }; lock.unlock() }
    }

    /// A seeded generator shared by the closures of one thread.
    final class LockedGenerator: @unchecked Sendable {
        private var rng: SeededGenerator
        init(seed: UInt64) { rng = SeededGenerator(seed: seed) }
        func below(_ n: Int) -> Int { rng.below(n) }
    }

    private func counts<T: Hashable>(_ xs: [T]) -> [T: Int] {
        xs.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}
