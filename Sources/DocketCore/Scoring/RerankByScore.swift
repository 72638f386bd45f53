extension Board {
    /// Re-ranks open items by score, highest first, as one edit: within one stage
    /// (`stageID`), or across the whole board when nil. The items keep the set of rank
    /// values they had, handed out again in the new order, so items elsewhere keep their
    /// places (across the whole board, a set with a rank given twice is replaced by
    /// `Rank.spread` of as many). Items without a score keep their order after the scored ones; ties keep
    /// their order. Returns nil when the board scores nothing or nothing moves.
    ///
    /// The edit records only the ranks that changed (`Edit.ranks`); each item is looked up
    /// and scored once, the items sorted twice (by rank, across stages; by score), and the
    /// columns set from the new order without another sort. Throws `DocketError.noSuchStage`.
    public mutating func rerankByScore(stage stageID: String?, by user: String, at time: Timestamp) throws -> Edit? {
        guard scoring != .none else { return nil }
        var covered = Array(stages.indices)
        if let stageID {
            guard let s = stageIndex(id: stageID) else { throw DocketError.noSuchStage(stageID) }
            covered = [s]
        }
        var current = rerankEntries(stages: covered)
        if stageID == nil { current.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.id < $1.id } }
        let scores = current.map(\.score)
        // Sort positions, not entries: the comparison reads only the scores.
        let order = (0..<current.count).sorted { a, b in
            switch (scores[a], scores[b]) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a < b
            }
        }
        // The ranks handed out again, ascending; across the whole backlog, ranks two stages
        // share (an import ranks each stage on its own) are replaced by distinct ones, spread
        // evenly, so that no two items of one column end up with one rank.
        var ranks = current.map(\.rank)
        if stageID == nil, zip(ranks, ranks.dropFirst()).contains(where: { $0 == $1 }) { ranks = Rank.spread(ranks.count) }
        var changes: [Edit.RankChange] = []
        var newColumns = [[String]](repeating: [], count: stages.count)
        for (k, p) in order.enumerated() {
            let entry = current[p], rank = ranks[k]
            newColumns[entry.stage].append(entry.id)
            guard entry.rank != rank else { continue }
            changes.append(.init(id: entry.id, before: entry.rank, after: rank, updatedBefore: entry.updated, updatedAfter: time))
            activity.append(Activity(at: time, by: user, item: entry.id, action: "rank", field: "rank", from: entry.rank, to: rank))
        }
        guard !changes.isEmpty else { return nil }
        var byStage: [String: [String]] = [:]
        for s in covered where !newColumns[s].isEmpty { byStage[stages[s].id] = newColumns[s] }
        setRanks(changes, forward: true, columns: byStage)
        let summary = stageID.map { "re-ranked \(stages[stageIndex(id: $0)!].name) by \(scoring.rawValue.uppercased())" }
            ?? "re-ranked the backlog by \(scoring.rawValue.uppercased())"
        return Edit(summary: summary, ranks: changes)
    }

    /// What a re-rank needs of one open item, read once: its id, rank, `updated` time,
    /// score and its stage's index in `stages`.
    private struct RerankEntry {
        var id: String
        var rank: String
        var updated: Timestamp
        var score: Double?
        var stage: Int
    }

    /// The open items of the stages at `covered` (indices into `stages`), column by column,
    /// each in its column's order; looked up on all cores when there are many.
    private func rerankEntries(stages covered: [Int]) -> [RerankEntry] {
        let columns = covered.map { column(stages[$0].id) }
        let ids = Array(columns.joined())
        let stageAt = Array(zip(covered, columns).map { repeatElement($0, count: $1.count) }.joined())
        let board = self
        return Parallel.mapParts(ids.count, minimumPerPart: ItemStore.parallelMinimum / 2) { range in
            range.map { k in
                board.items.withItem(ids[k]) { item in
                    RerankEntry(id: ids[k], rank: item.rank, updated: item.updated, score: board.score(item), stage: stageAt[k])
                }!
            }
        }.flatMap { $0 }
    }
}
