import DocketCore
import Foundation
import XCTest

/// The summary of a board's changes that `docket sync` commits with.
final class BoardChangesTests: XCTestCase {
    private func board() throws -> (Board, [String]) {
        var b = Board(name: "b", stages: Board.defaultStages())
        let ids = try ["Export invoices", "Login fails", "Dark mode"].map {
            try b.addItem(title: $0, stage: "inbox", by: "t", at: 10).item.id
        }
        return (b, ids)
    }

    func testAddedMovedChangedRemovedAreCountedAndListed() throws {
        let (old, ids) = try board()
        var new = old
        let added = try new.addItem(title: "Audit log", stage: "ready", by: "t", at: 20).item.id
        try new.move(ids[0], toStage: "doing", by: "t", at: 20)
        try new.modify(ids[1], by: "t", at: 20) { $0.points = 3; $0.priority = .must }
        let changes = BoardChanges(from: old, to: removing(ids[2], from: new))
        XCTAssertEqual(changes.added.map(\.id), [added])
        XCTAssertEqual(changes.moved.map(\.detail), ["Inbox → In progress"])
        XCTAssertEqual(changes.changed.map(\.detail), ["priority, points"])
        XCTAssertEqual(changes.removed.map(\.title), ["Dark mode"])
        XCTAssertEqual(changes.summaryLine, "Board: 1 added, 1 moved, 1 changed, 1 removed")
        let lines = changes.commitMessage().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines, ["Board: 1 added, 1 moved, 1 changed, 1 removed", "",
                               "+ \(added) Audit log (Ready)",
                               "> \(ids[0]) Export invoices: Inbox → In progress",
                               "~ \(ids[1]) Login fails: priority, points",
                               "- \(ids[2]) Dark mode"])
    }

    /// The board without one item, as a file written elsewhere would have it.
    private func removing(_ id: String, from board: Board) -> Board {
        Board(name: board.name, stages: board.stages, releases: board.releases, people: board.people, labels: board.labels,
              items: board.items.values.filter { $0.id != id }, activity: Array(board.activity))
    }

    func testAMoveAndAnEditOfOneItemAreBothListed() throws {
        let (old, ids) = try board()
        var new = old
        try new.move(ids[0], toStage: "done", by: "t", at: 20)
        try new.modify(ids[0], by: "t", at: 21) { $0.title = "Export invoices as PDF" }
        let changes = BoardChanges(from: old, to: new)
        XCTAssertEqual(changes.summaryLine, "Board: 1 moved, 1 changed")
        XCTAssertEqual(changes.changed.first?.detail, "title")
        XCTAssertEqual(changes.changed.first?.title, "Export invoices as PDF")
    }

    func testANewBoardCountsEveryItemAsAddedAndNoChangeSaysSo() throws {
        let (b, _) = try board()
        XCTAssertEqual(BoardChanges(from: nil, to: b).summaryLine, "Board: 3 added")
        let same = BoardChanges(from: b, to: b)
        XCTAssertTrue(same.isEmpty)
        XCTAssertEqual(same.commitMessage(), "Board: no item changes")
        XCTAssertEqual(same.commitMessage(title: "Planning session"), "Planning session")
    }

    func testBoardLevelChangesAreNamed() throws {
        let (old, _) = try board()
        var new = old
        new.stages.append(Stage(id: "qa", name: "QA", kind: .doing))
        new.name = "Billing"
        let changes = BoardChanges(from: old, to: new)
        XCTAssertEqual(changes.board, ["name", "stages"])
        XCTAssertEqual(changes.commitMessage(), "Board: board name, stages changed\n\n* board: name, stages")
    }

    func testDetailsAreCappedAndTitlesPutOnOneLineAndCut() throws {
        var old = Board(name: "b", stages: Board.defaultStages())
        _ = try old.addItem(title: "seed", stage: "inbox", by: "t", at: 1)
        var new = old
        for i in 0..<15 { _ = try new.addItem(title: "Item \(i)\nsecond line " + String(repeating: "x", count: 80), stage: "inbox", by: "t", at: 2) }
        let message = BoardChanges(from: old, to: new).commitMessage(title: "Sprint 12 planning", maxDetails: 4) {
            $0.replacingOccurrences(of: "\n", with: " ")
        }
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 2 + 4 + 1)
        XCTAssertEqual(lines[0], "Sprint 12 planning")
        XCTAssertEqual(lines.last, "… and 11 more")
        XCTAssertTrue(lines[2].contains("Item 0 second line x"), String(lines[2]))
        XCTAssertTrue(lines[2].hasSuffix("… (Inbox)"), String(lines[2]))
    }
}
