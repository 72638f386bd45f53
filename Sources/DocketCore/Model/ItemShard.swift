/// One shard of an `ItemStore`: its items in an array, in no particular order, their ids in a
/// second array at the same positions, and each id's position in a dictionary.
///
/// A dictionary of whole items would keep each item in a hash table at most three quarters
/// full, rounded up to a power of two (at 100,000 items in 256 shards, 1,024 slots for each 390
/// items, every slot an id and a whole item: about 40 MB), and reading one of its values always
/// copies the item, retaining and releasing every string and array in it. Here the table holds
/// positions (24 bytes a slot), the items sit in an array sized to them, and `forEach` and
/// `withItem` lend each item where it is stored. Removing an item moves the last one into its
/// place.
struct ItemShard: Equatable, Sendable {
    private var positions: [String: Int] = [:]
    private var ids: ContiguousArray<String> = []
    private var items: ContiguousArray<Item> = []

    var count: Int { items.count }

    /// The ids, in the order of `forEach`.
    var keys: ContiguousArray<String> { ids }

    /// Every item, in the order of `keys` (a copy of each).
    var values: [Item] { Array(items) }

    /// A copy of the item with this id.
    subscript(id: String) -> Item? { positions[id].map { items[$0] } }

    func contains(_ id: String) -> Bool { positions[id] != nil }

    /// `body` called with the item of this id lent where it is stored; nil when there is none.
    func withItem<R>(_ id: String, _ body: (Item) throws -> R) rethrows -> R? {
        guard let p = positions[id] else { return nil }
        return try items.withUnsafeBufferPointer { try body($0[p]) }
    }

    /// `body` called with every item, lent where it is stored, in the order of `keys`.
    func forEach(_ body: (Item) throws -> Void) rethrows {
        try items.withUnsafeBufferPointer { buffer in
            for i in buffer.indices { try body(buffer[i]) }
        }
    }

    /// `body` called with every (id, item) pair, the item lent where it is stored.
    func forEachPair(_ body: (String, Item) throws -> Void) rethrows {
        try items.withUnsafeBufferPointer { buffer in
            for i in buffer.indices { try body(ids[i], buffer[i]) }
        }
    }

    /// Sets the item of `id` (`item.id` is not looked at); true when there was none.
    @discardableResult
    mutating func set(_ item: consuming Item, for id: String) -> Bool {
        if let p = positions[id] {
            items[p] = item
            return false
        }
        positions[id] = items.count
        ids.append(id)
        items.append(item)
        return true
    }

    /// Removes the item of `id`; true when there was one.
    @discardableResult
    mutating func remove(_ id: String) -> Bool {
        guard let p = positions.removeValue(forKey: id) else { return false }
        let last = items.count - 1
        if p != last {
            items.swapAt(p, last)
            ids.swapAt(p, last)
            positions[ids[p]] = p
        }
        items.removeLast()
        ids.removeLast()
        return true
    }

    /// `body` given the item of `id` in place (no copy in and out); false, with `body` not
    /// called, when there is none. `body` must not change the id.
    mutating func modify(_ id: String, _ body: (inout Item) throws -> Void) rethrows -> Bool {
        guard let p = positions[id] else { return false }
        try body(&items[p])
        return true
    }

    /// Makes room for `count` items in all.
    mutating func reserveCapacity(_ count: Int) {
        positions.reserveCapacity(count)
        ids.reserveCapacity(count)
        items.reserveCapacity(count)
    }

    /// Sets every item of `other` here, replacing those of the same id.
    mutating func merge(_ other: ItemShard) {
        other.forEachPair { id, item in set(item, for: id) }
    }

    /// The same ids with equal items, whatever their order.
    static func == (a: ItemShard, b: ItemShard) -> Bool {
        guard a.count == b.count else { return false }
        for (id, p) in a.positions {
            guard let q = b.positions[id], a.items[p] == b.items[q] else { return false }
        }
        return true
    }
}
