import Foundation

extension Board {
    /// Open items (not archived, not in a done stage) in rank order (then id): a merge of the
    /// stage columns, which are already sorted, so it costs the number of items, not a sort.
    public func backlogOrder() -> [String] {
        let cols = stages.filter { $0.kind != .done }.map { column($0.id) }
        var heads = [Int](repeating: 0, count: cols.count)
        // The item at the head of each column, looked up once per step.
        var current: [Item?] = cols.map { $0.first.flatMap { items[$0] } }
        var out: [String] = []
        out.reserveCapacity(cols.reduce(0) { $0 + $1.count })
        while true {
            var best = -1
            for k in current.indices {
                guard let item = current[k] else { continue }
                if best >= 0, let b = current[best], (b.rank, b.id) <= (item.rank, item.id) { continue }
                best = k
            }
            guard best >= 0 else { break }
            out.append(cols[best][heads[best]])
            heads[best] += 1
            current[best] = heads[best] < cols[best].count ? items[cols[best][heads[best]]] : nil
        }
        return out
    }

    /// Gives an item a rank between two others of the backlog (nil: that end), for
    /// re-ranking in the backlog list. Returns nil when the neighbours' ranks collide.
    public mutating func place(_ id: String, after lower: String?, before upper: String?, by user: String, at time: Timestamp) throws -> Edit? {
        let lo = lower.flatMap { items[$0]?.rank }, hi = upper.flatMap { items[$0]?.rank }
        if let lo, let hi, !(lo < hi) { return nil }
        let rank = Rank.between(lo, hi)
        return try modify(id, action: "rank", summary: "re-ranked \(id)", by: user, at: time) { $0.rank = rank }
    }
}

extension Board {
    /// Moves `id` one place down (or up) the backlog `order` (its current position `row`),
    /// as one edit. Items of different stages may share a rank (each imported list is ranked
    /// on its own): those around the move are spread apart first, in the same edit. Nil when
    /// there is nowhere to go; throws when the neighbours' ranks still collide.
    public mutating func moveInBacklog(_ id: String, down: Bool, order: [String], row: Int, by user: String, at time: Timestamp) throws -> Edit? {
        let spread = separateCollidingRanks(inOrder: order, from: row - 2, to: row + 2, by: user, at: time)
        let fresh = spread.isEmpty ? order : backlogOrder()
        guard let at = fresh.firstIndex(of: id) else { return nil }
        let target = at + (down ? 1 : -1)
        guard fresh.indices.contains(target) else { return spread.isEmpty ? nil : spread }
        let lower = down ? fresh[target] : (target > 0 ? fresh[target - 1] : nil)
        let upper = down ? (target + 1 < fresh.count ? fresh[target + 1] : nil) : fresh[target]
        guard let moved = try place(id, after: lower, before: upper, by: user, at: time) else {
            throw DocketError.invalidValue(field: "rank", value: id, expected: "neighbours with distinct ranks")
        }
        return spread.merged(with: moved, summary: moved.summary)
    }

    /// Sets `field` to `value` on every item of `ids` as one edit (`labels` adds the labels
    /// given, comma-separated, `#` optional; other fields as `ItemFieldSetter` sets them).
    /// Throws the setter's error for a bad value; nothing changes then.
    public mutating func setField(_ field: String, to value: String, on ids: [String], by user: String, at time: Timestamp) throws -> Edit {
        var all = Edit(summary: "")
        let snapshot = self
        for id in ids {
            let e = try modify(id, by: user, at: time) { it in
                if field == "labels" {
                    let add = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                        .map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }.filter { !$0.isEmpty }
                    it.labels += add.filter { !it.labels.contains($0) }
                } else {
                    try ItemFieldSetter.set(field, to: value, on: &it, board: snapshot)
                }
            }
            all = all.merged(with: e)
        }
        return all
    }
}
