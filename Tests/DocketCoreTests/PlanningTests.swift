import Foundation
import XCTest
@testable import DocketCore

/// Releases, money, the cost model, the release plan, the budget report and the roadmap.
final class PlanningTests: XCTestCase {
    let now: Timestamp = 1_790_000_000
    let t: Timestamp = 1_790_000_000

    /// Stages of the default board; items given as (stage, release, points, parent).
    func board(_ specs: [(String, String?, Double?)], releases: [Release] = [Release(name: "1.0", capacity: 10), Release(name: "2.0")]) -> Board {
        let items = specs.enumerated().map { n, s in
            Item(id: "i\(n)", title: "item \(n)", stage: s.0, rank: Rank.spread(specs.count)[n], points: s.2, release: s.1, created: 0)
        }
        return Board(name: "b", stages: Board.defaultStages(), releases: releases, items: items)
    }

    // MARK: - Release plan

    func testPlanCountsOpenAndDoneItemsNamesUnestimatedAndLeavesOutDroppedItems() throws {
        var b = board([("ready", "1.0", 3), ("doing", "1.0", 5), ("done", "1.0", 2), ("ideas", "1.0", nil), ("inbox", "2.0", 1), ("ready", nil, 4)])
        // An archived done item still counts as done; an archived open item (dropped) does not.
        var archivedDone = Item(id: "ad", title: "shipped", stage: "done", rank: "z", points: 1, release: "1.0", created: 0); archivedDone.archived = true
        var dropped = Item(id: "dr", title: "dropped", stage: "ideas", rank: "z", points: 8, release: "1.0", created: 0); dropped.archived = true
        b.upsert([archivedDone, dropped], action: "add", summary: "", by: "t", at: t)
        let plan = ReleasePlan(b)
        let line = try XCTUnwrap(plan.line(named: "1.0"))
        XCTAssertEqual(Set(line.items), ["i0", "i1", "i2", "i3", "ad"])
        XCTAssertEqual(line.plannedPoints, 3 + 5 + 2 + 1)
        XCTAssertEqual(line.donePoints, 3)
        XCTAssertEqual(line.remainingPoints, 8)
        XCTAssertEqual(line.overCapacityBy, 1)
        XCTAssertEqual(line.unestimated, ["i3"])
        XCTAssertNil(plan.line(named: "2.0")?.overCapacityBy, "no capacity: never over")
        XCTAssertEqual(plan.unreleased.items, ["i5"])
        XCTAssertEqual(plan.plannedPointsByName["1.0"], 11)
        XCTAssertNil(line.cost, "no cost model, no money")
    }

    func testBacklogReportAndReleaseListShowTheSameNumbersOnTheDemo() throws {
        let demo = DemoBoard.make(now: now, user: "t")
        let plan = ReleasePlan(demo)
        let json = try JSONSerialization.jsonObject(with: Data(ReleaseListOutput.json(demo, plan: plan).utf8)) as! [[String: Any]]
        let report = ReportExport.render(demo, items: demo.itemsInBoardOrder(), now: now, since: .week)
        for line in plan.lines where line.known {
            // Independently: every non-archived item of the release, open or done.
            let expected = demo.items.values.filter { $0.release == line.release.name && !$0.archived }.reduce(0) { $0 + ($1.points ?? 0) }
            XCTAssertEqual(line.plannedPoints, expected, line.release.name)
            let row = try XCTUnwrap(json.first { $0["name"] as? String == line.release.name })
            XCTAssertEqual(row["plannedPoints"] as? Double, expected)
            XCTAssertTrue(report.contains("| \(line.release.name) | \(line.release.state.rawValue) | \(line.release.target!) | \(line.items.count) | \(line.donePoints.pointsText) | \(expected.pointsText) |"), report)
        }
        // The backlog list's headings: it counted only the listed (not done) items before, so
        // a release with done work showed fewer planned points there than in the report.
        let withDone = try XCTUnwrap(plan.lines.first { !$0.doneItems.isEmpty })
        XCTAssertEqual(plan.plannedPointsByName[withDone.release.name], withDone.plannedPoints)
    }

    // MARK: - Money

