import DocketCore
import Foundation

/// `DocketBench --rerank N [RUNS]`: re-ranking a seeded generated board of `N` items
/// (`GeneratedBoard.make(count:)`, every item given WSJF inputs as the package benchmark
/// `re-rank N` does) by score: the whole backlog (`R` in the backlog list), one column (`R` on
/// the board), what `commitEdit` adds (recording the edit), and undoing and redoing it. Each
/// figure is the median of `RUNS` (default 5) in milliseconds (wall and this thread's CPU time),
/// with the peak resident memory
/// during those runs (VmHWM, reset before each measurement) and the resident memory before.
///
/// `only`: run just the measurements whose name starts with it (for a profiler). The
/// measurement `copy` is the floor under every other: a copy of the board, one item changed
/// in each of the item store's 256 shards (so every shard is copied, as a re-rank of most
/// items does to a board that another value, here the benchmark's, still holds), and its
/// release; less the same changes made to a board not shared (the next line).
func rerankBenchmark(items count: Int, runs: Int, only: String? = nil) throws {
    let scored = scoredBoard(count)
    let onePerShard = oneIDPerShard(scored)
    print("re-rank by score, \(count) items (\(runs) runs each; wall ms: median, min, max; CPU ms: median; MiB: resident before, peak during)")
    func report(_ name: String, _ body: () throws -> Void) rethrows {
        if let only, !name.hasPrefix(only) { return }
        let before = residentMiB()
        resetPeakMemory()
        var wall: [Double] = [], cpu: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds, startCPU = threadCPUms()
            try body()
            wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            cpu.append(threadCPUms() - startCPU)
        }
        wall.sort(); cpu.sort()
        print("  " + name.padding(toLength: 36, withPad: " ", startingAt: 0)
              + String(format: "%8.1f %8.1f %8.1f %8.1f   %6.0f %6.0f", wall[runs / 2], wall[0], wall[runs - 1], cpu[runs / 2],
                       before, peakMemoryMiB()))
    }
    try report("copy (256 shards, one item each)") {
        var b = scored
        for id in onePerShard { try b.modify(id, by: "bench", at: 2) { $0.votes += 1 } }
    }
    do {
        var unique = scored
        for id in onePerShard { try unique.modify(id, by: "bench", at: 2) { $0.votes += 1 } }
        try report("  the same changes, no copy") {
            for id in onePerShard { try unique.modify(id, by: "bench", at: 2) { $0.votes += 1 } }
        }
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
    guard only == nil else { return }
    precondition(undone.items == scored.items && redone.items == reranked.items, "undo or redo did not restore the items")
    print("  \(reranked.activity.count - scored.activity.count) items changed rank (one activity entry each)")
}

/// A generated board of `count` items scored with WSJF: seeded Fibonacci inputs on every item,
/// set through `modify` (as the package benchmark does), in id order; then written and read
/// back, so that it is the board a session holds after opening the file (whose store records
/// no changes yet).
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
    return try! BoardDecoder.decode(Data(BoardEncoder.encode(board)), path: "re-rank benchmark").board
}

/// One item id in each of the item store's shards (`ItemStore`'s FNV-1a of the id, modulo 256).
private func oneIDPerShard(_ board: Board) -> [String] {
    var byShard: [Int: String] = [:]
    for id in board.items.keys.sorted() {
        var h: UInt32 = 2_166_136_261
        for b in id.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        if byShard[Int(h % 256)] == nil { byShard[Int(h % 256)] = id }
    }
    return byShard.keys.sorted().map { byShard[$0]! }
}

/// The CPU time this thread has used, in milliseconds (less disturbed than wall time by other
/// processes on a shared machine).
private func threadCPUms() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
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
