/// Points and money per group of items (`docket budget report --by …`): which part of the
/// product the money goes to. Items counted are those of `ReleasePlan` (open, and done ones
/// archived or not; items archived outside a done stage are left out).
public struct BudgetReport: Equatable, Sendable {
    /// How items are grouped. An item with several labels or assignees counts in each of
    /// their groups (so those totals can exceed the board's); items with none form the group
    /// named "(none)".
    public enum Grouping: String, CaseIterable, Sendable {
        case release, label, epic, type, assignee
    }

    /// One group's numbers (points are story points; money in minor units, nil without a
    /// cost model).
    public struct Group: Equatable, Sendable {
        public var name: String
        public var items: Int
        public var doneItems: Int
        public var plannedPoints: Double
        public var donePoints: Double
        /// Ids of items with no estimate.
        public var unestimated: [String]
        public var plannedCost: Money?
        public var spentCost: Money?
        /// Only for releases: the budget, and how far planned cost is over it.
        public var budget: Money?
        public var overBudgetBy: Money?
    }

    public var grouping: Grouping
    public var groups: [Group]
    public var costPerPoint: Money?

    /// The report of `board` grouped by `grouping`. Releases come from `ReleasePlan` (the
    /// same numbers as `release list`), in board order, "(none)" last; other groups sorted
    /// by name, "(none)" last.
    public init(_ board: Board, by grouping: Grouping, plan: ReleasePlan? = nil) {
        self.grouping = grouping
        let plan = plan ?? ReleasePlan(board)
        costPerPoint = plan.costPerPoint
        let model = board.planning.costModel
        if grouping == .release {
            groups = (plan.lines + [plan.unreleased]).filter { $0.known || !$0.items.isEmpty }.map { line in
                Group(name: line.release.name.isEmpty ? "(none)" : line.release.name, items: line.items.count,
                      doneItems: line.doneItems.count, plannedPoints: line.plannedPoints, donePoints: line.donePoints,
                      unestimated: line.unestimated, plannedCost: line.cost?.planned, spentCost: line.cost?.spent,
                      budget: line.release.budget, overBudgetBy: line.cost?.overBudgetBy)
            }
            return
        }
        let done = Set(board.stages.filter { $0.kind == .done }.map(\.id))
        var byName: [String: Group] = [:]
        for item in board.itemsInBoardOrder(includeArchived: true) {
            let isDone = done.contains(item.stage)
            if item.archived && !isDone { continue }
            for name in Self.keys(item, grouping, board) {
                var g = byName[name] ?? Group(name: name, items: 0, doneItems: 0, plannedPoints: 0, donePoints: 0, unestimated: [])
                g.items += 1
                g.plannedPoints += item.points ?? 0
                if isDone { g.doneItems += 1; g.donePoints += item.points ?? 0 }
                if item.points == nil { g.unestimated.append(item.id) }
                byName[name] = g
            }
        }
        groups = byName.values.sorted { ($0.name == "(none)" ? 1 : 0, $0.name) < ($1.name == "(none)" ? 1 : 0, $1.name) }
        if let model {
            for k in groups.indices {
                groups[k].plannedCost = model.cost(ofPoints: groups[k].plannedPoints)
                groups[k].spentCost = model.cost(ofPoints: groups[k].donePoints)
            }
        }
    }

    private static func keys(_ item: Item, _ grouping: Grouping, _ board: Board) -> [String] {
        switch grouping {
        case .release: return [item.release ?? "(none)"]
        case .label: return item.labels.isEmpty ? ["(none)"] : item.labels
        case .assignee: return item.assignees.isEmpty ? ["(none)"] : item.assignees.map { "@" + $0 }
        case .type: return [item.type.rawValue]
        case .epic:
            if item.type == .epic { return [Roadmap.epicName(item)] }
            guard let p = item.parent, let epic = board.items[p] else { return ["(none)"] }
            return [Roadmap.epicName(epic)]
        }
    }
}