    func testMoneyInputFormsAndErrors() throws {
        XCTAssertEqual(try MoneyInput.parse("60000", exponent: 2).minor, 6_000_000)
        XCTAssertEqual(try MoneyInput.parse("60,000", exponent: 2).minor, 6_000_000)
        XCTAssertEqual(try MoneyInput.parse("60k", exponent: 2).minor, 6_000_000)
        XCTAssertEqual(try MoneyInput.parse("60000.50", exponent: 2).minor, 6_000_050)
        XCTAssertEqual(try MoneyInput.parse("1.5m", exponent: 0).minor, 1_500_000)
        XCTAssertEqual(try MoneyInput.parse("1,234,567.891", exponent: 3).minor, 1_234_567_891)
        for bad in ["", "-5", "60.000,50", "6,00", "60000.505", "€60000", "60 000", "1.2.3", "k", "abc", "99999999999999999999"] {
            XCTAssertThrowsError(try MoneyInput.parse(bad, exponent: 2, field: "budget"), bad) { error in
                XCTAssertEqual((error as? DocketError)?.description.hasPrefix("invalid budget '\(bad)': expected an amount"), true, "\(error)")
            }
        }
        XCTAssertThrowsError(try MoneyInput.parse("100.5", exponent: 0), "JPY has no decimals")
    }

    func testCostModelRoundsOnceInMinorUnits() {
        // 42,500.00 a week for 20 points: 2,125.00 a point.
        let week = CostModel.perWeek(Money(minor: 4_250_000), pointsPerWeek: 20)
        XCTAssertEqual(week.costPerPoint.minor, 212_500)
        // 1,000.00 for 3 points: 333.333… rounds to 333.33 (half away from zero).
        XCTAssertEqual(CostModel.perWeek(Money(minor: 100_000), pointsPerWeek: 3).costPerPoint.minor, 33_333)
        // 0.05 for 2 points → 0.025 → 0.03.
        XCTAssertEqual(CostModel.perWeek(Money(minor: 5), pointsPerWeek: 2).costPerPoint.minor, 3)
        // Half a point of 0.05 is 0.025 → 0.03; 13 points of 850.00 = 11,050.00.
        XCTAssertEqual(CostModel.perPoint(Money(minor: 5)).cost(ofPoints: 0.5).minor, 3)
        XCTAssertEqual(CostModel.perPoint(Money(minor: 85_000)).cost(ofPoints: 13).minor, 1_105_000)
        XCTAssertEqual(Money(minor: 85_050).rescaled(from: 2, to: 0).minor, 851, "EUR 850.50 → JPY 851")
        XCTAssertEqual(Money(minor: 850).rescaled(from: 0, to: 2).minor, 85_000)
    }

    func testMoneyFormatUsesTheCurrencyDigitsAndTheLocale() {
        let de = MoneyFormat(currency: "EUR", locale: Locale(identifier: "de_DE")).string(Money(minor: 6_000_050))
        XCTAssertTrue(de.contains("60.000,50") && de.contains("€"), de)
        let jp = MoneyFormat(currency: "JPY", locale: Locale(identifier: "en_US")).string(Money(minor: 60_000))
        XCTAssertTrue(jp.contains("60,000") && !jp.contains("."), jp)
        XCTAssertEqual(MoneyFormat.locale(from: ["LANG": "de_DE.UTF-8"]).identifier, "de_DE")
        XCTAssertEqual(MoneyFormat.locale(from: ["LC_ALL": "C", "LANG": "de_DE.UTF-8"]).identifier, "en_US_POSIX")
    }

