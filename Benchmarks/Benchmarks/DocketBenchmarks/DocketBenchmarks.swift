// Docket's benchmarks (ordo-one/benchmark): wall time, allocations and peak memory of loading a
// board, the first frame, a key, a saved move, the command-line writes, a query, a re-rank,
// the filter and the flow metrics, on seeded generated boards (`GeneratedBoard`) of 1,000 to 1,000,000 items.
// Run from Benchmarks/: `swift package benchmark` (`--filter 'load.*'` for some). The boards are
// written once to $TMPDIR/docket-bench-boards and reused by later runs.
import Benchmark
import DocketCore
import DocketUI
import Foundation

/// The sizes measured; `DOCKET_BENCH_SIZES=1000,10000` narrows them.
let sizes: [Int] = ProcessInfo.processInfo.environment["DOCKET_BENCH_SIZES"]
    .map { $0.split(separator: ",").compactMap { Int($0) } } ?? [1_000, 10_000, 100_000, 1_000_000]

let boardsDir = FileManager.default.temporaryDirectory.appendingPathComponent("docket-bench-boards")

/// The generated board of `count` items, saved once as a file (reused by later runs).
func boardFile(_ count: Int) throws -> URL {
    let url = boardsDir.appendingPathComponent("board-\(count).json")
    if !FileManager.default.fileExists(atPath: url.path) {
        try FileManager.default.createDirectory(at: boardsDir, withIntermediateDirectories: true)
        let tmp = boardsDir.appendingPathComponent("board-\(count).json.\(getpid())")
        try Data(BoardEncoder.encode(GeneratedBoard.make(count: count))).write(to: tmp)
        guard rename(tmp.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
    return url
}

/// A private copy of the board file of `count` items, for benchmarks that write it.
func scratchCopy(_ count: Int) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docket-bench-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent("board-\(count).json")
    try? FileManager.default.removeItem(at: url)
    try FileManager.default.copyItem(at: try boardFile(count), to: url)
    return url
}

func name(_ count: Int) -> String { count >= 1_000_000 ? "\(count / 1_000_000)M" : "\(count / 1_000)k" }

let screen = Size(width: 160, height: 50)
let now: Timestamp = 1_795_953_600 + 2_000_000

/// The first state over a loaded board, as `docket` opens it.
func openState(_ board: Board) -> AppState {
    var s = AppState(board: board, user: "bench", fileLabel: "board.json", size: screen)
    s.keepSelectionVisible()
    return s
}

/// Counts the runs of a benchmark (its closure is called once per measured run).
final class Counter: @unchecked Sendable {
    private var n = 0
    func next() -> Int { n += 1; return n }
}

/// A command-line write as `docket` does it: `BoardStore.update` (lock, read, change, splice).
func update(_ url: URL, _ change: (inout Board) throws -> Void) {
    try! BoardStore.update(url, change)
}

/// The same write as it was before splicing: read, change, encode the whole board and write it.
func fullRewrite(_ url: URL, _ change: (inout Board) throws -> Void) {
    let loaded = try! BoardStore.load(url)
    var board = loaded.board
    try! change(&board)
    if board != loaded.board { try! BoardStore.save(board, to: url) }
}

/// Fewer iterations for big boards: each takes seconds there.
func config(_ count: Int, _ metrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .peakMemoryResident],
            units: BenchmarkTimeUnits = .milliseconds) -> Benchmark.Configuration {
    .init(metrics: metrics, timeUnits: units, warmupIterations: count >= 1_000_000 ? 0 : 1,
          maxDuration: .seconds(count >= 100_000 ? 20 : 3), maxIterations: count >= 1_000_000 ? 3 : count >= 100_000 ? 5 : 20)
}

/// A generated Jira CSV export of `rows` issues (repeated Labels and Sprint columns, quoted
/// multi-line descriptions), as the former DocketBench `--jira` made it.
func jiraCSV(rows: Int) -> Data {
    var csv = "Summary,Issue key,Issue Type,Status,Priority,Labels,Labels,Sprint,Sprint,Description,Created\n"
    let statuses = ["To Do", "In Progress", "In Review", "Done"], prios = ["Highest", "High", "Medium", "Low"]
    for n in 0..<rows {
        csv += "Generated issue number \(n) with a realistic title,GEN-\(n + 1),Story,\(statuses[n % 4]),\(prios[n % 4]),"
        csv += "billing,\"audit,logging\",Sprint \(n % 7),Sprint \(n % 5),\"First line\nsecond line, with a comma\",05/Mar/26 1:38 PM\n"
    }
    return Data(csv.utf8)
}

