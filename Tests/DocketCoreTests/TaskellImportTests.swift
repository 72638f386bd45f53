import DocketCore
import Foundation
import XCTest

/// taskell and plain Markdown checklist imports of the files in `../shared/data`, edge cases,
/// and a round trip through `MarkdownExport`.
final class TaskellImportTests: XCTestCase {
    private func parse(_ name: String) throws -> ImportedBoard {
        try TaskellImport.parse(try sharedData(name), path: name)
    }

    private func parse(text: String) throws -> ImportedBoard {
        try TaskellImport.parse(Data(text.utf8), path: "test.md")
    }

    private func items(_ b: ImportedBoard, stage name: String) -> [Item] {
        guard let s = b.stages.first(where: { $0.name == name }) else { return [] }
        return b.items.filter { $0.stage == s.id }
    }

    func testTaskellRoadmap() throws {
        let b = try parse("taskell-taskell-roadmap.md")
        XCTAssertEqual(b.stages.map(\.name), ["Misc.", "Refactoring", "Bugs", "Features", "In Progress", "Done"])
        XCTAssertEqual(b.stages.map(\.kind), [.todo, .todo, .todo, .todo, .doing, .done])
        XCTAssertEqual(b.items.count, 210)
        XCTAssertEqual(items(b, stage: "Done").count, 165)
        let criteria = b.items.flatMap(\.criteria)
        XCTAssertEqual(criteria.count, 115)
        XCTAssertEqual(criteria.filter(\.done).count, 78)
        XCTAssertEqual(b.summary.source, "taskell")
        XCTAssertEqual(b.summary.items, 210)
        XCTAssertEqual(b.summary.notImported, [])
        XCTAssertEqual(Set(b.items.map(\.id)).count, 210)
        XCTAssertTrue(b.items.allSatisfy { ItemID.isValid($0.id) && !$0.archived && $0.parent == nil })
        let flatpak = try XCTUnwrap(b.items.first { $0.title == "Add to Flatpack" })
        XCTAssertEqual(flatpak.description, "https://opensource.com/article/19/10/how-build-flatpak-packaging")
        let github = try XCTUnwrap(b.items.first { $0.title == "Refactor IO.Github" })
        XCTAssertEqual(github.criteria, [Criterion(text: "Issue -> AutomatedCard", done: true),
                                         Criterion(text: "Tidy up logic"), Criterion(text: "Less nesting")])
        // Ranks ascend within every stage.
        for s in b.stages {
            let ranks = b.items.filter { $0.stage == s.id }.map(\.rank)
            XCTAssertEqual(ranks, ranks.sorted(), s.name)
            XCTAssertEqual(Set(ranks).count, ranks.count, s.name)
        }
    }

    func testTaskellParkingApp() throws {
        let b = try parse("taskell-parking-app.md")
        XCTAssertEqual(b.stages.map(\.name), ["To Do (Business)", "To Do (Technical)", "Doing (Business)",
                                              "Doing (Technical)", "For Review", "Done", "Sources"])
        XCTAssertEqual(b.items.count, 18)
        XCTAssertEqual(items(b, stage: "For Review").count, 0)
        XCTAssertEqual(items(b, stage: "Done").count, 0)
        XCTAssertEqual(b.stages.first { $0.name == "Done" }?.kind, .done)
        XCTAssertEqual(b.stages.first { $0.name == "For Review" }?.kind, .doing)
        XCTAssertEqual(b.items.flatMap(\.criteria).count, 37)
        XCTAssertEqual(b.items.flatMap(\.criteria).filter(\.done).count, 1)
        XCTAssertEqual(b.items.filter { !$0.description.isEmpty }.count, 8)
        // `@` inside a title is not a due date.
        let natural = try XCTUnwrap(b.items.first { $0.title.contains("@NaturalId") })
        XCTAssertEqual(natural.title, "Refactor Repositories and Entities to use @NaturalId")
        XCTAssertNil(natural.due)
        XCTAssertTrue(b.items.allSatisfy { $0.due == nil })
        XCTAssertTrue(b.items.contains { $0.criteria.contains { $0.text.hasPrefix("https://github.com/") } })
    }