    func testMoneyFormatFollowsAChangedCurrencyOrLocaleAndIsSafeAcrossThreads() {
        var format = MoneyFormat(currency: "EUR", locale: Locale(identifier: "de_DE"))
        let de = format.string(Money(minor: 6_000_050))
        XCTAssertTrue(de.contains("60.000,50") && de.contains("€"), de)
        let copy = format
        format.locale = Locale(identifier: "en_US")
        let us = format.string(Money(minor: 6_000_050))
        XCTAssertTrue(us.contains("60,000.50") && us.contains("€"), "a changed locale is not served by the old formatter: \(us)")
        format.currency = "JPY"
        let jp = format.string(Money(minor: 60_000))
        XCTAssertTrue(jp.contains("60,000") && !jp.contains(".") && !jp.contains("€"), "a changed currency is used: \(jp)")
        format.currency = nil
        XCTAssertEqual(format.string(Money(minor: -123_456)), MoneyFormat(currency: nil, locale: Locale(identifier: "en_US")).string(Money(minor: -123_456)))
        XCTAssertEqual(copy.string(Money(minor: 6_000_050)), de, "a copy keeps its own currency and locale")
        // One value used from many threads at once gives the same strings as fresh values.
        let amounts = (0..<64).map { Money(minor: Int64($0) * 1_234_567 - 40_000_000) }
        let expected = amounts.map { MoneyFormat(currency: "EUR", locale: Locale(identifier: "de_DE")).string($0) }
        let got = UnsafeMutableBufferPointer<String>.allocate(capacity: amounts.count)
        got.initialize(repeating: "")
        defer { got.deallocate() }
        nonisolated(unsafe) let out = got
        DispatchQueue.concurrentPerform(iterations: amounts.count) { i in out[i] = copy.string(amounts[i]) }
        XCTAssertEqual(Array(got), expected)
    }

    func testCurrencyValidation() throws {
        XCTAssertEqual(try Currency.validated("eur"), "EUR")
        for bad in ["XYZ", "EURO", "", "€"] {
            XCTAssertThrowsError(try Currency.validated(bad)) { XCTAssertTrue("\($0)".contains("'\(bad)'"), "\($0)") }
        }
        XCTAssertEqual(Currency.exponent("JPY"), 0)
        XCTAssertEqual(Currency.exponent("KWD"), 3)
        XCTAssertEqual(Currency.exponent(nil), 2)
    }

    func testReleaseMoneyWithBudgetAndOverBudget() throws {
        var b = board([("done", "1.0", 2), ("ready", "1.0", 3)])
        try b.setBudget(currency: .some("EUR"), costModel: .some(.perPoint(Money(minor: 85_000))), by: "t", at: t)
        try b.setRelease("1.0", [("budget", "4,000")], by: "t", at: t)
        let cost = try XCTUnwrap(ReleasePlan(b).line(named: "1.0")?.cost)
        XCTAssertEqual(cost.planned.minor, 425_000)
        XCTAssertEqual(cost.spent.minor, 170_000)
        XCTAssertEqual(cost.remaining?.minor, -25_000)
        XCTAssertEqual(cost.overBudgetBy?.minor, 25_000)
        // Going to JPY keeps the amounts in major units.
        try b.setBudget(currency: .some("JPY"), costModel: nil, by: "t", at: t)
        XCTAssertEqual(b.releases[0].budget?.minor, 4_000)
        XCTAssertEqual(b.planning.costModel, .perPoint(Money(minor: 850)))
    }

    // MARK: - Release editing and errors

    func testReleaseEditsAndTheirErrorsChangeNothing() throws {
        var b = board([("ready", "1.0", 3)])
        try b.addRelease(Release(name: "1.5", start: "2027-01-01", target: "2027-02-01", capacity: 20), by: "t", at: t)
        XCTAssertEqual(b.releases.map(\.name), ["1.0", "2.0", "1.5"])
        let before = b
        func refused(_ field: String, _ change: (inout Board) throws -> Void) {
            var copy = b
            XCTAssertThrowsError(try change(&copy)) { XCTAssertTrue("\($0)".contains(field), "\($0)") }
            XCTAssertEqual(copy, before, "nothing changed after \(field)")
        }
        refused("'2027-13-01'") { try $0.setRelease("1.5", [("start", "2027-13-01")], by: "t", at: t) }
        refused("a date on or after the start") { try $0.setRelease("1.5", [("target", "2026-12-01")], by: "t", at: t) }
        refused("'-3'") { try $0.setRelease("1.5", [("capacity", "-3")], by: "t", at: t) }
        refused("'-100'") { try $0.setRelease("1.5", [("budget", "-100")], by: "t", at: t) }
        refused("'soon'") { try $0.setRelease("1.5", [("state", "soon")], by: "t", at: t) }
        refused("'color'") { try $0.setRelease("1.5", [("color", "red")], by: "t", at: t) }
        refused("'9.9'") { try $0.setRelease("9.9", [("capacity", "1")], by: "t", at: t) }
        refused("'2.0' exists") { try $0.addRelease(Release(name: "2.0"), by: "t", at: t) }
        refused("'1.5' exists") { try $0.renameRelease("1.0", to: "1.5", by: "t", at: t) }
        refused("1 item do") { try $0.removeRelease("1.0", moveTo: nil, by: "t", at: t) }
        refused("another release") { try $0.removeRelease("1.0", moveTo: "1.0", by: "t", at: t) }
        refused("'nope'") { try $0.removeRelease("1.0", moveTo: "nope", by: "t", at: t) }
        refused("'XYZ'") { try $0.setBudget(currency: .some("XYZ"), costModel: nil, by: "t", at: t) }
    }