let benchmarks: @Sendable () -> Void = {
    // Importing a 100,000-row Jira CSV export and building the board.
    Benchmark("jira import 100k", configuration: config(100_000)) { benchmark, data in
        for _ in benchmark.scaledIterations {
            blackHole(try! JiraCSVImport.parse(data, path: "gen.csv").makeBoard(by: "bench", at: now).items.count)
        }
    } setup: { jiraCSV(rows: 100_000) }

    // `docket metrics` and the metrics screen's first figures: the flow history and the report
    // of the last 12 weeks, over 100,000 items with a year of history (894,568 activity entries,
    // `GeneratedHistoryBoard`), the board in memory (its read is `load`'s business).
    Benchmark("metrics 100k", configuration: config(100_000)) { benchmark, board in
        let calendar = LocalCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        for _ in benchmark.scaledIterations {
            blackHole(FlowMetrics(board, now: GeneratedHistoryBoard.now, windowDays: 84, calendar: calendar).report.finished)
        }
    } setup: { GeneratedHistoryBoard.make(count: 100_000) }

    for count in sizes {
        let n = name(count)

        // Reading and parsing the file: what every command and the board's first frame pay.
        Benchmark("load \(n)", configuration: config(count)) { benchmark, url in
            for _ in benchmark.scaledIterations { blackHole(try! BoardStore.load(url).board.items.count) }
        } setup: { try boardFile(count) }

        // What opening the board costs in all: load, the first state, the first frame.
        Benchmark("open to first frame \(n)", configuration: config(count)) { benchmark, url in
            for _ in benchmark.scaledIterations { blackHole(render(openState(try! BoardStore.load(url).board))) }
        } setup: { try boardFile(count) }

        // What `docket` does to show a large board (5,000 items and more): read the file, the
        // preview (`BoardDecoder.preview`: every item placed, the first 100 cards of each column
        // in full), the first state and frame. The whole board is read after that frame.
        Benchmark("first frame on a preview \(n)", configuration: config(count)) { benchmark, url in
            for _ in benchmark.scaledIterations {
                let data = try! BoardStore.read(url)
                let board = try! BoardDecoder.preview(data, path: url.path, top: 100)?.board ?? BoardDecoder.decode(data, path: url.path).board
                blackHole(render(openState(board)))
            }
        } setup: { try boardFile(count) }

        // The first frame alone, the board already in memory.
        Benchmark("first frame \(n)", configuration: config(count, units: .microseconds)) { benchmark, board in
            for _ in benchmark.scaledIterations { blackHole(render(openState(board))) }
        } setup: { try BoardStore.load(try boardFile(count)).board }

        // Key `j` (select the next card) and the frame after it.
        Benchmark("key j \(n)", configuration: config(count, units: .microseconds)) { benchmark, board in
            var state = openState(board)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                _ = update(&state, .key(.char("j")), now: now)
                blackHole(render(state))
            }
        } setup: { try BoardStore.load(try boardFile(count)).board }

        // Key `L` (move to the next stage), the frame after it, and the save the app does:
        // the merging writer writes the whole board under the lock (`H` and `L` alternate).
        Benchmark("saved move \(n)", configuration: config(count)) { benchmark, url in
            let board = try! BoardStore.load(url).board
            var state = openState(board)
            let writer = MergingWriter(base: board, url: url, user: "bench")
            var flip = false
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                flip.toggle()
                _ = update(&state, .key(.char(flip ? "L" : "H")), now: now)
                blackHole(render(state))
                try! writer.write(state.board, to: url)
            }
        } setup: { try scratchCopy(count) }

        // The command-line writes, as `docket add`, `docket set ID points 5` and
        // `docket move ID STAGE` run them: `BoardStore.update` (lock, read, change, write).
        // Each as `BoardStore.update` does it now (the change spliced into the file) and as it
        // did before (the whole board encoded: load, change, `BoardStore.save`).
        for (way, write) in [("", update), (" (full rewrite)", fullRewrite)] {
            Benchmark("cli add\(way) \(n)", configuration: config(count)) { benchmark, url in
                for i in benchmark.scaledIterations {
                    write(url) { b in _ = try b.addItem(title: "Benchmark item \(i)", stage: "inbox", by: "bench", at: now) }
                }
            } setup: { try scratchCopy(count) }

            // `set` and `move` alternate between two values, so every run changes the file
            // (each measured run is one iteration: the counter lives outside it).
            let turn = Counter()
            Benchmark("cli set\(way) \(n)", configuration: config(count)) { benchmark, url in
                let id = try! BoardStore.load(url).board.column("ready").first!
                let points = Double(turn.next() % 2 == 0 ? 20 : 40)
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    write(url) { b in _ = try b.modify(id, by: "bench", at: now) { $0.points = points } }
                }
            } setup: { try scratchCopy(count) }

            Benchmark("cli move\(way) \(n)", configuration: config(count)) { benchmark, url in
                let id = try! BoardStore.load(url).board.column("ready").first!
                let stage = turn.next() % 2 == 0 ? "doing" : "ready"
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    write(url) { b in _ = try b.move(id, toStage: stage, by: "bench", at: now) }
                }
            } setup: { try scratchCopy(count) }
        }

        // The parts of a command-line write, the board in memory: comparing the changed board
        // with the one read, and encoding it (the write itself is the file's size in bytes).
        Benchmark("write parts: compare \(n)", configuration: config(count, units: .microseconds)) { benchmark, board in
            var changed = board
            _ = try! changed.move(changed.column("ready").first!, toStage: "doing", by: "bench", at: now)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(changed == board) }
        } setup: { try BoardStore.load(try boardFile(count)).board }

        Benchmark("write parts: encode \(n)", configuration: config(count)) { benchmark, board in
            for _ in benchmark.scaledIterations { blackHole(BoardEncoder.encode(board).count) }
        } setup: { try BoardStore.load(try boardFile(count)).board }

        // `docket list label:bug`'s work: the query over every item (the board in memory).
        Benchmark("query \(n)", configuration: config(count, units: .microseconds)) { benchmark, board in
            for _ in benchmark.scaledIterations {
                blackHole(try! Query.parse("label:bug priority:must points:>3 -is:blocked").count(in: board, today: "2026-12-06"))
            }
        } setup: { try BoardStore.load(try boardFile(count)).board }

        // Re-ranking the whole backlog by WSJF (every item scored), as `R` in the backlog list.
        Benchmark("re-rank \(n)", configuration: config(count)) { (benchmark: Benchmark, board: Board) in
            for _ in benchmark.scaledIterations {
                var b = board
                blackHole(try! b.rerankByScore(stage: nil, by: "bench", at: now))
            }
        } setup: { () throws -> Board in
            var board = try BoardStore.load(try boardFile(count)).board
            board.scoring = .wsjf
            var rng = SeededGenerator(seed: 7)
            let fib: [Double] = [1, 2, 3, 5, 8, 13, 20]
            for id in board.items.keys {
                try board.modify(id, by: "bench", at: 1) {
                    $0.scores.value = fib[rng.below(7)]; $0.scores.criticality = fib[rng.below(7)]
                    $0.scores.risk = fib[rng.below(7)]; $0.scores.size = fib[rng.below(7)]
                }
            }
            return board
        }

        // Filter as you type: with `f` open on "label:bu", the key `g` and the frame after it.
        Benchmark("filter key \(n)", configuration: config(count, units: .microseconds)) { (benchmark: Benchmark, state: AppState) in
            for _ in benchmark.scaledIterations {
                var s = state
                _ = update(&s, .key(.char("g")), now: now)
                blackHole(render(s))
            }
        } setup: { () throws -> AppState in
            var s = openState(try BoardStore.load(try boardFile(count)).board)
            for c in "flabel:bu" { _ = update(&s, .key(.char(c)), now: now) }
            return s
        }
    }
}
