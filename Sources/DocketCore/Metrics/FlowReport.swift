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
    /// `days`), with `history` built at the end of the window or now.
    public static func make(_ board: Board, history: FlowHistory, from firstDay: Int, to lastDay: Int, days: DayIndex) -> FlowReport {
        let start = days.start(of: firstDay), now = history.now
        let finished = history.finished(since: start)
        let spreads = history.stageSpreads(since: start)
        let open = history.open
        let levels = Dictionary(board.serviceLevels.map { ($0.stage, $0) }, uniquingKeysWith: { a, _ in a })
        let stages = board.stages.map { stage -> StageFigures in
            let inStage = open.filter { $0.stage == stage.id }
            let result = levels[stage.id].map { level -> ServiceLevelResult in
                let limit = Timestamp(level.days * 86_400)
                let times = finished.compactMap { $0.timeInStage[stage.id] }
                let within = times.filter { $0 <= limit }.count
                let achieved = times.isEmpty ? nil : Double(within) * 100 / Double(times.count)
                let over = inStage.filter { ($0.timeInCurrentStage(now: now) ?? 0) > limit }.map(\.id)
                return ServiceLevelResult(days: level.days, percent: level.percent, measured: times.count, within: within,
                                          achieved: achieved, met: achieved.map { $0 >= level.percent }, overNow: over)
            }
            return StageFigures(id: stage.id, name: stage.name, kind: stage.kind.rawValue, wip: inStage.count,
                                timeInStage: spreads[stage.id] ?? Spread(seconds: []), serviceLevel: result)
        }
        let aging = open.filter(\.isInProgress)
            .sorted { ($0.startedAt ?? 0, $0.id) < ($1.startedAt ?? 0, $1.id) }.prefix(agingLimit)
            .map { f in AgingItem(id: f.id, title: board.items[f.id]?.title ?? "", stage: f.stage,
                                  ageDays: Double(f.age(now: now) ?? 0) / 86_400,
                                  daysInStage: Double(f.timeInCurrentStage(now: now) ?? 0) / 86_400) }
        return FlowReport(from: DayIndex.text(firstDay), to: DayIndex.text(lastDay), finished: finished.count,
                          finishedPoints: finished.reduce(0) { $0 + ($1.points ?? 0) },
                          finishedWithoutStart: finished.filter { $0.startedAt == nil }.count,
                          arrivals: history.flows.filter { $0.created >= start }.count,
                          wip: open.filter(\.isInProgress).count,
                          leadTime: Spread(seconds: finished.compactMap(\.leadTime)),
                          cycleTime: Spread(seconds: finished.compactMap(\.cycleTime)),
                          stages: stages, weekly: history.periods(.week, from: firstDay, to: lastDay, days: days),
                          aging: aging)
    }
}