    func testRenameAndRemoveNeverLeaveAnItemPointingAtNothing() throws {
        var b = board([("ready", "1.0", 3), ("done", "1.0", 1)])
        try b.setRoadmap([("next-releases", "1.0")], by: "t", at: t)
        try b.renameRelease("1.0", to: "1.1", by: "t", at: t)
        XCTAssertEqual(b.items.values.map(\.release), ["1.1", "1.1"])
        XCTAssertEqual(b.planning.roadmap.next?.releases, ["1.1"], "the lane follows the rename")
        try b.removeRelease("1.1", moveTo: "2.0", by: "t", at: t)
        XCTAssertEqual(b.items.values.map(\.release), ["2.0", "2.0"])
        XCTAssertEqual(b.releases.map(\.name), ["2.0"])
        XCTAssertEqual(b.planning.roadmap.next?.releases, ["2.0"])
        try b.shipRelease("2.0", by: "t", at: t)
        XCTAssertEqual(b.releases[0].state, .shipped)
    }

    func testMoveReleaseKeepsOrderAndExitCriterionToConfirm() throws {
        var b = board([("ready", "1.0", 3)])
        try b.addRelease(Release(name: "3.0"), by: "t", at: t)
        try b.moveRelease("3.0", to: 0, by: "t", at: t)
        XCTAssertEqual(b.releases.map(\.name), ["3.0", "1.0", "2.0"])
        try b.moveRelease("3.0", to: 99, by: "t", at: t)
        XCTAssertEqual(b.releases.map(\.name), ["1.0", "2.0", "3.0"])

        XCTAssertNil(b.exitCriterionToConfirm(moving: "i0", toStage: "doing"), "Ready has no exit criterion yet")
        try b.setStagePlanning("ready", phase: nil, exitCriterion: "Estimated and agreed", by: "t", at: t)
        XCTAssertEqual(b.exitCriterionToConfirm(moving: "i0", toStage: "doing")?.criterion, "Estimated and agreed")
        XCTAssertNil(b.exitCriterionToConfirm(moving: "i0", toStage: "ready"), "not leaving the stage")
        try b.setRoadmap([("confirm-exit", "off")], by: "t", at: t)
        XCTAssertNil(b.exitCriterionToConfirm(moving: "i0", toStage: "doing"), "the setting turns it off")
    }

    // MARK: - File

    func testPlanningRoundTripsAndAnOldBoardGainsNothing() throws {
        let old = Board(name: "b", stages: Board.defaultStages(), releases: [Release(name: "1.0", target: "2027-01-01", capacity: 5)])
        let oldBytes = BoardEncoder.encode(old)
        XCTAssertFalse(String(decoding: oldBytes, as: UTF8.self).contains("currency"))
        XCTAssertFalse(String(decoding: oldBytes, as: UTF8.self).contains("state"))
        XCTAssertEqual(BoardEncoder.encode(try BoardDecoder.decode(Data(oldBytes), path: "b").board), oldBytes)

        var b = DemoBoard.make(now: now, user: "t")
        b.releases[1].notes = "Tax release"
        b.releases[1].extra["owner"] = "\"maya\""
        b.stages[1].phase = .discovery
        try b.setRoadmap([("now-stages", "doing,review"), ("confirm-exit", "off")], by: "t", at: t)
        let bytes = BoardEncoder.encode(b)
        let back = try BoardDecoder.decode(Data(bytes), path: "b").board
        XCTAssertEqual(back, b)
        XCTAssertEqual(BoardEncoder.encode(back), bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("\"currency\": \"EUR\""), text)
        XCTAssertTrue(text.contains("\"budget\": 75000"), text)
    }

