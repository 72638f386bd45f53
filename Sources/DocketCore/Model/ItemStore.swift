import Foundation

/// The board's items by id, kept in 256 shards (by a hash of the id). A board is a value
/// that the saver copies; the first change after such a copy then copies one shard (a few
/// hundred items on a 100,000-item board), not every item, so a key press never stalls
/// behind a save.
public struct ItemStore: Equatable, Sendable, Sequence {
    static let shardCount = 256
    /// The items set here (all of them, unless the store is built on a file's lines: then
    /// only those set since it was read). Read through `allShards` by `Query.count`, which
    /// scans every item without copying it.
    private var shards: [ItemShard]
    /// Number of items.
    public private(set) var count = 0
    /// The items of a checked read still on their lines of the file (`FileItems`), nil for a
    /// store that holds all its items. Ids in `taken` are no longer read from it: they were set
    /// or removed since (and are in `shards` when set).
    private var file: FileItems?
    private var taken: Set<String> = []
    /// The ids set or removed (`subscript`, `modify`) since this store's lineage began: since
    /// it was made, or since `forgetChanges()` (the file reader forgets its own). Copies share
    /// a lineage and go on recording apart, so two stores of one lineage can differ only at
    /// ids one of them recorded (see `changes(since:)`). Not compared by `==`.
    private(set) var changedIDs: Set<String> = []
    /// Who this store descends from (compared by identity): a new one for each store made or
    /// forgotten, shared by its copies.
    private var lineage = Lineage()
    final class Lineage: Sendable {}

    public static func == (a: ItemStore, b: ItemStore) -> Bool {
        guard a.count == b.count else { return false }
        if a.file == nil && b.file == nil { return a.shards == b.shards }
        if a.file === b.file {
            // One file under both: they can differ only where either set or removed an item.
            return a.ownIDs.union(b.ownIDs).allSatisfy { a[$0] == b[$0] }
        }
        return a.allShards == b.allShards
    }

    /// Whether each item line of this store's file, read alone, gives the item of `other` that
    /// its first id names (`FileItems.linesAreItems`); false for a store without a file.
    func linesAreItems(of other: ItemStore) -> Bool { file?.linesAreItems(of: other) ?? false }

    /// Whether some items are still on a file's lines (`FileItems`).
    var isOnFile: Bool { file != nil }

    /// The file this store's items are all on, as the checked read found it (each item's line
    /// and its id's bytes, in id order), when the store holds nothing else (no item set or
    /// removed since); nil otherwise.
    var fileLines: FileItems? {
        guard let file, taken.isEmpty, count == file.count else { return nil }
        return file
    }

    /// A store of the items on `file`'s lines, none of them read yet (`BoardReader+Checked`).
    init(file: FileItems) {
        self.init()
        self.file = file
        count = file.count
    }

    /// The ids this store set or removed itself, or holds itself (not from its file).
    private var ownIDs: Set<String> {
        var ids = taken
        for shard in shards { ids.formUnion(shard.keys) }
        return ids
    }

    /// Every item by shard: `shards` itself, or for a store on a file's lines, every line read
    /// (once for all copies, `FileItems.whole`) with this store's changes applied.
    var allShards: [ItemShard] {
        guard let file else { return shards }
        var out = file.whole().shards
        for id in taken { out[ItemStore.shard(id)].remove(id) }
        for s in shards.indices where shards[s].count > 0 { out[s].merge(shards[s]) }
        return out
    }

    /// The line of `file` that still holds the item with this id, nil when none does.
    private func fileIndex(_ id: String) -> Int? {
        guard let file, !taken.contains(id) else { return nil }
        return file.index(of: id)
    }

    /// Starts a new lineage with no changes (what the file reader does with what it read).
    mutating func forgetChanges() { changedIDs = []; lineage = Lineage() }

