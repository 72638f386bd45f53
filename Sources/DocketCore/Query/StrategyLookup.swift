/// What the query terms about goals and feedback read, built once per evaluation from the
/// board (`goal:`, `has:goal`, `has:feedback`, `feedback:`, `customers:`): for each `goal:`
/// value the items serving the goals it names (an id prefix or a substring of the
/// objective, ignoring case; none named: no item), the items serving any goal, and each
/// item's customer impact.
final class StrategyLookup: @unchecked Sendable {
    let goals: [Set<String>]
    let impact: [String: CustomerImpact]
    private let board: Board
    /// Computed on first use (only `has:goal` reads it).
    lazy var anyGoal: Set<String> = board.itemIDsServingAnyGoal()

    init(_ board: Board, goalNames: [String]) {
        let all = board.strategy.goals
        goals = goalNames.map { name in
            all.filter { $0.id.hasPrefix(name) || $0.objective.lowercased().contains(name) }
                .reduce(into: Set<String>()) { $0.formUnion(board.itemIDs(servingGoal: $1)) }
        }
        self.board = board
        impact = board.strategy.impact
    }
}
