import CSV
import Foundation
import XCTest
@testable import DocketCore

final class ExportTests: XCTestCase {
    let now: Timestamp = 1_790_000_000
    let day: Timestamp = 86_400

    func demo() -> Board { DemoBoard.make(now: now, user: "tester") }

    /// `board` with its items replaced by `change(items)` and `extra` activity appended.
    func rebuilt(_ board: Board, extraActivity: [Activity] = [], _ change: (inout [Item]) -> Void = { _ in }) -> Board {
        var items = board.itemsInBoardOrder(includeArchived: true)
        change(&items)
        return Board(name: board.name, stages: board.stages, releases: board.releases, people: board.people,
                     labels: board.labels, items: items, activity: Array(board.activity) + extraActivity)
    }

    func export(_ board: Board, _ format: ExportFormat, query: String? = nil, since: ExportPeriod = .week) throws -> String {
        let q = try query.map { try Query.parse($0) }
        let bytes = try BoardExport.render(board, ExportRequest(format: format, query: q, since: since, now: now))
        return String(decoding: bytes, as: UTF8.self)
    }

    func testItemsInBoardOrderWithAFilterAreTheOrderedItemsFiltered() throws {
        // The demo with archived items and an item of a stage the board does not have.
        var board = demo()
        for id in board.items.keys.sorted().prefix(6) { _ = try board.archive(id, by: "t", at: now) }
        board = rebuilt(board) { items in items[0].stage = "gone" }
        let keeps: [(String, (Item) -> Bool)] = [
            ("all", { _ in true }), ("none", { _ in false }), ("points > 2", { ($0.points ?? 0) > 2 }),
            ("every other id", { $0.id.utf8.reduce(0) { $0 + Int($1) } % 2 == 0 }), ("archived", \.archived),
        ]
        for includeArchived in [false, true] {
            for (name, keep) in keeps {
                XCTAssertEqual(board.itemsInBoardOrder(includeArchived: includeArchived, where: keep),
                               board.itemsInBoardOrder(includeArchived: includeArchived).filter(keep), "\(name), archived: \(includeArchived)")
            }
        }
    }

    // MARK: - Markdown

    func testMarkdownOfTheDemoHasEveryStageHeadingAndItem() throws {
        let board = demo()
        let text = try export(board, .markdown)
        let lines = text.components(separatedBy: "\n")
        for stage in board.stages { XCTAssertTrue(lines.contains("## \(stage.name)"), stage.name) }
        let items = board.itemsInBoardOrder()
        XCTAssertEqual(items.count, 40)
        for item in items { XCTAssertTrue(lines.contains("- \(item.title)"), item.title) }
        XCTAssertEqual(lines.filter { $0.hasPrefix("- ") }.count, items.count)
        // Stage order is kept: Inbox's heading comes before Done's.
        XCTAssertLessThan(lines.firstIndex(of: "## Inbox")!, lines.firstIndex(of: "## Done")!)
    }

    func testMarkdownWritesTaskellSubLinesForDueDescriptionAndCriteria() throws {
        let board = rebuilt(demo()) { items in
            items[0].title = "Pay with\nApple Pay"
            items[0].due = "2026-12-15"
            items[0].description = "First line\nSecond line"
            items[0].criteria = [Criterion(text: "Works on iOS", done: true), Criterion(text: "Works on macOS")]
        }
        let lines = try export(board, .markdown).components(separatedBy: "\n")
        let at = try XCTUnwrap(lines.firstIndex(of: "- Pay with Apple Pay"))
        XCTAssertEqual(Array(lines[(at + 1)...(at + 5)]), [
            "    @ 2026-12-15", "    > First line", "    > Second line",
            "    * [x] Works on iOS", "    * [ ] Works on macOS",
        ])
    }

    func testMarkdownWithAQueryListsOnlyMatchingItems() throws {
        let text = try export(demo(), .markdown, query: "is:blocked")
        XCTAssertEqual(text.components(separatedBy: "\n").filter { $0.hasPrefix("- ") },
                       ["- Stripe webhook retries create duplicate payments"])
        XCTAssertTrue(text.contains("## Inbox\n"))
    }

    // MARK: - Report

    func testReportMarksAnOverCapacityReleaseAndListsBlockedItemsWithReasons() throws {
        // 1.4 is exactly full in the demo (34 of 34); one more point-heavy item makes it 3 over.
        let board = rebuilt(demo()) { items in
            let i = items.firstIndex { $0.title.hasPrefix("🚀 Launch checklist") }!
            items[i].points = 4
        }
        let text = try export(board, .report)
        let lines = text.components(separatedBy: "\n")
        let r14 = try XCTUnwrap(lines.first { $0.hasPrefix("| 1.4 |") })
        XCTAssertTrue(r14.contains("| 37 | 34 | **over capacity** by 3 |"), r14)
        let r15 = try XCTUnwrap(lines.first { $0.hasPrefix("| 1.5 |") })
        XCTAssertFalse(r15.contains("over capacity"), r15)
        let blocked = try XCTUnwrap(board.itemsInBoardOrder().first(where: \.blocked))
        XCTAssertTrue(lines.contains("- \(blocked.title) (`\(blocked.id)`): \(blocked.blockedReason)"), text)
        for stage in board.stages { XCTAssertTrue(lines.contains { $0.hasPrefix("### \(stage.name) (") }, stage.name) }

        // The demo as it is: 1.4 full, nothing over budget.
        XCTAssertFalse(try export(demo(), .report).contains("over capacity"))
    }