    func testBadPlanningInTheFileIsReportedWithItsPosition() {
        let cases = ["\"currency\": \"eur\"", "\"costModel\": {\"perWeek\": 10}", "\"costModel\": {\"perPoint\": -1}",
                     "\"releases\": [{\"name\": \"a\", \"state\": \"done\"}]", "\"releases\": [{\"name\": \"a\", \"start\": \"soon\"}]"]
        for c in cases {
            let json = "{\"format\": \"docket\", \"version\": 1, \"name\": \"b\", \"stages\": [], \(c)}"
            XCTAssertThrowsError(try BoardDecoder.decode(Data(json.utf8), path: "f"), c) { error in
                XCTAssertTrue("\(error)".hasPrefix("f:1:"), "\(error)")
            }
        }
    }

    func testHeaderMergeTakesTheOtherSidesCurrencyAndCostModel() throws {
        let base = board([])
        var ours = base, theirs = base
        try ours.addRelease(Release(name: "3.0"), by: "a", at: t)
        try theirs.setBudget(currency: .some("EUR"), costModel: .some(.perPoint(Money(minor: 100))), by: "b", at: t)
        let (merged, conflicts) = HeaderMerge.merge(base: base.header, ours: ours.header, theirs: theirs.header, items: { _ in })
        XCTAssertEqual(conflicts, [])
        XCTAssertEqual(merged.planning.currency, "EUR")
        XCTAssertEqual(merged.planning.costModel, .perPoint(Money(minor: 100)))
        XCTAssertEqual(merged.releases.map(\.name), ["1.0", "2.0", "3.0"])
    }

    // MARK: - Budget report

    func testBudgetReportGroupsAndAgreesWithThePlan() throws {
        let demo = DemoBoard.make(now: now, user: "t")
        let plan = ReleasePlan(demo)
        let byRelease = BudgetReport(demo, by: .release, plan: plan)
        for line in plan.lines where line.known {
            let g = try XCTUnwrap(byRelease.groups.first { $0.name == line.release.name })
            XCTAssertEqual(g.plannedPoints, line.plannedPoints)
            XCTAssertEqual(g.plannedCost, line.cost?.planned)
        }
        let byType = BudgetReport(demo, by: .type)
        let done = Set(demo.stages.filter { $0.kind == .done }.map(\.id))
        let counted = demo.items.values.filter { !$0.archived || done.contains($0.stage) }
        XCTAssertEqual(byType.groups.reduce(0) { $0 + $1.items }, counted.count, "every item once by type")
        let csv = try BudgetReportOutput.render(byType, board: demo, format: .csv, money: MoneyFormat(currency: "EUR", locale: Locale(identifier: "en_US")))
        XCTAssertTrue(csv.hasPrefix("group,items,doneItems,plannedPoints"), csv)
    }

    // MARK: - Roadmap

    func testDefaultLanesAndSettings() throws {
        var b = board([("doing", nil, 1), ("ready", nil, 1), ("ideas", "1.0", 1), ("ideas", "2.0", 1), ("done", "1.0", 1)])
        var r = Roadmap(b, today: "2027-01-01")
        XCTAssertEqual(r.laneOf, ["i0": .now, "i1": .next, "i2": .next, "i3": .later], "done items are not on the roadmap")
        try b.shipRelease("1.0", by: "t", at: t)
        r = Roadmap(b, today: "2027-01-01")
        XCTAssertEqual(r.laneOf["i3"], .next, "the next release is the first not shipped")
        XCTAssertEqual(r.laneOf["i2"], .later)
        try b.setRoadmap([("now-releases", "2.0"), ("next-stages", "ideas")], by: "t", at: t)
        r = Roadmap(b, today: "2027-01-01")
        XCTAssertEqual(r.laneOf, ["i0": .now, "i1": .later, "i2": .next, "i3": .now])
        var copy = b
        XCTAssertThrowsError(try copy.setRoadmap([("now-stages", "nowhere")], by: "t", at: t))
        XCTAssertThrowsError(try copy.setRoadmap([("confirm-exit", "maybe")], by: "t", at: t)) { XCTAssertTrue("\($0)".contains("'maybe'")) }
        XCTAssertEqual(copy, b)
    }

