// Docket's benchmarks: generated boards of 1,000, 10,000 and 100,000 items; for each, the
// time to load the file, save it, draw the first frame (state → Canvas) and handle one key
// press (update + view), and a filter (parse a query, count the items it matches).
// Run with `swift run -c release DocketBench [sizes…]`.
// `--metrics N`: flow metrics and forecasts on N items with a year of history (MetricsBench.swift);
// `--metrics-digest N`: every metric of a messy history, as text to diff across versions (MetricsDigest.swift).
// `--rerank N [RUNS [ONLY]]`: re-ranking N items by score, undo and redo (RerankBench.swift).
// `--edits N`: one add, set, move or look-up at a time on N items (EditBench.swift).
// `--generate N FILE`, `--load FILE [--runs R] [--sequential]`, `--ops FILE [--runs R] [--frames]`: a seeded
// board file; its read; the goal table's rows (issue 16) on it.
// Figures are medians of several runs, in milliseconds, plus the process's peak memory.
import DocketCore
import DocketUI
import Foundation

/// A generated board: `count` items over the six default stages, with points, priorities,
/// labels and assignees, ranked with `Rank.spread`.
func generatedBoard(_ count: Int) -> Board {
    let stages = Board.defaultStages()
    let ranks = Rank.spread(count)
    var rng = SystemRandomNumberGenerator()
    var items: [Item] = []
    items.reserveCapacity(count)
    var taken: [String: Item] = [:]
    for i in 0..<count {
        let id = ItemID.make(avoiding: taken)
        let item = Item(id: id, title: "Generated backlog item number \(i) with a realistic length",
                        type: .story, stage: stages[i % stages.count].id, rank: ranks[i],
                        priority: Priority.allCases[Int(rng.next() % 4)], points: Double(rng.next() % 13),
                        labels: ["billing"], assignees: ["alice"], created: 1_795_953_600)
        taken[id] = item
        items.append(item)
    }
    return Board(name: "Benchmark", stages: stages, items: items)
}

/// Median wall time of `runs` calls of `body`, in milliseconds.
func measure(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return times.sorted()[times.count / 2]
}

/// Median CPU time of this thread over `runs` calls of `body`, in milliseconds: the work done,
/// without the time spent waiting for a core on a shared machine.
func measureCPU(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
    }
    var times: [Double] = []
    for _ in 0..<runs {
        let start = now()
        try body()
        times.append(now() - start)
    }
    return times.sorted()[times.count / 2]
}

/// The count after `--runs` (at least 1), or `fallback` when there is none; a missing or bad
/// count ends the program with a message naming it.
func runsArgument(_ fallback: Int) -> Int {
    guard let i = CommandLine.arguments.firstIndex(of: "--runs") else { return fallback }
    guard i + 1 < CommandLine.arguments.count, let runs = Int(CommandLine.arguments[i + 1]), runs >= 1 else {
        let given = i + 1 < CommandLine.arguments.count ? "\"\(CommandLine.arguments[i + 1])\"" : "nothing"
        FileHandle.standardError.write(Data("DocketBench: --runs takes a whole number of runs, 1 or more; got \(given)\n".utf8))
        exit(2)
    }
    return runs
}

func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

if let i = CommandLine.arguments.firstIndex(of: "--generate"), i + 2 < CommandLine.arguments.count,
   let n = Int(CommandLine.arguments[i + 1]) {
    // Write the seeded generated board of N items (the benchmarks' boards) to a file.
    try Data(BoardEncoder.encode(GeneratedBoard.make(count: n))).write(to: URL(fileURLWithPath: CommandLine.arguments[i + 2]))
    exit(0)
}

if let i = CommandLine.arguments.firstIndex(of: "--load"), i + 1 < CommandLine.arguments.count {
    // Load one file (for profilers such as perf): the median of `--runs` loads (default 1),
    // in milliseconds, and the peak memory.
    let url = URL(fileURLWithPath: CommandLine.arguments[i + 1])
    let runs = runsArgument(1)
    var count = 0
    let sequential = CommandLine.arguments.contains("--sequential")
    let ms = try measure(runs: runs) {
        let data = try Data(contentsOf: url)
        count = try (sequential ? BoardDecoder.decodeSequentially(data, path: url.path) : BoardDecoder.decode(data, path: url.path)).board.items.count
    }
    print("loaded \(count) items\(sequential ? " (sequentially)" : ""): \(String(format: "%.1f", ms)) ms, peak \(String(format: "%.0f", peakMemoryMiB())) MiB")
    exit(0)
}

