import Foundation
import XCTest
@testable import DocketCore

final class GenericCSVImportTests: XCTestCase {
    let map = ["title": "Name", "stage": "Status", "labels": "Tags", "points": "Estimate", "assignees": "Owner",
               "priority": "Prio", "due": "Due", "description": "Notes", "id": "Key"]

    func testMappedCSV() throws {
        let csv = "\u{FEFF}Key,Name,Status,Tags,Estimate,Owner,Prio,Due,Notes\r\n"
            + "K-1,\"Login, with SSO\",Todo,\"ui, auth\",3,ana,must,2026-03-01,\"first line\r\nsecond line\"\r\n"
            + "K-2,Bad points,Doing,,lots,bo,,,\r\n"
            + "K-3,Ship it,Done,ops,0.5,\"ana, bo\",could,,\r\n"
            + "K-4,Later,Todo,,,,,,\r\n"
        let b = try GenericCSVImport.parse(Data(csv.utf8), path: "t.csv", map: map)
        XCTAssertEqual(b.stages.map(\.name), ["Todo", "Doing", "Done"])
        XCTAssertEqual(b.items.map(\.title), ["Login, with SSO", "Later", "Bad points", "Ship it"],
                       "a bad value leaves only its field empty: the row is kept")
        let first = b.items[0]
        XCTAssertEqual(first.id, "K-1")
        XCTAssertEqual(first.labels, ["ui", "auth"])
        XCTAssertEqual(first.points, 3)
        XCTAssertEqual(first.assignees, ["ana"])
        XCTAssertEqual(first.priority, .must)
        XCTAssertEqual(first.due, "2026-03-01")
        XCTAssertEqual(first.description, "first line\nsecond line")
        XCTAssertEqual(b.items[3].assignees, ["ana", "bo"])
        XCTAssertEqual(b.items[3].points, 0.5)
        XCTAssertNil(b.items[2].points)
        XCTAssertEqual(b.items[2].assignees, ["bo"])
        XCTAssertEqual(b.summary.notImported, ["1 value"])
        XCTAssertEqual(b.summary.details, ["line 4: points \"lots\" is not a number ≥ 0, left empty"])
        XCTAssertTrue(b.summary.text.contains("left out: line 4: points \"lots\""), b.summary.text)
    }

    func testReimportWithoutAnIdColumnUpdatesTheSameItems() throws {
        let map = ["title": "Name", "stage": "Status", "points": "Estimate"]
        let csv = "Name,Status,Estimate\nLogin,Todo,3\nLogin,Todo,5\nExport,Doing,\n"
        let first = try GenericCSVImport.parse(Data(csv.utf8), path: "t.csv", map: map)
        XCTAssertEqual(Set(first.items.map(\.id)).count, 3, "two rows with the same title get two ids")
        let board = first.makeBoard(by: "pm", at: 1_780_000_000)
        let changed = csv.replacingOccurrences(of: "Export,Doing,", with: "Export,Doing,8")
        let (again, edit) = try GenericCSVImport.parse(Data(changed.utf8), path: "t.csv", map: map).merge(into: board, by: "pm", at: 1_780_000_100)
        XCTAssertEqual(again.items.count, 3)
        XCTAssertTrue(edit.summary.hasSuffix("(0 new, 1 updated, 2 unchanged)"), edit.summary)
        XCTAssertEqual(again.items.values.first { $0.title == "Export" }?.points, 8)
    }

    func testKeysThatAreNotIdsGiveStableDerivedIds() throws {
        let map = ["title": "Name", "id": "URL"]
        let csv = "Name,URL\nA,https://example.com/t/1\nB,key with spaces\nC,key with spaces\nD,\n"
        let first = try GenericCSVImport.parse(Data(csv.utf8), path: "t.csv", map: map)
        let second = try GenericCSVImport.parse(Data(csv.utf8), path: "t.csv", map: map)
        XCTAssertEqual(first.items.map(\.id), second.items.map(\.id))
        XCTAssertEqual(Set(first.items.map(\.id)).count, 4)
        XCTAssertTrue(first.items.allSatisfy { ItemID.isValid($0.id) })
        let board = first.makeBoard(by: "pm", at: 1_780_000_000)
        XCTAssertEqual(second.merge(into: board, by: "pm", at: 1_780_000_100).board.items.count, 4)
    }

