/// How long a period of the per-period figures is: a day, or an ISO week (Monday to Sunday),
/// both in the user's time zone.
public enum PeriodLength: String, Codable, Sendable, CaseIterable {
    case day, week
}

/// The figures of one period. `start` is its first day (`YYYY-MM-DD`, local); `throughput`
/// is the items done in it (by their last entry into done) and `points` their story points;
/// `arrivals` the items created in it; `wip` the items in progress at the end of its last day
/// (or now, for the current period).
public struct PeriodFigures: Equatable, Codable, Sendable {
    public var start: String
    public var throughput: Int
    public var points: Double
    public var arrivals: Int
    public var wip: Int
}

extension FlowHistory {
    /// The figures of each period from the one holding `firstDay` to the one holding `lastDay`
    /// (day numbers of `DayIndex`), oldest first. Empty when `lastDay` < `firstDay`.
    public func periods(_ length: PeriodLength, from firstDay: Int, to lastDay: Int, days: DayIndex) -> [PeriodFigures] {
        guard lastDay >= firstDay else { return [] }
        let daily = dailyFigures(from: firstDay, to: lastDay, days: days)
        guard length == .week else { return daily }
        var out: [PeriodFigures] = []
        var current = -1
        for (k, d) in daily.enumerated() {
            let week = DayIndex.weekStart(firstDay + k)
            if week != current {
                current = week
                out.append(PeriodFigures(start: DayIndex.text(week), throughput: 0, points: 0, arrivals: 0, wip: 0))
            }
            out[out.count - 1].throughput += d.throughput
            out[out.count - 1].points += d.points
            out[out.count - 1].arrivals += d.arrivals
            out[out.count - 1].wip = d.wip
        }
        return out
    }

    /// Daily throughput (items done per day) from `firstDay` to `lastDay`: the forecast's input.
    public func dailyThroughput(from firstDay: Int, to lastDay: Int, days: DayIndex) -> [Int] {
        dailyFigures(from: firstDay, to: lastDay, days: days).map(\.throughput)
    }

    func dailyFigures(from firstDay: Int, to lastDay: Int, days: DayIndex) -> [PeriodFigures] {
        let n = lastDay - firstDay + 1
        guard n > 0 else { return [] }
        var out = (0..<n).map { PeriodFigures(start: DayIndex.text(firstDay + $0), throughput: 0, points: 0, arrivals: 0, wip: 0) }
        var wipDelta = [Int](repeating: 0, count: n + 1)
        // By index and field, not `for f in flows`: copying each flow would retain its parts.
        for k in flows.indices {
            let created = days.day(flows[k].created) - firstDay
            if created >= 0, created < n { out[created].arrivals += 1 }
            let doneAt = flows[k].doneAt
            if let done = doneAt {
                let d = days.day(done) - firstDay
                if d >= 0, d < n { out[d].throughput += 1; out[d].points += flows[k].points ?? 0 }
            }
            guard let started = flows[k].startedAt else { continue }
            let from = max(0, days.day(started) - firstDay)
            let until = (doneAt ?? flows[k].discardedAt).map { days.day($0) - firstDay } ?? n
            guard from < n, until > from, until > 0 else { continue }
            wipDelta[from] += 1
            wipDelta[min(n, until)] -= 1
        }
        var wip = 0
        for k in 0..<n { wip += wipDelta[k]; out[k].wip = wip }
        return out
    }
}
