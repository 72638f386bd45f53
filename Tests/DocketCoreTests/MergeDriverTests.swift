import DocketCore
import Foundation
import XCTest

/// `BoardMergeDriver`: git's three files in, the merge written over ours, conflicts logged.
final class MergeDriverTests: XCTestCase {
    private func write(_ board: Board, _ name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try BoardStore.save(board, to: url)
        return url
    }

    func testMergesBothSidesIntoOursAndLogsTheConflict() throws {
        let dir = try makeTempFolder(self)
        var base = Board(name: "b", stages: Board.defaultStages())
        let x = try base.addItem(title: "X", stage: "inbox", by: "t", at: 10).item.id
        var ours = base, theirs = base
        try ours.modify(x, by: "me", at: 20) { $0.title = "X mine" }
        let mine = try ours.addItem(title: "Mine", stage: "ready", by: "me", at: 20).item.id
        try theirs.modify(x, by: "them", at: 30) { $0.title = "X theirs"; $0.points = 2 }
        let other = try theirs.addItem(title: "Theirs", stage: "inbox", by: "them", at: 30).item.id
        let o = try write(ours, "ours", in: dir)
        let outcome = try BoardMergeDriver.merge(base: write(base, "base", in: dir), ours: o, theirs: write(theirs, "theirs", in: dir),
                                                 pathname: "docket.json", by: "git", at: 40)
        let written = try BoardStore.load(o).board
        XCTAssertEqual(written, outcome.board)
        XCTAssertEqual(written.items[x]?.title, "X theirs", "the later change wins")
        XCTAssertEqual(written.items[x]?.points, 2)
        XCTAssertNotNil(written.items[mine])
        XCTAssertNotNil(written.items[other])
        XCTAssertEqual(outcome.conflicts, [Activity(at: 40, by: "git", item: x, action: "conflict", field: "title", from: "X mine", to: "X theirs")])
        XCTAssertEqual(written.activity.last, outcome.conflicts.last)
    }

    func testAnEmptyBaseMergesTwoBoardsThatShareNoAncestor() throws {
        let dir = try makeTempFolder(self)
        var ours = Board(name: "b", stages: Board.defaultStages()), theirs = ours
        let a = try ours.addItem(title: "A", stage: "inbox", by: "me", at: 1).item.id
        let b = try theirs.addItem(title: "B", stage: "inbox", by: "them", at: 1).item.id
        let base = dir.appendingPathComponent("base")
        FileManager.default.createFile(atPath: base.path, contents: Data())
        let o = try write(ours, "ours", in: dir)
        _ = try BoardMergeDriver.merge(base: base, ours: o, theirs: write(theirs, "theirs", in: dir), by: "git", at: 2)
        XCTAssertEqual(Set(try BoardStore.load(o).board.items.keys), [a, b])
    }

    func testASideThatDoesNotParseLeavesOursUntouched() throws {
        let dir = try makeTempFolder(self)
        let board = Board(name: "b", stages: Board.defaultStages())
        let o = try write(board, "ours", in: dir)
        let before = try Data(contentsOf: o)
        let theirs = dir.appendingPathComponent("theirs")
        try Data("{\"format\": \"docket\", \"version\": 1,\n<<<<<<< HEAD\n".utf8).write(to: theirs)
        XCTAssertThrowsError(try BoardMergeDriver.merge(base: write(board, "base", in: dir), ours: o, theirs: theirs,
                                                        pathname: "docket.json", by: "git", at: 2)) { error in
            let e = error as? BoardFileError
            XCTAssertEqual(e?.line, 2, "\(error)")
            XCTAssertTrue(e?.path.contains("docket.json (their version)") ?? false, "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: o), before)
    }

    func testABoardFromANewerDocketIsNotMerged() throws {
        let dir = try makeTempFolder(self)
        let board = Board(name: "b", stages: Board.defaultStages())
        let o = try write(board, "ours", in: dir)
        let text = String(decoding: try Data(contentsOf: o), as: UTF8.self)
        let newer = dir.appendingPathComponent("theirs")
        try Data(text.replacingOccurrences(of: "\"version\": \(Board.formatVersion)", with: "\"version\": 99").utf8).write(to: newer)
        XCTAssertThrowsError(try BoardMergeDriver.merge(base: o, ours: o, theirs: newer, by: "git", at: 2)) { error in
            XCTAssertTrue("\(error)".contains("newer Docket"), "\(error)")
        }
    }
}
