import Foundation

/// Editing the vision and goals: each change is one undoable edit of the board header,
/// logged as a `goal` activity entry. Goals are found by `goal(matching:)`.
extension Board {
    /// Changes the strategy (vision, goals, notes, settings) through `body` as one undoable
    /// edit logged as `action` with `summary`. Throws what `body` throws; nothing changes then.
    @discardableResult
    public mutating func changeStrategy(_ summary: String, action: String = "goal", by user: String, at time: Timestamp,
                                        _ body: (inout Strategy) throws -> Void) throws -> Edit {
        var s = strategy
        try body(&s)
        guard s != strategy else { return Edit(summary: "no change") }
        var h = header
        h.strategy = s
        return upsert([], header: h, action: action, summary: summary, by: user, at: time)
    }

    /// Finds a goal by its id, a unique id prefix, its objective (ignoring case) or a unique
    /// word-prefix of it. Throws `DocketError.invalidValue` naming the query (no such goal, or
    /// several: their ids are listed).
    public func goal(matching query: String) throws -> Goal {
        let q = query.trimmingCharacters(in: .whitespaces).lowercased()
        let goals = strategy.goals
        guard !q.isEmpty else { throw DocketError.invalidValue(field: "goal", value: query, expected: "a goal's id or objective (docket goal list)") }
        if let g = goals.first(where: { $0.id == q || $0.objective.lowercased() == q }) { return g }
        for test in [{ (g: Goal) in g.id.hasPrefix(q) }, { (g: Goal) in g.objective.lowercased().hasPrefix(q) },
                     { (g: Goal) in g.objective.lowercased().contains(q) }] {
            let found = goals.filter(test)
            if found.count == 1 { return found[0] }
            if found.count > 1 {
                throw DocketError.invalidValue(field: "goal", value: query, expected: "one goal, not \(found.count) (\(found.map(\.id).joined(separator: ", ")))")
            }
        }
        throw DocketError.invalidValue(field: "goal", value: query, expected: "a goal's id or objective (docket goal list)")
    }

    /// Adds a goal. Throws `DocketError.invalidValue` for an empty objective or an invalid key
    /// result (`KeyResult.validated`). Returns the goal and its edit.
    @discardableResult
    public mutating func addGoal(objective: String, period: String = "", owner: String = "", keyResults: [KeyResult] = [],
                                 by user: String, at time: Timestamp) throws -> (goal: Goal, edit: Edit) {
        let objective = objective.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !objective.isEmpty else { throw DocketError.invalidValue(field: "objective", value: objective, expected: "some text") }
        let krs = try keyResults.map { try $0.validated() }
        let taken = Set(strategy.goals.map(\.id))
        let goal = Goal(id: ItemID.make { taken.contains($0) }, objective: objective, period: period,
                        owner: owner.hasPrefix("@") ? String(owner.dropFirst()) : owner, keyResults: krs)
        let edit = try changeStrategy("added goal \(goal.id)", by: user, at: time) { $0.goals.append(goal) }
        return (goal, edit)
    }

    /// The keys `setGoal` takes.
    public static let goalKeys = ["objective", "period", "owner", "state"]

