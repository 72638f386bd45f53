/// Every figure of `docket metrics` for one window of time, as plain values (JSON via
/// `Codable`). Durations are days of 24 hours; days are `YYYY-MM-DD` in the user's time zone.
public struct FlowReport: Equatable, Codable, Sendable {
    /// A stage's figures: open items in it now, the spread of time the window's finished items
    /// spent in it, and its service level expectation's result when one is set.
    public struct StageFigures: Equatable, Codable, Sendable {
        public var id: String
        public var name: String
        public var kind: String
        public var wip: Int
        public var timeInStage: Spread
        public var serviceLevel: ServiceLevelResult?
    }
    /// How a stage did against its expectation: of `measured` finished items that spent time
    /// in it, `within` left it within `days`; `achieved` is that share in percent (nil when
    /// nothing was measured) and `met` whether it reaches `percent`. `overNow` are open items
    /// in the stage longer than `days` already.
    public struct ServiceLevelResult: Equatable, Codable, Sendable {
        public var days: Double
        public var percent: Double
        public var measured: Int
        public var within: Int
        public var achieved: Double?
        public var met: Bool?
        public var overNow: [String]
    }
    /// An item in progress, with its work item age and time in its current stage (days).
    public struct AgingItem: Equatable, Codable, Sendable {
        public var id: String
        public var title: String
        public var stage: String
        public var ageDays: Double
        public var daysInStage: Double
    }

    public var from: String
    public var to: String
    public var finished: Int
    public var finishedPoints: Double
    /// Finished items that never entered a doing stage (no cycle time).
    public var finishedWithoutStart: Int
    public var arrivals: Int
    public var wip: Int
    public var leadTime: Spread
    public var cycleTime: Spread
    public var stages: [StageFigures]
    public var weekly: [PeriodFigures]
    /// Items in progress, oldest first: the `agingLimit` oldest (all of them are in
    /// `FlowHistory.open`).
    public var aging: [AgingItem]
    /// How many items `aging` lists at most.
    public static let agingLimit = 100

    /// The report of `board` for the days from `firstDay` to `lastDay` (day numbers of
    /// `days`), with `history` built at the end of the window or now. One pass over the
    /// history's items sorts them into finished, open and in progress (positions, not copies).
    public static func make(_ board: Board, history: FlowHistory, from firstDay: Int, to lastDay: Int, days: DayIndex) -> FlowReport {
        let start = days.start(of: firstDay), now = history.now, flows = history.flows
        var finished: [Int] = [], inProgress: [Int] = [], arrivals = 0
        var openByStage: [String: [Int]] = [:]
        for k in flows.indices {
            if flows[k].created >= start { arrivals += 1 }
            if let done = flows[k].doneAt {
                if done >= start { finished.append(k) }
            } else if flows[k].discardedAt == nil {
                openByStage[flows[k].stage, default: []].append(k)
                if flows[k].startedAt != nil { inProgress.append(k) }
            }
        }
        let spreads = history.stageSpreads(of: finished)
        let levels = Dictionary(board.serviceLevels.map { ($0.stage, $0) }, uniquingKeysWith: { a, _ in a })
        let stages = board.stages.map { stage -> StageFigures in
            let inStage = openByStage[stage.id] ?? []
            let result = levels[stage.id].map { level -> ServiceLevelResult in
                let limit = Timestamp(level.days * 86_400)
                let times = finished.compactMap { flows[$0].seconds(in: stage.id) }
                let within = times.filter { $0 <= limit }.count
                let achieved = times.isEmpty ? nil : Double(within) * 100 / Double(times.count)
                let over = inStage.filter { (flows[$0].timeInCurrentStage(now: now) ?? 0) > limit }.map { flows[$0].id }
                return ServiceLevelResult(days: level.days, percent: level.percent, measured: times.count, within: within,
                                          achieved: achieved, met: achieved.map { $0 >= level.percent }, overNow: over)
            }
            return StageFigures(id: stage.id, name: stage.name, kind: stage.kind.rawValue, wip: inStage.count,
                                timeInStage: spreads[stage.id] ?? Spread(seconds: []), serviceLevel: result)
        }
        let aging = oldest(inProgress, flows, limit: agingLimit).map { k in
            AgingItem(id: flows[k].id, title: board.items[flows[k].id]?.title ?? "", stage: flows[k].stage,
                      ageDays: Double(flows[k].age(now: now) ?? 0) / 86_400,
                      daysInStage: Double(flows[k].timeInCurrentStage(now: now) ?? 0) / 86_400)
        }
        return FlowReport(from: DayIndex.text(firstDay), to: DayIndex.text(lastDay), finished: finished.count,
                          finishedPoints: finished.reduce(0) { $0 + (flows[$1].points ?? 0) },
                          finishedWithoutStart: finished.filter { flows[$0].startedAt == nil }.count,
                          arrivals: arrivals, wip: inProgress.count,
                          leadTime: Spread(seconds: finished.compactMap { flows[$0].leadTime }),
                          cycleTime: Spread(seconds: finished.compactMap { flows[$0].cycleTime }),
                          stages: stages, weekly: history.periods(.week, from: firstDay, to: lastDay, days: days),
                          aging: aging)
    }

    /// The positions of the `limit` items of `positions` that started first (ties by id), in
    /// that order.
    static func oldest(_ positions: [Int], _ flows: [ItemFlow], limit: Int) -> [Int] {
        let before = { (a: Int, b: Int) -> Bool in
            let x = flows[a].startedAt ?? 0, y = flows[b].startedAt ?? 0
            return x != y ? x < y : flows[a].id < flows[b].id
        }
        guard positions.count > limit * 4 else { return Array(positions.sorted(by: before).prefix(limit)) }
        // Keep a sorted list of the best `limit` so far: most items are rejected by one comparison.
        var best = Array(positions.prefix(limit)).sorted(by: before)
        for k in positions.dropFirst(limit) where before(k, best[limit - 1]) {
            best.removeLast()
            let at = best.firstIndex { before(k, $0) } ?? best.count
            best.insert(k, at: at)
        }
        return best
    }
}
