/// Three-way merge of a board's header (everything but items and activity), list by list and
/// element by element: stages by `id`, releases by `name`, people by `handle`, labels by
/// `name`, saved filters by `name`, `extra` by key; `name`, `scoring`, `currency`, `costModel` and `roadmap` as whole values.
///
/// For one element: added on one side → kept; removed on one side and unchanged on the other
/// → removed, unless a merged item still uses it (a stage, release, label or assignee), then
/// kept and listed as a conflict (a stage an item is in that no side has is made, named by its
/// id, before the first done stage); changed on one side → taken; changed differently on both
/// sides, or removed on one and changed on the other → ours kept (there is no per-element
/// time), the changed one when the other side removed it, and listed. Conflicts are named
/// `SECTION.KEY` (`stages.uat2`, `releases.1.5`, `labels.bug`); a list both sides reordered
/// differently keeps ours' order and is listed as the bare section (`stages`).
///
/// Order: ours' order (theirs' when only they reordered), with the other side's new elements
/// inserted after their predecessor in that side's list, before the next element that side
/// also has (a stage they added between Review and Done lands there).
enum HeaderMerge {
    /// The merged header and its conflicts; `items` calls its argument with each merged item
    /// (what is in use).
    static func merge(base: BoardHeader, ours: BoardHeader, theirs: BoardHeader,
                      items: ((Item) -> Void) -> Void) -> (header: BoardHeader, conflicts: [String]) {
        var header = ours
        var conflicts: [String] = []
        func whole<T: Equatable>(_ kp: WritableKeyPath<BoardHeader, T>, _ name: String) {
            let o = ours[keyPath: kp], t = theirs[keyPath: kp], b = base[keyPath: kp]
            if o == t || t == b { return }
            if o == b { header[keyPath: kp] = t } else { conflicts.append(name) }
        }
        func list<T: Equatable>(_ kp: WritableKeyPath<BoardHeader, [T]>, _ section: String,
                                key: (T) -> String, inUse: Set<String>) {
            let (merged, found) = mergeList(section, base: base[keyPath: kp], ours: ours[keyPath: kp],
                                            theirs: theirs[keyPath: kp], key: key, inUse: inUse)
            header[keyPath: kp] = merged
            conflicts += found
        }
        whole(\.name, "name")
        // What the items use of each list, gathered in one walk over them.
        var used: [String: Set<String>] = [:]
        let sections = ["stages", "releases", "people", "labels"]
        items { item in for section in sections { used[section, default: []].formUnion(uses(section, item)) } }
        func inUse(_ section: String) -> Set<String> { used[section] ?? [] }
        list(\.stages, "stages", key: \.id, inUse: inUse("stages"))
        // A stage no version has (a hand edit) but an item is in: made, so the item stays visible.
        for id in inUse("stages").subtracting(header.stages.map(\.id)).sorted() {
            header.stages.insert(Stage(id: id, name: id, kind: .todo), at: header.stages.firstIndex { $0.kind == .done } ?? header.stages.count)
            conflicts.append("stages.\(id)")
        }
        list(\.releases, "releases", key: \.name, inUse: inUse("releases"))
        list(\.people, "people", key: \.handle, inUse: inUse("people"))
        list(\.labels, "labels", key: \.name, inUse: inUse("labels"))
        whole(\.scoring, "scoring")
        whole(\.planning.currency, "currency")
        whole(\.planning.costModel, "costModel")
        whole(\.planning.roadmap, "roadmap")
        list(\.savedFilters, "filters", key: \.name, inUse: [])
        let pairs = { (h: BoardHeader) in h.extra.sorted { $0.key < $1.key }.map { ExtraPair(key: $0.key, value: $0.value) } }
        let (extra, found) = mergeList("extra", base: pairs(base), ours: pairs(ours), theirs: pairs(theirs),
                                       key: \.key, inUse: [])
        header.extra = Dictionary(extra.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        conflicts += found
        conflicts += StrategyMerge.merge(base: base.strategy, ours: ours.strategy, theirs: theirs.strategy, into: &header.strategy)
        return (header, conflicts)
    }

    /// One board-level key this version does not know, with its raw JSON text.
    private struct ExtraPair: Equatable { var key: String; var value: String }

    /// Merges one list by `key`; elements whose key is in `inUse` are never removed. A list
    /// with a key twice (a hand edit) is merged as a whole value instead, so nothing is lost.
    static func mergeList<T: Equatable>(_ section: String, base: [T], ours: [T], theirs: [T],
                                        key: (T) -> String, inUse: Set<String>) -> ([T], [String]) {
        let bk = base.map(key), ok = ours.map(key), tk = theirs.map(key)
        guard Set(bk).count == bk.count, Set(ok).count == ok.count, Set(tk).count == tk.count else {
            if ours == theirs || theirs == base { return (ours, []) }
            return ours == base ? (theirs, []) : (ours, [section])
        }
        let b = Dictionary(uniqueKeysWithValues: zip(bk, base))
        let o = Dictionary(uniqueKeysWithValues: zip(ok, ours))
        let t = Dictionary(uniqueKeysWithValues: zip(tk, theirs))
        var kept: [String: T] = [:]
        var conflicts: [String] = []
        for k in ok + tk.filter({ o[$0] == nil }) + bk.filter({ o[$0] == nil && t[$0] == nil }) {
            let bv = b[k], ov = o[k], tv = t[k]
            let one: T?  // the value a clean merge gives (nil: removed)
            if ov == tv { one = ov } else if ov == bv { one = tv } else if tv == bv { one = ov } else {
                kept[k] = ov ?? tv  // changed on both sides, or removed on one and changed on the other
                conflicts.append("\(section).\(k)")
                continue
            }
            if let one { kept[k] = one; continue }
            if inUse.contains(k), let last = ov ?? tv ?? bv {  // removed, but a merged item still uses it
                kept[k] = last
                conflicts.append("\(section).\(k)")
            }
        }
        // Ours' order, unless only they reordered what both had.
        let oursMoved = ok.filter { b[$0] != nil } != bk.filter { o[$0] != nil }
        let theirsMoved = tk.filter { b[$0] != nil } != bk.filter { t[$0] != nil }
        let (first, second) = !oursMoved && theirsMoved ? (tk, ok) : (ok, tk)
        if oursMoved && theirsMoved && ok.filter({ t[$0] != nil }) != tk.filter({ o[$0] != nil }) {
            conflicts.append(section)
        }
        var order = first.filter { kept[$0] != nil }
        for other in [second, bk] { order = insertMissing(from: other, into: order, keeping: kept) }
        return (order.map { kept[$0]! }, conflicts)
    }

    /// `order` with the keys of `other` that are kept but not yet placed, each after its
    /// predecessor in `other`, past the following keys `other` does not have.
    private static func insertMissing<T>(from other: [String], into order: [String], keeping kept: [String: T]) -> [String] {
        var order = order
        var placed = Set(order)
        let known = Set(other)
        var anchor: Int? = nil  // index in `order` of the last key of `other` already placed
        for k in other {
            if placed.contains(k) { anchor = order.firstIndex(of: k); continue }
            guard kept[k] != nil else { continue }
            var at = (anchor ?? -1) + 1
            while at < order.count, !known.contains(order[at]) { at += 1 }
            order.insert(k, at: at)
            placed.insert(k)
            anchor = at
        }
        return order
    }
}