    func testEpicRollUpAndTimeline() throws {
        var b = board([("ideas", nil, nil), ("done", "1.0", 3), ("doing", "2.0", 5), ("ready", "2.0", nil)],
                      releases: [Release(name: "1.0", start: "2027-01-01", target: "2027-02-01", capacity: 2),
                                 Release(name: "2.0", target: "2027-03-01")])
        var items = b.itemsInBoardOrder()
        items[0].type = .epic
        for k in 1...3 { items[k].parent = "i0" }
        b.upsert(items, action: "edit", summary: "", by: "t", at: t)
        try b.setBudget(currency: .some("EUR"), costModel: .some(.perPoint(Money(minor: 10_000))), by: "t", at: t)
        let r = Roadmap(b, today: "2027-02-15")
        let epic = try XCTUnwrap(r.epics.first)
        XCTAssertEqual(Set(epic.children), ["i1", "i2", "i3"])
        XCTAssertEqual(epic.plannedPoints, 8)
        XCTAssertEqual(epic.donePoints, 3)
        XCTAssertEqual(epic.progress, 3.0 / 8.0)
        XCTAssertEqual(epic.unestimated, ["i3"])
        XCTAssertEqual(epic.plannedCost?.minor, 80_000)
        XCTAssertEqual(epic.releases, ["1.0", "2.0"])
        XCTAssertEqual(epic.start, "2027-01-01")
        XCTAssertEqual(epic.target, "2027-03-01")
        XCTAssertEqual(r.laneOf["i0"], .now, "an epic is in its earliest child's lane")
        XCTAssertEqual(r.cards.map(\.id), ["i0"], "children roll into the epic's card")
        let r1 = try XCTUnwrap(r.timeline.first { $0.name == "1.0" })
        XCTAssertTrue(r1.late && r1.overCapacity)
        let r2 = try XCTUnwrap(r.timeline.first { $0.name == "2.0" })
        XCTAssertEqual(r2.start, "2027-02-01", "no start: from the previous release's target")
        XCTAssertFalse(r2.late)
        XCTAssertTrue(r.timeline.contains { $0.kind == .epic && $0.id == "i0" })
    }

