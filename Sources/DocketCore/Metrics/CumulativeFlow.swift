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
        let ids = stages.map(\.id)
        let column = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var delta = [[Int]](repeating: [Int](repeating: 0, count: ids.count), count: n + 1)
        for (k, timeline) in timelines.enumerated() {
            let discardedAt = flows[k].discardedAt
            for v in timeline.visits {
                guard let s = column[v.stage] else { continue }
                var end = v.end
                if let gone = discardedAt, v.end == nil { end = gone }
                let from = max(0, days.day(v.start) - firstDay)
                let until = end.map { days.day($0) - firstDay } ?? n
                guard from < n, until > from else { continue }
                delta[from][s] += 1
                delta[min(n, until)][s] -= 1
            }
        }
        var counts: [[Int]] = []
        var running = [Int](repeating: 0, count: ids.count)
        for d in 0..<n {
            for s in 0..<ids.count { running[s] += delta[d][s] }
            counts.append(running)
        }
        return CumulativeFlow(stages: ids, days: (0..<n).map { DayIndex.text(firstDay + $0) }, counts: counts)
    }
}