if let i = CommandLine.arguments.firstIndex(of: "--preview"), i + 1 < CommandLine.arguments.count {
    // The preview read alone (for profilers): the median of `--runs` previews (default 1).
    let url = URL(fileURLWithPath: CommandLine.arguments[i + 1])
    let runs = runsArgument(1)
    let data = try BoardStore.read(url)
    var count = 0
    let time = measure(runs: runs) { count = BoardDecoder.preview(data, path: url.path, top: 100)?.board.items.count ?? -1 }
    print(String(format: "previewed %d items: %.1f ms, peak %.0f MiB", count, time, peakMemoryMiB()))
    exit(0)
}

if let i = CommandLine.arguments.firstIndex(of: "--ops"), i + 1 < CommandLine.arguments.count {
    // The goal table's rows on one board file (copied to a temporary folder first): the open
    // to the first frame at 160x50, a command-line `set` (BoardStore.update), an open board's
    // saved move (`L`, the frame, the session's write) and `list QUERY`; medians of `--runs`.
    let source = URL(fileURLWithPath: CommandLine.arguments[i + 1])
    let runs = runsArgument(3)
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("docket-ops-\(getpid())")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let url = work.appendingPathComponent("board.json")
    try FileManager.default.copyItem(at: source, to: url)
    let size = Size(width: 160, height: 50)
    var state: AppState?
    let open = try measure(runs: runs) {
        var s = AppState(board: try BoardStore.load(url).board, user: "bench", fileLabel: "board.json", size: size)
        s.keepSelectionVisible()
        _ = render(s)
        state = s
    }
    // As `docket` opens a large board: read, preview, the first frame, then the full read
    // (in the background, after the first paint); the first frame's time, and the time until
    // the whole board is in.
    var previewFrames: [Double] = [], wholes: [Double] = []
    var previewed = false
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        let data = try BoardStore.read(url)
        let preview = BoardDecoder.preview(data, path: url.path, top: 100)
        previewed = preview != nil
        // A board too small to preview opens whole, as `docket` opens it.
        let first = try preview?.board ?? BoardDecoder.decode(data, path: url.path).board
        var s = AppState(board: first, user: "bench", fileLabel: "board.json", size: size)
        s.keepSelectionVisible()
        _ = render(s)
        previewFrames.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        if previewed { _ = try? BoardDecoder.decode(data, path: url.path) }
        wholes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    print(String(format: "%@: first frame on a preview %.1f ms (previewed: %@), whole board in %.1f ms",
                 source.lastPathComponent, previewFrames.sorted()[runs / 2], previewed ? "yes" : "no", wholes.sorted()[runs / 2]))
    // `--frames`: only the open (the commands below take seconds each at 1,000,000 items).
    if CommandLine.arguments.contains("--frames") { exit(0) }
    let board = state!.board
    let ids = board.items.keys.sorted()
    var n = 0
    let set = try measure(runs: runs) {
        n += 1
        try BoardStore.update(url) { b in _ = try b.modify(ids[n * 7919 % ids.count], by: "bench", at: 1_795_953_600) { $0.points = Double(n % 13) } }
    }
    let add = try measure(runs: runs) {
        try BoardStore.update(url) { b in _ = try b.addItem(title: "Added by the benchmark", stage: "inbox", by: "bench", at: 1_795_953_600) }
    }
    var s = AppState(board: try BoardStore.load(url).board, user: "bench", fileLabel: "board.json", size: size)
    s.keepSelectionVisible()
    let writer = MergingWriter(base: s.board, url: url, user: "bench", clock: { 1_795_953_600 })
    var flip = false
    let move = try measure(runs: runs) {
        flip.toggle()
        _ = update(&s, .key(.char(flip ? "L" : "H")), now: 1_795_953_600)
        _ = render(s)
        try writer.write(s.board, to: url)
    }
    var listed = 0
    let list = try measure(runs: runs) {
        let b = try BoardStore.load(url).board
        listed = try Query.parse("label:bug priority:must points:>3 -is:blocked").count(in: b, today: "2026-12-06")
    }
    print(String(format: "%@: open to first frame %.1f ms, set %.1f ms, add %.1f ms, saved move %.1f ms, list (%d) %.1f ms, peak %.0f MiB",
                 source.lastPathComponent, open, set, add, move, listed, list, peakMemoryMiB()))
    exit(0)
}

