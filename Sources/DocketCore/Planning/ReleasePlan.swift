/// The numbers of every release, computed once from a board: the one source for the backlog
/// list's release headings, the releases screen, the report, `release list --json`, the
/// budget report and the HTML page, so they always agree.
///
/// For a release: planned items are the items whose `release` is its name that are open (not
/// archived, any stage but a done one) or done (in a done stage, archived or not: shipped work
/// still counts). Items archived outside a done stage (dropped) are left out. Points are story
/// points; an item with no estimate counts as an item but adds no points and is named in
/// `unestimated`, never silently taken as zero. Money uses the board's `CostModel` (nil
/// without one); see `CostModel` for rounding.
public struct ReleasePlan: Equatable, Sendable {
    /// The plan of one release (or of the items with no release, `release.name` empty).
    public struct Line: Equatable, Sendable {
        public var release: Release
        /// False for a release name items use that the board's list lacks (a hand edit), and
        /// for the no-release line.
        public var known: Bool
        /// Ids of the planned items (open and done), in board order.
        public var items: [String]
        /// Ids of the done items among them.
        public var doneItems: [String]
        /// Ids of planned items with no story points.
        public var unestimated: [String]
        /// Story points of the planned items (open + done).
        public var plannedPoints: Double
        /// Story points of the done items.
        public var donePoints: Double
        /// Planned − done points.
        public var remainingPoints: Double { plannedPoints - donePoints }
        /// Points above the capacity (nil: within it, or no capacity).
        public var overCapacityBy: Double? {
            guard let c = release.capacity, plannedPoints > c else { return nil }
            return plannedPoints - c
        }
        /// Done ÷ planned points, 0…1 (0 when nothing is planned).
        public var progress: Double { plannedPoints > 0 ? donePoints / plannedPoints : 0 }
        /// The money of the line (nil when the board has no cost model).
        public var cost: Cost?
    }

    /// A release's money, in the board currency's minor units.
    public struct Cost: Equatable, Sendable {
        /// Planned points × cost per point.
        public var planned: Money
        /// Done points × cost per point.
        public var spent: Money
        /// The release's budget (nil: none).
        public var budget: Money?
        /// Budget − planned (nil without a budget; negative when over).
        public var remaining: Money? { budget.map { $0 - planned } }
        /// Planned − budget when planned exceeds the budget (nil otherwise).
        public var overBudgetBy: Money? {
            guard let b = budget, planned > b else { return nil }
            return planned - b
        }
    }

    /// One line per release in the board's order, then one per unknown release name items use
    /// (sorted by name).
    public var lines: [Line]
    /// The items with no release.
    public var unreleased: Line
    /// The cost of one point (nil: no cost model).
    public var costPerPoint: Money?

    /// The plan of `board` (cost: its items × the board's items, once).
    public init(_ board: Board) {
        let doneStages = Set(board.stages.filter { $0.kind == .done }.map(\.id))
        var byName: [String: Line] = [:]
        var order = board.releases.map(\.name)
        for r in board.releases where byName[r.name] == nil { byName[r.name] = Self.empty(r, known: true) }
        var none = Self.empty(Release(name: ""), known: false)
        for item in board.itemsInBoardOrder(includeArchived: true) {
            let done = doneStages.contains(item.stage)
            if item.archived && !done { continue }
            guard let name = item.release, !name.isEmpty else { Self.add(item, done: done, to: &none); continue }
            if byName[name] == nil { byName[name] = Self.empty(Release(name: name), known: false); order.append(name) }
            Self.add(item, done: done, to: &byName[name]!)
        }
        let known = Set(board.releases.map(\.name))
        let unknown = order.filter { !known.contains($0) }.sorted()
        var seen = Set<String>()
        let names = (order.filter { known.contains($0) } + unknown).filter { seen.insert($0).inserted }
        costPerPoint = board.planning.costModel?.costPerPoint
        lines = names.map { byName[$0]! }
        unreleased = none
        if let model = board.planning.costModel {
            for k in lines.indices { lines[k].cost = Self.cost(lines[k], model) }
            unreleased.cost = Self.cost(unreleased, model)
        }
    }

    /// The line of the release named `name` (nil or "": the no-release line); nil when no
    /// item and no release has that name.
    public func line(named name: String?) -> Line? {
        guard let name, !name.isEmpty else { return unreleased }
        return lines.first { $0.release.name == name }
    }

    /// Planned points by release name ("" for no release): what the backlog list's release
    /// headings show.
    public var plannedPointsByName: [String: Double] {
        var out = Dictionary(lines.map { ($0.release.name, $0.plannedPoints) }, uniquingKeysWith: { a, _ in a })
        out[""] = unreleased.plannedPoints
        return out
    }

    private static func empty(_ r: Release, known: Bool) -> Line {
        Line(release: r, known: known, items: [], doneItems: [], unestimated: [], plannedPoints: 0, donePoints: 0, cost: nil)
    }

    private static func add(_ item: Item, done: Bool, to line: inout Line) {
        line.items.append(item.id)
        line.plannedPoints += item.points ?? 0
        if done { line.doneItems.append(item.id); line.donePoints += item.points ?? 0 }
        if item.points == nil { line.unestimated.append(item.id) }
    }

    private static func cost(_ line: Line, _ model: CostModel) -> Cost {
        Cost(planned: model.cost(ofPoints: line.plannedPoints), spent: model.cost(ofPoints: line.donePoints),
             budget: line.release.budget)
    }
}
