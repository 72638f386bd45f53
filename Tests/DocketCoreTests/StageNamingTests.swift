import XCTest
import DocketCore

final class StageNamingTests: XCTestCase {
    func testKindsFromNames() {
        let cases: [(String, Bool, StageKind)] = [
            ("Done", false, .done), ("Closed", false, .done), ("完了", false, .done), ("クローズ", false, .done),
            ("Shipped to prod", false, .done),
            ("Doing", false, .doing), ("In Progress", false, .doing), ("作業中", false, .doing),
            ("Ready for QA", false, .doing), ("Code review", false, .doing),
            ("Backlog/Future Work/Ideas", true, .inbox), ("Inbox", true, .inbox), ("バックログ", true, .inbox),
            ("Backlog", false, .todo), ("To Do", false, .todo), ("やること", true, .todo), ("Ideas", true, .todo),
            ("Aqua", false, .todo), ("Doneness", false, .todo), ("Documentation/Release Notes", false, .todo),
        ]
        for (name, first, kind) in cases {
            XCTAssertEqual(StageNaming.kind(forName: name, isFirst: first), kind, name)
        }
    }

    func testIdsFromNames() {
        XCTAssertEqual(StageNaming.id(forName: "Backlog/Future Work/Ideas", avoiding: []), "backlog-future-work-ideas")
        XCTAssertEqual(StageNaming.id(forName: "  In Progress!! ", avoiding: []), "in-progress")
        XCTAssertEqual(StageNaming.id(forName: "作業中", avoiding: []), "作業中")
        XCTAssertEqual(StageNaming.id(forName: "🚀", avoiding: []), "stage")
        XCTAssertEqual(StageNaming.id(forName: "Done", avoiding: ["done"]), "done-2")
        XCTAssertEqual(StageNaming.id(forName: "Done", avoiding: ["done", "done-2"]), "done-3")
    }
}
