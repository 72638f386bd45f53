extension Board {
    /// Re-ranks open items by score, highest first, as one edit: within one stage
    /// (`stageID`), or across the whole board when nil. The items keep the set of rank
    /// values they had, handed out again in the new order, so items elsewhere keep their
    /// places. Items without a score keep their order after the scored ones; ties keep
    /// their order. Returns nil when the board scores nothing or nothing moves.
    public mutating func rerankByScore(stage stageID: String?, by user: String, at time: Timestamp) throws -> Edit? {
        guard scoring != .none else { return nil }
        var current: [Item]
        if let stageID {
            guard stageIndex(id: stageID) != nil else { throw DocketError.noSuchStage(stageID) }
            current = column(stageID).map { items[$0]! }
        } else {
            current = stages.flatMap { column($0.id) }.map { items[$0]! }
            let order = (0..<current.count).sorted { a, b in
                current[a].rank != current[b].rank ? current[a].rank < current[b].rank : current[a].id < current[b].id
            }
            current = order.map { current[$0] }
        }
        let ranks = current.map(\.rank)
        let scores = current.map { score($0) }
        // Sort positions, not items: moving whole items around in a sort costs far more.
        let ordered = (0..<current.count).sorted { a, b in
            switch (scores[a], scores[b]) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a < b
            }
        }.map { current[$0] }
        let summary = stageID.map { "re-ranked \(stages[stageIndex(id: $0)!].name) by \(scoring.rawValue.uppercased())" }
            ?? "re-ranked the backlog by \(scoring.rawValue.uppercased())"
        // One pass, one change list: merging edit by edit would copy the list each time.
        var changes: [String: Edit.ItemChange] = [:]
        var changed: [Item] = []
        for (item, rank) in zip(ordered, ranks) where item.rank != rank {
            var after = item
            after.rank = rank
            after.updated = time
            changes[item.id] = .init(before: item, after: after)
            changed.append(after)
            activity.append(Activity(at: time, by: user, item: item.id, action: "rank", field: "rank", from: item.rank, to: rank))
        }
        rerankInOrder(changed, order: ordered.map(\.id))
        return changes.isEmpty ? nil : Edit(summary: summary, items: changes)
    }
}