    /// The ids at which this store and `base` may differ, when both descend from one store
    /// (its copies, changed since): the ids either recorded. Nil when they do not (compare
    /// every item then).
    func changes(since base: ItemStore) -> Set<String>? {
        guard lineage === base.lineage else { return nil }
        return changedIDs.count >= base.changedIDs.count ? changedIDs.union(base.changedIDs) : base.changedIDs.union(changedIDs)
    }

    /// Whether the items differ from `base`'s, looking only where they may (`changes(since:)`)
    /// when they share a lineage.
    func differs(from base: ItemStore) -> Bool {
        if count != base.count { return true }
        guard let changed = changes(since: base) else { return self != base }
        return changed.contains { self[$0] != base[$0] }
    }

    public init() { shards = Array(repeating: ItemShard(), count: ItemStore.shardCount) }

    public init(_ items: [Item]) {
        self.init()
        reserve(items.count)
        for item in items { self[item.id] = item }
    }

    /// Makes room for about `count` items in all (spread over the shards), so filling the
    /// store does not grow each shard many times.
    mutating func reserve(_ count: Int) {
        for s in shards.indices { ItemStore.reserve(&shards[s], forAllOf: count) }
    }

    /// Makes room in one shard for its share of `count` items (none for small stores).
    private static func reserve(_ shard: inout ItemShard, forAllOf count: Int) {
        let perShard = count / shardCount
        if perShard > 8 { shard.reserveCapacity(perShard + perShard / 8) }
    }

    /// How many parts fill a store on all cores (`filled(moving:)`): each owns a quarter of the
    /// shards (`fillShards(_:)`; `shardCount` is a multiple of it).
    static let fillParts = 4

    /// Which filling part takes the item with this id (0 ..< `fillParts`): the one whose
    /// `fillShards(_:)` hold its shard.
    static func fillPart(of id: String) -> Int { shard(id) / (shardCount / fillParts) }

    /// The shards filling part `q` fills.
    static func fillShards(_ q: Int) -> Range<Int> { q * (shardCount / fillParts)..<(q + 1) * (shardCount / fillParts) }

    /// A store filled on all cores from items read in parts: `groups[p][q]` holds the items of
    /// read part `p` that filling part `q` takes (`fillPart(of:)`). Each item is moved into the
    /// store, not copied (no reference counting of its fields; `groups` ends empty). Nil
    /// when two items have one id (the caller reads the file the ordinary way, which says where).
    static func filled(moving groups: inout [[[Item]]]) -> ItemStore? {
        let total = groups.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        // Each filling part gets its lists in a box of its own, so it pops their items from
        // storage nobody else holds (in place, without a copy; `groups` is left empty).
        let boxes = (0..<fillParts).map { _ in Lists() }
        for p in groups.indices {
            for q in 0..<fillParts where q < groups[p].count {
                boxes[q].lists.append(groups[p][q])
                groups[p][q] = []
            }
        }
        let built = Parallel.mapParts(fillParts, minimumPerPart: 1) { range -> [ItemShard]? in
            var out: [ItemShard] = []
            for q in range {
                let range = fillShards(q), lo = range.lowerBound
                var mine = Array(repeating: ItemShard(), count: range.count)
                for s in mine.indices { reserve(&mine[s], forAllOf: total) }
                for l in boxes[q].lists.indices {
                    while let item = boxes[q].lists[l].popLast() {
                        let id = item.id
                        if !mine[shard(id) - lo].set(consume item, for: id) { return nil }
                    }
                    boxes[q].lists[l] = []  // its buffer goes now, not when every list is moved
                }
                out += mine
            }
            return out
        }
        var store = ItemStore()
        var shards: [ItemShard] = []
        shards.reserveCapacity(shardCount)
        for part in built {
            guard let part else { return nil }
            shards += part
        }
        store.shards = shards
        store.count = total
        return store
    }

    /// One filling part's lists of items (see `filled(moving:)`); only that part touches them.
    private final class Lists: @unchecked Sendable { var lists: [[Item]] = [] }

