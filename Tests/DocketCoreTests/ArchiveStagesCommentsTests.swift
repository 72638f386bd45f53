import Foundation
import XCTest
@testable import DocketCore

/// Issue 13 in the model: archive and restore, stage management, comments, sprints, short
/// ids and unknown stages; their file form and merge.
final class ArchiveStagesCommentsTests: XCTestCase {
    let t0: Timestamp = 1_795_961_100

    func testArchiveKeepsTheReasonAndRestorePutsItBackAtItsRank() throws {
        var board = try sampleBoard(at: t0)
        let column = board.column("ready")
        let edit = try board.archive("aaaa0001", reason: "not our market", by: "pm", at: t0 + 10)
        XCTAssertEqual(board.column("ready"), column.filter { $0 != "aaaa0001" })
        XCTAssertEqual(board.items["aaaa0001"]?.archivedReason, "not our market")
        let record = try XCTUnwrap(board.archiveRecord(of: "aaaa0001"))
        XCTAssertEqual(record.at, t0 + 10)
        XCTAssertEqual(record.by, "pm")
        XCTAssertEqual(record.reason, "not our market")
        XCTAssertEqual(try Query.parse("is:archived").count(in: board, today: "2026-12-01"), 1)

        let restored = try board.restore("aaaa0001", by: "ann", at: t0 + 20)
        XCTAssertNil(restored.movedTo)
        XCTAssertEqual(board.column("ready"), column, "back in its stage, at its rank")
        XCTAssertNil(board.items["aaaa0001"]?.archivedReason)
        XCTAssertNil(board.archiveRecord(of: "aaaa0001"))

        var history = UndoHistory()
        history.record(edit)
        history.record(restored.edit)
        _ = history.undo(&board, by: "pm", at: t0 + 30)
        XCTAssertEqual(board.items["aaaa0001"]?.archived, true, "restore is undoable")
    }

    func testRestoreOfAnItemWhoseStageIsGoneGoesToTheFirstStage() throws {
        var board = try sampleBoard(at: t0)
        try board.modify("aaaa0003", by: "pm", at: t0) { $0.archived = true; $0.stage = "old-list"; $0.archivedList = "Old list" }
        let restored = try board.restore("aaaa0003", by: "pm", at: t0 + 5)
        XCTAssertEqual(restored.movedTo, "inbox")
        XCTAssertEqual(board.items["aaaa0003"]?.stage, "inbox")
        XCTAssertNil(board.items["aaaa0003"]?.archivedList)
        XCTAssertEqual(board.column("inbox").last, "aaaa0003")
    }

    func testStageManagementIsUndoableAndChecked() throws {
        var board = try sampleBoard(at: t0)
        let before = board
        var history = UndoHistory()
        history.record(try board.changeStages("moved Done", by: "pm", at: t0) { try $0.moveStage("done", to: 0) })
        XCTAssertEqual(board.stages.map(\.id), ["done", "inbox", "ideas", "ready", "doing", "review"])
        history.record(try board.changeStages("hid Ideas", by: "pm", at: t0) { try $0.setStageHidden("ideas", true) })
        history.record(try board.changeStages("sla", by: "pm", at: t0) { try $0.setStageSLA("doing", days: try BoardHeader.parseSLA("3d")) })
        XCTAssertEqual(board.stages.first { $0.id == "doing" }?.slaDays, 3)
        XCTAssertEqual(try BoardHeader.parseSLA("2w"), 14)
        XCTAssertNil(try BoardHeader.parseSLA("none"))
        XCTAssertThrowsError(try BoardHeader.parseSLA("soon"))
        XCTAssertThrowsError(try board.changeStages("x", by: "pm", at: t0) { try $0.renameStage("doing", to: "ready") }, "a name another stage has")

        XCTAssertThrowsError(try board.removeStage("ready", moveTo: nil, by: "pm", at: t0), "ready holds items") { e in
            XCTAssertTrue("\(e)".contains("--move-to"), "\(e)")
        }
        let removal = try board.removeStage("ready", moveTo: "ideas", by: "pm", at: t0 + 1)
        history.record(removal)
        XCTAssertFalse(board.stages.contains { $0.id == "ready" })
        XCTAssertEqual(Set(board.column("ideas")), ["aaaa0001", "aaaa0002"])
        XCTAssertEqual(board.activity.last?.action, "stage")
        XCTAssertTrue(board.activity.contains { $0.action == "move" && $0.item == "aaaa0001" })
        for _ in 0..<4 { _ = history.undo(&board, by: "pm", at: t0 + 2) }
        XCTAssertEqual(board.stages, before.stages)
        XCTAssertEqual(board.column("ready"), before.column("ready"))
    }

