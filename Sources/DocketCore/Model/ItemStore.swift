import Foundation

/// The board's items by id, kept in 256 shards (by a hash of the id). A board is a value
/// that the saver copies; the first change after such a copy then copies one shard (a few
/// hundred items on a 100,000-item board), not every item, so a key press never stalls
/// behind a save.
public struct ItemStore: Equatable, Sendable, Sequence {
    static let shardCount = 256
    /// Read by `Query.count`, which scans every item without copying it.
    private(set) var shards: [[String: Item]]
    /// Number of items.
    public private(set) var count = 0
    /// The ids set or removed (`subscript`, `modify`) since this store's lineage began: since
    /// it was made, or since `forgetChanges()` (the file reader forgets its own). Copies share
    /// a lineage and go on recording apart, so two stores of one lineage can differ only at
    /// ids one of them recorded (see `changes(since:)`). Not compared by `==`.
    private(set) var changedIDs: Set<String> = []
    /// Who this store descends from (compared by identity): a new one for each store made or
    /// forgotten, shared by its copies.
    private var lineage = Lineage()
    final class Lineage: Sendable {}

    public static func == (a: ItemStore, b: ItemStore) -> Bool { a.count == b.count && a.shards == b.shards }

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

    public init() { shards = Array(repeating: [:], count: ItemStore.shardCount) }

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
    private static func reserve(_ shard: inout [String: Item], forAllOf count: Int) {
        let perShard = count / shardCount
        if perShard > 8 { shard.reserveCapacity(perShard + perShard / 4) }
    }

    /// A store of `items` filled on all cores, each filling its own shards (for large boards
    /// as they are read), and the index in `items` of the first item whose id an earlier item
    /// has (nil when the ids are distinct; the store then holds the later item of that id).
    static func filled(_ items: [Item]) -> (store: ItemStore, firstDuplicate: Int?) {
        let parts = Swift.min(4, Swift.max(1, ProcessInfo.processInfo.activeProcessorCount))
        let built = Parallel.map(parts, minimumPerPart: 1) { p -> [[String: Item]] in
            let lo = p * shardCount / parts, hi = (p + 1) * shardCount / parts
            var mine = Array(repeating: [String: Item](), count: hi - lo)
            for s in mine.indices { reserve(&mine[s], forAllOf: items.count) }
            for item in items {
                let s = shard(item.id)
                if s >= lo && s < hi { mine[s - lo][item.id] = item }
            }
            return mine
        }
        var store = ItemStore()
        store.shards = built.flatMap { $0 }
        store.count = store.shards.reduce(0) { $0 + $1.count }
        guard store.count != items.count else { return (store, nil) }
        var seen = Set<String>()
        return (store, items.firstIndex { !seen.insert($0.id).inserted })
    }

    /// FNV-1a over the id's UTF-8 bytes: stable across runs (Swift's own hash is seeded).
    private static func shard(_ id: String) -> Int {
        var h: UInt32 = 2_166_136_261
        for b in id.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return Int(h % UInt32(shardCount))
    }

    /// The item with this id; setting nil removes it.
    public subscript(id: String) -> Item? {
        get { shards[ItemStore.shard(id)][id] }
        set {
            changedIDs.insert(id)
            let s = ItemStore.shard(id)
            if let newValue {
                if shards[s].updateValue(newValue, forKey: id) == nil { count += 1 }
            } else if shards[s].removeValue(forKey: id) != nil {
                count -= 1
            }
        }
    }

    /// Changes the item with this id in place (no copy of it in and out, as `self[id] = …`
    /// would make); false, with `body` not called, when there is none. `body` must not change
    /// the id. Recorded in `changedIDs`.
    @discardableResult
    mutating func modify(_ id: String, _ body: (inout Item) throws -> Void) rethrows -> Bool {
        let s = ItemStore.shard(id)
        guard let i = shards[s].index(forKey: id) else { return false }
        changedIDs.insert(id)
        try body(&shards[s].values[i])
        return true
    }

    public var isEmpty: Bool { count == 0 }

    /// Every id, in no particular order.
    public var keys: [String] { shards.flatMap(\.keys) }

    /// Every item, in no particular order.
    public var values: [Item] { shards.flatMap(\.values) }

    /// Calls `body` with every item, in no particular order, without copying them into an
    /// array first (what `values` does).
    public func forEachItem(_ body: (Item) throws -> Void) rethrows {
        // By index: each item is lent to `body` where it is stored (an iterator would hand
        // out a copy of each, with a retain and release of every one of its fields).
        for s in shards.indices {
            let values = shards[s].values
            var i = values.startIndex
            while i != values.endIndex {
                try body(values[i])
                i = values.index(after: i)
            }
        }
    }

    public func makeIterator() -> AnyIterator<(key: String, value: Item)> {
        var outer = shards.makeIterator()
        var inner: Dictionary<String, Item>.Iterator?
        return AnyIterator {
            while true {
                if let next = inner?.next() { return next }
                guard let shard = outer.next() else { return nil }
                inner = shard.makeIterator()
            }
        }
    }
}

/// The activity log: an append-only list kept in chunks of 4,096 entries, so appending after
/// the saver took a copy of the board copies one chunk, not the whole history.
public struct ActivityLog: RandomAccessCollection, Equatable, Sendable {
    static let chunkSize = 4096
    private var chunks: [[Activity]] = []
    public private(set) var count = 0

    public init() {}

    public init(_ entries: [Activity]) {
        for e in entries { append(e) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The entry at `i`, lent where it is stored (reading a field of it copies nothing else).
    public subscript(i: Int) -> Activity {
        _read { yield chunks[i / ActivityLog.chunkSize][i % ActivityLog.chunkSize] }
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
    /// them, so checking that a log only grew costs the chunks that changed.
    public func starts(withLog other: ActivityLog) -> Bool {
        guard count >= other.count else { return false }
        for (c, theirs) in other.chunks.enumerated() {
            let mine = chunks[c]
            let shared = mine.withUnsafeBufferPointer { m in theirs.withUnsafeBufferPointer { $0.baseAddress == m.baseAddress } }
            if shared && mine.count >= theirs.count { continue }
            if !mine.prefix(theirs.count).elementsEqual(theirs) { return false }
        }
        return true
    }
}
