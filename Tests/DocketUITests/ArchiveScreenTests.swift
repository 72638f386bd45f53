import DocketCore
@testable import DocketUI
import Foundation
import XCTest

/// The archive screen (`D`): archived items newest first with when, by whom and why, search as
/// you type, `r` restores (undoable), Enter opens the details.
final class ArchiveScreenTests: XCTestCase {
    /// The demo board with three items put away at known moments: one archived with a reason,
    /// one declined, and a card of an archived Trello list whose stage is not on the board.
    static func archivedState(width: Int = 80, height: Int = 24) throws -> (AppState, [String]) {
        var board = DemoBoard.make(now: testNow, user: "test")
        let ready = board.column("ready"), ideas = board.column("ideas")
        let a = try XCTUnwrap(ready.first), b = try XCTUnwrap(ideas.first)
        try board.archive(a, reason: "not this year", by: "ann", at: testNow + 3600)
        try board.decline(b, reason: "duplicate of the SSO work", by: "pm", at: testNow + 7200)
        try board.addItem(title: "Dashboard tiles load lazily", stage: "ready", id: "5cd477ea64452a5f8b07be2b", by: "trello", at: testNow - 86400)
        try board.modify("5cd477ea64452a5f8b07be2b", by: "trello", at: testNow - 86400) {
            $0.stage = "dashboard-page"; $0.archived = true; $0.archivedList = "Dashboard Page"
        }
        var s = AppState(board: board, user: "test", fileLabel: "docket.json", size: Size(width: width, height: height))
        s.keepSelectionVisible()
        return (s, [b, a, "5cd477ea64452a5f8b07be2b"])
    }

    func archive(_ s: AppState) throws -> ArchiveScreen { try XCTUnwrap(s.top(as: ArchiveScreen.self), "the archive is open") }

    func testDOpensTheArchiveNewestFirstWithWhenWhoAndWhy() throws {
        var (s, ids) = try Self.archivedState()
        send(&s, .key(.char("D")))
        let a = try archive(s)
        let open = Set(s.board.items.values.filter(\.archived).map(\.id))
        XCTAssertEqual(Set(a.entries.map(\.id)), open, "every archived item, and only those")
        XCTAssertEqual(Array(a.entries.map(\.id).prefix(3)), ids, "newest first")
        XCTAssertEqual(a.entries[0].by, "pm")
        XCTAssertEqual(a.entries[0].why, "duplicate of the SSO work")
        XCTAssertEqual(a.entries[1].why, "not this year")
        XCTAssertEqual(a.entries[2].stage, "list “Dashboard Page”")
        XCTAssertTrue(a.entries[2].why.contains("Dashboard Page"))
        let text = render(s).renderText()
        XCTAssertTrue(text.contains("2026-11-29") && text.contains("not this year"), text)
        send(&s, .key(.escape))
        XCTAssertTrue(s.isOnBoard)
    }

    func testArchiveRecordsInOnePassAgreeWithArchiveRecordOf() throws {
        var (s, ids) = try Self.archivedState()
        try s.board.restore(ids[1], by: "bob", at: testNow + 9000)
        try s.board.archive(ids[1], reason: "again", by: "cy", at: testNow + 9001)
        let records = s.board.archiveRecords()
        XCTAssertEqual(Set(records.keys), Set(s.board.items.values.filter(\.archived).map(\.id)))
        for (id, r) in records {
            let one = try XCTUnwrap(s.board.archiveRecord(of: id))
            XCTAssertEqual([String(r.at), r.by, r.reason ?? "-"], [String(one.at), one.by, one.reason ?? "-"], id)
        }
        XCTAssertEqual(records[ids[1]]?.by, "cy", "the last archiving counts")
    }

    func testTheArchiveIsInThePalette() throws {
        var (s, _) = try Self.archivedState()
        send(&s, .key(.char(":")))
        send(&s, typed("archived"))
        send(&s, .key(.enter))
        XCTAssertNotNil(s.top(as: ArchiveScreen.self))
    }

    func testSearchNarrowsAsYouTypeEnterKeepsItEscDropsIt() throws {
        var (s, ids) = try Self.archivedState()
        send(&s, .key(.char("D")), .key(.char("/")))
        send(&s, typed("sso"))
        XCTAssertEqual(try archive(s).shown.map { try archive(s).entries[$0].id }, [ids[0]])
        send(&s, .key(.enter))
        XCTAssertFalse(try archive(s).searching)
        XCTAssertEqual(try archive(s).query.text, "sso", "Enter keeps the search")
        send(&s, .key(.char("j")))
        XCTAssertEqual(try archive(s).query.text, "sso", "keys go to the list again")
        send(&s, .key(.char("/")))
        send(&s, typed(" zzz"))
        XCTAssertEqual(try archive(s).shown, [])
        XCTAssertTrue(render(s).renderText().contains("nothing archived matches"))
        send(&s, .key(.escape))
        XCTAssertEqual(try archive(s).query.text, "")
        XCTAssertEqual(try archive(s).shown.count, try archive(s).entries.count, "Esc drops the search")
        XCTAssertNotNil(s.top(as: ArchiveScreen.self), "and stays in the archive")
    }