    func testReportShowsOnlyActivityWithinSinceGroupedByDay() throws {
        let board = demo()
        let id = board.itemsInBoardOrder()[0].id
        let extra = [
            Activity(at: now - 2 * 3_600, by: "maya", item: id, action: "edit", field: "title", from: "a", to: "RECENT-TWO-HOURS"),
            Activity(at: now - 3 * day, by: "maya", item: id, action: "edit", field: "title", from: "b", to: "RECENT-THREE-DAYS"),
            Activity(at: now - 10 * day, by: "maya", item: id, action: "edit", field: "title", from: "c", to: "OLD-TEN-DAYS"),
        ]
        let withExtra = rebuilt(board, extraActivity: extra)
        let week = try export(withExtra, .report)
        XCTAssertTrue(week.contains("RECENT-TWO-HOURS"))
        XCTAssertTrue(week.contains("RECENT-THREE-DAYS"))
        XCTAssertFalse(week.contains("OLD-TEN-DAYS"))
        XCTAssertTrue(week.contains("\n### \(ISODate.formatDay(now - 3 * day))\n"))
        XCTAssertFalse(week.contains("\n### \(ISODate.formatDay(now - 10 * day))\n"))
        // Newest day first.
        let recentDay = try XCTUnwrap(week.range(of: "### \(ISODate.formatDay(now - 2 * 3_600))"))
        let olderDay = try XCTUnwrap(week.range(of: "### \(ISODate.formatDay(now - 3 * day))"))
        XCTAssertLessThan(recentDay.lowerBound, olderDay.lowerBound)

        let day1 = try export(withExtra, .report, since: try XCTUnwrap(ExportPeriod("24h")))
        XCTAssertTrue(day1.contains("RECENT-TWO-HOURS"))
        XCTAssertFalse(day1.contains("RECENT-THREE-DAYS"))
        let twoWeeks = try export(withExtra, .report, since: try XCTUnwrap(ExportPeriod("2w")))
        XCTAssertTrue(twoWeeks.contains("OLD-TEN-DAYS"))
    }

    func testPeriodsParse() {
        XCTAssertEqual(ExportPeriod("7d")?.seconds, 7 * day)
        XCTAssertEqual(ExportPeriod("2w")?.seconds, 14 * day)
        XCTAssertEqual(ExportPeriod("24h")?.seconds, day)
        for bad in ["", "d", "7", "7x", "-1d", "0d", "1.5d"] { XCTAssertNil(ExportPeriod(bad), bad) }
        XCTAssertEqual(ExportPeriod("2w")?.description, "2 weeks")
        XCTAssertEqual(ExportPeriod("1d")?.description, "1 day")
    }

    // MARK: - CSV

    func testCSVHasTheKeysAsHeaderAndOneRowPerItemThatParsesBack() throws {
        let awkward = ["Commas, in, the title", "A \"quoted\" word", "Two\nlines", "Mixed, \"all\"\r\nthree", "  spaces  ", ""]
        let board = rebuilt(demo()) { items in
            for (i, title) in awkward.enumerated() { items[i].title = title }
        }
        let text = try export(board, .csv)
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        XCTAssertEqual(reader.headerRow, ItemListJSON.keys)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        let items = board.itemsInBoardOrder(includeArchived: true)
        XCTAssertEqual(rows.count, items.count)
        let titleAt = ItemListJSON.keys.firstIndex(of: "title")!
        let idAt = ItemListJSON.keys.firstIndex(of: "id")!
        XCTAssertEqual(rows.map { $0[titleAt] }, items.map(\.title))
        XCTAssertEqual(rows.map { $0[idAt] }, items.map(\.id))
        XCTAssertTrue(rows.allSatisfy { $0.count == ItemListJSON.keys.count })
        XCTAssertEqual(Array(rows.map { $0[titleAt] }.prefix(awkward.count)), awkward)
    }

    func testCSVWithAQueryHasOnlyMatchingRows() throws {
        let board = demo()
        let reader = try CSVReader(string: try export(board, .csv, query: "@priya"), hasHeaderRow: true)
        var ids: [String] = []
        while let row = reader.next() { ids.append(row[0]) }
        let expected = board.itemsInBoardOrder().filter { $0.assignees.contains("priya") }.map(\.id)
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(ids, expected)
    }

    // MARK: - JSON

    func testJSONRoundTripsToAnEqualBoard() throws {
        let board = rebuilt(demo()) { items in
            items[0].archived = true
            items[1].title = "Quotes \" and\nlines, commas"
        }
        let text = try export(board, .json)
        XCTAssertEqual(Array(text.utf8), BoardEncoder.encode(board))
        let decoded = try BoardDecoder.decode(Data(text.utf8), path: "export.json").board
        XCTAssertEqual(decoded, board)
        XCTAssertEqual(decoded.items.count, 40)
    }

    func testJSONWithAQueryHoldsOnlyMatchingItems() throws {
        let board = demo()
        let text = try export(board, .json, query: "release:1.4 -is:blocked")
        let decoded = try BoardDecoder.decode(Data(text.utf8), path: "export.json").board
        let q = try Query.parse("release:1.4 -is:blocked")
        var expected = board.itemsInBoardOrder().filter { q.matches($0, in: board, today: ISODate.formatDay(now)) }
        // An epic left out of the export is dropped from its children's `parent`.
        let kept = Set(expected.map(\.id))
        for k in expected.indices where expected[k].parent.map(kept.contains) == false { expected[k].parent = nil }
        XCTAssertFalse(expected.isEmpty)
        XCTAssertLessThan(expected.count, board.items.count)
        XCTAssertEqual(decoded.itemsInBoardOrder(includeArchived: true), expected)
        XCTAssertEqual(decoded.stages, board.stages)
        XCTAssertEqual(decoded.releases, board.releases)
        let ids = Set(expected.map(\.id))
        XCTAssertTrue(decoded.activity.allSatisfy { $0.item.map(ids.contains) ?? true })
        XCTAssertFalse(decoded.activity.isEmpty)
    }
}
