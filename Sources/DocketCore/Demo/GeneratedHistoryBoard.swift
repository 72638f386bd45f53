/// A seeded board with a year of flow history, for the metrics benchmarks (`DocketBench
/// --metrics N` and the `metrics N` benchmark of the Benchmarks package): `count` items created
/// over the 360 days before `now` minus 5, each moved Ready → In progress → Review → Done (an 80 %
/// chance at each step, 1 hour to 6 days apart, never after `now`), with six `points` edits
/// each (about nine activity entries an item: 894,568 for 100,000 items); every tenth item in
/// release 1.0. The log is in time order. The same `count` gives the same board.
public enum GeneratedHistoryBoard {
    /// The moment the board's history runs up to (2026-11-30 08:00 UTC).
    public static let now: Timestamp = 1_795_953_600

    public static func make(count: Int) -> Board {
        let day: Timestamp = 86_400
        let start = now - 365 * day
        var rng = SeededGenerator(seed: 12)
        let ranks = Rank.spread(count)
        var items: [Item] = [], log: [Activity] = []
        items.reserveCapacity(count); log.reserveCapacity(count * 10)
        for i in 0..<count {
            let id = self.id(i)
            let created = start + Timestamp(rng.below(360 * 86_400))
            var t = created, stage = "ready"
            log.append(Activity(at: t, by: "gen", item: id, action: "create", to: "Item \(i)"))
            for next in ["doing", "review", "done"] {
                t += Timestamp(3_600 + rng.below(6 * 86_400))
                guard t < now, rng.below(10) < 8 else { break }
                log.append(Activity(at: t, by: "gen", item: id, action: "move", field: "stage", from: stage, to: next))
                stage = next
            }
            for k in 0..<6 {   // edits: what a year of a real board also holds
                log.append(Activity(at: min(now, created + Timestamp(k) * 3_600), by: "gen", item: id, action: "edit", field: "points", from: nil, to: "3"))
            }
            items.append(Item(id: id, title: "Generated item \(i)", stage: stage, rank: ranks[i], points: 3,
                              release: i % 10 == 0 ? "1.0" : nil, created: created, updated: t))
        }
        log.sort { $0.at < $1.at }
        return Board(name: "Metrics benchmark", stages: Board.defaultStages(), releases: [Release(name: "1.0", target: "2027-06-30")],
                     items: items, activity: log)
    }

    /// Ids for generated boards: 8 characters of `ItemID.alphabet`, distinct for distinct `n`.
    public static func id(_ n: Int) -> String {
        var x = UInt64(n) &* 0x9E37_79B9 & 0xFF_FFFF_FFFF
        var out = ""
        for _ in 0..<ItemID.length { out.append(ItemID.alphabet[Int(x & 31)]); x >>= 5 }
        return out
    }
}
