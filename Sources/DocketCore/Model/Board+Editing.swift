import Foundation

/// Where a new item goes in its stage.
public enum Placement: Sendable { case top, bottom }

/// The changes a product owner makes. Each one updates the board, appends to the activity
/// log (who, when, what) and returns the `Edit` that undoes it. `user` is a name
/// (`$DOCKET_USER` or the login name), `time` is seconds since epoch.
extension Board {
    /// Adds an item at the top or bottom of `stageID`'s column and returns it with its edit.
    /// Unknown assignees, labels and the release are added to the board's lists.
    /// Throws `DocketError.noSuchStage` for an unknown stage, `.invalidValue` for an empty title
    /// or negative points.
    @discardableResult
    public mutating func addItem(title: String, stage stageID: String, placement: Placement = .bottom,
                                 type: ItemType = .story, priority: Priority? = nil, points: Double? = nil,
                                 labels: [String] = [], assignees: [String] = [], release: String? = nil,
                                 description: String = "", id: String? = nil,
                                 by user: String, at time: Timestamp) throws -> (item: Item, edit: Edit) {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw DocketError.invalidValue(field: "title", value: "", expected: "some text") }
        guard stageIndex(id: stageID) != nil else { throw DocketError.noSuchStage(stageID) }
        if let p = points, !(p >= 0) || !p.isFinite {
            throw DocketError.invalidValue(field: "points", value: p.pointsText, expected: "a number ≥ 0")
        }
        let newID = id ?? ItemID.make(avoiding: items)
        let ends = columnRanks(stageID)
        let rank: String
        switch placement {
        case .top: rank = Rank.between(nil, ends.lowest, salt: newID)
        case .bottom: rank = Rank.between(ends.highest, nil, salt: newID)
        }
        let item = Item(id: newID, title: title, description: description, type: type, stage: stageID,
                        rank: rank, priority: priority, points: points, labels: labels, assignees: assignees,
                        release: release, created: time)
        let headerBefore = header
        registerNames(labels: labels, people: assignees, release: release)
        put(newID, item)
        activity.append(Activity(at: time, by: user, item: newID, action: "create", to: title))
        let headerChange = headerBefore == header ? nil : Edit.HeaderChange(before: headerBefore, after: header)
        return (item, Edit(summary: "added \(newID)", items: [newID: .init(before: nil, after: item)], header: headerChange))
    }

    /// Moves an item to another stage; its rank (its place in the backlog) is kept.
    /// Throws `DocketError.noSuchItem` / `.noSuchStage`.
    @discardableResult
    public mutating func move(_ id: String, toStage stageID: String, by user: String, at time: Timestamp) throws -> Edit {
        guard let stage = stages.first(where: { $0.id == stageID }) else { throw DocketError.noSuchStage(stageID) }
        return try modify(id, action: "move", summary: "moved \(id) to \(stage.name)", by: user, at: time) { $0.stage = stageID }
    }

    /// Moves an item one place up (`offset: -1`) or down (`offset: 1`) in its column by giving
    /// it a rank between its new neighbours. Returns nil when it is already at that end.
    /// Ranks that collide around it (two boards merged with the same rank) are spread apart
    /// first, in their current order, as part of the same edit.
    public mutating func rerank(_ id: String, offset: Int, by user: String, at time: Timestamp) throws -> Edit? {
        guard let item = items[id] else { throw DocketError.noSuchItem(id) }
        guard let i = column(item.stage).firstIndex(of: id) else { return nil }
        let target = i + offset
        guard target >= 0, target < column(item.stage).count, offset != 0 else { return nil }
        let spread = separateCollidingRanks(stage: item.stage, from: min(i, target) - 1, to: max(i, target) + 1, by: user, at: time)
        let col = column(item.stage)
        guard let from = col.firstIndex(of: id) else { return nil }
        let to = from + offset
        let all = items
        let rankAt = { (k: Int) -> String? in (k >= 0 && k < col.count) ? all[col[k]]!.rank : nil }
        let newRank = offset < 0 ? Rank.between(rankAt(to - 1), rankAt(to), salt: id) : Rank.between(rankAt(to), rankAt(to + 1), salt: id)
        let moved = try modify(id, action: "rank", summary: offset < 0 ? "ranked \(id) up" : "ranked \(id) down",
                               by: user, at: time) { $0.rank = newRank }
        return spread.merged(with: moved, summary: moved.summary)
    }

    /// `rank`, or, when an open item of `stage` already holds it, a rank just after it (and
    /// before the next higher one), so the column stays strictly ordered.
    func freeRank(_ rank: String, inStage stage: String, salt: String = "") -> String {
        if rankHeld(rank, inStage: stage) == false { return rank }
        let ranks = columnRanks(stage, around: rank)
        return ranks.holds ? Rank.between(rank, ranks.above, salt: salt) : rank
    }

    /// Gives distinct ranks to items of a column whose ranks are not strictly ascending
    /// between positions `from` and `to` (clamped), widening to the whole run of equal ranks.
    /// Returns the edit (empty when nothing collided).
    mutating func separateCollidingRanks(stage: String, from: Int, to: Int, by user: String, at time: Timestamp) -> Edit {
        separateCollidingRanks(inOrder: column(stage), from: from, to: to, by: user, at: time)
    }

    /// The same for any list of ids in (rank, id) order, such as the backlog across stages
    /// (`Board.backlogOrder()`), where items of different stages may share a rank.
    /// With `logged` false (a merge making room for both sides' inserts), items keep their
    /// `updated` time and nothing is logged: no person changed them.
    public mutating func separateCollidingRanks(inOrder col: [String], from: Int, to: Int, by user: String, at time: Timestamp,
                                                logged: Bool = true) -> Edit {
        guard col.count > 1 else { return Edit(summary: "") }
        let store = items
        let rank = { (k: Int) -> String in store[col[k]]!.rank }
        var lo = max(0, from), hi = min(col.count - 1, to)
        guard lo < hi, (lo..<hi).contains(where: { rank($0) >= rank($0 + 1) }) else { return Edit(summary: "") }
        while lo > 0, rank(lo - 1) >= rank(lo) { lo -= 1 }
        while hi < col.count - 1, rank(hi) >= rank(hi + 1) { hi += 1 }
        let upper = hi < col.count - 1 ? rank(hi + 1) : nil
        var lower = lo > 0 ? rank(lo - 1) : nil
        var changes: [String: Edit.ItemChange] = [:]
        for id in col[lo...hi] {
            let before = items[id]!
            var after = before
            after.rank = Rank.between(lower, upper)
            if logged { after.updated = time }
            lower = after.rank
            changes[id] = .init(before: before, after: after)
        }
        for (id, change) in changes.sorted(by: { $0.key < $1.key }) {
            put(id, change.after)
            guard logged else { continue }
            activity.append(Activity(at: time, by: user, item: id, action: "rank", field: "rank",
                                     from: change.before?.rank, to: change.after?.rank))
        }
        return Edit(summary: "spread colliding ranks", items: changes)
    }

    /// Spreads every run of open items that share a rank within a stage (what two merged
    /// sides that inserted at the same place give), keeping the (rank, id) order; other
    /// items keep their ranks. Logs a `rank` entry per item changed (none with `logged` false,
    /// as after a merge: see `separateCollidingRanks`). Returns the edit (empty when nothing
    /// collided).
    @discardableResult
    public mutating func spreadCollidingRanks(by user: String, at time: Timestamp, logged: Bool = true) -> Edit {
        var edit = Edit(summary: "")
        for stage in stages {
            var k = 0
            var col = column(stage.id)
            while k + 1 < col.count {
                guard items[col[k]]!.rank >= items[col[k + 1]]!.rank else { k += 1; continue }
                edit = edit.merged(with: separateCollidingRanks(inOrder: col, from: k, to: k + 1, by: user, at: time, logged: logged))
                col = column(stage.id)  // the run is strictly ascending now
            }
        }
        edit.summary = edit.items.isEmpty ? "" : "spread colliding ranks"
        return edit
    }

    /// Archives an item (hidden from the board, kept in the file). Throws `.noSuchItem`.
    @discardableResult
    public mutating func archive(_ id: String, by user: String, at time: Timestamp) throws -> Edit {
        try modify(id, action: "archive", summary: "archived \(id)", by: user, at: time) { $0.archived = true }
    }

    /// Changes an item through `body`, stamps `updated`, logs one activity entry per changed
    /// field under `action`, and returns the edit. Throws `DocketError.noSuchItem`.
    @discardableResult
    public mutating func modify(_ id: String, action: String = "edit", summary: String? = nil,
                                by user: String, at time: Timestamp, _ body: (inout Item) throws -> Void) throws -> Edit {
        guard let before = items[id] else { throw DocketError.noSuchItem(id) }
        var after = before
        try body(&after)
        after.id = before.id
        if !after.archived, after.stage != before.stage || before.archived {
            // Entering a column (moved, or restored): keep the rank unless an item there holds it.
            after.rank = freeRank(after.rank, inStage: after.stage, salt: id)
        }
        if after == before { return Edit(summary: summary ?? "no change") }
        after.updated = time
        let headerBefore = header
        registerNames(labels: after.labels, people: after.assignees, release: after.release)
        put(id, after)
        for (field, from, to) in Item.differences(before, after) {
            activity.append(Activity(at: time, by: user, item: id, action: action, field: field, from: from, to: to))
        }
        let headerChange = headerBefore == header ? nil : Edit.HeaderChange(before: headerBefore, after: header)
        return Edit(summary: summary ?? "edited \(id)", items: [id: .init(before: before, after: after)], header: headerChange)
    }

    /// Inserts or replaces whole items (importers, merges), logging `action` for each.
    @discardableResult
    public mutating func upsert(_ newItems: [Item], header newHeader: BoardHeader? = nil, action: String,
                                summary: String, by user: String, at time: Timestamp) -> Edit {
        let headerBefore = header
        if let newHeader { header = newHeader }
        var changes: [String: Edit.ItemChange] = [:]
        changes.reserveCapacity(newItems.count)
        for item in newItems {
            changes[item.id] = .init(before: items[item.id], after: item)
            activity.append(Activity(at: time, by: user, item: item.id, action: action))
        }
        putMany(newItems)  // a large import rebuilds the columns once instead of item by item
        let h = headerBefore == header ? nil : Edit.HeaderChange(before: headerBefore, after: header)
        if newItems.isEmpty, h != nil { activity.append(Activity(at: time, by: user, item: nil, action: action, to: summary)) }
        return Edit(summary: summary, items: changes, header: h)
    }

    /// Adds labels, people and a release the board does not know yet to its lists.
    mutating func registerNames(labels newLabels: [String], people newPeople: [String], release: String?) {
        for l in newLabels where !labels.contains(where: { $0.name == l }) { labels.append(Label(name: l)) }
        for p in newPeople where !people.contains(where: { $0.handle == p }) { people.append(Person(handle: p)) }
        if let r = release, !r.isEmpty, !releases.contains(where: { $0.name == r }) { releases.append(Release(name: r)) }
    }
}