    /// FNV-1a over the id's UTF-8 bytes: stable across runs (Swift's own hash is seeded).
    private static func shard(_ id: String) -> Int {
        var h: UInt32 = 2_166_136_261
        for b in id.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return Int(h % UInt32(shardCount))
    }

    /// The item with this id; setting nil removes it.
    public subscript(id: String) -> Item? {
        get {
            if let item = shards[ItemStore.shard(id)][id] { return item }
            return fileIndex(id).map { file!.item(at: $0) }
        }
        set {
            changedIDs.insert(id)
            let s = ItemStore.shard(id)
            // An item still on the file's line is from now on this store's own (or gone).
            let onFile = fileIndex(id) != nil
            if onFile { taken.insert(id) }
            if let newValue {
                if shards[s].set(newValue, for: id) && !onFile { count += 1 }
            } else if shards[s].remove(id) || onFile {
                count -= 1
            }
        }
    }

    /// `body` given the item with this id, lent where it is stored (`ItemShard.withItem`; read
    /// from its line when it is still on a file's); nil, `body` not called, when there is none.
    func withItem<R>(_ id: String, _ body: (Item) throws -> R) rethrows -> R? {
        if let found = try shards[ItemStore.shard(id)].withItem(id, body) { return found }
        guard let k = fileIndex(id) else { return nil }
        return try body(file!.item(at: k))
    }

    /// Whether an item has this id (without reading it from a file's line).
    public func contains(_ id: String) -> Bool {
        shards[ItemStore.shard(id)].contains(id) || fileIndex(id) != nil
    }

    /// Changes the item with this id in place (no copy of it in and out, as `self[id] = …`
    /// would make); false, with `body` not called, when there is none. `body` must not change
    /// the id. Recorded in `changedIDs`.
    @discardableResult
    mutating func modify(_ id: String, _ body: (inout Item) throws -> Void) rethrows -> Bool {
        let s = ItemStore.shard(id)
        guard shards[s].contains(id) else {
            // On the file's line: read, changed, then this store's own (unchanged if `body` throws).
            guard let k = fileIndex(id) else { return false }
            var item = file!.item(at: k)
            try body(&item)
            changedIDs.insert(id)
            taken.insert(id)
            shards[s].set(item, for: id)
            return true
        }
        changedIDs.insert(id)
        return try shards[s].modify(id, body)
    }

    /// `modify` of each of `ids` (`body` given the id's position in `ids`), on all cores when
    /// there are many (`parallelMinimum`) and no item is on a file's line: each filling part
    /// (`fillShards`) changes the items of its own shards, copying a shard something else still
    /// holds in that part. Ids of no item are skipped. Recorded in `changedIDs`.
    mutating func modifyEach(_ ids: [String], _ body: @Sendable (Int, inout Item) -> Void) {
        guard file == nil, ids.count >= ItemStore.parallelMinimum else {
            for k in ids.indices { modify(ids[k]) { body(k, &$0) } }
            return
        }
        let positions = ids.indices.reduce(into: [[Int]](repeating: [], count: ItemStore.shardCount)) {
            $0[ItemStore.shard(ids[$1])].append($1)
        }
        // Each part gets its shards in a box of its own, moved out of `shards` so that a shard
        // only this store holds is changed in place.
        let boxes = (0..<ItemStore.fillParts).map { _ in Shards() }
        for q in boxes.indices {
            for s in ItemStore.fillShards(q) { boxes[q].shards.append(shards[s]); shards[s] = ItemShard() }
        }
        let found = Parallel.mapParts(ItemStore.fillParts, minimumPerPart: 1) { parts -> [Int] in
            var found: [Int] = []
            for q in parts {
                let lo = ItemStore.fillShards(q).lowerBound
                for s in ItemStore.fillShards(q) {
                    for k in positions[s] where boxes[q].shards[s - lo].modify(ids[k], { body(k, &$0) }) {
                        found.append(k)
                    }
                }
            }
            return found
        }
        for q in boxes.indices {
            for (j, s) in ItemStore.fillShards(q).enumerated() { shards[s] = boxes[q].shards[j] }
        }
        changedIDs.reserveCapacity(changedIDs.count + ids.count)
        for part in found { for k in part { changedIDs.insert(ids[k]) } }
    }

