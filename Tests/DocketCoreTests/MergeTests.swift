import DocketCore
import Foundation
import XCTest

/// Three-way merge by item id and field, the merging writer, and unknown fields kept.
final class MergeTests: XCTestCase {
    private func base() throws -> (Board, String, String) {
        var b = Board(name: "b", stages: Board.defaultStages())
        let x = try b.addItem(title: "X", stage: "inbox", by: "t", at: 10).item.id
        let y = try b.addItem(title: "Y", stage: "inbox", by: "t", at: 10).item.id
        return (b, x, y)
    }

    func testEachSidesChangesAreKept() throws {
        let (b, x, y) = try base()
        var ours = b, theirs = b
        try ours.move(x, toStage: "ready", by: "me", at: 20)
        try theirs.modify(x, by: "them", at: 21) { $0.points = 5 }
        try theirs.modify(y, by: "them", at: 21) { $0.title = "Y2" }
        let added = try theirs.addItem(title: "Z from the CLI", stage: "inbox", by: "them", at: 22).item.id
        let (m, conflicts) = BoardMerge.merge(base: b, ours: ours, theirs: theirs)
        XCTAssertEqual(conflicts, [])
        XCTAssertEqual(m.items[x]?.stage, "ready")
        XCTAssertEqual(m.items[x]?.points, 5)
        XCTAssertEqual(m.items[y]?.title, "Y2")
        XCTAssertEqual(m.items[added]?.title, "Z from the CLI")
        XCTAssertEqual(m.activity.count, b.activity.count + (ours.activity.count - b.activity.count) + (theirs.activity.count - b.activity.count))
    }

    func testConflictTakesTheLaterChangeAndIsListed() throws {
        let (b, x, _) = try base()
        var ours = b, theirs = b
        try ours.modify(x, by: "me", at: 30) { $0.title = "mine" }
        try theirs.modify(x, by: "them", at: 40) { $0.title = "theirs" }
        let (m, conflicts) = BoardMerge.merge(base: b, ours: ours, theirs: theirs)
        XCTAssertEqual(m.items[x]?.title, "theirs")
        XCTAssertEqual(conflicts, ["\(x).title"])
    }

    func testDeletedThereAndEditedHereIsKept() throws {
        let (b, x, y) = try base()
        var ours = b
        try ours.modify(x, by: "me", at: 30) { $0.title = "kept" }
        let theirs = Board(name: b.name, stages: b.stages, items: [b.items[y]!])
        let m = BoardMerge.merge(base: b, ours: ours, theirs: theirs).board
        XCTAssertEqual(m.items[x]?.title, "kept")
        let untouched = BoardMerge.merge(base: b, ours: b, theirs: theirs).board
        XCTAssertNil(untouched.items[x], "deleted there and untouched here: deleted")
    }

    func testMergingWriterKeepsAnotherWritersItem() throws {
        let dir = try makeTempFolder(self)
        let url = dir.appendingPathComponent("docket.json")
        let (b, x, _) = try base()
        try BoardStore.save(b, to: url)
        let writer = MergingWriter(base: b, url: url)
        // Someone else adds an item (as `docket add` would).
        var other = try BoardStore.load(url).board
        let z = try other.addItem(title: "from the CLI", stage: "inbox", by: "cli", at: 50).item.id
        try BoardStore.save(other, to: url)
        XCTAssertTrue(writer.fileChanged(url))
        var ours = b
        try ours.move(x, toStage: "done", by: "me", at: 60)
        try writer.write(ours, to: url)
        let onDisk = try BoardStore.load(url).board
        XCTAssertEqual(onDisk.items[z]?.title, "from the CLI")
        XCTAssertEqual(onDisk.items[x]?.stage, "done")
        let merges = writer.takeMerges()
        XCTAssertEqual(merges.count, 1)
        XCTAssertEqual(merges.first?.written.items[z]?.title, "from the CLI")
        XCTAssertFalse(writer.fileChanged(url))
    }