    func testRestorePutsTheItemBackInItsStageAsAnUndoableEdit() throws {
        var (s, ids) = try Self.archivedState()
        let id = ids[1]
        let rank = try XCTUnwrap(s.board.items[id]?.rank)
        send(&s, .key(.char("D")), .key(.char("j")))
        XCTAssertEqual(try archive(s).selected?.id, id)
        XCTAssertEqual(send(&s, .key(.char("r"))), [.save])
        let item = try XCTUnwrap(s.board.items[id])
        XCTAssertFalse(item.archived)
        XCTAssertEqual(item.stage, "ready")
        XCTAssertEqual(item.rank, rank, "at its rank")
        let column = s.board.column("ready")
        let ranks = column.compactMap { s.board.items[$0]?.rank }
        XCTAssertEqual(ranks, ranks.sorted(), "the column stays in rank order")
        XCTAssertTrue(s.status?.text.contains("restored") == true && s.status?.text.contains("Ready") == true, s.status?.text ?? "")
        XCTAssertFalse(try archive(s).entries.contains { $0.id == id }, "off the archive")
        XCTAssertEqual(try archive(s).selected?.id, ids[2], "the next row is selected")

        XCTAssertEqual(send(&s, .key(.char("u"))), [.save])
        XCTAssertEqual(s.board.items[id]?.archived, true, "u undoes the restore")
        XCTAssertTrue(try archive(s).entries.contains { $0.id == id }, "back in the archive")
        send(&s, .key(.ctrl("r")))
        XCTAssertEqual(s.board.items[id]?.archived, false)
        send(&s, .key(.escape))
        XCTAssertEqual(s.selectedItemID, id, "the board selects the restored item")
    }

    func testRestoringACardOfAStageNotOnTheBoardGoesToTheFirstStageAndSaysSo() throws {
        var (s, ids) = try Self.archivedState()
        send(&s, .key(.char("D")), .key(.char("/")))
        send(&s, typed("dashboard"))
        send(&s, .key(.enter))
        XCTAssertEqual(try archive(s).selected?.id, ids[2])
        send(&s, .key(.char("r")))
        let first = try XCTUnwrap(s.board.stages.first)
        XCTAssertEqual(s.board.items[ids[2]]?.stage, first.id)
        XCTAssertEqual(s.board.items[ids[2]]?.archived, false)
        let status = try XCTUnwrap(s.status?.text)
        XCTAssertTrue(status.contains(first.name) && status.contains("Dashboard Page") && status.contains("not a stage"), status)
    }

    func testEnterOpensTheDetailsAndEscComesBack() throws {
        var (s, ids) = try Self.archivedState()
        send(&s, .key(.char("D")), .key(.enter))
        XCTAssertEqual(s.top(as: DetailScreen.self)?.itemID, ids[0])
        send(&s, .key(.escape))
        XCTAssertNotNil(s.top(as: ArchiveScreen.self))
    }

    func testRestoreIsRefusedOnAReadOnlyBoard() throws {
        var (s, ids) = try Self.archivedState()
        s.readOnly = "a newer format"
        send(&s, .key(.char("D")))
        XCTAssertEqual(send(&s, .key(.char("r"))), [])
        XCTAssertEqual(s.board.items[ids[0]]?.archived, true)
        XCTAssertEqual(s.status?.isError, true)
    }

    func testAnEmptyArchiveSaysHowToArchive() {
        var s = AppState(board: Board(name: "T", stages: Board.defaultStages()), user: "t", fileLabel: "d.json", size: Size(width: 80, height: 24))
        send(&s, .key(.char("D")))
        XCTAssertEqual(send(&s, .key(.char("r"))), [])
        XCTAssertTrue(render(s).renderText().contains("nothing is archived"))
    }

    func testGoldenAt80x24() throws {
        var (s, _) = try Self.archivedState(width: 80, height: 24)
        send(&s, .key(.char("D")), .key(.char("j")))
        assertGolden(render(s), "archive-80x24")
    }

    func testGoldenAt160x45WhileSearching() throws {
        var (s, _) = try Self.archivedState(width: 160, height: 45)
        send(&s, .key(.char("D")), .key(.char("/")))
        send(&s, typed("ye"))
        assertGolden(render(s), "archive-160x45")
    }
}
