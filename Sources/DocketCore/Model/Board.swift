/// A product's board: stages, releases, people, labels, items and the activity log.
///
/// Items are kept by id; for each stage the board also keeps the ids of its open (not
/// archived) items sorted by rank (then id), so showing or moving through a column costs
/// the size of the screen, not of the board. All changes go through `Edit`s (see
/// `Board+Editing.swift`), which keep that index right and make undo possible.
public struct Board: Equatable, Sendable {
    /// The newest file-format version this build reads and writes.
    public static let formatVersion = 1

    public var name: String
    public var stages: [Stage]
    public var releases: [Release]
    public var people: [Person]
    public var labels: [Label]
    /// How items are scored (RICE, WSJF or not at all).
    public var scoring: ScoringModel = .none
    /// Saved filters: a name and a query.
    public var savedFilters: [SavedFilter] = []
    /// Currency, cost model and roadmap settings (see `PlanningSettings`).
    public var planning = PlanningSettings()
    /// Vision, goals and customer feedback (see `Strategy`).
    public var strategy = Strategy()
    /// Board-level keys this version does not know, as raw JSON text by key (kept as they were).
    public var extra: [String: String] = [:]
    /// Which version of the file, as an open session's `MergingWriter` numbers them, this
    /// board is derived from (0: the one loaded; `MergingWriter.Merge.apply` sets it): the
    /// base of its next merge. Not saved and not compared.
    public var mergeBasis = 0
    public private(set) var items: ItemStore
    public internal(set) var activity: ActivityLog
    /// The column index (`ColumnIndex`), or nil while it is deferred (`deferredIndex`).
    private var builtIndex: ColumnIndex?
    /// The column index of a board on a file's lines, built when first asked for.
    private var deferredIndex: DeferredColumnIndex?
    private var index: ColumnIndex { builtIndex ?? deferredIndex?.value ?? ColumnIndex() }
    /// Stage id → ids of that stage's open items, in rank order.
    public var columns: [String: [String]] { index.columns }
    /// The ids longer than `ItemID.length` (imported ones), sorted, for `shortID(_:)`.
    var longIDs: [String] { index.longIDs }

    public init(name: String, stages: [Stage], releases: [Release] = [], people: [Person] = [],
                labels: [Label] = [], items: [Item] = [], activity: [Activity] = []) {
        self.init(name: name, stages: stages, releases: releases, people: people, labels: labels,
                  store: ItemStore(items), activity: ActivityLog(activity))
    }

    /// A board over an item store and log built elsewhere (the file reader fills them directly).
    init(name: String, stages: [Stage], releases: [Release], people: [Person], labels: [Label],
         store: ItemStore, activity: ActivityLog) {
        self.name = name; self.stages = stages; self.releases = releases; self.people = people
        self.labels = labels; self.activity = activity
        self.items = store
        rebuildColumns()
    }

    public static func == (l: Board, r: Board) -> Bool {
        l.headerEquals(r) && l.items == r.items && l.activity == r.activity
    }

    /// Everything but the items and the activity log is equal.
    func headerEquals(_ r: Board) -> Bool {
        name == r.name && extra == r.extra && scoring == r.scoring && savedFilters == r.savedFilters && planning == r.planning
            && strategy == r.strategy && stages == r.stages && releases == r.releases && people == r.people && labels == r.labels
    }

    /// `self != base`, the items compared only where they may differ when both boards
    /// descend from one (`ItemStore.changes(since:)`: a command's board and the board it read),
    /// the activity log by its shared storage where it can be.
    func differs(fromRead base: Board) -> Bool {
        !headerEquals(base) || items.differs(from: base.items)
            || activity.count != base.activity.count || !activity.starts(withLog: base.activity)
    }

    /// An item's score under the board's model (nil when it scores nothing or inputs are missing).
    public func score(_ item: Item) -> Double? { scoring.score(scoreInputs(item)) }

    /// The default stages of `docket init`: Inbox, Ideas, Ready, In progress, Review, Done.
    public static func defaultStages() -> [Stage] {
        [Stage(id: "inbox", name: "Inbox", kind: .inbox),
         Stage(id: "ideas", name: "Ideas", kind: .todo),
         Stage(id: "ready", name: "Ready", kind: .todo),
         Stage(id: "doing", name: "In progress", kind: .doing, wipLimit: 5),
         Stage(id: "review", name: "Review", kind: .doing, wipLimit: 3),
         Stage(id: "done", name: "Done", kind: .done)]
    }

    // MARK: - Reading

    /// The open items of a stage in rank order (empty for an unknown stage).
    public func column(_ stageID: String) -> [String] {
        if let builtIndex { return builtIndex.columns[stageID] ?? [] }
        return deferredIndex?.column(stageID).ids ?? []
    }

    /// Index of the stage with this id in `stages`.
    public func stageIndex(id: String) -> Int? { stages.firstIndex { $0.id == id } }

