import DocketCore
import Foundation
import XCTest

/// `docket check`: what a hand edit or a bad merge leaves behind, found and repaired.
final class BoardCheckTests: XCTestCase {
    func testFindsAndFixesEveryKindOfProblem() throws {
        let stages = Board.defaultStages()
        var board = Board(name: "b", stages: stages, items: [
            Item(id: "lost0001", title: "In no stage", stage: "nowhere", rank: "i", created: 0),
            Item(id: "twin0001", title: "Twin 1", stage: "ready", rank: "k", created: 0),
            Item(id: "twin0002", title: "Twin 2", stage: "ready", rank: "k", created: 0),
            { var i = Item(id: "dang0001", title: "Dangling", stage: "inbox", rank: "m", created: 0)
              i.parent = "gone0001"; i.duplicateOf = "gone0002"; return i }(),
        ])
        let problems = BoardCheck.problems(board)
        XCTAssertEqual(Set(problems.map(\.item)), ["lost0001", "twin0002", "dang0001"])
        XCTAssertEqual(problems.filter { $0.item == "dang0001" }.count, 2)
        let before = board
        let (edit, changed) = try BoardCheck.fix(&board, by: "t", at: 5)
        XCTAssertEqual(BoardCheck.problems(board), [], "\(changed)")
        XCTAssertEqual(board.items["lost0001"]?.stage, stages[0].id, "moved where it can be seen")
        XCTAssertEqual(board.column("ready"), ["twin0001", "twin0002"], "their order is kept")
        XCTAssertNil(board.items["dang0001"]?.parent)
        XCTAssertFalse(changed.isEmpty)
        var history = UndoHistory()
        history.record(edit)
        _ = history.undo(&board, by: "t", at: 6)
        XCTAssertEqual(board.items, before.items, "one undo step")
    }

    func testACleanBoardHasNoProblems() {
        XCTAssertEqual(BoardCheck.problems(DemoBoard.make(now: 1_795_953_600, user: "t")), [])
    }

    /// A bad hand merge: a copied item line with another title and an empty rank, and a rank
    /// of `!!`. The normal read refuses the file; the repair read lets it through, and the
    /// repair keeps every item.
    func testDuplicateIdsAndInvalidRanksAreReadReportedAndRepaired() throws {
        let text = """
        {"format": "docket", "version": 1, "name": "b",
        "stages": [{"id": "inbox", "name": "Inbox", "kind": "inbox"}, {"id": "done", "name": "Done", "kind": "done"}],
        "items": [
        {"id": "twin0001", "title": "Original", "stage": "inbox", "rank": "k", "created": "2026-01-01T00:00:00Z"},
        {"id": "bang0001", "title": "Bang", "stage": "inbox", "rank": "!!", "created": "2026-01-01T00:00:00Z"},
        {"id": "last0001", "title": "Last", "stage": "inbox", "rank": "p", "created": "2026-01-01T00:00:00Z"},
        {"id": "twin0001", "title": "Copy", "stage": "inbox", "rank": "", "created": "2026-01-01T00:00:00Z"}
        ]}
        """
        let data = Data(text.utf8)
        XCTAssertThrowsError(try BoardDecoder.decode(data, path: "b.json")) { error in
            XCTAssertTrue("\(error)".hasSuffix("run `docket check --fix` to repair"), "\(error)")
        }
        let (loaded, defects) = try BoardDecoder.decodeForRepair(data, path: "b.json")
        // `check` names the id that `check --fix` will give: the same on every read.
        XCTAssertEqual(try BoardDecoder.decodeForRepair(data, path: "b.json").1.duplicateIDs.map(\.newID), defects.duplicateIDs.map(\.newID))
        XCTAssertEqual(loaded.board.items.count, 4, "both twins read")
        XCTAssertEqual(defects.duplicateIDs.map { [$0.id, $0.title, $0.keptTitle] }, [["twin0001", "Copy", "Original"]])
        XCTAssertEqual(defects.duplicateIDs.map { [$0.line, $0.keptLine] }, [[7, 4]])
        XCTAssertEqual(Set(defects.invalidRanks.map(\.line)), [5, 7])

        let problems = BoardCheck.problems(loaded.board, defects: defects)
        let twin = try XCTUnwrap(problems.first { $0.message.contains("two items have this id") })
        XCTAssertEqual(twin.line, 7)
        XCTAssertTrue(twin.description.contains("twin0001") && twin.description.contains("'Copy'") && twin.description.contains("'Original'"))
        XCTAssertEqual(problems.filter { $0.message.contains("is not valid") }.map(\.item).sorted(), ["bang0001", "twin0001"],
                       "the renamed twin is named by the id the file has")

        var board = loaded.board
        let (_, said) = try BoardCheck.fix(&board, defects: defects, by: "t", at: 5)
        XCTAssertEqual(BoardCheck.problems(board), [], "\(said)")
        XCTAssertTrue(said.contains { $0.contains(defects.duplicateIDs[0].newID) }, "\(said)")
        XCTAssertEqual(board.items.values.map(\.title).sorted(), ["Bang", "Copy", "Last", "Original"], "nothing lost")
        XCTAssertEqual(board.items["twin0001"]?.title, "Original", "the first keeps the id")
        XCTAssertEqual(board.column("inbox").map { board.items[$0]!.title }, ["Original", "Last", "Copy", "Bang"],
                       "invalid ranks go to the end, in their (rank) order")
        let written = try BoardDecoder.decode(Data(BoardEncoder.encode(board)), path: "b.json")
        XCTAssertEqual(written.board.items.count, 4, "the repaired board loads normally")
    }

