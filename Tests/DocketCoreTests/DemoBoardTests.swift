import Foundation
import XCTest
@testable import DocketCore

final class DemoBoardTests: XCTestCase {
    static let now: Timestamp = 1_795_961_100  // 2026-11-29T14:05:00Z
    let now = DemoBoardTests.now
    let demo = DemoBoard.make(now: DemoBoardTests.now, user: "demo")

    func testStagesAndLimits() {
        XCTAssertEqual(demo.stages.map(\.name), ["Inbox", "Ideas", "Ready", "In progress", "Review", "Done"])
        XCTAssertEqual(demo.stages.map { demo.column($0.id).count }, [6, 7, 8, 5, 3, 11])
        let doing = demo.stages[3]
        XCTAssertEqual(doing.wipLimit, 3)
        XCTAssertGreaterThan(demo.column(doing.id).count, 3, "In progress shows as over its limit")
        XCTAssertEqual(demo.stages[4].wipLimit, 3)
        XCTAssertLessThanOrEqual(demo.column("review").count, 3)
    }

    func testItemsAreRealisticAndVaried() {
        XCTAssertEqual(demo.items.count, 40)
        XCTAssertEqual(Set(demo.items.values.map(\.type)), Set(ItemType.allCases))
        XCTAssertEqual(Set(demo.items.values.compactMap(\.priority)), Set(Priority.allCases))
        XCTAssertGreaterThanOrEqual(demo.items.values.filter { $0.points != nil }.count, 30)
        XCTAssertGreaterThanOrEqual(demo.items.values.filter { !$0.description.isEmpty }.count, 3)
        let blocked = demo.items.values.filter(\.blocked)
        XCTAssertEqual(blocked.count, 1)
        XCTAssertFalse(blocked[0].blockedReason.isEmpty)
        XCTAssertEqual(blocked[0].stage, "doing")
        XCTAssertEqual(demo.people.count, 5)
        let assignees = Set(demo.items.values.flatMap(\.assignees))
        XCTAssertEqual(assignees, Set(demo.people.map(\.handle)), "everyone has work and nobody is unknown")
        let used = Set(demo.items.values.flatMap(\.labels))
        XCTAssertTrue(used.isSubset(of: Set(demo.labels.map(\.name))))
        XCTAssertTrue(demo.items.values.allSatisfy { $0.release == nil || demo.releases.map(\.name).contains($0.release!) })
    }

    func testTitlesInOtherScripts() {
        let titles = demo.items.values.map(\.title)
        XCTAssertTrue(titles.contains { $0.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) } }, "Japanese kana")
        XCTAssertTrue(titles.contains { $0.contains("🚀") })
        XCTAssertTrue(titles.contains { $0.contains("ü") || $0.contains("ö") || $0.contains("ß") }, "German")
        XCTAssertTrue(titles.contains("支持中文发票抬头"), "a Chinese title")
    }

    func testReleasesHaveDatesAndCapacities() {
        XCTAssertEqual(demo.releases.map(\.name), ["1.4", "1.5", "2.0"])
        XCTAssertEqual(demo.releases.map(\.target), ["2026-12-11", "2027-01-08", "2027-02-17"])
        XCTAssertEqual(demo.releases.map(\.capacity), [34, 30, 40])
        let points = { (name: String) in self.demo.items.values.filter { $0.release == name }.reduce(0) { $0 + ($1.points ?? 0) } }
        XCTAssertEqual(points("1.4"), 34, "1.4 is exactly full")
        XCTAssertLessThanOrEqual(points("1.5"), 30)
        XCTAssertLessThanOrEqual(points("2.0"), 40)
    }

    func testWithItsHistoryReleasesStayAsFullAndFundedAsWithout() throws {
        // `docket demo` adds the history: its shipped 1.4 work counts in 1.4's plan.
        let before = ReleasePlan(demo)
        let after = ReleasePlan(DemoHistory.adding(to: demo, now: now, user: "demo"))
        for name in ["1.4", "1.5", "2.0"] {
            let b = try XCTUnwrap(before.line(named: name)), a = try XCTUnwrap(after.line(named: name))
            XCTAssertEqual(a.overCapacityBy, b.overCapacityBy, name)
            XCTAssertEqual(a.cost?.overBudgetBy, b.cost?.overBudgetBy, name)
            XCTAssertEqual(a.remainingPoints, b.remainingPoints, "\(name): the open work is the same")
        }
        XCTAssertGreaterThan(try XCTUnwrap(after.line(named: "1.4")).donePoints, 0, "1.4 has shipped work for its burn-up")
    }

    func testIdsRanksAndTimesAreDeterministic() {
        XCTAssertEqual(DemoBoard.make(now: now, user: "demo"), demo)
        XCTAssertEqual(BoardEncoder.encode(DemoBoard.make(now: now, user: "demo")), BoardEncoder.encode(demo))
        XCTAssertNotEqual(DemoBoard.make(now: now + 86_400, user: "demo"), demo, "times follow now")
        for item in demo.items.values {
            XCTAssertEqual(item.id.count, 8)
            XCTAssertTrue(item.id.allSatisfy { ItemID.alphabet.contains($0) }, item.id)
            XCTAssertLessThanOrEqual(item.created, item.updated)
            XCTAssertLessThanOrEqual(item.updated, now)
            XCTAssertGreaterThan(item.created, now - 100 * 86_400)
        }
        XCTAssertEqual(Set((0..<1_000).map(DemoBoard.id)).count, 1_000)
        for stage in demo.stages {
            let col = demo.column(stage.id)
            XCTAssertEqual(col.map { demo.items[$0]!.rank }, Rank.spread(col.count), stage.name)
        }
    }

    func testActivity() {
        XCTAssertEqual(demo.activity.filter { $0.action == "create" }.count, 40)
        XCTAssertTrue(demo.activity.filter { $0.action == "create" }.allSatisfy { $0.by == "demo" })
        XCTAssertEqual(demo.activity.filter { $0.action == "move" }.count, 5 + 3 + 11)
        XCTAssertEqual(demo.activity.map(\.at), demo.activity.map(\.at).sorted(), "oldest first")
        XCTAssertTrue(demo.activity.allSatisfy { $0.item.flatMap { demo.items[$0] } != nil })
    }

    func testRoundTripsThroughTheFile() throws {
        XCTAssertEqual(try BoardDecoder.decode(Data(BoardEncoder.encode(demo)), path: "demo").board, demo)
    }
}
