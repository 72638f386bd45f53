/// Three-way merge of boards by item id and field: `base` is the board both sides started
/// from, `ours` the board in memory, `theirs` the board on disk. A field changed on one side
/// only is taken from that side; a field changed differently on both sides is taken from the
/// side whose item was updated later (ours on a tie) and listed as a conflict. An item added
/// on either side is kept; an item deleted on one side and edited on the other is kept.
/// Board-level lists merge by element (`HeaderMerge`: stages by id, releases, people, labels
/// and saved filters by name), so both sides' new stages are kept and no item is left in a
/// stage that was removed; the activity logs merge as a union (`ActivityMerge`: an entry is
/// kept once however many sides hold it, so a merge never re-logs the other side's entries).
public enum BoardMerge {
    /// The merged board and the conflicts (e.g. `k3v9x2qa.title`, `stages.uat2`), for the
    /// status line and log.
    ///
    /// The merged items are `ours`' store changed where the merge takes anything else (only the
    /// ids whose items differ between `ours` and `theirs` are looked at), and a log that holds
    /// the other is kept as it is: the merged board shares the storage of everything it keeps
    /// from `ours`, so a merge of a 100,000-item board does not build a second whole board.
    public static func merge(base: Board, ours: Board, theirs: Board) -> (board: Board, conflicts: [String]) {
        var conflicts: [String] = []
        var items = ours.items
        for id in differingIDs(ours.items, theirs.items).sorted() {
            let b = base.items[id], o = ours.items[id], t = theirs.items[id]
            if o == b { items[id] = t; continue }  // changed (or deleted) there only
            if t == b { continue }  // changed (or deleted) here only
            guard let o, let t else { if o == nil { items[id] = t }; continue }  // deleted vs edited: keep
            guard let b else {
                if o.updated < t.updated { items[id] = t }
                conflicts.append(id)
                continue
            }
            let (item, fields) = mergeItem(base: b, ours: o, theirs: t)
            items[id] = item
            conflicts += fields.map { "\(id).\($0)" }
        }
        let (header, headerConflicts) = HeaderMerge.merge(base: base.header, ours: ours.header, theirs: theirs.header,
                                                          items: { body in items.forEachItem(body) })
        conflicts += headerConflicts
        // Names used by items of either side stay known.
        var board = Board(name: header.name, stages: header.stages, releases: header.releases, people: header.people,
                          labels: header.labels, store: items, activity: ActivityMerge.union(ours: ours.activity, theirs: theirs.activity))
        board.scoring = header.scoring
        board.savedFilters = header.savedFilters
        board.extra = header.extra
        board.strategy = header.strategy
        board.planning = header.planning
        items.forEachItem { board.registerNames(labels: $0.labels, people: $0.assignees, release: $0.release) }
        return (board, conflicts)
    }

    /// The ids whose items differ between `ours` and `theirs` (either may lack one): from their
    /// change records when they share a lineage, else by comparing every item.
    static func differingIDs(_ ours: ItemStore, _ theirs: ItemStore) -> [String] {
        if let changed = ours.changes(since: theirs) { return changed.filter { ours[$0] != theirs[$0] } }
        var out: [String] = []
        ours.forEachItem { o in if theirs[o.id] != o { out.append(o.id) } }
        theirs.forEachItem { t in if !ours.contains(t.id) { out.append(t.id) } }
        return out
    }

    /// `merge(base:ours:theirs:)` for a merge that is about to be written (an open board
    /// saving over outside changes, git's merge driver): the conflicts are also recorded in
    /// the merged board's activity log (`recordMergeConflicts`), and ranks that collide —
    /// both sides inserted at the same place and got the same rank — are spread again
    /// (`spreadCollidingRanks`), keeping the merged order, without logging or stamping the
    /// items (the merge moved nothing a person sees; logging it on every side that merges
    /// would fill the log). Entries are by `user` at `time` (seconds since epoch). Returns the
    /// board, the conflicts and the entries recorded.
    public static func mergeForWriting(base: Board, ours: Board, theirs: Board, by user: String,
                                       at time: Timestamp) -> (board: Board, conflicts: [String], recorded: [Activity]) {
        var (board, conflicts) = merge(base: base, ours: ours, theirs: theirs)
        let recorded = board.recordMergeConflicts(conflicts, ours: ours, theirs: theirs, by: user, at: time)
        board.spreadCollidingRanks(by: user, at: time, logged: false)
        return (board, conflicts, recorded)
    }

    /// Field by field; returns the merged item and the names of the fields in conflict.
    static func mergeItem(base b: Item, ours o: Item, theirs t: Item) -> (Item, [String]) {
        struct Picker: ItemFieldVisitor {
            var b: Item, o: Item, t: Item, out: Item, conflicts: [String] = []
            let theirsWins: Bool
            mutating func visit<T: Equatable>(_ kp: WritableKeyPath<Item, T>, _ name: String) {
                let ov = o[keyPath: kp], tv = t[keyPath: kp], bv = b[keyPath: kp]
                if ov == tv || tv == bv { return }
                if ov == bv { out[keyPath: kp] = tv; return }
                conflicts.append(name)
                if theirsWins { out[keyPath: kp] = tv }
            }
        }
        var picker = Picker(b: b, o: o, t: t, out: o, theirsWins: t.updated > o.updated)
        Item.visitMergedFields(&picker)
        var out = picker.out
        out.comments = mergeComments(base: b.comments, ours: o.comments, theirs: t.comments)
        out.updated = max(o.updated, t.updated)
        return (out, picker.conflicts)
    }

