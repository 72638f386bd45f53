/// Cumulative flow: for each day, how many items were in each stage at its end. `stages`
/// are the board's stage ids in board order; `counts[d][s]` is the count of stage `s` at the
/// end of `days[d]` (`YYYY-MM-DD`, local). Stacking the stages from the last (done) to the
/// first gives the classic bands. Items in stages that no longer exist are not drawn;
/// discarded items (archived outside done) leave on the day they were archived; items
/// archived in a done stage stay in done.
public struct CumulativeFlow: Equatable, Codable, Sendable {
    public var stages: [String]
    public var days: [String]
    public var counts: [[Int]]
}

extension FlowHistory {
    /// Cumulative flow from day number `firstDay` to `lastDay` (inclusive).
    public func cumulativeFlow(from firstDay: Int, to lastDay: Int, days: DayIndex) -> CumulativeFlow {
        let n = max(0, lastDay - firstDay + 1)
        let ids = stages.map(\.id), width = ids.count
        // Stage number → column (the first board stage with that id), -1 for stages not on the board.
        var column = [Int](repeating: -1, count: stageIDs.count)
        for (s, id) in ids.enumerated() {
            if let k = stageIDs.firstIndex(of: id), column[k] < 0 { column[k] = s }
        }
        var delta = [Int](repeating: 0, count: (n + 1) * width)
        for k in flows.indices {
            let discardedAt = flows[k].discardedAt
            for j in stays.range(k) {
                let s = column[Int(stays.stage[j])]
                guard s >= 0 else { continue }
                var end: Timestamp? = stays.end[j] == FlowStays.still ? nil : stays.end[j]
                if let gone = discardedAt, end == nil { end = gone }
                let from = max(0, days.day(stays.start[j]) - firstDay)
                guard from < n else { continue }
                let until = end.map { days.day($0) - firstDay } ?? n
                guard until > from else { continue }
                delta[from * width + s] += 1
                delta[min(n, until) * width + s] -= 1
            }
        }
        var counts: [[Int]] = []
        counts.reserveCapacity(n)
        var running = [Int](repeating: 0, count: width)
        for d in 0..<n {
            for s in 0..<width { running[s] += delta[d * width + s] }
            counts.append(running)
        }
        return CumulativeFlow(stages: ids, days: (0..<n).map { DayIndex.text(firstDay + $0) }, counts: counts)
    }
}