if let i = CommandLine.arguments.firstIndex(of: "--rerank"), i + 1 < CommandLine.arguments.count, let n = Int(CommandLine.arguments[i + 1]) {
    let rest = CommandLine.arguments.dropFirst(i + 2)
    try rerankBenchmark(items: n, runs: rest.first.flatMap { Int($0) } ?? 5, only: rest.dropFirst().first)
    exit(0)
}

if let i = CommandLine.arguments.firstIndex(of: "--edits"), i + 1 < CommandLine.arguments.count, let n = Int(CommandLine.arguments[i + 1]) {
    try editBenchmark(items: n)
    exit(0)
}

if let i = CommandLine.arguments.firstIndex(of: "--jira"), i + 1 < CommandLine.arguments.count, let rows = Int(CommandLine.arguments[i + 1]) {
    // Importing a generated Jira CSV export of `rows` issues (repeated Labels and Sprint
    // columns, quoted multi-line descriptions), then building the board.
    var csv = "Summary,Issue key,Issue Type,Status,Priority,Labels,Labels,Sprint,Sprint,Description,Created\n"
    let statuses = ["To Do", "In Progress", "In Review", "Done"], prios = ["Highest", "High", "Medium", "Low"]
    for n in 0..<rows {
        csv += "Generated issue number \(n) with a realistic title,GEN-\(n + 1),Story,\(statuses[n % 4]),\(prios[n % 4]),"
        csv += "billing,\"audit,logging\",Sprint \(n % 7),Sprint \(n % 5),\"First line\nsecond line, with a comma\",05/Mar/26 1:38 PM\n"
    }
    let data = Data(csv.utf8)
    var board: Board?
    let ms = try measure(runs: 1) { board = try JiraCSVImport.parse(data, path: "gen.csv").makeBoard(by: "bench", at: 1_795_953_600) }
    print(String(format: "Jira CSV import: %d rows (%.1f MB) in %.0f ms, %d items, peak %.0f MiB",
                 rows, Double(data.count) / 1e6, ms, board?.items.count ?? 0, peakMemoryMiB()))
    if CommandLine.arguments.contains("--split") {
        // The parts, measured again one by one: reading the CSV, converting rows, building the board.
        let read = try measure(runs: 1) { _ = try GenericCSVImport.read(data, path: "gen.csv") }
        var imported: ImportedBoard?
        let parse = try measure(runs: 1) { imported = try JiraCSVImport.parse(data, path: "gen.csv") }
        let make = measure(runs: 1) { board = imported!.makeBoard(by: "bench", at: 1_795_953_600) }
        print(String(format: "  read CSV %.0f ms, convert rows %.0f ms, build the board %.0f ms", read, parse - read, make))
    }
    exit(0)
}

let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docket-bench-\(getpid())")
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: dir) }
if let i = CommandLine.arguments.firstIndex(of: "--metrics-digest"), i + 1 < CommandLine.arguments.count, let n = Int(CommandLine.arguments[i + 1]) { try metricsDigest(items: n); exit(0) }
if let i = CommandLine.arguments.firstIndex(of: "--metrics"), i + 1 < CommandLine.arguments.count, let n = Int(CommandLine.arguments[i + 1]) { try metricsBenchmark(items: n, dir: dir); exit(0) }