    /// `Roadmap.lane(ofCard:in:)` (what H / L check a move against) gives what a whole roadmap
    /// gives for every item, and follows the board: epics, their children, archived and done
    /// items, shipped releases and hand-set lane sources.
    func testLaneOfACardIsTheRoadmapsLaneAsTheBoardChanges() throws {
        func check(_ b: Board, _ why: String, line: UInt = #line) {
            let r = Roadmap(b, today: "2027-01-01")
            var n = 0
            b.items.forEachItem { item in
                XCTAssertEqual(Roadmap.lane(ofCard: item.id, in: b), r.laneOf[item.id], "\(why): \(item.id)", line: line)
                n += 1
            }
            XCTAssertNil(Roadmap.lane(ofCard: "nosuchid", in: b), line: line)
            XCTAssertGreaterThan(n, 0, line: line)
        }
        var demo = DemoBoard.make(now: now, user: "t")
        check(demo, "the demo")
        let epic = try XCTUnwrap(Roadmap(demo, today: "2027-01-01").cards.first { $0.epic != nil })
        let kids = try XCTUnwrap(epic.epic).children
        let doing = try XCTUnwrap(demo.stages.first { $0.kind == .doing }).id
        let done = try XCTUnwrap(demo.stages.first { $0.kind == .done }).id
        try demo.modify(kids[0], by: "t", at: t) { $0.stage = doing }
        check(demo, "a child moved into Now")
        XCTAssertEqual(Roadmap.lane(ofCard: epic.id, in: demo), .now)
        for k in kids { try demo.modify(k, by: "t", at: t) { $0.stage = done } }
        check(demo, "every child done: the epic's own lane")
        try demo.modify(epic.id, by: "t", at: t) { $0.stage = done }
        check(demo, "the epic done: its children would be cards if open")
        try demo.modify(kids[0], by: "t", at: t) { $0.stage = doing }
        check(demo, "an open child of a done epic is a card")
        XCTAssertEqual(Roadmap.lane(ofCard: kids[0], in: demo), .now)
        _ = try demo.archive(kids[0], reason: nil, by: "t", at: t)
        check(demo, "archived")
        XCTAssertNil(Roadmap.lane(ofCard: kids[0], in: demo))

        var b = board([("doing", nil, 1), ("ready", nil, 1), ("ideas", "1.0", 1), ("ideas", "2.0", 1), ("done", "1.0", 1), ("inbox", "2.0", nil)])
        var items = b.itemsInBoardOrder()
        items[5].type = .epic
        items[2].parent = "i5"
        items[3].parent = "i5"
        items[1].parent = "i4"   // a child of a done item: a card of its own
        items[0].parent = "i0"   // its own parent
        b.upsert(items, action: "edit", summary: "", by: "t", at: t)
        check(b, "epics and odd parents")
        try b.shipRelease("1.0", by: "t", at: t)
        check(b, "1.0 shipped: 2.0 is next")
        try b.setRoadmap([("now-releases", "2.0"), ("next-stages", "ideas,ready")], by: "t", at: t)
        check(b, "lanes set by hand")
        try b.setRoadmap([("now-stages", "ready"), ("next-releases", "2.0")], by: "t", at: t)
        check(b, "lanes set by hand, overlapping")
    }

    func testStagePhaseAndExitCriterion() throws {
        var b = board([])
        try b.setStagePlanning("ideas", phase: "discovery", exitCriterion: "Problem validated with 3 customers", by: "t", at: t)
        XCTAssertEqual(b.stages[1].phase, .discovery)
        XCTAssertEqual(Roadmap(b, today: "2027-01-01").phases.map(\.phase), [.discovery])
        let before = b
        XCTAssertThrowsError(try b.setStagePlanning("ideas", phase: "research", exitCriterion: nil, by: "t", at: t)) {
            XCTAssertTrue("\($0)".contains("'research'"))
        }
        XCTAssertThrowsError(try b.setStagePlanning("ideas", phase: nil, exitCriterion: "two\nlines", by: "t", at: t))
        XCTAssertEqual(b, before)
        try b.setStagePlanning("ideas", phase: "none", exitCriterion: "", by: "t", at: t)
        XCTAssertNil(b.stages[1].phase)
        XCTAssertNil(b.stages[1].exitCriterion)
    }

    func testRoadmapOutputsAndHTML() throws {
        let demo = DemoBoard.make(now: now, user: "t")
        let r = Roadmap(demo, today: ISODate.formatDay(now))
        let money = MoneyFormat(currency: "EUR", locale: Locale(identifier: "en_US"))
        let json = try JSONSerialization.jsonObject(with: Data(RoadmapOutput.render(r, board: demo, format: .json, money: money).utf8)) as! [String: Any]
        let lanes = try XCTUnwrap(json["lanes"] as? [String: [[String: Any]]])
        XCTAssertEqual(lanes.values.reduce(0) { $0 + $1.count }, r.cards.count)
        XCTAssertFalse((json["epics"] as? [Any])?.isEmpty ?? true)
        let md = RoadmapOutput.render(r, board: demo, format: .markdown, money: money)
        XCTAssertTrue(md.contains("## Now") && md.contains("## Next") && md.contains("## Later") && md.contains("## Timeline"), md)
        let html = HTMLExport.render(demo, today: ISODate.formatDay(now), now: now, locale: Locale(identifier: "en_US"))
        XCTAssertTrue(html.contains("<svg") && html.contains("Now, Next, Later") && html.contains("Blocked"))
        XCTAssertFalse(html.contains("<script"), "no scripts")
        XCTAssertFalse(html.contains("http://") && !html.contains("http://www.w3.org/2000/svg"), "nothing to fetch")
    }
}