    /// Two open sessions each move a card in the same second and take in each other's merge,
    /// as their loops do when the file changes: they must agree on the file and stop writing
    /// (with "ours first" for entries of one second they rewrote it in turn for ever).
    func testTwoSessionsWithEntriesOfOneSecondAgreeAndStopWriting() throws {
        let dir = try makeTempFolder(self)
        let url = dir.appendingPathComponent("docket.json")
        let (b, x, y) = try base()
        try BoardStore.save(b, to: url)
        let writers = [MergingWriter(base: b, url: url, user: "a", clock: { 70 }),
                       MergingWriter(base: b, url: url, user: "b", clock: { 70 })]
        var boards = [b, b]
        try boards[0].move(x, toStage: "ready", by: "a", at: 70)
        try boards[1].move(y, toStage: "doing", by: "b", at: 70)
        var writes = [0, 0]
        for round in 0..<6 {
            for k in 0..<2 where round == 0 || writers[k].fileChanged(url) {
                try writers[k].write(boards[k], to: url)
                writes[k] += 1
                for m in writers[k].takeMerges() { boards[k] = m.apply(to: boards[k]) }
            }
        }
        XCTAssertFalse(writers[0].fileChanged(url), "session a has nothing more to merge (writes: \(writes))")
        XCTAssertFalse(writers[1].fileChanged(url), "session b has nothing more to merge (writes: \(writes))")
        XCTAssertLessThanOrEqual(writes[0] + writes[1], 3, "each wrote once, and one merge taken in")
        let onDisk = try BoardStore.load(url).board
        XCTAssertEqual(onDisk.items[x]?.stage, "ready")
        XCTAssertEqual(onDisk.items[y]?.stage, "doing")
        XCTAssertEqual(Array(onDisk.activity), Array(boards[0].activity), "a's board is the file")
        XCTAssertEqual(Array(onDisk.activity), Array(boards[1].activity), "b's board is the file")
        XCTAssertEqual(onDisk.activity.count, b.activity.count + 2, "each move logged once")
    }

    func testMergingWriterNeverOverwritesAFileThatNoLongerParses() throws {
        let dir = try makeTempFolder(self)
        let url = dir.appendingPathComponent("docket.json")
        let (b, x, _) = try base()
        try BoardStore.save(b, to: url)
        let writer = MergingWriter(base: b, url: url)
        let broken = "<<<<<<< HEAD\n" + String(decoding: BoardEncoder.encode(b), as: UTF8.self)
        try Data(broken.utf8).write(to: url)
        var ours = b
        try ours.move(x, toStage: "done", by: "me", at: 60)
        XCTAssertThrowsError(try writer.write(ours, to: url)) { XCTAssertTrue("\($0)".contains("no longer parses"), "\($0)") }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), broken, "left as it was")
        XCTAssertFalse(writer.fileChanged(url), "not read again until it changes")
    }

    func testUnknownFieldsSurviveASave() throws {
        let (b, x, _) = try base()
        var text = String(decoding: BoardEncoder.encode(b), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"id\": \"\(x)\",", with: "\"id\": \"\(x)\", \"futureField\": {\"a\": [1, 2]},")
        text = text.replacingOccurrences(of: "\"name\": \"b\",", with: "\"name\": \"b\",\n\"topLevelExtra\": true,")
        var loaded = try BoardDecoder.decode(Data(text.utf8), path: "d.json").board
        XCTAssertEqual(loaded.items[x]?.extra["futureField"], "{\"a\": [1, 2]}")
        XCTAssertEqual(loaded.extra["topLevelExtra"], "true")
        try loaded.move(x, toStage: "done", by: "t", at: 99)
        let again = String(decoding: BoardEncoder.encode(loaded), as: UTF8.self)
        XCTAssertTrue(again.contains("\"futureField\": {\"a\": [1, 2]}"), again)
        XCTAssertTrue(again.contains("\"topLevelExtra\": true"), again)
        XCTAssertEqual(try BoardDecoder.decode(Data(again.utf8), path: "d.json").board, loaded)
    }
}
