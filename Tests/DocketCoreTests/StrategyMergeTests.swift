import DocketCore
import Foundation
import XCTest

/// Goals and feedback notes merge by id through git like items.
final class StrategyMergeTests: XCTestCase {
    private func base() throws -> (Board, String, [String]) {
        var b = Board(name: "b", stages: Board.defaultStages())
        let a = try b.addItem(title: "A", stage: "inbox", by: "t", at: 10).item.id
        let c = try b.addItem(title: "C", stage: "inbox", by: "t", at: 10).item.id
        let g = try b.addGoal(objective: "Goal", keyResults: [MetricValue.keyResult("p95: 900ms -> 300ms")], by: "t", at: 11).goal.id
        try b.addFeedback("old note", from: "Acme", importance: .nice, date: "2026-12-01", items: [a], by: "t", at: 12)
        return (b, g, [a, c])
    }

    func testNotesAddedOnBothSidesAreKept() throws {
        let (b, g, ids) = try base()
        var ours = b, theirs = b
        let mine = try ours.addFeedback("ours", from: "Bob", importance: .critical, date: "2026-12-02", items: [ids[0]], by: "me", at: 20).note
        let other = try theirs.addFeedback("theirs", from: "Cleo", importance: .important, date: "2026-12-03", by: "them", at: 21).note
        try ours.linkGoal(g, items: [ids[0]], by: "me", at: 22)
        try theirs.linkGoal(g, items: [ids[1]], by: "them", at: 23)
        try theirs.setKeyResult(g, "1", [("current", "700")], by: "them", at: 24)
        try ours.setGoal(g, [("state", "at-risk")], by: "me", at: 25)
        let (m, conflicts) = BoardMerge.merge(base: b, ours: ours, theirs: theirs)
        XCTAssertEqual(conflicts, [])
        XCTAssertEqual(m.strategy.notes.map(\.text), ["old note", "ours", "theirs"])
        XCTAssertEqual(m.strategy.notes.map(\.id), [b.strategy.notes[0].id, mine.id, other.id])
        XCTAssertEqual(m.strategy.goals[0].items, [ids[0], ids[1]], "links added on both sides")
        XCTAssertEqual(m.strategy.goals[0].keyResults[0].current, 700)
        XCTAssertEqual(m.strategy.goals[0].state, .atRisk)
        XCTAssertEqual(m.customerImpact(ids[0]), CustomerImpact(figure: 4, notes: 2, customers: 2))
        // Through the file and git's merge driver as well.
        let merged = try BoardMergeDriverRoundTrip.merge(base: b, ours: ours, theirs: theirs)
        XCTAssertEqual(merged.strategy, m.strategy)
    }

    func testSameFieldChangedOnBothSidesKeepsOursAndIsListed() throws {
        let (b, _, ids) = try base()
        let note = b.strategy.notes[0].id
        var ours = b, theirs = b
        try ours.changeStrategy("x", by: "me", at: 20) { $0.notes[0].text = "mine" }
        try theirs.changeStrategy("y", by: "them", at: 21) { $0.notes[0].text = "theirs"; $0.notes[0].importance = .critical }
        try theirs.linkFeedback(note, items: [ids[1]], by: "them", at: 22)
        try ours.linkFeedback(note, items: [ids[0]], link: false, by: "me", at: 22)
        let (m, conflicts) = BoardMerge.merge(base: b, ours: ours, theirs: theirs)
        XCTAssertEqual(conflicts, ["feedback.\(note).text"])
        XCTAssertEqual(m.strategy.notes[0].text, "mine")
        XCTAssertEqual(m.strategy.notes[0].importance, .critical)
        XCTAssertEqual(m.strategy.notes[0].items, [ids[1]], "unlinked here, linked there")
    }

    func testRemovedOnOneSideAndUntouchedOnTheOtherIsRemoved() throws {
        let (b, g, _) = try base()
        var ours = b
        try ours.changeStrategy("rm", by: "me", at: 20) { $0.goals.removeAll { $0.id == g } }
        var theirs = b
        try theirs.setVision("new vision", by: "them", at: 21)
        let m = BoardMerge.merge(base: b, ours: ours, theirs: theirs).board
        XCTAssertTrue(m.strategy.goals.isEmpty)
        XCTAssertEqual(m.strategy.vision, "new vision")
    }
}

/// Runs git's merge driver on the three boards as files, as `git merge` would.
enum BoardMergeDriverRoundTrip {
    static func merge(base: Board, ours: Board, theirs: Board) throws -> Board {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docket-strategy-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let urls = ["base", "ours", "theirs"].map { dir.appendingPathComponent("\($0).json") }
        for (url, board) in zip(urls, [base, ours, theirs]) { try Data(BoardEncoder.encode(board)).write(to: url) }
        _ = try BoardMergeDriver.merge(base: urls[0], ours: urls[1], theirs: urls[2], by: "git", at: 100)
        return try BoardStore.load(urls[1]).board
    }
}
