extension Board {
    /// Re-ranks open items by score, highest first, as one edit: within one stage
    /// (`stageID`), or across the whole board when nil. The items keep the set of rank
    /// values they had, handed out again in the new order, so items elsewhere keep their
    /// places. Items without a score keep their order after the scored ones; ties keep
    /// their order. Returns nil when the board scores nothing or nothing moves.
    public mutating func rerankByScore(stage stageID: String?, by user: String, at time: Timestamp) throws -> Edit? {
        guard scoring != .none else { return nil }
        let ids: [String]
        if let stageID {
            guard stageIndex(id: stageID) != nil else { throw DocketError.noSuchStage(stageID) }
            ids = column(stageID)
        } else {
            ids = stages.flatMap { column($0.id) }.sorted { a, b in
                let x = items[a]!, y = items[b]!
                return x.rank != y.rank ? x.rank < y.rank : x.id < y.id
            }
        }
        let current = ids.map { items[$0]! }
        let ranks = current.map(\.rank)
        let ordered = current.enumerated().sorted { a, b in
            let sa = score(a.element), sb = score(b.element)
            switch (sa, sb) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
        var edit = Edit(summary: stageID.map { "re-ranked \(stages[stageIndex(id: $0)!].name) by \(scoring.rawValue.uppercased())" }
                        ?? "re-ranked the backlog by \(scoring.rawValue.uppercased())")
        for (item, rank) in zip(ordered, ranks) where item.rank != rank {
            let e = try modify(item.id, action: "rank", by: user, at: time) { $0.rank = rank }
            edit = edit.merged(with: e, summary: edit.summary)
        }
        return edit.items.isEmpty ? nil : edit
    }
}
