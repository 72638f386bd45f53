import XCTest
@testable import DocketCore

/// `ItemShard` (items in an array, positions by id; a removal moves the last item into the
/// hole) against a plain dictionary doing the same seeded operations.
final class ItemShardTests: XCTestCase {
    private func item(_ id: String, _ title: String) -> Item {
        var item = Item(id: id, title: title, stage: "inbox", rank: "m", created: 1, updated: 1)
        item.labels = [title]
        return item
    }

    /// Every id and item of `shard`, read through each way it offers, is `model`.
    private func assertSame(_ shard: ItemShard, _ model: [String: Item], _ step: Int) {
        XCTAssertEqual(shard.count, model.count, "count, step \(step)")
        XCTAssertEqual(Set(shard.keys), Set(model.keys), "ids, step \(step)")
        var seen: [String: Item] = [:]
        shard.forEachPair { id, item in seen[id] = item }
        XCTAssertEqual(seen, model, "lent pairs, step \(step)")
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: zip(shard.keys, shard.values)), model, "keys and values line up, step \(step)")
        for (id, item) in model {
            XCTAssertEqual(shard[id], item, "\(id), step \(step)")
            XCTAssertEqual(shard.withItem(id) { $0.title }, item.title)
        }
    }

    func testSeededSetsRemovesAndChangesMatchADictionary() {
        var rng = SeededGenerator(seed: 16)
        var shard = ItemShard(), model: [String: Item] = [:]
        let ids = (0..<40).map { "id\($0)" }
        for step in 0..<3_000 {
            let id = ids[rng.below(ids.count)]
            switch rng.below(4) {
            case 0, 1:
                let new = item(id, "t\(step)")
                XCTAssertEqual(shard.set(new, for: id), model.updateValue(new, forKey: id) == nil)
            case 2:
                XCTAssertEqual(shard.remove(id), model.removeValue(forKey: id) != nil)
            default:
                let changed = shard.modify(id) { $0.title = "m\(step)" }
                XCTAssertEqual(changed, model[id] != nil)
                model[id]?.title = "m\(step)"
            }
            if step % 97 == 0 { assertSame(shard, model, step) }
        }
        assertSame(shard, model, -1)
    }

    func testEqualityIgnoresOrderAndACopyIsChangedApart() {
        var a = ItemShard(), b = ItemShard()
        for k in 0..<10 { a.set(item("i\(k)", "t\(k)"), for: "i\(k)") }
        for k in (0..<10).reversed() { b.set(item("i\(k)", "t\(k)"), for: "i\(k)") }
        XCTAssertEqual(a, b, "the same items in another order")
        let before = a
        a.modify("i3") { $0.title = "changed" }
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(before["i3"]?.title, "t3", "the copy kept its item")
        b.remove("i9")
        var merged = before
        merged.merge(b)
        XCTAssertEqual(merged, before, "merging the same items changes nothing")
        merged.merge(a)
        XCTAssertEqual(merged["i3"]?.title, "changed", "a merged item replaces the one of its id")
        XCTAssertEqual(merged.count, 10)
    }
}
