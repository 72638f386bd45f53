import DocketCore
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Issue 15, cases 3 and 4 at the storage level: a board file that is gone is never
/// re-created without being told where; a damaged board's backup is described and restored.
final class GoneFileAndBackupTests: XCTestCase {
    private func savedBoard(_ folder: URL, items: [String]) throws -> (URL, Board) {
        let url = folder.appendingPathComponent("docket.json")
        var b = Board(name: "b", stages: Board.defaultStages())
        for t in items { try b.addItem(title: t, stage: "inbox", by: "t", at: 10) }
        try BoardStore.save(b, to: url)
        return (url, try BoardStore.load(url).board)
    }

    func testAGoneFileIsNotRecreatedUntilAllowed() throws {
        let folder = try makeTempFolder(self)
        let (url, loaded) = try savedBoard(folder, items: ["One"])
        let writer = MergingWriter(base: loaded, url: url)
        let saver = BoardSaver(url: url) { b, u in try writer.write(b, to: u) }
        XCTAssertEqual(unlink(url.path), 0)
        XCTAssertTrue(writer.fileChanged(url), "a file that is gone counts as changed")
        var ours = loaded
        try ours.addItem(title: "Two", stage: "inbox", by: "t", at: 20)
        saver.submit(ours)
        let status = saver.flush()
        XCTAssertEqual(status.gone, BoardFileGone(url: url, kind: .missing))
        XCTAssertTrue(status.error?.contains("moved or deleted") == true, "\(status)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path), "re-created without asking")

        try writer.allowCreating(at: url, current: url)
        saver.submit(ours)
        XCTAssertTrue(saver.flush().isClean)
        XCTAssertEqual(Set(try BoardStore.load(url).board.items.values.map(\.title)), ["One", "Two"])
        XCTAssertNil(saver.status().gone)
    }

    func testAFolderInThePlaceOfTheFileIsNotWritten() throws {
        let folder = try makeTempFolder(self)
        let (url, loaded) = try savedBoard(folder, items: ["One"])
        let writer = MergingWriter(base: loaded, url: url)
        XCTAssertEqual(unlink(url.path), 0)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        XCTAssertThrowsError(try writer.write(loaded, to: url)) {
            XCTAssertEqual($0 as? BoardFileGone, BoardFileGone(url: url, kind: .other("a folder")))
        }
        let elsewhere = folder.appendingPathComponent("other.json")
        try writer.allowCreating(at: elsewhere, current: url)
        try writer.write(loaded, to: elsewhere)
        XCTAssertEqual(try BoardStore.load(elsewhere).board.items.count, 1)
        XCTAssertThrowsError(try writer.allowCreating(at: elsewhere, current: url), "an existing other file is never overwritten")
    }

    func testTheBackupIsDescribedAndRestoredKeepingTheDamagedFile() throws {
        let folder = try makeTempFolder(self)
        let (url, _) = try savedBoard(folder, items: ["One", "Two"])
        try BoardStore.update(url) { try $0.addItem(title: "Three", stage: "inbox", by: "t", at: 30) }
        XCTAssertThrowsError(try BoardBackup.restore(url, at: 1_800_000_000), "a board that parses is never replaced")
        try Data(repeating: 0, count: 64).write(to: url)
        let info = try XCTUnwrap(BoardBackup.info(of: url))
        XCTAssertEqual(info.items, 2)
        let offer = try XCTUnwrap(BoardBackup.offer(for: url, shownPath: url.path))
        XCTAssertTrue(offer.contains("docket.json.bak") && offer.contains("2 items") && offer.contains("--restore-backup"), offer)
        let (restored, kept) = try BoardBackup.restore(url, at: 1_800_000_000)
        XCTAssertEqual(restored.items, 2)
        XCTAssertEqual(kept.lastPathComponent, "docket.json.damaged-20270115T080000Z")
        XCTAssertEqual(try Data(contentsOf: kept), Data(repeating: 0, count: 64))
        XCTAssertEqual(try BoardStore.load(url).board.items.count, 2)
        XCTAssertNotNil(BoardBackup.info(of: url), "the .bak stays")
    }
}
