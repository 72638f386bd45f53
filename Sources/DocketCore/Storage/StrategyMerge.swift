/// Three-way merge of a board's vision, goals and feedback notes (see `Strategy`), called
/// by `HeaderMerge`. Goals and notes merge by id like items: added on either side → kept
/// (so both sides' new notes survive); removed on one side and unchanged on the other →
/// removed; removed on one side and changed on the other → the changed one kept. For one
/// goal or note changed on both sides, each field merges on its own: changed on one side →
/// taken; changed differently on both → ours kept and listed as a conflict
/// (`goals.ID.objective`, `feedback.ID.text`). The linked item ids merge as sets (a link
/// added on either side is kept, one removed on either side is removed). The vision and each
/// feedback setting merge as whole values (`vision`, `feedbackSettings`); the later
/// `notifiedAt` wins without a conflict.
enum StrategyMerge {
    /// Merges into `merged` (which starts as ours) and returns the conflicts.
    static func merge(base: Strategy, ours: Strategy, theirs: Strategy, into merged: inout Strategy) -> [String] {
        if ours == theirs || theirs == base { return [] }
        if ours == base { merged = theirs; return [] }
        var conflicts: [String] = []
        merged.vision = whole(base.vision, ours.vision, theirs.vision, "vision", &conflicts)
        var settings = base.settings
        settings.cards = whole(base.settings.cards, ours.settings.cards, theirs.settings.cards, "feedbackSettings.cards", &conflicts)
        settings.score = whole(base.settings.score, ours.settings.score, theirs.settings.score, "feedbackSettings.score", &conflicts)
        settings.notifiedAt = [ours.settings.notifiedAt, theirs.settings.notifiedAt].compactMap { $0 }.max()
        merged.settings = settings
        merged.goals = byID(base.goals, ours.goals, theirs.goals, id: \.id, "goals", &conflicts) { b, o, t, name, c in
            var g = o
            g.objective = whole(b.objective, o.objective, t.objective, name + ".objective", &c)
            g.period = whole(b.period, o.period, t.period, name + ".period", &c)
            g.owner = whole(b.owner, o.owner, t.owner, name + ".owner", &c)
            g.state = whole(b.state, o.state, t.state, name + ".state", &c)
            g.keyResults = whole(b.keyResults, o.keyResults, t.keyResults, name + ".keyResults", &c)
            g.items = idSet(b.items, o.items, t.items)
            return g
        }
        merged.notes = byID(base.notes, ours.notes, theirs.notes, id: \.id, "feedback", &conflicts) { b, o, t, name, c in
            var n = o
            n.text = whole(b.text, o.text, t.text, name + ".text", &c)
            n.from = whole(b.from, o.from, t.from, name + ".from", &c)
            n.date = whole(b.date, o.date, t.date, name + ".date", &c)
            n.importance = whole(b.importance, o.importance, t.importance, name + ".importance", &c)
            n.items = idSet(b.items, o.items, t.items)
            return n
        }
        return conflicts
    }

    private static func whole<T: Equatable>(_ b: T, _ o: T, _ t: T, _ name: String, _ conflicts: inout [String]) -> T {
        if o == t || t == b { return o }
        if o == b { return t }
        conflicts.append(name)
        return o
    }

    /// Elements by id: ours' order, then theirs' new ones in their order.
    private static func byID<T: Equatable>(_ base: [T], _ ours: [T], _ theirs: [T], id: (T) -> String, _ section: String,
                                           _ conflicts: inout [String],
                                           _ both: (T, T, T, String, inout [String]) -> T) -> [T] {
        let b = Dictionary(base.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
        let t = Dictionary(theirs.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
        let o = Dictionary(ours.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
        var out: [T] = []
        var seen = Set<String>()
        for key in ours.map(id) + theirs.map(id) where seen.insert(key).inserted {
            let bv = b[key], ov = o[key], tv = t[key]
            if ov == tv { if let ov { out.append(ov) }; continue }
            if ov == bv { if let tv { out.append(tv) }; continue }
            if tv == bv { if let ov { out.append(ov) }; continue }
            guard let ov, let tv else { if let kept = ov ?? tv { out.append(kept) }; continue }  // removed vs changed: keep
            guard let bv else { out.append(ov); conflicts.append("\(section).\(key)"); continue }  // added on both with one id
            out.append(both(bv, ov, tv, "\(section).\(key)", &conflicts))
        }
        return out
    }

    /// A list of ids merged as a set, in ours' order then theirs' additions.
    static func idSet(_ base: [String], _ ours: [String], _ theirs: [String]) -> [String] {
        let b = Set(base), o = Set(ours), t = Set(theirs)
        let removed = b.subtracting(o).union(b.subtracting(t))
        var out: [String] = []
        for id in ours + theirs where !removed.contains(id) && !out.contains(id) { out.append(id) }
        return out
    }
}
