import DocketCore
import Foundation

/// `DocketBench --rerank N [RUNS]`: re-ranking a seeded generated board of `N` items
/// (`GeneratedBoard.make(count:)`, every item given WSJF inputs as the package benchmark
/// `re-rank N` does) by score: the whole backlog (`R` in the backlog list), one column (`R` on
/// the board), what `commitEdit` adds (recording the edit), and undoing and redoing it. Each
/// figure is the median of `RUNS` (default 5) in milliseconds, with the peak resident memory
/// during those runs (VmHWM, reset before each measurement) and the resident memory before.
func rerankBenchmark(items count: Int, runs: Int) throws {
    let scored = scoredBoard(count)
    print("re-rank by score, \(count) items (\(runs) runs each; ms: median, min, max; MiB: resident before, peak during)")
    func report(_ name: String, _ body: () throws -> Void) rethrows {
        let before = residentMiB()
        resetPeakMemory()
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        times.sort()
        print(String(format: "  %-34@ %8.1f %8.1f %8.1f   %6.0f %6.0f", name as NSString,
                     times[times.count / 2], times[0], times[times.count - 1], before, peakMemoryMiB()))
    }
    try report("whole backlog") { var b = scored; _ = try b.rerankByScore(stage: nil, by: "bench", at: 2) }
    try report("one column (ready)") { var b = scored; _ = try b.rerankByScore(stage: "ready", by: "bench", at: 2) }
    var reranked = scored
    var history = UndoHistory()
    try report("whole backlog + record (commitEdit)") {
        var b = scored
        var h = UndoHistory()
        guard let e = try b.rerankByScore(stage: nil, by: "bench", at: 2), !e.isEmpty else { return }
        h.record(e)
        reranked = b; history = h
    }
    report("undo") { var b = reranked; var h = history; _ = h.undo(&b, by: "bench", at: 3) }
    var undone = reranked, undoneHistory = history
    _ = undoneHistory.undo(&undone, by: "bench", at: 3)
    report("redo") { var b = undone; var h = undoneHistory; _ = h.redo(&b, by: "bench", at: 4) }
    var redone = undone
    _ = undoneHistory.redo(&redone, by: "bench", at: 4)
    precondition(undone.items == scored.items && redone.items == reranked.items, "undo or redo did not restore the items")
    let changed = history.done.last.map { $0.items.count } ?? 0
    print("  \(changed) items changed rank; activity \(scored.activity.count) → \(reranked.activity.count)")
}

/// A generated board of `count` items scored with WSJF: seeded Fibonacci inputs on every item,
/// set through `modify` (as the package benchmark does), in id order.
private func scoredBoard(_ count: Int) -> Board {
    var board = GeneratedBoard.make(count: count)
    board.scoring = .wsjf
    var rng = SeededGenerator(seed: 7)
    let fib: [Double] = [1, 2, 3, 5, 8, 13, 20]
    for id in board.items.keys.sorted() {
        _ = try? board.modify(id, by: "bench", at: 1) {
            $0.scores.value = fib[rng.below(7)]; $0.scores.criticality = fib[rng.below(7)]
            $0.scores.risk = fib[rng.below(7)]; $0.scores.size = fib[rng.below(7)]
        }
    }
    return board
}

/// Resets the process's peak resident memory (VmHWM) to its current size (Linux: `clear_refs` 5).
private func resetPeakMemory() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
}

/// The process's resident memory now (VmRSS), in MiB.
private func residentMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}