    /// Sets fields of a goal: `objective`, `period`, `owner`, `state` (on-track, at-risk,
    /// off-track, done). Throws `DocketError.invalidValue` naming an unknown goal, key or
    /// state, or an empty objective; nothing changes then.
    @discardableResult
    public mutating func setGoal(_ query: String, _ pairs: [(String, String)], by user: String, at time: Timestamp) throws -> Edit {
        var goal = try self.goal(matching: query)
        for (key, value) in pairs {
            switch key.lowercased() {
            case "objective":
                guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw DocketError.invalidValue(field: "objective", value: value, expected: "some text") }
                goal.objective = value
            case "period": goal.period = value
            case "owner": goal.owner = value.hasPrefix("@") ? String(value.dropFirst()) : value
            case "state":
                guard let s = GoalState(word: value) else {
                    throw DocketError.invalidValue(field: "state", value: value, expected: "on-track, at-risk, off-track or done")
                }
                goal.state = s
            default: throw DocketError.invalidValue(field: "key", value: key, expected: Board.goalKeys.joined(separator: ", "))
            }
        }
        return try replaceGoal(goal, "set \(pairs.map(\.0).joined(separator: ", ")) of goal \(goal.id)", by: user, at: time)
    }

    /// Adds a key result (`MetricValue.keyResult` form) to a goal. Throws like `goal(matching:)`
    /// and `MetricValue.keyResult`.
    @discardableResult
    public mutating func addKeyResult(_ query: String, _ spec: String, by user: String, at time: Timestamp) throws -> Edit {
        var goal = try self.goal(matching: query)
        goal.keyResults.append(try MetricValue.keyResult(spec))
        return try replaceGoal(goal, "added a key result to goal \(goal.id)", by: user, at: time)
    }

    /// The keys `setKeyResult` takes.
    public static let keyResultKeys = ["current", "target", "start", "metric", "unit"]

    /// Sets fields of a goal's key result, named by its number (1 = first) or a unique prefix
    /// of its metric: `current`, `target`, `start` (numbers, with the key result's unit or
    /// none), `metric`, `unit`. Throws `DocketError.invalidValue` naming an unknown goal, key
    /// result or key, a number that does not parse, another unit, or a target equal to the start.
    @discardableResult
    public mutating func setKeyResult(_ query: String, _ kr: String, _ pairs: [(String, String)],
                                      by user: String, at time: Timestamp) throws -> Edit {
        var goal = try self.goal(matching: query)
        let index = try keyResultIndex(kr, in: goal)
        var k = goal.keyResults[index]
        for (key, value) in pairs {
            switch key.lowercased() {
            case "current", "target", "start":
                let (v, unit) = try MetricValue.parse(value, field: key.lowercased())
                guard unit.isEmpty || unit == k.unit else {
                    throw DocketError.invalidValue(field: key.lowercased(), value: value, expected: "a number in \(k.unit.isEmpty ? "no unit" : k.unit)")
                }
                switch key.lowercased() { case "current": k.current = v; case "target": k.target = v; default: k.start = v }
            case "metric": k.metric = value
            case "unit": k.unit = value
            default: throw DocketError.invalidValue(field: "key", value: key, expected: Board.keyResultKeys.joined(separator: ", "))
            }
        }
        goal.keyResults[index] = try k.validated()
        return try replaceGoal(goal, "set \(pairs.map(\.0).joined(separator: ", ")) of \(goal.id) key result \(index + 1)", by: user, at: time)
    }

    /// The index of the key result `query` names in `goal`: its number (1-based) or a unique
    /// prefix of its metric (ignoring case). Throws `DocketError.invalidValue`.
    public func keyResultIndex(_ query: String, in goal: Goal) throws -> Int {
        if let n = Int(query), goal.keyResults.indices.contains(n - 1) { return n - 1 }
        let q = query.lowercased()
        let found = goal.keyResults.indices.filter { goal.keyResults[$0].metric.lowercased().hasPrefix(q) }
        if found.count == 1, !q.isEmpty { return found[0] }
        throw DocketError.invalidValue(field: "key result", value: query,
                                       expected: "a number 1–\(goal.keyResults.count) or a metric of goal \(goal.id) (\(goal.keyResults.map(\.metric).joined(separator: "; ")))")
    }

    /// Links (or with `link` false unlinks) items and epics to a goal. Throws like
    /// `goal(matching:)` and `item(matching:)`; nothing changes then.
    @discardableResult
    public mutating func linkGoal(_ query: String, items queries: [String], link: Bool = true,
                                  by user: String, at time: Timestamp) throws -> Edit {
        var goal = try self.goal(matching: query)
        let ids = try queries.map { try item(matching: $0).id }
        for id in ids {
            if link { if !goal.items.contains(id) { goal.items.append(id) } } else { goal.items.removeAll { $0 == id } }
        }
        return try replaceGoal(goal, "\(link ? "linked" : "unlinked") \(ids.joined(separator: ", ")) \(link ? "to" : "from") goal \(goal.id)", by: user, at: time)
    }

    /// Sets the vision (a short paragraph; empty clears it).
    @discardableResult
    public mutating func setVision(_ text: String, by user: String, at time: Timestamp) throws -> Edit {
        try changeStrategy("set the vision", by: user, at: time) { $0.vision = text.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    private mutating func replaceGoal(_ goal: Goal, _ summary: String, by user: String, at time: Timestamp) throws -> Edit {
        try changeStrategy(summary, by: user, at: time) { s in
            if let i = s.goals.firstIndex(where: { $0.id == goal.id }) { s.goals[i] = goal }
        }
    }

    /// The ids of the items that serve `goal`: those linked to it, and the children of linked
    /// epics (`Item.parent`), archived ones included.
    public func itemIDs(servingGoal goal: Goal) -> Set<String> {
        let linked = Set(goal.items.filter { items[$0] != nil })
        let epics = Set(linked.filter { items[$0]?.type == .epic })
        guard !epics.isEmpty else { return linked }
        var out = linked
        items.forEachItem { if let p = $0.parent, epics.contains(p) { out.insert($0.id) } }
        return out
    }

    /// Whether `item` serves `goal`: the rule of `itemIDs(servingGoal:)` for one item (linked
    /// to it, or the child of a linked epic), without a pass over the board.
    public func serves(_ item: Item, goal: Goal) -> Bool {
        guard items[item.id] != nil else { return false }
        if goal.items.contains(item.id) { return true }
        guard let parent = item.parent, goal.items.contains(parent) else { return false }
        return items[parent]?.type == .epic
    }

    /// Every item that serves some goal (see `itemIDs(servingGoal:)`).
    public func itemIDsServingAnyGoal() -> Set<String> {
        strategy.goals.reduce(into: Set<String>()) { $0.formUnion(itemIDs(servingGoal: $1)) }
    }
}