    func testNewFieldsSurviveTheFileAndMergeCommentsOneByOne() throws {
        var base = try sampleBoard(at: t0)
        try base.changeStages("x", by: "pm", at: t0) { try $0.setStageHidden("ideas", true); try $0.setStageSLA("doing", days: 4) }
        try base.modify("aaaa0002", by: "pm", at: t0) { $0.sprints = ["Sprint 12, part 2", "Sprint 13"] }
        try base.addComment("aaaa0001", text: "first", by: "ann", at: t0 + 1)
        try base.archive("aaaa0003", reason: "dropped", by: "pm", at: t0 + 2)
        let bytes = BoardEncoder.encode(base)
        let back = try BoardDecoder.decode(Data(bytes), path: "b.json").board
        XCTAssertEqual(back, base)
        XCTAssertEqual(BoardEncoder.encode(back), bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("\"hidden\": true"), "stage fields in the header")
        XCTAssertTrue(text.contains("\"slaDays\": 4"))
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("\"id\": \"aaaa0001\"") })
        XCTAssertTrue(line.contains("\"comments\": [{\"by\": \"ann\""), "comments stay in the item's line: \(line)")

        var ours = base, theirs = base
        try ours.addComment("aaaa0001", text: "from us", by: "ann", at: t0 + 10)
        try theirs.addComment("aaaa0001", text: "from them", by: "bob", at: t0 + 11)
        try theirs.addComment("aaaa0002", text: "elsewhere", by: "bob", at: t0 + 12)
        let (merged, conflicts) = BoardMerge.merge(base: base, ours: ours, theirs: theirs)
        XCTAssertEqual(merged.items["aaaa0001"]?.comments.map(\.text), ["first", "from us", "from them"])
        XCTAssertEqual(merged.items["aaaa0002"]?.comments.map(\.text), ["elsewhere"])
        XCTAssertFalse(conflicts.contains { $0.contains("comments") }, "\(conflicts)")
    }

    func testSprintQueries() throws {
        var board = try sampleBoard(at: t0)
        try board.modify("aaaa0002", by: "pm", at: t0) { $0.sprints = ["Sprint 12", "Sprint 13, the long one"] }
        let count = { (q: String) in try Query.parse(q).count(in: board, today: "2026-12-01") }
        XCTAssertEqual(try count("sprint:\"Sprint 12\""), 1)
        XCTAssertEqual(try count("sprint:\"sprint 13, the long one\""), 1, "whole names, any case, commas inside")
        XCTAssertEqual(try count("sprint:\"Sprint 1\""), 0, "not a prefix")
        XCTAssertEqual(try count("-sprint:\"Sprint 12\""), 2)
    }

    func testShortIDs() throws {
        var board = try sampleBoard(at: t0)
        for id in ["5ceedf1bc6515254e2db2b28", "5ceedf1bc6515254e2db2c99", "5ca52cb575957147d4491882"] {
            try board.addItem(title: id, stage: "ready", id: id, by: "pm", at: t0)
        }
        try board.addItem(title: "jira", stage: "ready", id: "PROJECT-1234", by: "pm", at: t0)
        try board.addItem(title: "clash", stage: "ready", id: "5ca5zzzz", by: "pm", at: t0)
        XCTAssertEqual(board.shortID("aaaa0001"), "aaaa0001", "our own ids are short already")
        XCTAssertEqual(board.shortID("PROJECT-1234"), "PROJECT-1234", "a Jira key as it is")
        XCTAssertEqual(board.shortID("5ceedf1bc6515254e2db2b28"), "5ceedf1bc6515254e2db2b", "the shortest prefix no other long id has")
        XCTAssertEqual(board.shortID("5ca52cb575957147d4491882"), "5ca5")
        XCTAssertEqual(try board.item(matching: "5ca5").id, "5ca52cb575957147d4491882", "the short id names its item though 5ca5zzzz shares it")
        XCTAssertThrowsError(try board.item(matching: "5cee"))
        try board.modify("5ceedf1bc6515254e2db2c99", by: "pm", at: t0) { $0.title = "kept" }
        var copy = board
        _ = copy.upsert([], header: nil, action: "noop", summary: "", by: "pm", at: t0)
        XCTAssertEqual(copy.shortID("5ceedf1bc6515254e2db2b28"), "5ceedf1bc6515254e2db2b")
    }

    func testUnknownStagesAreNamed() throws {
        var board = try sampleBoard(at: t0)
        try board.modify("aaaa0001", by: "pm", at: t0) { $0.stage = "redy" }
        XCTAssertEqual(board.unknownStageIDs(), ["redy"])
        XCTAssertEqual(board.column("redy"), ["aaaa0001"])
        XCTAssertTrue(BoardCheck.problems(board).contains { $0.message.contains("redy") })
    }
}

