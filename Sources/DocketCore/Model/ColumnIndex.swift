import Foundation

/// The board's index of its columns: for each stage the ids of its open items in rank order
/// (then id), their total story points, and the long ids (`Board+ShortID`). Kept right by every
/// change (`Board.put`), rebuilt after bulk ones.
struct ColumnIndex: Sendable {
    /// Stage id → ids of that stage's open items, in rank order.
    var columns: [String: [String]] = [:]
    /// Stage id → total story points of its open items.
    var points: [String: Double] = [:]
    /// The ids longer than `ItemID.length` (imported ones), sorted.
    var longIDs: [String] = []
    /// A preview's only (`BoardReader+Preview`): stage id → how many open items the column
    /// has, where `columns` lists only its first ones. Empty otherwise (a column's count is
    /// then its length). A preview is never changed, so nothing keeps it right.
    var counts: [String: Int] = [:]

    /// The index of `items` (every stage of `stages` gets a column, empty or not). Each part of
    /// the store gathers its open items' (rank, id) keys and points by stage; then a stage at a
    /// time each part's keys of that stage are sorted where they are and the parts merged,
    /// each part's keys let go once merged, so the keys are never held twice (one copy of
    /// 100,000 keys is 4 MB). Both on all cores for a large store. A store on a file's lines
    /// is one part, placed from its lines' placements (`ItemStore.forEachPlacement`).
    init(_ items: ItemStore, stages: [Stage]) {
        let large = items.count >= ItemStore.parallelMinimum
        var parts = items.mapParts(parallel: large) { part -> [String: Gathered] in
            var out: [String: Gathered] = [:]
            part.forEachPlacement { item in if !item.archived { out[item.stage, default: Gathered()].add(item) } }
            return out
        }
        var stageIDs = Set(stages.map(\.id))
        for part in parts { stageIDs.formUnion(part.keys) }
        // Each stage's lists moved out of the parts into a box of their own, so the one task
        // that sorts and merges them owns them (sorted in place, without a copy).
        let columnIDs = Array(stageIDs)
        let boxes = columnIDs.map { stage -> Lists in
            let box = Lists()
            for k in parts.indices {
                guard let found = parts[k].removeValue(forKey: stage) else { continue }
                box.lists.append(found.keys)
                box.points += found.points
            }
            return box
        }
        parts = []
        let sorted = Parallel.map(boxes.count, minimumPerPart: large ? 1 : Int.max) { k -> [String] in
            for i in boxes[k].lists.indices { ColumnKey.sort(&boxes[k].lists[i]) }
            return ColumnKey.mergedIDs(&boxes[k].lists)
        }
        for (k, stage) in columnIDs.enumerated() {
            columns[stage] = sorted[k]
            points[stage] = boxes[k].points
        }
        longIDs = items.keys.filter { $0.utf8.count > ItemID.length }.sorted()
    }

    /// One stage's gathered keys, a list per part, and their points (see `init`); only the
    /// task that sorts the stage touches them.
    private final class Lists: @unchecked Sendable {
        var lists: [[ColumnKey]] = []
        var points = 0.0
    }

    init() {}

    /// One column's open items as gathered before sorting: their (rank, id) keys and points.
    struct Gathered {
        var keys: [ColumnKey] = []
        var points = 0.0

        mutating func add(_ item: ItemPlacement) {
            keys.append(ColumnKey(rank: item.rank, id: item.id))
            points += item.points ?? 0
        }
    }
}

/// What a command adding or moving one item needs of a column's ranks (`Board.columnRanks`).
struct ColumnRanks {
    /// The lowest and highest rank of the column's open items (its first and last cards'),
    /// nil for an empty column.
    var lowest: String?, highest: String?
    /// Whether an open item of the column has the rank asked about.
    var holds = false
    /// The lowest rank above the one asked about, nil when none is.
    var above: String?
}

/// The column index of a board read lazily (`BoardReader+Checked`), built the first time
/// something asks for a column, once for every copy of the board; until then a command that
/// changes only what does not place an item (a title, labels, a comment) never places them all.
final class DeferredColumnIndex: @unchecked Sendable {
    private let items: ItemStore
    private let stages: [Stage]
    private let lock = NSLock()
    private var built: ColumnIndex?
    /// Single columns asked for before the whole index (`column(_:)`).
    private var single: [String: (ids: [String], points: Double)] = [:]

    init(_ items: ItemStore, stages: [Stage]) { self.items = items; self.stages = stages }

    /// One stage's open items in rank order and their points, without building the others
    /// (a command that moves or adds one item asks for one column).
    func column(_ stage: String) -> (ids: [String], points: Double) {
        lock.withLock {
            if let built { return (built.columns[stage] ?? [], built.points[stage] ?? 0) }
            if let found = single[stage] { return found }
            var gathered = ColumnIndex.Gathered()
            items.forEachPlacement { item in if !item.archived && item.stage == stage { gathered.add(item) } }
            let found = (ColumnKey.sortedIDs(gathered.keys), gathered.points)
            single[stage] = found
            return found
        }
    }

    /// The ranks of `stage`'s open items as one pass over the placements finds them (only the
    /// lines that may hold that stage: `LineNeedles`), without gathering or sorting the column
    /// (a command adding or moving one item asks only this).
    /// Nil once the column is at hand (built, or asked for alone): read it instead.
    func ranks(of stage: String, around rank: String? = nil) -> ColumnRanks? {
        guard lock.withLock({ built == nil && single[stage] == nil }) else { return nil }
        var scan = ColumnRanks()
        func see(_ r: String) {
            if scan.lowest.map({ r < $0 }) ?? true { scan.lowest = r }
            if scan.highest.map({ r > $0 }) ?? true { scan.highest = r }
            guard let rank else { return }
            if r == rank { scan.holds = true } else if r > rank, scan.above.map({ r < $0 }) ?? true { scan.above = r }
        }
        items.forEachPlacement(mayHolding: LineNeedles([stage])) { p in if !p.archived && p.stage == stage { see(p.rank) } }
        return scan
    }

    /// Whether an open item of `stage` has `rank`, skimming only the lines that may hold both
    /// values (`LineNeedles`): a command moving one item into a column asks only this, unless
    /// the answer is yes. Nil once the column is at hand (built, or asked for alone): read it.
    func holds(_ rank: String, inStage stage: String) -> Bool? {
        guard lock.withLock({ built == nil && single[stage] == nil }) else { return nil }
        var held = false
        items.forEachPlacement(mayHolding: LineNeedles([stage, rank])) { p in
            if !p.archived && p.stage == stage && p.rank == rank { held = true }
        }
        return held
    }

    /// The whole index when it has been built, nil before.
    var builtValue: ColumnIndex? { lock.withLock { built } }

    var value: ColumnIndex {
        lock.withLock {
            if let built { return built }
            let index = ColumnIndex(items, stages: stages)
            built = index
            return index
        }
    }
}
