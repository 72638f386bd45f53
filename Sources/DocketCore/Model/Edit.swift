/// The board-level fields of a board (everything but items and activity).
public struct BoardHeader: Equatable, Sendable {
    public var name: String
    public var stages: [Stage]
    public var releases: [Release]
    public var people: [Person]
    public var labels: [Label]
    public var scoring: ScoringModel = .none
    public var savedFilters: [SavedFilter] = []
    public var extra: [String: String] = [:]
    public var planning = PlanningSettings()
    public var strategy = Strategy()
}

/// One user-visible change to a board, recorded as the values before and after, so it can
/// be undone and redone exactly. `summary` is a short sentence for the status line
/// ("moved 3k9x0a2b to Done").
///
/// Item changes come in two forms: `items` holds whole items (any field may have changed);
/// `ranks` holds only the rank and `updated` time of items whose rank alone changed (a
/// re-rank of a whole backlog), so such a record costs the change, not a copy of the items.
/// An id is in at most one of the two.
public struct Edit: Equatable, Sendable {
    public var summary: String
    /// Item id → (before, after); nil means the item did not exist on that side.
    public var items: [String: ItemChange]
    /// Items whose rank (and `updated` time) alone changed, in no particular order.
    public var ranks: [RankChange]
    public var header: HeaderChange?

    public struct ItemChange: Equatable, Sendable {
        public var before: Item?
        public var after: Item?

        /// A change from `before` to `after` (nil: the item does not exist on that side).
        public init(before: Item?, after: Item?) { self.before = before; self.after = after }
    }

    public struct HeaderChange: Equatable, Sendable {
        public var before: BoardHeader
        public var after: BoardHeader
    }

    /// An edit of whole items (`items`), ranks only (`ranks`; no id in both) and the header.
    public init(summary: String, items: [String: ItemChange] = [:], ranks: [RankChange] = [], header: HeaderChange? = nil) {
        self.summary = summary; self.items = items; self.ranks = ranks; self.header = header
    }

    /// True when the edit changes nothing.
    public var isEmpty: Bool {
        items.values.allSatisfy { $0.before == $0.after }
            && ranks.allSatisfy { $0.before == $0.after && $0.updatedBefore == $0.updatedAfter }
            && header.map { $0.before == $0.after } ?? true
    }

    /// The ids of every item the edit changes (whole or rank only), in no particular order.
    public var itemIDs: [String] { ranks.isEmpty ? Array(items.keys) : Array(items.keys) + ranks.map(\.id) }

    /// True when the edit changes the item `id` (whole or rank only).
    public func touches(_ id: String) -> Bool { items[id] != nil || ranks.contains { $0.id == id } }

    /// This edit followed by `other`, as one undo step. An item changed whole on one side and
    /// by rank on the other becomes one whole-item change.
    public func merged(with other: Edit, summary: String? = nil) -> Edit {
        var out = self
        out.summary = summary ?? self.summary
        var rankAt: [String: Int] = [:]
        if !out.ranks.isEmpty, !other.items.isEmpty || !other.ranks.isEmpty {
            for (k, r) in out.ranks.enumerated() { rankAt[r.id] = k }
        }
        var folded = Set<String>()  // ids of `out.ranks` now in `out.items`
        for (id, change) in other.items {
            if let mine = out.items[id] { out.items[id] = ItemChange(before: mine.before, after: change.after) }
            else if let k = rankAt[id] {
                out.items[id] = ItemChange(before: change.before.map { out.ranks[k].applied(to: $0, forward: false) }, after: change.after)
                folded.insert(id)
            } else { out.items[id] = change }
        }
        for r in other.ranks {
            if let mine = out.items[r.id] {
                out.items[r.id] = ItemChange(before: mine.before, after: mine.after.map { r.applied(to: $0, forward: true) })
            } else if let k = rankAt[r.id] {
                out.ranks[k].after = r.after
                out.ranks[k].updatedAfter = r.updatedAfter
            } else {
                out.ranks.append(r)
            }
        }
        if !folded.isEmpty { out.ranks.removeAll { folded.contains($0.id) } }
        if let h = other.header {
            out.header = HeaderChange(before: out.header?.before ?? h.before, after: h.after)
        }
        return out
    }
}

extension Board {
    /// The board-level fields as one value.
    public var header: BoardHeader {
        get {
            BoardHeader(name: name, stages: stages, releases: releases, people: people, labels: labels,
                        scoring: scoring, savedFilters: savedFilters, extra: extra, planning: planning, strategy: strategy)
        }
        set {
            name = newValue.name; stages = newValue.stages; releases = newValue.releases
            people = newValue.people; labels = newValue.labels
            scoring = newValue.scoring; savedFilters = newValue.savedFilters; extra = newValue.extra
            planning = newValue.planning
            strategy = newValue.strategy
            rebuildColumns()
        }
    }

    /// Applies `edit` forwards (its `after` values) or backwards (its `before` values) and
    /// logs it in the activity as `action` (`undo` or `redo`) by `user` at `time`.
    public mutating func apply(_ edit: Edit, forward: Bool, action: String, by user: String, at time: Timestamp) {
        if let h = edit.header { header = forward ? h.after : h.before }
        let sorted = edit.items.sorted(by: { $0.key < $1.key })
        if sorted.count >= 64, sorted.allSatisfy({ ($0.value.before != nil) == ($0.value.after != nil) }) {
            // Many items (an import, a bulk change): rebuild the columns once.
            putMany(sorted.compactMap { forward ? $0.value.after : $0.value.before })
        } else {
            for (id, change) in sorted { put(id, forward ? change.after : change.before) }
        }
        if !edit.ranks.isEmpty { setRanks(edit.ranks, forward: forward) }
        // One entry per item, in id order, whichever form its change has.
        let ids = edit.ranks.isEmpty ? sorted.map(\.key) : edit.itemIDs.sorted()
        for id in ids { activity.append(Activity(at: time, by: user, item: id, action: action, to: edit.summary)) }
        if edit.items.isEmpty && edit.ranks.isEmpty {
            activity.append(Activity(at: time, by: user, item: nil, action: action, to: edit.summary))
        }
    }
}