    /// One part's shards while `modifyEach` changes them; only that part touches them.
    private final class Shards: @unchecked Sendable { var shards: [ItemShard] = [] }

    public var isEmpty: Bool { count == 0 }

    /// Every id, in no particular order (without reading a file's lines).
    public var keys: [String] {
        var out = shards.flatMap(\.keys)
        if let file {
            out.reserveCapacity(count)
            for id in file.ids where !taken.contains(id) { out.append(id) }
        }
        return out
    }

    /// Every item, in no particular order.
    public var values: [Item] { allShards.flatMap(\.values) }

    /// Calls `body` with the placement of every item (`ItemPlacement`), for an item still on a
    /// file's line skimmed from it (`FileItems.placements`) without reading the line. With
    /// `needles`, of the items still on the file's lines only those whose lines may hold the
    /// needles' values (`LineNeedles`): `body` must still test what it is after.
    func forEachPlacement(mayHolding needles: LineNeedles? = nil, _ body: (ItemPlacement) -> Void) {
        forEachItem(inShards: shards, shards.indices) { body(ItemPlacement($0)) }
        guard let file else { return }
        for placed in needles.map(file.placements(mayHolding:)) ?? file.placements where !taken.contains(placed.id) { body(placed) }
    }

    /// Calls `body` with every item, in no particular order, without copying them into an
    /// array first (what `values` does).
    public func forEachItem(_ body: (Item) throws -> Void) rethrows {
        let all = allShards
        try forEachItem(inShards: all, all.indices, body)
    }

    /// `forEachItem`, except that an item still on a file's line is read only when `prefilter`
    /// says the line may hold a match (`LinePrefilter`): `body` must still test the query.
    public func forEachItem(mayMatch prefilter: LinePrefilter?, _ body: (Item) throws -> Void) rethrows {
        guard let prefilter, let file, !file.isRead else { return try forEachItem(body) }
        try forEachItem(inShards: shards, shards.indices, body)
        for item in file.items(mayMatching: prefilter) where !taken.contains(item.id) { try body(item) }
    }

    /// `forEachItem` over some of the shards (`Part`).
    private func forEachItem(inShards shards: [ItemShard], _ range: Range<Int>, _ body: (Item) throws -> Void) rethrows {
        // Each item is lent to `body` where it is stored (`ItemShard.forEach`).
        for s in range { try shards[s].forEach(body) }
    }

    /// Stores of at least this many items are worked on in parts on all cores (`mapParts`).
    static let parallelMinimum = 20_000

    /// `body` called once for each part of the store (a range of its shards), on all cores
    /// when `parallel`, else once on this thread for the whole store; the results in order.
    /// A store on a file's lines is one part, placed from its lines (`forEachPlacement`).
    func mapParts<T: Sendable>(parallel: Bool, _ body: @Sendable (Part) -> T) -> [T] {
        let whole = parallel && file == nil ? 1 : ItemStore.shardCount
        return Parallel.mapParts(ItemStore.shardCount, minimumPerPart: whole) { [self] range in
            body(Part(store: self, shards: range))
        }
    }

    /// Some of a store's shards (see `mapParts`).
    struct Part {
        let store: ItemStore
        let shards: Range<Int>

        /// Calls `body` with the placement of every item of these shards (`forEachPlacement`).
        func forEachPlacement(_ body: (ItemPlacement) -> Void) {
            if store.file != nil {
                // A store on a file's lines is one part (`mapParts`): its lines are placed once.
                precondition(shards == 0..<ItemStore.shardCount)
                store.forEachPlacement(body)
            } else { store.forEachItem(inShards: store.shards, shards) { body(ItemPlacement($0)) } }
        }
    }