    /// Finds a stage by id or name: exact (ignoring case and normal form) first, then a unique prefix.
    /// Throws `DocketError.noSuchStage` or `.ambiguousStage`.
    public func stage(named query: String) throws -> Stage {
        let q = FoldedText(query)
        if let s = stages.first(where: { q.equals($0.id) || q.equals($0.name) }) { return s }
        let matches = stages.filter { q.isPrefix(of: $0.name) || q.isPrefix(of: $0.id) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw DocketError.noSuchStage(query) }
        throw DocketError.ambiguousStage(query, matches.map(\.name))
    }

    /// Finds an item by its id, a unique prefix of it or its short form (`shortID`). Throws `DocketError.noSuchItem`
    /// or `.ambiguousItem`.
    public func item(matching query: String) throws -> Item {
        guard !query.isEmpty else { throw DocketError.noSuchItem(query) }
        if let item = items[query] { return item }
        let matches = items.keys.filter { $0.hasPrefix(query) }
        if matches.count == 1 { return items[matches[0]]! }
        if matches.isEmpty { throw DocketError.noSuchItem(query) }
        // A card's short id (`shortID`) names its item even when a short id shares the prefix.
        let short = matches.filter { shortID($0) == query }
        if short.count == 1 { return items[short[0]]! }
        throw DocketError.ambiguousItem(query, Array(matches.sorted().prefix(5)))
    }

    /// The ranks of a stage's open items that placing one item there needs (`ColumnRanks`),
    /// `around` the rank it would take: from the column, or while the column index of a lazily
    /// read board is still deferred and that column was never asked for, from one pass over
    /// the placements without sorting it (`DeferredColumnIndex.ranks`).
    func columnRanks(_ stageID: String, around rank: String? = nil) -> ColumnRanks {
        if let scan = rankScan(stageID, around: rank) { return scan }
        let col = column(stageID)
        var ranks = ColumnRanks(lowest: col.first.flatMap { items[$0]?.rank }, highest: col.last.flatMap { items[$0]?.rank })
        guard let rank else { return ranks }
        var next = insertionPoint(col, rank: rank, id: "")
        ranks.holds = next < col.count && items[col[next]]?.rank == rank
        while next < col.count, let r = items[col[next]]?.rank, r <= rank { next += 1 }
        ranks.above = next < col.count ? items[col[next]]?.rank : nil
        return ranks
    }

    /// `columnRanks` by one pass over the placements, while the column index of a lazily read
    /// board is still deferred and that column was never asked for; nil otherwise.
    func rankScan(_ stageID: String, around rank: String? = nil) -> ColumnRanks? {
        guard builtIndex == nil else { return nil }
        return deferredIndex?.ranks(of: stageID, around: rank)
    }

    /// Whether an open item of `stageID` has `rank`, skimming only the lines that may hold both,
    /// while the column index of a lazily read board is still deferred and that column was
    /// never asked for; nil otherwise (`DeferredColumnIndex.holds`).
    func rankHeld(_ rank: String, inStage stageID: String) -> Bool? {
        guard builtIndex == nil else { return nil }
        return deferredIndex?.holds(rank, inStage: stageID)
    }

    /// How many open items a stage has: the length of its column, or on a preview (whose
    /// columns list only their first cards) the whole column's count.
    public func openCount(inStage stageID: String) -> Int {
        if let count = builtIndex?.counts[stageID] { return count }
        return column(stageID).count
    }

    /// Total story points of a stage's open items.
    public func points(inStage stageID: String) -> Double {
        if let builtIndex { return builtIndex.points[stageID] ?? 0 }
        return deferredIndex?.column(stageID).points ?? 0
    }

    /// Every item in board order: stage by stage (in stage order) and by rank within a stage,
    /// a stage's archived items (when included) after its open ones, by rank; then items of
    /// unknown stages, by rank. (So a CSV export lists stages in the board's order.)
    ///
    /// With `keep`, only the items it keeps (tested where they are stored, before anything is
    /// copied or ordered: `docket list QUERY` orders its matches, not the board); with
    /// `prefilter` too, items still on a lazily read file's lines are read only when their line
    /// may hold a match (`LinePrefilter`; `keep` must test the same query).
    public func itemsInBoardOrder(includeArchived: Bool = false, where keep: ((Item) -> Bool)? = nil,
                                  prefilter: LinePrefilter? = nil) -> [Item] {
        let known = Set(stages.map(\.id))
        var archived: [String: [Item]] = [:]
        var unknown: [Item] = []
        var kept: [String: [Item]] = [:]
        items.forEachItem(mayMatch: keep == nil ? nil : prefilter) { item in
            if let keep, !keep(item) { return }
            if !known.contains(item.stage) {
                if includeArchived || !item.archived { unknown.append(item) }
            } else if includeArchived && item.archived {
                archived[item.stage, default: []].append(item)
            } else if keep != nil && !item.archived {
                kept[item.stage, default: []].append(item)
            }
        }
        var out: [Item] = []
        out.reserveCapacity(keep == nil ? items.count : kept.values.reduce(unknown.count) { $0 + $1.count } + archived.values.reduce(0) { $0 + $1.count })
        // A column's order: by rank, then id (`ColumnKey`).
        let byRank = { (a: Item, b: Item) in (a.rank, a.id) < (b.rank, b.id) }
        for stage in stages {
            if keep == nil {
                out += column(stage.id).compactMap { items[$0] }
            } else {
                out += (kept[stage.id] ?? []).sorted(by: byRank)
            }
            out += (archived[stage.id] ?? []).sorted(by: byRank)
        }
        out += unknown.sorted(by: byRank)
        return out
    }

