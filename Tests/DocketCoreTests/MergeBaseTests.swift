import DocketCore
import Foundation
import XCTest

/// Issue 15's root causes, one at a time: the merge base an open board's writer uses, and the
/// activity merge.
final class MergeBaseTests: XCTestCase {
    private func board(at url: URL) throws -> Board {
        var b = Board(name: "b", stages: Board.defaultStages())
        try b.addItem(title: "Seed", stage: "inbox", by: "t", at: 10)
        try BoardStore.save(b, to: url)
        return try BoardStore.load(url).board
    }

    /// The writer merged another board's item in; before the session took that merge in, it
    /// submitted again (the file unchanged since). The other side's item must stay.
    func testABoardSubmittedBeforeTheMergeWasTakenInKeepsTheOtherSidesItem() throws {
        let url = try makeTempFolder(self).appendingPathComponent("docket.json")
        let loaded = try board(at: url)
        let writer = MergingWriter(base: loaded, url: url, user: "a")
        let theirs = try BoardStore.update(url) { try $0.addItem(title: "B001", stage: "inbox", by: "b", at: 20).item.id }
        var ours = loaded
        try ours.addItem(title: "A001", stage: "inbox", by: "a", at: 21)
        try writer.write(ours, to: url)
        // Not taken in yet: the next board still lacks B001.
        try ours.addItem(title: "A002", stage: "inbox", by: "a", at: 22)
        try writer.write(ours, to: url)
        let saved = try BoardStore.load(url).board
        XCTAssertEqual(Set(saved.items.values.map(\.title)), ["Seed", "B001", "A001", "A002"])
        XCTAssertNotNil(saved.items[theirs])
        // Taking the merges in gives the session the file's board.
        for m in writer.takeMerges() { ours = m.apply(to: ours) }
        XCTAssertEqual(ours.items, saved.items)
        XCTAssertEqual(Array(ours.activity), Array(saved.activity))
    }

    /// Each change is logged once in the file however many merges it went through.
    func testMergesNeverLogAnEntryTwice() throws {
        let url = try makeTempFolder(self).appendingPathComponent("docket.json")
        let loaded = try board(at: url)
        let writer = MergingWriter(base: loaded, url: url, user: "a")
        var ours = loaded
        for i in 0..<8 {
            try BoardStore.update(url) { try $0.addItem(title: "cli\(i)", stage: "inbox", by: "b", at: 100 + Timestamp(i)) }
            try ours.addItem(title: "tui\(i)", stage: "inbox", by: "a", at: 100 + Timestamp(i))
            try writer.write(ours, to: url)
            if i % 3 == 0 { for m in writer.takeMerges() { ours = m.apply(to: ours) } }
        }
        for m in writer.takeMerges() { ours = m.apply(to: ours) }
        try writer.write(ours, to: url)
        let saved = try BoardStore.load(url).board
        XCTAssertEqual(saved.items.count, 17)
        XCTAssertEqual(saved.activity.count, 17, "one create each: \(saved.activity.map { $0.to ?? "" })")
        XCTAssertEqual(Set(saved.activity.map { $0.to ?? "" }).count, 17)
        XCTAssertEqual(BoardCheck.problems(saved), [])
    }

    func testTheActivityUnionKeepsEachEntryOnceInTimeOrder() {
        let e = { (t: Timestamp, who: String) in Activity(at: t, by: who, item: nil, action: "create", to: "\(who)\(t)") }
        let base = [e(1, "x")]
        let ours = base + [e(3, "a"), e(5, "a")]
        // Theirs took in our first entry (in another order) and added its own.
        let theirs = base + [e(2, "b"), e(3, "a"), e(4, "b")]
        let b = Board(name: "b", stages: Board.defaultStages(), activity: base)
        let o = Board(name: "b", stages: Board.defaultStages(), activity: ours)
        let t = Board(name: "b", stages: Board.defaultStages(), activity: theirs)
        let merged = BoardMerge.merge(base: b, ours: o, theirs: t).board
        XCTAssertEqual(Array(merged.activity), [e(1, "x"), e(2, "b"), e(3, "a"), e(4, "b"), e(5, "a")])
        let again = BoardMerge.merge(base: b, ours: merged, theirs: t).board
        XCTAssertEqual(Array(again.activity), Array(merged.activity), "merging again adds nothing")
    }
}