    func testRaggedRowsAreSkippedAndListed() throws {
        let csv = "Name,Status,Estimate\nA,Todo,1\nB,Todo\nC,Todo,2,extra\nD,Done,3\n"
        let b = try GenericCSVImport.parse(Data(csv.utf8), path: "t.csv", map: ["title": "Name", "stage": "Status"])
        XCTAssertEqual(b.items.map(\.title), ["A", "D"])
        XCTAssertEqual(b.summary.notImported,
                       ["2 rows skipped (line 3: 2 cells, the header has 3; line 4: 4 cells, the header has 3)", "1 column"])
        XCTAssertEqual(b.summary.details.last, "column 3 \"Estimate\": not in --map")
    }

    func testLongHeadersAreCutInMessages() {
        let wide = (1...500).map { "Column\($0)" }.joined(separator: ",") + "\n" + String(repeating: "x,", count: 499) + "x\n"
        let deep = String(repeating: "[", count: 200_000) + "\n"
        for text in [wide, deep] {
            XCTAssertThrowsError(try GenericCSVImport.parse(Data(text.utf8), path: "t.csv", map: [:])) { e in
                let message = "\(e)"
                XCTAssertLessThan(message.count, 400, message)
                XCTAssertTrue(message.contains("…"), message)
            }
        }
        XCTAssertEqual(GenericCSVImport.describe(header: ["a", "b"]), "a, b")
        XCTAssertEqual(GenericCSVImport.describe(header: (1...12).map { "c\($0)" }), "c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, …")
    }

    func testMissingTitleColumn() {
        let csv = "Key,Status\nK-1,Todo\n"
        XCTAssertThrowsError(try GenericCSVImport.parse(Data(csv.utf8), path: "t.csv", map: ["title": "Name", "stage": "Status"])) { e in
            let message = (e as? BoardFileError)?.message ?? "\(e)"
            XCTAssertTrue(message.contains("\"Name\"") && message.contains("title"), message)
        }
        XCTAssertThrowsError(try GenericCSVImport.parse(Data(csv.utf8), path: "t.csv", map: ["stage": "Status"])) { e in
            XCTAssertTrue("\(e)".contains("title"), "\(e)")
        }
        XCTAssertThrowsError(try GenericCSVImport.parse(Data(csv.utf8), path: "t.csv", map: [:])) { e in
            XCTAssertTrue("\(e)".contains("--map") && "\(e)".contains("Key, Status"), "\(e)")
        }
    }

    func testDocketCSVRoundTrip() throws {
        let board = DemoBoard.make(now: 1_780_000_000, user: "tester")
        var items = board.items.values.sorted { $0.rank < $1.rank }
        // The demo has no criteria or links: give two items some, commas included.
        items[0].criteria = [Criterion(text: "Works offline, and fast", done: true), Criterion(text: "Has docs")]
        items[0].links = [Link(url: "https://example.com/a?x=1,2", title: "Spec, v2"), Link(url: "https://example.com/b")]
        items[1].description = "Two lines,\nwith \"quotes\""
        let csv = try ItemListCSV.encode(items, board: board)
        XCTAssertTrue(GenericCSVImport.isDocketCSV(Data(csv.utf8)))
        let imported = try GenericCSVImport.parse(Data(csv.utf8), path: "export.csv", map: [:])
        XCTAssertEqual(imported.summary.notImported, [])
        XCTAssertEqual(imported.items.count, items.count)
        let made = imported.makeBoard(by: "tester", at: 1_780_000_100)
        for stage in board.stages where items.contains(where: { $0.stage == stage.id }) {
            XCTAssertEqual(made.stages.first { $0.id == stage.id }?.name, stage.name)
        }
        for old in items {
            guard var new = made.items[old.id] as Item? else { XCTFail("missing \(old.id)"); continue }
            new.extra = old.extra
            XCTAssertEqual(new.id, old.id); XCTAssertEqual(new.title, old.title); XCTAssertEqual(new.stage, old.stage)
            XCTAssertEqual(new.rank, old.rank); XCTAssertEqual(new.priority, old.priority); XCTAssertEqual(new.points, old.points)
            XCTAssertEqual(new.labels, old.labels); XCTAssertEqual(new.assignees, old.assignees)
            XCTAssertEqual(new.release, old.release); XCTAssertEqual(new.due, old.due)
            XCTAssertEqual(new.criteria, old.criteria); XCTAssertEqual(new.links, old.links); XCTAssertEqual(new.votes, old.votes)
            XCTAssertEqual(new, old, "item \(old.id)")
        }
    }
}