    // MARK: - Index upkeep

    /// Builds the column index again: at once, or for a board on a file's lines when it is
    /// first asked for (`DeferredColumnIndex`).
    mutating func rebuildColumns() {
        if items.isOnFile {
            builtIndex = nil
            deferredIndex = DeferredColumnIndex(items, stages: stages)
        } else {
            builtIndex = ColumnIndex(items, stages: stages)
            deferredIndex = nil
        }
    }

    /// The column index built (a deferred one is built now), for a change to it.
    private mutating func ensureIndex() {
        guard builtIndex == nil else { return }
        builtIndex = index
        deferredIndex = nil
    }

    /// Makes this a preview (`BoardReader+Preview`): `store` holds the cards `index` lists,
    /// and `index.counts` how many open items each column has in all.
    mutating func takePreview(_ store: ItemStore, index: ColumnIndex) {
        items = store
        builtIndex = index
        deferredIndex = nil
    }

    /// Replaces (or inserts, or with nil removes) one item and keeps the column index right.
    mutating func put(_ id: String, _ new: Item?) {
        let old = items[id]
        if let old, let new, old.stage == new.stage, old.rank == new.rank, old.archived == new.archived, old.points == new.points {
            items[id] = new  // in the same place, with the same points: the index stays as it is
            return
        }
        if builtIndex == nil, items.isOnFile, deferredIndex?.builtValue == nil {
            // Still deferred: it will be built from the items as they are then.
            items[id] = new
            deferredIndex = DeferredColumnIndex(items, stages: stages)
            return
        }
        ensureIndex()
        if let old, !old.archived {
            // Find the index first, so the removal below mutates the column in place
            // (a live copy would make it copy the whole column).
            let index = builtIndex!.columns[old.stage].flatMap { indexInColumn($0, old) }
            if let index { builtIndex!.columns[old.stage]!.remove(at: index) }
            builtIndex!.points[old.stage, default: 0] -= old.points ?? 0
        }
        if id.utf8.count > ItemID.length, (old == nil) != (new == nil) {
            Board.noteLongID(id, present: new != nil, in: &builtIndex!.longIDs)
        }
        items[id] = new
        if let new, !new.archived {
            let at = insertionPoint(builtIndex!.columns[new.stage] ?? [], new)
            builtIndex!.columns[new.stage, default: []].insert(new.id, at: at)
            builtIndex!.points[new.stage, default: 0] += new.points ?? 0
        }
    }

    /// Replaces many items at once: the column index is rebuilt once instead of item by item
    /// (for bulk changes such as re-ranking a whole backlog).
    mutating func putMany(_ newItems: [Item]) {
        if newItems.count < 64 {
            for item in newItems { put(item.id, item) }
            return
        }
        for item in newItems { items[item.id] = item }
        rebuildColumns()  // and the long ids
    }

    /// Sets the rank and `updated` time of each item in `changes` (their `after` values when
    /// `forward`, else their `before` values; ids no longer on the board are skipped) and keeps
    /// the column index right. `columns` (stage id → every open item of that stage, in its new
    /// rank order: a re-rank knows it) replaces those columns as given, with no sort; without
    /// it a few changes are put one by one and many rebuild the columns once.
    mutating func setRanks(_ changes: [Edit.RankChange], forward: Bool, columns newColumns: [String: [String]]? = nil) {
        if newColumns == nil, changes.count < 64 {
            for c in changes { if let item = items[c.id] { put(c.id, c.applied(to: item, forward: forward)) } }
            return
        }
        items.modifyEach(changes.map(\.id)) { k, item in changes[k].apply(to: &item, forward: forward) }
        guard let newColumns else { return rebuildColumns() }
        ensureIndex()
        for (stage, ids) in newColumns { builtIndex!.columns[stage] = ids }
    }

    private func indexInColumn(_ col: [String], _ item: Item) -> Int? {
        let i = insertionPoint(col, item)
        if i < col.count, col[i] == item.id { return i }
        return col.firstIndex(of: item.id)
    }

    /// First position in `col` whose item sorts at or after `item` (binary search on rank, id).
    private func insertionPoint(_ col: [String], _ item: Item) -> Int {
        insertionPoint(col, rank: item.rank, id: item.id)
    }

    /// First position in `col` whose item sorts at or after (`rank`, `id`); with `id` empty,
    /// the first item whose rank is at least `rank`.
    func insertionPoint(_ col: [String], rank: String, id: String) -> Int {
        var lo = 0, hi = col.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let other = items[col[mid]]!
            if (other.rank, other.id) < (rank, id) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
