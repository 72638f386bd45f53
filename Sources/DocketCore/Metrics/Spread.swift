/// The 50th, 85th and 95th percentiles (nearest rank, see `Percentile`) of a set of
/// durations, in days of 24 hours, with how many durations there were. Percentiles are nil
/// when there were none.
public struct Spread: Equatable, Codable, Sendable {
    public var count: Int
    public var p50: Double?
    public var p85: Double?
    public var p95: Double?

    /// The spread of `seconds` (any order).
    public init(seconds: [Timestamp]) {
        let sorted = seconds.sorted()
        count = sorted.count
        let days = { (p: Double) in Percentile.of(sorted: sorted, p).map { Double($0) / 86_400 } }
        p50 = days(50); p85 = days(85); p95 = days(95)
    }
}

extension FlowHistory {
    /// Stage id → the spread of time spent in that stage by the items done at or after
    /// `start` that spent any time in it (what "85 % of items leave Review within 3 days"
    /// is measured on). Stages no item spent time in are missing.
    public func stageSpreads(since start: Timestamp) -> [String: Spread] {
        stageSpreads(of: flows.indices.filter { (flows[$0].doneAt ?? .min) >= start })
    }

    /// Stage id → the spread of time spent in it by the items at `positions` of `flows`.
    func stageSpreads(of positions: [Int]) -> [String: Spread] {
        var times: [String: [Timestamp]] = [:]
        for k in positions {
            for t in flows[k].stageTimes { times[t.stage, default: []].append(t.seconds) }
        }
        return times.mapValues { Spread(seconds: $0) }
    }
}
