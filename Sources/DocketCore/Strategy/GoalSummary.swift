/// One goal as the goals screen, `docket goal list` and the report show it: its key results'
/// progress, the items serving it grouped by stage (board order; archived items left out),
/// the story points in them and, with a cost model (`PlanningSettings.costModel`), their cost.
public struct GoalSummary: Equatable, Sendable {
    public var goal: Goal
    /// (stage, its item ids serving the goal in rank order); stages without such items left out.
    public var stages: [(stage: Stage, items: [String])]
    /// Total story points of the serving items.
    public var points: Double
    /// Their cost in the board's currency (nil without a cost model).
    public var cost: Money?

    public static func == (l: GoalSummary, r: GoalSummary) -> Bool {
        l.goal == r.goal && l.points == r.points && l.cost == r.cost
            && l.stages.map(\.stage) == r.stages.map(\.stage) && l.stages.map(\.items) == r.stages.map(\.items)
    }

    public init(_ goal: Goal, in board: Board) {
        self.goal = goal
        let serving = board.itemIDs(servingGoal: goal)
        var stages: [(Stage, [String])] = []
        var points = 0.0
        for stage in board.stages {
            let ids = board.column(stage.id).filter { serving.contains($0) }
            if ids.isEmpty { continue }
            stages.append((stage, ids))
            points += ids.reduce(0) { $0 + (board.items[$1]?.points ?? 0) }
        }
        self.stages = stages
        self.points = points
        self.cost = board.planning.costModel?.cost(ofPoints: points)
    }

    /// The number of serving (open) items.
    public var itemCount: Int { stages.reduce(0) { $0 + $1.items.count } }

    /// Every goal of `board`, in board order.
    public static func all(_ board: Board) -> [GoalSummary] { board.strategy.goals.map { GoalSummary($0, in: board) } }
}

extension Board {
    /// Open items (not archived, not in a done stage) that serve no goal, in board order:
    /// the unaligned work.
    public func unalignedItemIDs() -> [String] {
        let serving = itemIDsServingAnyGoal()
        return stages.filter { $0.kind != .done }.flatMap { column($0.id) }.filter { !serving.contains($0) }
    }
}

extension KeyResult {
    /// `p95 export time: 900 ms → 650 ms → 300 ms (42%)`: start, current, target and progress.
    public var line: String {
        "\(metric): \(MetricValue.text(start, unit)) → \(MetricValue.text(current, unit)) → \(MetricValue.text(target, unit)) (\(Int((progress * 100).rounded()))%)"
    }
}
