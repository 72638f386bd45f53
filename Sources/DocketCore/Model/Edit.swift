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
public struct Edit: Equatable, Sendable {
    public var summary: String
    /// Item id → (before, after); nil means the item did not exist on that side.
    public var items: [String: ItemChange]
    public var header: HeaderChange?

    public struct ItemChange: Equatable, Sendable {
        public var before: Item?
        public var after: Item?
    }

    public struct HeaderChange: Equatable, Sendable {
        public var before: BoardHeader
        public var after: BoardHeader
    }

    public init(summary: String, items: [String: ItemChange] = [:], header: HeaderChange? = nil) {
        self.summary = summary; self.items = items; self.header = header
    }

    /// True when the edit changes nothing.
    public var isEmpty: Bool { items.values.allSatisfy { $0.before == $0.after } && header.map { $0.before == $0.after } ?? true }

    /// This edit followed by `other`, as one undo step.
    public func merged(with other: Edit, summary: String? = nil) -> Edit {
        var out = self
        out.summary = summary ?? self.summary
        for (id, change) in other.items {
            if let mine = out.items[id] { out.items[id] = ItemChange(before: mine.before, after: change.after) }
            else { out.items[id] = change }
        }
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
            // Many items (a whole re-rank): rebuild the columns once.
            putMany(sorted.compactMap { forward ? $0.value.after : $0.value.before })
        } else {
            for (id, change) in sorted { put(id, forward ? change.after : change.before) }
        }
        for (id, _) in sorted { activity.append(Activity(at: time, by: user, item: id, action: action, to: edit.summary)) }
        if edit.items.isEmpty {
            activity.append(Activity(at: time, by: user, item: nil, action: action, to: edit.summary))
        }
    }
}
