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

    /// A program that does not take the lock (an editor, `git pull`) writes the file while an
    /// open board's save is merging with it: the merge's result must not replace that version
    /// (it did, losing the outside edit: a newcomer's check lost 2–8 of 15 such edits). The
    /// writer merges again with the newer file. The outside write happens in the merge's clock
    /// call, between the read and the write; in place and by a rename, as editors and git do.
    func testAFileWrittenWithoutTheLockDuringAMergeIsMergedAgainNotOverwritten() throws {
        for inPlace in [true, false] {
            let url = try makeTempFolder(self).appendingPathComponent("docket.json")
            let loaded = try board(at: url)
            let outside = OutsideWriter(url: url, inPlace: inPlace)
            let writer = MergingWriter(base: loaded, url: url, user: "a", clock: { outside.writeOnce(); return 30 })
            // Something changed the file first, so the save merges.
            try BoardStore.update(url) { try $0.addItem(title: "B001", stage: "inbox", by: "b", at: 20) }
            var ours = loaded
            try ours.addItem(title: "A001", stage: "inbox", by: "a", at: 21)
            try writer.write(ours, to: url)
            let saved = try BoardStore.load(url).board
            XCTAssertEqual(Set(saved.items.values.map(\.title)), ["Seed", "B001", "A001", "Outside"], "in place: \(inPlace)")
        }
    }

    /// Adds an item named "Outside" to the board file the first time it is asked, without the
    /// lock: rewriting the file in place, or writing a new file and renaming it over.
    private final class OutsideWriter: @unchecked Sendable {
        let url: URL, inPlace: Bool
        private var done = false
        init(url: URL, inPlace: Bool) { self.url = url; self.inPlace = inPlace }
        func writeOnce() {
            guard !done, var board = try? BoardStore.load(url).board else { return }
            done = true
            _ = try? board.addItem(title: "Outside", stage: "inbox", by: "o", at: 25)
            let bytes = Data(BoardEncoder.encode(board))
            if inPlace, let h = try? FileHandle(forWritingTo: url) {
                try? h.truncate(atOffset: 0)
                try? h.write(contentsOf: bytes)
                try? h.close()
            } else {
                try? bytes.write(to: url, options: .atomic)
            }
        }
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