    func testRoadmapStandardForPublicCode() throws {
        let b = try parse("roadmap-standard-for-public-code.md")
        XCTAssertEqual(b.name, "Roadmap")
        XCTAssertEqual(b.stages.map(\.name), ["Current work", "Near term", "Longer term"])
        XCTAssertEqual(b.items.count, 15)
        XCTAssertEqual(items(b, stage: "Current work").count, 2)
        XCTAssertEqual(items(b, stage: "Near term").count, 2)
        XCTAssertEqual(items(b, stage: "Longer term").count, 11)
        // The nested bullet is an item whose parent is the bullet above it.
        let parent = try XCTUnwrap(b.items.first { $0.title == "As far as possible, make the standard Standard-compliant" })
        let child = try XCTUnwrap(b.items.first { $0.title == "Obtain committed collaborating organizations" })
        XCTAssertEqual(child.parent, parent.id)
        XCTAssertEqual(b.summary.source, "Markdown")
        XCTAssertFalse(b.summary.notImported.isEmpty)  // the prose paragraphs
    }

    func testChecklistAndDueDates() throws {
        let b = try parse(text: """
            <!-- a comment
            over two lines -->

            # Plan

            ## Week 1

            - [ ] open task
            - [x] finished task
            - card with @mention
                @ 2026-12-01
                > line one
                >
                > line three
                - [X] sub done
            - card with bad date
                @ someone

            ## Empty
            """)
        XCTAssertEqual(b.name, "Plan")
        XCTAssertEqual(b.stages.map(\.name), ["Week 1", "Empty"])
        XCTAssertEqual(b.items.map(\.title), ["open task", "finished task", "card with @mention", "card with bad date"])
        XCTAssertEqual(b.items.map(\.archived), [false, true, false, false])
        XCTAssertEqual(b.summary.archivedItems, 1)
        XCTAssertEqual(b.items[2].due, "2026-12-01")
        XCTAssertEqual(b.items[2].description, "line one\n\nline three")
        XCTAssertEqual(b.items[2].criteria, [Criterion(text: "sub done", done: true)])
        XCTAssertNil(b.items[3].due)
    }

    func testInvalidUTF8IsAnErrorWithTheLine() {
        let data = Data("## To do\n- One\n- T".utf8) + Data([0xC3, 0x28]) + Data("wo\n".utf8)
        XCTAssertThrowsError(try TaskellImport.parse(data, path: "t.md")) { error in
            XCTAssertEqual("\(error)", "t.md:3: the file is not valid UTF-8 text")
        }
    }

    func testNotMarkdownThrows() {
        XCTAssertThrowsError(try parse(text: "just some prose\nand more\n"))
        XCTAssertThrowsError(try parse(text: ""))
    }

    func testDemoBoardRoundTrip() throws {
        let board = DemoBoard.make(now: 1_790_000_000, user: "ana")
        var open = board.itemsInBoardOrder()
        // The demo items carry no criteria: give two of them some (and a due date), so the
        // round trip covers every sub-line MarkdownExport writes.
        open[0].criteria = [Criterion(text: "Works offline", done: true), Criterion(text: "Has @ sign [x] inside")]
        open[0].due = "2026-12-24"
        open[open.count - 1].criteria = [Criterion(text: "Reviewed")]
        let markdown = MarkdownExport.render(board, items: open)
        let b = try TaskellImport.parse(Data(markdown.utf8), path: "demo.md")
        XCTAssertEqual(b.stages.map(\.name), board.stages.map(\.name))
        for s in board.stages {
            let before = open.filter { $0.stage == s.id }
            let after = items(b, stage: s.name)
            XCTAssertEqual(after.map(\.title), before.map(\.title), s.name)
            XCTAssertEqual(after.map(\.description), before.map { $0.description.replacingOccurrences(of: "\r\n", with: "\n") }, s.name)
            XCTAssertEqual(after.map(\.criteria), before.map(\.criteria), s.name)
            XCTAssertEqual(after.map(\.due), before.map(\.due), s.name)
        }
        XCTAssertGreaterThan(open.filter { !$0.description.isEmpty }.count, 0)
    }
}

/// Importing the same Markdown twice updates the items it created instead of duplicating them.
final class TaskellReimportTests: XCTestCase {
    func testReimportMatchesTheSameItems() throws {
        let md = "## To do\n- Write the spec\n- Write the spec\n- Ship it\n## Done\n- Kick-off\n"
        let first = try TaskellImport.parse(Data(md.utf8), path: "t.md")
        let second = try TaskellImport.parse(Data(md.utf8), path: "t.md")
        XCTAssertEqual(first.items.map(\.id), second.items.map(\.id))
        XCTAssertEqual(Set(first.items.map(\.id)).count, 4, "two cards with the same title get different ids")
        let board = first.makeBoard(by: "t", at: 1)
        let again = second.merge(into: board, by: "t", at: 2).board
        XCTAssertEqual(again.items.count, 4)
    }
}