/// Issue 13: repeated column names, decimal commas, and naming what is left out.
final class GenericCSVKeepsOrNamesTests: XCTestCase {
    func testRepeatedColumnsJoinTheDescriptionOrAreNamed() throws {
        let csv = """
            Title,Status,Notes,Notes,Title
            Write release notes,Todo,first note,second note,Alternative title
            Tidy backlog,Doing,,only the second Notes cell,

            """
        let b = try GenericCSVImport.parse(Data(csv.utf8), path: "t.csv",
                                           map: try GenericCSVImport.parseMap("title=Title,stage=Status,description=Notes"))
        XCTAssertEqual(b.items.map(\.title), ["Write release notes", "Tidy backlog"])
        XCTAssertEqual(b.items.map(\.description), ["first note\n\nsecond note", "only the second Notes cell"])
        XCTAssertEqual(b.summary.details, ["column 5 \"Title\": a second \"Title\" column; title is read from column 1"])
        XCTAssertEqual(b.summary.notImported, ["1 column"])
    }

    func testDecimalCommasInASemicolonFile() throws {
        let csv = "Title;Estimate\nA;1,5\nB;2\nC;lots\n"
        let b = try GenericCSVImport.parse(Data(csv.utf8), path: "t.csv", map: ["title": "Title", "points": "Estimate"])
        XCTAssertEqual(b.items.map(\.title), ["A", "B", "C"], "every row kept")
        XCTAssertEqual(b.items.map(\.points), [1.5, 2, nil])
        XCTAssertEqual(b.summary.details, ["line 4: points \"lots\" is not a number ≥ 0, left empty"])
    }

    func testDecimalOptionOnACommaFile() throws {
        let csv = "Title,Estimate\nA,\"0,5\"\n"
        let map = ["title": "Title", "points": "Estimate"]
        XCTAssertEqual(try GenericCSVImport.parse(Data(csv.utf8), path: "t.csv", map: map, decimalComma: true).items.first?.points, 0.5)
        let plain = try GenericCSVImport.parse(Data(csv.utf8), path: "t.csv", map: map)
        XCTAssertNil(plain.items.first?.points, "without --decimal , a comma is not a decimal mark here")
        XCTAssertEqual(plain.summary.details.count, 1)
    }

    func testReportListsEveryDetail() throws {
        let rows = (1...15).map { "T\($0),x" }.joined(separator: "\n")
        let b = try GenericCSVImport.parse(Data(("Title,Estimate\n" + rows + "\n").utf8), path: "t.csv",
                                           map: ["title": "Title", "points": "Estimate"])
        XCTAssertEqual(b.summary.details.count, 15)
        XCTAssertTrue(b.summary.text.contains("… and 5 more (docket import --report FILE lists them all)"), b.summary.text)
        let report = b.summary.report.split(separator: "\n")
        XCTAssertEqual(report.count, 16)
        XCTAssertEqual(report.last, "line 16: points \"x\" is not a number ≥ 0, left empty")
    }
}
