/// Seeded boards of any size, for benchmarks and large-board tests: the six default stages,
/// 55 % of the items in Done, labels, people and story points on every item, a description on
/// 30 % of them, and one `create` activity entry per item. The same `count` and `seed` always
/// give the same board (ids, ranks and every field come from `SeededGenerator`).
public enum GeneratedBoard {
    /// The labels and people the generated items draw from.
    public static let labels = ["billing", "search", "bug", "ux", "infra", "docs"]
    public static let people = ["alice", "bob", "carol", "dan", "erin"]

    /// A board of `count` items named "Generated". Items are created at `created` (seconds
    /// since epoch, UTC) plus their index in seconds.
    public static func make(count: Int, seed: UInt64 = 16, created: Timestamp = 1_795_953_600) -> Board {
        var rng = SeededGenerator(seed: seed)
        let stages = Board.defaultStages()
        let open = stages.filter { $0.kind != .done }
        let ranks = Rank.spread(count)
        var items: [Item] = []
        items.reserveCapacity(count)
        var ids = Set<String>()
        var activity: [Activity] = []
        activity.reserveCapacity(count)
        for i in 0..<count {
            var id = seededID(&rng)
            while !ids.insert(id).inserted { id = seededID(&rng) }
            let stage = rng.below(100) < 55 ? "done" : open[rng.below(open.count)].id
            var item = Item(id: id, title: "Item \(i) of a generated board, with a realistic title length",
                            type: rng.below(5) == 0 ? .bug : .story, stage: stage, rank: ranks[i],
                            priority: Priority.allCases[rng.below(Priority.allCases.count)],
                            points: Double([1, 2, 3, 5, 8, 13][rng.below(6)]),
                            labels: [labels[rng.below(labels.count)]], assignees: [people[rng.below(people.count)]],
                            created: created + Timestamp(i))
            if rng.below(10) < 3 {
                item.description = "Why: customers asked for it (ticket \(rng.below(100_000))).\nAcceptance: it works at every size."
            }
            activity.append(Activity(at: item.created, by: item.assignees[0], item: id, action: "create"))
            items.append(item)
        }
        return Board(name: "Generated", stages: stages, people: people.map { Person(handle: $0) },
                     labels: labels.map { Label(name: $0) }, items: items, activity: activity)
    }

    private static func seededID(_ rng: inout SeededGenerator) -> String {
        String((0..<ItemID.length).map { _ in ItemID.alphabet[rng.below(ItemID.alphabet.count)] })
    }
}