    func testBytesThatAreNotUTF8AreReportedByLineAndWrittenOnlyByFix() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("b.json")
        var board = Board(name: "b", stages: Board.defaultStages())
        _ = try board.addItem(title: "Itam", stage: "inbox", by: "t", at: 1)
        _ = try board.addItem(title: "Fine", stage: "inbox", by: "t", at: 1)
        var bytes = BoardEncoder.encode(board)
        let a = try XCTUnwrap((0..<bytes.count - 4).first { bytes[$0..<($0 + 4)].elementsEqual("Itam".utf8) })
        bytes[a + 2] = 0xFF  // "It\xFFm"
        try Data(bytes).write(to: url)
        let line = bytes[..<a].filter { $0 == 10 }.count + 1

        let (loaded, defects) = try BoardStore.loadForRepair(url)
        XCTAssertEqual(defects.invalidTextLines, [line])
        let problems = BoardCheck.problems(loaded.board, defects: defects)
        XCTAssertEqual(problems.map(\.line), [line])
        XCTAssertTrue(problems[0].message.contains("not UTF-8"), problems[0].message)
        let valid = BoardEncoder.encode(board)
        XCTAssertEqual(valid.withUnsafeBufferPointer { ReadDefects.linesNotUTF8($0) }, [], "a valid file has none")

        let said = try BoardStore.repair(url) { board, defects in try BoardCheck.fix(&board, defects: defects, by: "t", at: 5).1 }
        XCTAssertTrue(said.contains { $0.contains("line \(line)") && $0.contains("not UTF-8") }, "\(said)")
        let (fixed, after) = try BoardStore.loadForRepair(url)
        XCTAssertTrue(after.isEmpty, "fixed")
        XCTAssertEqual(Set(fixed.board.items.values.map(\.title)), ["It\u{FFFD}m", "Fine"])
    }

    func testNamesTheBoardDoesNotListAreFlaggedAndAdded() throws {
        var item = Item(id: "name0001", title: "Named", stage: "inbox", rank: "i", created: 0)
        item.labels = ["ui", "new-label"]; item.assignees = ["ann", "eve"]; item.release = "v9"
        var board = Board(name: "b", stages: Board.defaultStages(), releases: [Release(name: "v1")],
                          people: [Person(handle: "ann")], labels: [Label(name: "ui")], items: [item])
        XCTAssertEqual(BoardCheck.problems(board).map(\.message),
                       ["label 'new-label' is not on the board's list", "assignee 'eve' is not on the board's list",
                        "release 'v9' is not on the board's list"])
        let (edit, said) = try BoardCheck.fix(&board, by: "t", at: 5)
        XCTAssertEqual(said.count, 3, "\(said)")
        XCTAssertEqual(BoardCheck.problems(board), [])
        XCTAssertEqual(board.labels.map(\.name), ["ui", "new-label"])
        XCTAssertEqual(board.people.map(\.handle), ["ann", "eve"])
        XCTAssertEqual(board.releases.map(\.name), ["v1", "v9"])
        XCTAssertNotNil(edit.header, "undoable as a header change")
    }

    /// A filtered JSON export drops references to items it leaves out, so it passes `check`.
    func testFilteredJSONExportPassesCheck() throws {
        var child = Item(id: "kid00001", title: "Child", stage: "inbox", rank: "i", created: 0)
        child.parent = "epic0001"; child.duplicateOf = "dupe0001"; child.labels = ["ui"]
        var inside = Item(id: "kid00002", title: "Child two", stage: "inbox", rank: "k", created: 0)
        inside.parent = "kid00001"; inside.labels = ["ui"]
        let board = Board(name: "b", stages: Board.defaultStages(), labels: [Label(name: "ui")], items: [
            Item(id: "epic0001", title: "Epic", type: .epic, stage: "inbox", rank: "c", created: 0),
            Item(id: "dupe0001", title: "Original", stage: "inbox", rank: "e", created: 0),
            child, inside,
        ])
        let bytes = try BoardExport.render(board, ExportRequest(format: .json, query: try Query.parse("label:ui"), now: 0))
        let exported = try BoardDecoder.decode(Data(bytes), path: "e.json").board
        XCTAssertEqual(Set(exported.items.keys), ["kid00001", "kid00002"])
        XCTAssertEqual(BoardCheck.problems(exported), [])
        XCTAssertNil(exported.items["kid00001"]?.parent)
        XCTAssertEqual(exported.items["kid00002"]?.parent, "kid00001", "a reference inside the export is kept")
    }
}