print("items     load ms   save ms   first frame ms   key ms   key after save ms   filter ms   file MB   peak MiB")
for count in sizes.isEmpty ? [1_000, 10_000, 100_000] : sizes {
    let url = dir.appendingPathComponent("board-\(count).json")
    let board = generatedBoard(count)
    try BoardStore.save(board, to: url)
    let runs = count >= 100_000 ? 3 : 7
    let save = try measure(runs: runs) { try BoardStore.save(board, to: url) }
    var loaded: Board?
    let load = try measure(runs: runs) { loaded = try BoardStore.load(url).board }
    precondition(loaded == board, "load gave back a different board")
    let size = Size(width: 160, height: 50)
    var frame: Canvas?
    // First frame: a new state over the loaded board, laid out and drawn.
    let first = measure(runs: runs) {
        var s = AppState(board: loaded!, user: "bench", fileLabel: "board.json", size: size)
        s.keepSelectionVisible()
        frame = render(s)
    }
    precondition(frame?.width == 160)
    // One key press: move the selected item to the next stage (an edit, the costliest key),
    // then draw. Alternate L and H so the board stays the same size.
    var state = AppState(board: loaded!, user: "bench", fileLabel: "board.json", size: size)
    state.keepSelectionVisible()
    var flip = false
    let key = measure(runs: 41) {
        flip.toggle()
        _ = update(&state, .key(.char(flip ? "L" : "H")), now: 1_795_953_600)
        frame = render(state)
    }
    let renderOnly = measure(runs: 41) { frame = render(state) }
    let updateOnly = measure(runs: 41) {
        flip.toggle()
        _ = update(&state, .key(.char(flip ? "L" : "H")), now: 1_795_953_600)
    }
    if CommandLine.arguments.contains("--split") {
        let initOnly = measure(runs: 41) { frame = Canvas(width: 160, height: 50) }
        let fillAll = measure(runs: 41) { var c = Canvas(width: 160, height: 50); c.fill(Rect(x: 0, y: 0, width: 160, height: 50), role: .card); frame = c }
        let textAll = measure(runs: 41) {
            var c = Canvas(width: 160, height: 50)
            for y in 0..<50 { c.text(String(repeating: "abcdefghij", count: 16), x: 0, y: y, role: .card) }
            frame = c
        }
        let fits = measure(runs: 41) { for _ in 0..<100 { _ = SafeText.fitLine("Generated backlog item number 1234 with a realistic length", width: 24) } }
        print(String(format: "  canvas init %.3f, fill all %.3f, text all %.3f, 100 fits %.3f", initOnly, fillAll, textAll, fits))
        print(String(format: "  render only %.3f ms, update only %.3f ms", renderOnly, updateOnly))
    }
    // A key press right after a save was handed to the saver: the saver holds a copy of the
    // board, so the first change after it must not copy the whole board.
    var snapshots: [Board] = []
    let keyAfterSave = measure(runs: 21) {
        snapshots.append(state.board)
        flip.toggle()
        _ = update(&state, .key(.char(flip ? "L" : "H")), now: 1_795_953_600)
        frame = render(state)
    }
    snapshots.removeAll()
    // A filter: parse a query and count the board's items that match it (the whole board,
    // archived items included: what the board's filter and `docket list QUERY` look at).
    let filterText = "label:billing priority:must points:>3 -is:blocked"
    var matched = 0
    let filter = try measure(runs: 21) {
        matched = try Query.parse(filterText).count(in: loaded!, today: "2026-06-15")
    }
    precondition(matched > 0 && matched < count, "the filter should match some items, not all")
    let mb = Double((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0) / 1e6
    print(String(format: "%7d  %8.1f  %8.1f  %15.2f  %7.3f  %18.3f  %9.2f  %8.1f  %9.0f", count, load, save, first, key, keyAfterSave, filter, mb, peakMemoryMiB()))
    // Re-ranking the whole backlog by WSJF (every item scored), as `R` in the backlog list does.
    var scored = loaded!
    scored.scoring = .wsjf
    var rng = SystemRandomNumberGenerator()
    let fib: [Double] = [1, 2, 3, 5, 8, 13, 20]
    for id in scored.items.keys {
        try scored.modify(id, by: "bench", at: 1) {
            $0.scores.value = fib[Int(rng.next() % 7)]; $0.scores.criticality = fib[Int(rng.next() % 7)]
            $0.scores.risk = fib[Int(rng.next() % 7)]; $0.scores.size = fib[Int(rng.next() % 7)]
        }
    }
    let rerank = try measure(runs: 3) { var b = scored; _ = try b.rerankByScore(stage: nil, by: "bench", at: 2) }
    let rerankColumn = try measure(runs: 3) { var b = scored; _ = try b.rerankByScore(stage: "ready", by: "bench", at: 2) }
    print(String(format: "         re-rank by score: one column (%d items) %.1f ms, the whole backlog %.1f ms",
                 scored.column("ready").count, rerankColumn, rerank))
}