/// Issue 13 in the importers: GitHub's milestone forms and not_planned, Jira comments.
final class ImportKeepsOrNamesTests: XCTestCase {
    func testGitHubMilestoneAsObjectStringOrNumberAndNotPlanned() throws {
        let json = """
            [{"number": 1, "title": "A", "state": "open", "milestone": {"title": "v1", "due_on": "2026-12-24T00:00:00Z"}},
             {"number": 2, "title": "B", "state": "open", "milestone": "1"},
             {"number": 3, "title": "C", "state": "closed", "state_reason": "not_planned", "milestone": 2},
             {"number": 4, "title": "D", "state": "closed", "state_reason": "completed", "milestone": null,
              "comments": [{"author": {"login": "ann"}, "body": "looks good", "createdAt": "2026-11-01T10:00:00Z"}]},
             {"number": 5, "title": "E", "state": "open", "comments": 3}]
            """
        let b = try GitHubIssuesImport.parse(Data(json.utf8), path: "issues.json")
        let byID = Dictionary(uniqueKeysWithValues: b.items.map { ($0.id, $0) })
        XCTAssertEqual(byID["gh-1"]?.release, "v1")
        XCTAssertEqual(byID["gh-2"]?.release, "1")
        XCTAssertEqual(byID["gh-3"]?.release, "2")
        XCTAssertEqual(byID["gh-3"]?.archived, true)
        XCTAssertEqual(byID["gh-3"]?.archivedReason, "closed as not planned on GitHub")
        XCTAssertEqual(byID["gh-4"]?.archived, false, "completed is done, not archived")
        XCTAssertEqual(byID["gh-4"]?.comments, [Comment(author: "ann", at: ISODate.parse("2026-11-01T10:00:00Z")!, text: "looks good")])
        XCTAssertEqual(byID["gh-5"]?.comments, [], "a count is not comments")
        XCTAssertEqual(b.summary.archivedItems, 1)
    }

    func testJiraCommentsAndSprintsInline() throws {
        let csv = """
            Summary,Issue key,Status,Status Category,Assignee,Assignee Id,Sprint,Sprint,Comment,Comment,Story Points
            Login,K-1,In Review,In Progress,Ann Lee,acc-1,"Sprint 12, part 2",Sprint 13,01/Mar/26 9:00 AM;acc-1;Looks fine,garbage,abc
            Signup,K-2,In Progress,In Progress,,,,,,,3

            """
        let b = try JiraCSVImport.parse(Data(csv.utf8), path: "j.csv")
        XCTAssertEqual(b.stages.map(\.name), ["In Progress", "In Review"], "review after progress within a category")
        let login = try XCTUnwrap(b.items.first { $0.id == "K-1" })
        XCTAssertEqual(login.sprints, ["Sprint 12, part 2", "Sprint 13"])
        XCTAssertEqual(login.comments, [Comment(author: "Ann Lee", at: JiraDate.parse("01/Mar/26 9:00 AM")!, text: "Looks fine")])
        XCTAssertNil(login.points)
        XCTAssertEqual(b.summary.details, ["line 2 (K-1): points \"abc\" is not a number ≥ 0, left empty",
                                           "line 2 (K-1): a comment not in the form date;author;text"])
        XCTAssertEqual(b.items.first { $0.id == "K-2" }?.points, 3)
    }

    func testReimportKeepsTheUsersStageOrder() throws {
        let imported = try JiraCSVImport.parse(try sharedData("jira-k608-scrum.csv"), path: "k608.csv")
        XCTAssertEqual(imported.stages.map(\.name), ["To Do", "In Progress", "In Review", "Done"])
        var board = imported.makeBoard(by: "pm", at: 1_795_961_100)
        let review = try board.stage(named: "In Review")
        try board.changeStages("moved", by: "pm", at: 1_795_961_200) { try $0.moveStage(review.id, to: 0) }
        let order = board.stages.map(\.name)
        XCTAssertEqual(order, ["In Review", "To Do", "In Progress", "Done"])
        let again = imported.merge(into: board, by: "pm", at: 1_795_961_300).board
        XCTAssertEqual(again.stages.map(\.name), order, "a re-import keeps the board's own order")
        XCTAssertEqual(again.items.count, board.items.count)
    }

    func testJSONRoundTripKeepsCommentsAndSprints() throws {
        let b = try JiraCSVImport.parse(try sharedData("jira-k608-scrum.csv"), path: "k608.csv")
        let board = b.makeBoard(by: "pm", at: 1_795_961_100)
        let json = try BoardExport.render(board, ExportRequest(format: .json, now: 1_795_961_100))
        let back = try BoardDecoder.decode(Data(json), path: "export.json").board
        XCTAssertEqual(back.items.values.reduce(0) { $0 + $1.sprints.count }, 91)
        XCTAssertEqual(back.items.values.reduce(0) { $0 + $1.comments.count }, board.items.values.reduce(0) { $0 + $1.comments.count })
        XCTAssertEqual(back, board)
        let csv = try BoardExport.render(board, ExportRequest(format: .csv, now: 1_795_961_100))
        let again = try GenericCSVImport.parse(Data(csv), path: "export.csv", map: [:])
        XCTAssertEqual(again.items.reduce(0) { $0 + $1.sprints.count }, 91, "the CSV export keeps them too")
        let markdown = String(decoding: try BoardExport.render(board, ExportRequest(format: .markdown, now: 1_795_961_100)), as: UTF8.self)
        let commented = try XCTUnwrap(board.itemsInBoardOrder().first { !$0.comments.isEmpty })
        XCTAssertTrue(markdown.contains("    % " + ItemListJSON.commentText(commented.comments[0]).split(separator: "\n")[0]), "Markdown lists comments")
        let fromMarkdown = try TaskellImport.parse(Data(markdown.utf8), path: "export.md")
        XCTAssertEqual(fromMarkdown.items.first { $0.title == commented.title }?.comments.count, commented.comments.count)
    }
}