extension Item {
    /// The fields that differ between two versions of an item, as (field, before, after) text.
    public static func differences(_ a: Item, _ b: Item) -> [(String, String?, String?)] {
        var out: [(String, String?, String?)] = []
        func check<T: Equatable>(_ name: String, _ x: T, _ y: T, _ text: (T) -> String?) {
            if x != y { out.append((name, text(x), text(y))) }
        }
        check("title", a.title, b.title) { $0 }
        check("description", a.description, b.description) { $0.isEmpty ? nil : String($0.prefix(200)) }
        check("type", a.type, b.type) { $0.rawValue }
        check("stage", a.stage, b.stage) { $0 }
        check("rank", a.rank, b.rank) { $0 }
        check("priority", a.priority, b.priority) { $0?.rawValue }
        check("points", a.points, b.points) { $0?.pointsText }
        check("labels", a.labels, b.labels) { $0.joined(separator: ",") }
        check("assignees", a.assignees, b.assignees) { $0.joined(separator: ",") }
        check("release", a.release, b.release) { $0 }
        check("blocked", a.blocked, b.blocked) { String($0) }
        check("blockedReason", a.blockedReason, b.blockedReason) { $0 }
        check("archived", a.archived, b.archived) { String($0) }
        check("requester", a.requester, b.requester) { $0 }
        check("votes", a.votes, b.votes) { String($0) }
        check("due", a.due, b.due) { $0 }
        check("parent", a.parent, b.parent) { $0 }
        check("duplicateOf", a.duplicateOf, b.duplicateOf) { $0 }
        check("snoozedUntil", a.snoozedUntil, b.snoozedUntil) { $0 }
        check("criteria", a.criteria, b.criteria) { $0.map { ($0.done ? "[x] " : "[ ] ") + $0.text }.joined(separator: "; ") }
        check("links", a.links, b.links) { $0.map(\.url).joined(separator: " ") }
        check("archivedReason", a.archivedReason, b.archivedReason) { $0 }
        check("archivedList", a.archivedList, b.archivedList) { $0 }
        check("sprints", a.sprints, b.sprints) { $0.joined(separator: "; ") }
        check("comments", a.comments.count, b.comments.count) { String($0) }
        for ((name, x), (_, y)) in zip(a.scores.fields, b.scores.fields) { check(name, x, y) { $0?.pointsText } }
        return out
    }
}