    /// Comments merge one by one, never as a conflict: each side's new comments are kept (in
    /// time order, ours first on a tie) and a comment one side removed is removed.
    static func mergeComments(base: [Comment], ours: [Comment], theirs: [Comment]) -> [Comment] {
        if ours == theirs || theirs == base { return ours }
        if ours == base { return theirs }
        let b = Set(base), o = Set(ours), t = Set(theirs)
        let kept = ours.filter { !b.contains($0) || t.contains($0) }
        let added = theirs.filter { !b.contains($0) && !o.contains($0) }
        return Item.sortedComments(kept + added)
    }

}

/// Something done with every field the merge compares (`Item.visitMergedFields`).
protocol ItemFieldVisitor {
    mutating func visit<T: Equatable>(_ kp: WritableKeyPath<Item, T>, _ name: String)
}

extension Item {
    /// Calls `visitor` with every field a merge compares, by key path and name (all but `id`,
    /// `created` and `updated`).
    static func visitMergedFields<V: ItemFieldVisitor>(_ v: inout V) {
        v.visit(\.title, "title"); v.visit(\.description, "description"); v.visit(\.type, "type"); v.visit(\.stage, "stage")
        v.visit(\.rank, "rank"); v.visit(\.priority, "priority"); v.visit(\.points, "points"); v.visit(\.labels, "labels")
        v.visit(\.assignees, "assignees"); v.visit(\.release, "release"); v.visit(\.blocked, "blocked")
        v.visit(\.blockedReason, "blockedReason"); v.visit(\.archived, "archived"); v.visit(\.criteria, "criteria")
        v.visit(\.links, "links"); v.visit(\.requester, "requester"); v.visit(\.votes, "votes"); v.visit(\.due, "due")
        v.visit(\.parent, "parent"); v.visit(\.duplicateOf, "duplicateOf"); v.visit(\.snoozedUntil, "snoozedUntil")
        v.visit(\.scores, "scores"); v.visit(\.extra, "extra")
        v.visit(\.archivedReason, "archivedReason"); v.visit(\.archivedList, "archivedList"); v.visit(\.sprints, "sprints")
    }
}

extension Board {
    /// Logs one conflict on an item's field: `kept` is the value the item now has, `dropped`
    /// the one it replaced (as `Item.differences` writes values), by `user` at `time` (seconds
    /// since epoch). For an edit that was begun before a change made elsewhere and saved after it.
    public mutating func recordConflict(item: String, field: String, dropped: String?, kept: String?,
                                        by user: String, at time: Timestamp) {
        activity.append(Activity(at: time, by: user, item: item, action: "conflict", field: field, from: dropped, to: kept))
    }

    /// Records the conflicts of a `BoardMerge.merge(base:ours:theirs:)` that produced this board
    /// in its activity log, one `conflict` entry each: for an item field (`k3v9x2qa.title`) the
    /// item, the field, the value dropped (`from`) and the value kept (`to`); for a board-level
    /// field (`name`, a list's order) no item and `to: "kept ours"`; for an element of a board
    /// list (`stages.uat2`) no item, the element kept (`to`) and dropped (`from`, nil when that
    /// side removed it) as short texts; for an item added on both sides with the
    /// same id, no field and `to: "kept the later version"`. Returns the entries appended.
    @discardableResult
    public mutating func recordMergeConflicts(_ conflicts: [String], ours: Board, theirs: Board,
                                              by user: String, at time: Timestamp) -> [Activity] {
        var entries: [Activity] = []
        for name in conflicts {
            if let merged = items[name] {
                entries.append(Activity(at: time, by: user, item: merged.id, action: "conflict", to: "kept the later version"))
                continue
            }
            if let (section, key) = HeaderMerge.split(name), items[section] == nil {
                entries.append(headerConflict(section, key, ours: ours.header, theirs: theirs.header, by: user, at: time))
                continue
            }
            guard let dot = name.lastIndex(of: "."), let merged = items[String(name[..<dot])],
                  let o = ours.items[merged.id], let t = theirs.items[merged.id] else {
                entries.append(Activity(at: time, by: user, item: nil, action: "conflict", field: name, to: "kept ours"))
                continue
            }
            let field = String(name[name.index(after: dot)...])
            let values = Item.differences(o, t).first { $0.0 == field }
            let keptTheirs = Item.differences(merged, o).contains { $0.0 == field }
            entries.append(Activity(at: time, by: user, item: merged.id, action: "conflict", field: field,
                                    from: keptTheirs ? values?.1 : values?.2, to: keptTheirs ? values?.2 : values?.1))
        }
        for e in entries { activity.append(e) }
        return entries
    }

    /// The entry of a conflict on one element of a header list (`stages.uat2`): `to` is the
    /// element kept (with how many items use it, when its removal was undone for them),
    /// `from` the other side's version, nil when that side had removed it.
    private func headerConflict(_ section: String, _ key: String, ours: BoardHeader, theirs: BoardHeader,
                                by user: String, at time: Timestamp) -> Activity {
        let kept = HeaderMerge.text(section, key, in: header)
        let o = HeaderMerge.text(section, key, in: ours), t = HeaderMerge.text(section, key, in: theirs)
        let dropped = kept == o ? t : o
        var to = kept
        if dropped == nil, let k = kept {
            let n = items.values.filter { HeaderMerge.uses(section, $0).contains(key) }.count
            if n > 0 { to = k + "; kept: \(n) item\(n == 1 ? " uses" : "s use") it" }
        }
        return Activity(at: time, by: user, item: nil, action: "conflict", field: "\(section).\(key)", from: dropped, to: to)
    }
}
