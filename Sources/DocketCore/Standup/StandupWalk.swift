/// The orders a standup walks in.
public enum StandupWalk {
    /// Walk the work: stages from the one nearest done to the first, leaving out done and
    /// inbox stages; in each stage blocked items first, then by age in the stage (oldest
    /// first), then by rank.
    public static func work(_ board: Board, ages: StageAges) -> [(stage: Stage, items: [String])] {
        board.stages.reversed().filter { $0.kind != .done && $0.kind != .inbox }.map { stage in
            let ids = board.column(stage.id)
            let order = ids.enumerated().sorted { a, b in
                let x = board.items[a.element], y = board.items[b.element]
                if (x?.blocked ?? false) != (y?.blocked ?? false) { return x?.blocked ?? false }
                let ex = ages.entered[a.element] ?? 0, ey = ages.entered[b.element] ?? 0
                return ex != ey ? ex < ey : a.offset < b.offset
            }.map(\.element)
            return (stage, order)
        }
    }

    /// Walk the people: everyone with open work (assigned to an item not done nor archived)
    /// or a change since `since`, in the board's people order, or shuffled with `seed`
    /// (Fisher–Yates over `SeededGenerator`: the same seed, the same order).
    public static func people(_ board: Board, since: Timestamp, shuffleSeed: UInt64?) -> [String] {
        let done = Set(board.stages.filter { $0.kind == .done }.map(\.id))
        var present = Set<String>()
        board.items.forEachItem { item in
            if !item.archived, !done.contains(item.stage) { present.formUnion(item.assignees) }
        }
        for a in board.activity where a.at > since { present.insert(a.by) }
        var order = board.people.map(\.handle).filter { present.contains($0) }
        order += present.subtracting(order).sorted()
        guard let seed = shuffleSeed, order.count > 1 else { return order }
        var rng = SeededGenerator(seed: seed)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
        return order
    }

    /// One person's part of the standup: done since the last standup, in progress (with
    /// age), blocked, and next up (the top-ranked ready items assigned to them, at most 3).
    public struct PersonCard: Equatable, Sendable {
        public var person: String
        public var done: [String]
        public var inProgress: [String]
        public var blocked: [String]
        public var next: [String]
    }

    public static func card(for person: String, _ board: Board, since: Timestamp) -> PersonCard {
        let kinds = Dictionary(board.stages.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        var done: [String] = []
        for a in board.activity where a.at > since && a.field == "stage" {
            guard let id = a.item, let to = a.to, kinds[to] == .done, let item = board.items[id],
                  item.assignees.contains(person) || a.by == person, !done.contains(id) else { continue }
            done.append(id)
        }
        var doing: [String] = [], blocked: [String] = [], next: [String] = []
        for stage in board.stages {
            for id in board.column(stage.id) {
                guard let item = board.items[id], item.assignees.contains(person) else { continue }
                if item.blocked, stage.kind != .done { blocked.append(id) }
                else if stage.kind == .doing { doing.append(id) }
                else if stage.kind == .todo, next.count < 3 { next.append(id) }
            }
        }
        return PersonCard(person: person, done: done, inProgress: doing, blocked: blocked, next: next)
    }
}
