import Foundation
import XCTest
@testable import DocketCore

/// Every real export in ../shared/data, imported, then exported and imported again: JSON and
/// Docket CSV give back every item exactly; taskell Markdown gives back the fields taskell has.
final class SharedDataRoundTripTests: XCTestCase {
    static let files = ["trello-clipkit-ja.json", "trello-gocd-test-drive.json", "jira-k608-scrum.csv", "jira-lipu-es.csv",
                        "github-rails-issues.json", "taskell-parking-app.md", "taskell-taskell-roadmap.md",
                        "roadmap-standard-for-public-code.md"]

    private func parse(_ data: Data, _ name: String) throws -> ImportedBoard {
        if name.hasPrefix("trello") { return try TrelloImport.parse(data) }
        if name.hasPrefix("jira") { return try JiraCSVImport.parse(data, path: name) }
        if name.hasPrefix("github") { return try GitHubIssuesImport.parse(data, path: name) }
        return try TaskellImport.parse(data, path: name)
    }
    let now: Timestamp = 1_795_953_600

    private func boards() throws -> [(String, Board)] {
        try Self.files.map { name in
            let imported = try parse(try sharedData(name), name)
            XCTAssertFalse(imported.items.isEmpty, name)
            return (name, imported.makeBoard(by: "pm", at: now))
        }
    }

    private func export(_ board: Board, _ format: ExportFormat) throws -> Data {
        Data(try BoardExport.render(board, ExportRequest(format: format, now: now)))
    }

    func testJSONExportReadsBackAsTheSameBoard() throws {
        for (name, board) in try boards() {
            let back = try BoardDecoder.decode(try export(board, .json), path: name).board
            XCTAssertEqual(back, board, name)
        }
    }

    func testCSVExportImportsBackEveryItemExactly() throws {
        for (name, board) in try boards() {
            let imported = try GenericCSVImport.parse(try export(board, .csv), path: name, map: [:])
            XCTAssertEqual(imported.summary.notImported, [], name)
            let back = imported.makeBoard(by: "pm", at: now)
            XCTAssertEqual(back.items.count, board.items.count, name)
            board.items.forEachItem { old in
                guard var new = back.items[old.id] else { return XCTFail("\(name): \(old.id) missing") }
                new.extra = old.extra
                XCTAssertEqual(new, old, "\(name): \(old.id)")
            }
            XCTAssertEqual(back.stages.map(\.name), board.stages.filter { s in board.items.contains { $0.value.stage == s.id } }.map(\.name),
                           "\(name): the stages that hold items, in order")
        }
    }

    func testMarkdownExportImportsBackTheFieldsTaskellHas() throws {
        for (name, board) in try boards() {
            let back = try TaskellImport.parse(try export(board, .markdown), path: name)
            let open = board.itemsInBoardOrder()
            for stage in board.stages {
                let before = open.filter { $0.stage == stage.id }
                let after = back.stages.first { $0.name == stage.name }.map { s in back.items.filter { $0.stage == s.id } } ?? []
                XCTAssertEqual(after.map(\.title), before.map(\.title), "\(name): \(stage.name)")
                XCTAssertEqual(after.map(\.description), before.map(\.description), "\(name): \(stage.name)")
                XCTAssertEqual(after.map(\.due), before.map(\.due), "\(name): \(stage.name)")
                XCTAssertEqual(after.map(\.criteria), before.map(\.criteria), "\(name): \(stage.name)")
            }
        }
    }
}
