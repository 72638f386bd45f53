import Foundation
import XCTest
import DocketCore

/// Trello import against the Clipkit export (2015 schema, Japanese; a fixture in this
/// bundle, MIT, see Fixtures/trello-clipkit-ja.LICENSE.txt) and small hand-made exports.
final class TrelloImportTests: XCTestCase {
    let t0: Timestamp = 1_795_961_100

    private func clipkit() throws -> ImportedBoard {
        try TrelloImport.parse(try fixture("trello-clipkit-ja.json"), path: "trello-clipkit-ja.json")
    }

    private func item(_ imported: ImportedBoard, _ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> Item {
        try XCTUnwrap(imported.items.first { $0.id == id }, "no item \(id)", file: file, line: line)
    }

    func testClipkitCounts() throws {
        let imported = try clipkit()
        XCTAssertEqual(imported.name, "Clipkit")
        XCTAssertEqual(imported.items.count, 67)
        XCTAssertEqual(imported.items.filter(\.archived).count, 1)
        XCTAssertEqual(imported.stages.map(\.name), ["やりたいこと", "やること", "作業中", "クローズ"], "the archived list 中止 is no stage")
        XCTAssertEqual(imported.stages.map(\.id), ["やりたいこと", "やること", "作業中", "クローズ"])
        XCTAssertEqual(imported.stages.map(\.kind), [.todo, .todo, .doing, .done])
        XCTAssertEqual(imported.items.reduce(0) { $0 + $1.comments.count }, 4, "comments kept")
        XCTAssertEqual(imported.labels, [Label(name: "機能", color: "green"), Label(name: "バグ", color: "red"),
                                         Label(name: "作業", color: "blue")], "labelNames in Trello's colour order")
        XCTAssertEqual(imported.people, [Person(handle: "person01", name: "Person 01"),
                                         Person(handle: "person02", name: "Person 02"),
                                         Person(handle: "person03", name: "Person 03")])
        let s = imported.summary
        XCTAssertEqual(s, ImportSummary(source: "Trello", stages: 4, closedStages: 1, items: 67, archivedItems: 1,
                                        labelUses: ["機能": 40, "バグ": 9], people: 3, notImported: []))
        XCTAssertEqual(s.text, "Trello: 67 cards (1 archived) in 4 lists (1 archived), 2 used labels, 3 people.")
        XCTAssertEqual(imported.items.filter { $0.type == .bug }.count, 9, "cards labelled バグ are bugs")
        XCTAssertEqual(imported.items.filter { !$0.description.isEmpty }.count, 19)
        XCTAssertEqual(imported.items.filter { !$0.assignees.isEmpty }.count, 10)
    }

    func testClipkitCards() throws {
        let imported = try clipkit()
        let rest = try item(imported, "54ecb9bb1eb1893c5b044d4f")
        XCTAssertEqual(rest.title, "REST APIの記事追加関連を実装")
        XCTAssertEqual(rest.stage, "作業中")
        XCTAssertEqual(rest.assignees, ["person02"])
        XCTAssertEqual(rest.labels, ["機能"])
        XCTAssertEqual(rest.type, .story)
        XCTAssertFalse(rest.archived)
        XCTAssertEqual(rest.created, 0x54ecb9bb, "creation time from the id's first 8 hex digits")
        XCTAssertEqual(ISODate.format(rest.created), "2015-02-24T17:49:47Z")
        XCTAssertEqual(rest.updated, ISODate.parse("2015-02-24T17:49:47Z"), "dateLastActivity")
        XCTAssertNil(rest.priority)
        XCTAssertNil(rest.points)

        let bug = try item(imported, "54cca4d5424dfd3b515d88ad")
        XCTAssertEqual(bug.title, "画像アイテムに長いURLを入れて下書き保存すると内部エラー")
        XCTAssertEqual(bug.type, .bug)
        XCTAssertEqual(bug.labels, ["バグ"])
        XCTAssertEqual(bug.stage, "やりたいこと")
        XCTAssertEqual(bug.description.unicodeScalars.count, 371)
        XCTAssertTrue(bug.description.hasPrefix("https://www.starnail-sc.com/blog/archives/upfiles/%e3%83%9f"))

        let archived = try item(imported, "54b4a43564602713dd272d89")
        XCTAssertEqual(archived.title, "アイテムをストックへ保存するブックマークレット")
        XCTAssertTrue(archived.archived)
        XCTAssertEqual(archived.stage, "やりたいこと")
    }

    func testClipkitRanksFollowTrelloPositions() throws {
        let imported = try clipkit()
        let doing = imported.items.filter { $0.stage == "作業中" }
        XCTAssertEqual(doing.map(\.id), ["54d5857f43f63cbc3b13313c", "54d604f8e4f5224c797522ad", "54b4a49a178d3d6f997676b3",
                                         "54ecb9bb1eb1893c5b044d4f", "54f2a999abcffa5672fcaa03", "54f577d76d3051a860e718b1",
                                         "54f5789e290406a76a79a1da"])
        XCTAssertEqual(doing.map(\.rank), Rank.spread(7))
        for stage in imported.stages {
            let ranks = imported.items.filter { $0.stage == stage.id }.map(\.rank)
            XCTAssertEqual(ranks, ranks.sorted(), stage.name)
            XCTAssertEqual(Set(ranks).count, ranks.count, stage.name)
        }
    }

    func testClipkitAsANewBoard() throws {
        let board = try clipkit().makeBoard(by: "importer", at: t0)
        XCTAssertEqual(board.name, "Clipkit")
        XCTAssertEqual(board.stages.map { board.column($0.id).count }, [24, 8, 7, 27])
        XCTAssertEqual(board.column("作業中").first, "54d5857f43f63cbc3b13313c")
        let imports = board.activity.filter { $0.action == "import" }
        XCTAssertEqual(imports.count, 67)
        XCTAssertTrue(imports.allSatisfy { $0.by == "importer" && $0.at == t0 })
        // The rest is Trello's own history (its actions), at their original times.
        XCTAssertTrue(board.activity.filter { $0.action != "import" }.allSatisfy { $0.at < t0 && $0.by != "importer" })
        XCTAssertEqual(board.labels.count, 3)
        // The file format keeps all of it.
        XCTAssertEqual(try BoardDecoder.decode(Data(BoardEncoder.encode(board)), path: "x").board, board)
    }

    func testCreationTimeFromId() {
        XCTAssertEqual(TrelloImport.creationTime(ofID: "5ceedf1bc6515254e2db2b28"), 0x5ceedf1b)
        XCTAssertEqual(TrelloImport.creationTime(ofID: "5CEEDF1B"), 0x5ceedf1b)
        XCTAssertNil(TrelloImport.creationTime(ofID: "5ceedf1"))
        XCTAssertNil(TrelloImport.creationTime(ofID: "+ceedf1bc6515254e2db2b28"))
        XCTAssertNil(TrelloImport.creationTime(ofID: "card-1"))
    }

    // MARK: - Hand-made exports

    /// A current-schema export with the odd cases: a colour-only label, a card with only
    /// `idLabels`, a member missing from `members`, a card id Docket cannot keep, an empty
    /// title, a card of a list that is not in `lists`, an archived list, equal positions.
    static let small = """
    {"name": "Small", "lists": [
      {"id": "l3", "name": "Done", "closed": false, "pos": 300},
      {"id": "l1", "name": "Backlog", "closed": false, "pos": 100},
      {"id": "l2", "name": "Old", "closed": true, "pos": 200}],
     "labels": [{"id": "lb1", "name": "Feature", "color": "green"}, {"id": "lb2", "name": "", "color": "red"},
                {"id": "lb3", "name": "Unused", "color": null}],
     "members": [{"id": "m1", "username": "ann", "fullName": "Ann Example"}, {"id": "m2", "username": "", "fullName": ""}],
     "cards": [
      {"id": "5ceedf1bc6515254e2db2b28", "name": " Second ", "idList": "l1", "pos": 20, "closed": false,
       "desc": "Line 1\\nLine 2", "idMembers": ["m1", "ghost"], "labels": [{"id": "lb2", "name": "", "color": "red"}],
       "dateLastActivity": "2019-06-05T20:04:55.230Z", "due": "2019-07-01T12:00:00.000Z"},
      {"id": "5ca52cb575957147d4491882", "name": "First", "idList": "l1", "pos": 20, "idLabels": ["lb1"]},
      {"id": "not a valid id!", "name": "   ", "idList": "l2", "pos": 1},
      {"id": "5d000000aaaaaaaaaaaaaaaa", "name": "Lost", "idList": "l9", "pos": 1, "idMembers": ["m2"],
       "labels": [{"name": "bug", "color": "red"}]}],
     "checklists": [{"id": "c1", "idCard": "5ceedf1bc6515254e2db2b28", "checkItems": [
        {"name": "second check", "state": "incomplete", "pos": 2}, {"name": "first check", "state": "complete", "pos": 1}]}],
     "actions": [{"type": "commentCard"}, {"type": "updateCard"}]}
    """

    func testSmallExport() throws {
        let imported = try TrelloImport.parse(Data(Self.small.utf8))
        XCTAssertEqual(imported.stages.map(\.name), ["Backlog", "Done", "Trello list l9"])
        XCTAssertEqual(imported.stages.map(\.id), ["backlog", "done", "trello-list-l9"])
        XCTAssertEqual(imported.stages.map(\.kind), [.inbox, .done, .todo])
        XCTAssertEqual(imported.labels, [Label(name: "Feature", color: "green"), Label(name: "Unused"),
                                         Label(name: "red", color: "red"), Label(name: "bug", color: "red")])
        XCTAssertEqual(imported.people, [Person(handle: "ann", name: "Ann Example"), Person(handle: "m2")])
        XCTAssertEqual(imported.items.count, 4)

        let first = imported.items[0], second = imported.items[1]
        XCTAssertEqual(first.title, "First", "equal positions: ordered by id")
        XCTAssertEqual(first.labels, ["Feature"], "idLabels resolved through the board's labels")
        XCTAssertEqual(first.updated, first.created, "no dateLastActivity: updated = created")
        XCTAssertEqual(second.title, "Second")
        XCTAssertEqual(second.labels, ["red"], "a colour-only label is named by its colour")
        XCTAssertEqual(second.assignees, ["ann"])
        XCTAssertEqual(second.description, "Line 1\nLine 2")
        XCTAssertEqual(second.updated, ISODate.parse("2019-06-05T20:04:55Z"))
        XCTAssertLessThan(first.rank, second.rank)

        let untitled = imported.items[2]
        XCTAssertEqual(untitled.title, "(untitled card)")
        XCTAssertTrue(untitled.archived, "cards of an archived list are archived")
        XCTAssertEqual(untitled.stage, "backlog", "the archived list is no stage: the card waits in the first")
        XCTAssertEqual(untitled.archivedList, "Old")
        XCTAssertNotEqual(untitled.id, "not a valid id!")
        XCTAssertTrue(ItemID.isValid(untitled.id))
        XCTAssertEqual(untitled.created, 0, "no time in an invalid id, no dateLastActivity")

        let lost = imported.items[3]
        XCTAssertEqual(lost.stage, "trello-list-l9")
        XCTAssertEqual(lost.type, .bug)
        XCTAssertEqual(lost.assignees, ["m2"], "a member without a user name goes by id")

        XCTAssertEqual(second.due, "2019-07-01", "the due date, as a day")
        XCTAssertEqual(second.criteria, [Criterion(text: "first check", done: true), Criterion(text: "second check")],
                       "checklist items in their order, ticked when complete")
        XCTAssertEqual(imported.summary.notImported, ["1 comment without a card or text", "1 assignment of a person not in the export"])
        XCTAssertEqual(imported.summary.details, ["actions[0]: a comment without a card or text",
                                                  "card 5ceedf1bc6515254e2db2b28: assigned to member ghost, who is not in the export"])
        XCTAssertEqual(imported.summary.labelUses, ["Feature": 1, "red": 1, "bug": 1])
        XCTAssertEqual(imported.summary.closedStages, 1)
        XCTAssertEqual(imported.summary.archivedItems, 1)
    }

    // MARK: - Errors

    private func parseError(_ data: Data, file: StaticString = #filePath, line: UInt = #line) -> BoardFileError? {
        do {
            _ = try TrelloImport.parse(data, path: "board.json")
            XCTFail("expected an error", file: file, line: line)
        } catch let error as BoardFileError {
            return error
        } catch {
            XCTFail("expected BoardFileError, got \(error)", file: file, line: line)
        }
        return nil
    }

    func testTruncatedExport() throws {
        let data = try fixture("trello-clipkit-ja.json")
        let cut = data.prefix(upTo: try XCTUnwrap(data.prefix(100_000).lastIndex(of: UInt8(ascii: ","))))
        let error = try XCTUnwrap(parseError(cut))
        XCTAssertEqual(error.line, 1, "the export is one line")
        XCTAssertEqual(error.column, String(decoding: cut, as: UTF8.self).count + 1, "\(error)")
        XCTAssertTrue(error.message.contains("not valid JSON"), error.message)
        XCTAssertTrue(error.message.contains("end of file"), error.message)
        XCTAssertTrue(error.description.hasPrefix("board.json:1:"), error.description)
    }

    func testCorruptExportGivesThePlace() throws {
        let text = "{\"name\": \"x\",\n \"lists\": [{\"id\": \"l1\", \"name\": \"A\"}}],\n \"cards\": []}"
        let error = try XCTUnwrap(parseError(Data(text.utf8)))
        XCTAssertEqual(error.line, 2)
        XCTAssertEqual(error.column, 37, "\(error)")
        XCTAssertTrue(error.message.hasPrefix("not valid JSON"), error.message)
    }

    func testWrongTypeNamesTheField() throws {
        let text = "{\"lists\": [{\"id\": \"l1\", \"name\": \"A\"}],\n \"cards\": [{\"id\": \"c1\", \"name\": 42, \"idList\": \"l1\"}]}"
        let error = try XCTUnwrap(parseError(Data(text.utf8)))
        XCTAssertEqual(error.line, 2)
        XCTAssertEqual(error.column, 33, "\(error)")
        XCTAssertTrue(error.message.contains("cards[0].name: expected text"), error.message)
    }

    func testNotATrelloExport() throws {
        let noLists = try XCTUnwrap(parseError(Data("{\"name\": \"x\", \"cards\": []}".utf8)))
        XCTAssertEqual(noLists.message, "not a Trello board export: it has no \"lists\"")
        let array = try XCTUnwrap(parseError(Data("[1, 2]".utf8)))
        XCTAssertTrue(array.message.hasPrefix("not a Trello board export"), array.message)
        let docket = try XCTUnwrap(parseError(Data(BoardEncoder.encode(try sampleBoard()))))
        XCTAssertTrue(docket.message.hasPrefix("not a Trello board export"), docket.message)
        let empty = try XCTUnwrap(parseError(Data()))
        XCTAssertTrue(empty.message.hasPrefix("not valid JSON"), empty.message)
    }
}