    public func makeIterator() -> AnyIterator<(key: String, value: Item)> {
        var outer = allShards.makeIterator()
        var inner: IndexingIterator<[(key: String, value: Item)]>?
        return AnyIterator {
            while true {
                if let next = inner?.next() { return next }
                guard let shard = outer.next() else { return nil }
                inner = Array(zip(shard.keys, shard.values).map { (key: $0, value: $1) }).makeIterator()
            }
        }
    }
}

/// The activity log: an append-only list kept in chunks of 4,096 entries, so appending after
/// the saver took a copy of the board copies one chunk, not the whole history. A log of a
/// checked read starts with its file's lines (`FileActivity`, read when an entry is first asked
/// for); `chunks` then hold only the entries appended since.
public struct ActivityLog: RandomAccessCollection, Equatable, Sendable {
    static let chunkSize = 4096
    private var chunks: [[Activity]] = []
    private var file: FileActivity?
    /// The entries on the file's lines (0 without one): the index of the first of `chunks`.
    private var fileCount: Int { file?.count ?? 0 }
    public private(set) var count = 0

    public init() {}

    public init(_ entries: [Activity]) {
        for e in entries { append(e) }
    }

    /// A log made of whole chunks as they were read: every chunk but the last holds exactly
    /// `chunkSize` entries (the last one at most that many, and at least one).
    init(chunks: [[Activity]]) {
        precondition(chunks.dropLast().allSatisfy { $0.count == ActivityLog.chunkSize }
                     && chunks.last.map { !$0.isEmpty && $0.count <= ActivityLog.chunkSize } ?? true)
        self.chunks = chunks
        count = chunks.reduce(0) { $0 + $1.count }
    }

    /// The file lines of a log read lazily (nil for one that holds its entries).
    var lines: [Range<Int>]? { file?.lines }

    /// A log of the entries on `file`'s lines, none read yet (`BoardReader+Checked`).
    init(file: FileActivity) {
        self.file = file
        count = file.count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The entries' chunks as they are stored (for `FileActivity`, which keeps a log it read).
    var chunkArrays: [[Activity]] {
        precondition(file == nil)
        return chunks
    }

    /// The entry at `i`, lent where it is stored (reading a field of it copies nothing else).
    public subscript(i: Int) -> Activity {
        _read {
            if i < fileCount {
                let entry = file!.entry(i)
                yield entry
            } else {
                let k = i - fileCount
                yield chunks[k / ActivityLog.chunkSize][k % ActivityLog.chunkSize]
            }
        }
    }

    public mutating func append(_ entry: Activity) {
        if chunks.isEmpty || chunks[chunks.count - 1].count == ActivityLog.chunkSize {
            var chunk: [Activity] = []
            chunk.reserveCapacity(ActivityLog.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(entry)
        count += 1
    }

    public static func == (a: ActivityLog, b: ActivityLog) -> Bool { a.count == b.count && a.starts(withLog: b) }

    /// Whether the first `other.count` entries are `other`'s. Chunks that still share their
    /// storage (this log is a copy of `other`, appended to since) are equal without reading
    /// them, and so are the lines of one file under both, so checking that a log only grew
    /// costs the chunks that changed.
    public func starts(withLog other: ActivityLog) -> Bool {
        guard count >= other.count else { return false }
        guard file === other.file else { return prefix(other.count).elementsEqual(other) }
        for (c, theirs) in other.chunks.enumerated() {
            let mine = chunks[c]
            let shared = mine.withUnsafeBufferPointer { m in theirs.withUnsafeBufferPointer { $0.baseAddress == m.baseAddress } }
            if shared && mine.count >= theirs.count { continue }
            if !mine.prefix(theirs.count).elementsEqual(theirs) { return false }
        }
        return true
    }
}
