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
                    if pause > 0 { usleep(pause) }
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

    private func counts<T: Hashable>(_ xs: [T]) -> [T: Int] {
        xs.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}
