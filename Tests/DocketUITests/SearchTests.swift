import DocketCore
@testable import DocketUI
import XCTest

/// `/` searches incrementally; `n`/`N` jump between matches; Esc goes back.
final class SearchTests: XCTestCase {
    func testIncrementalSearchSelectsTheFirstMatchAndNJumps() throws {
        var s = demoState(width: 120, height: 30)
        let origin = s.selectedItemID
        send(&s, .key(.char("/")))
        send(&s, typed("recurring"))
        let first = try XCTUnwrap(s.selectedItemID)
        XCTAssertTrue(s.board.items[first]!.title.lowercased().contains("recurring"))
        XCTAssertEqual(send(&s, .key(.enter)), [])
        XCTAssertTrue(s.isOnBoard, "back on the board")
        send(&s, .key(.char("n")))
        let second = try XCTUnwrap(s.selectedItemID)
        XCTAssertNotEqual(second, first)
        XCTAssertTrue(s.board.items[second]!.title.lowercased().contains("recurring"))
        send(&s, .key(.char("N")))
        XCTAssertEqual(s.selectedItemID, first)
        XCTAssertNotEqual(origin, first)
    }

    func testSearchMatchesIdsAndCJKAndEscRestores() throws {
        var s = demoState(width: 120, height: 30)
        let origin = s.selectedItemID
        let target = try XCTUnwrap(s.board.items.values.first { $0.title.contains("请") || $0.title.contains("支持") })
        send(&s, .key(.char("/")))
        send(&s, .paste("支持"))
        XCTAssertEqual(s.selectedItemID, target.id)
        send(&s, .key(.escape))
        XCTAssertEqual(s.selectedItemID, origin)
        send(&s, .key(.char("/")))
        send(&s, typed(String(target.id.prefix(5))))
        XCTAssertEqual(s.selectedItemID, target.id)
        send(&s, .key(.ctrl("u")))
        send(&s, typed("zzzz-nothing"))
        XCTAssertEqual(s.status?.isError, true)
        XCTAssertTrue(render(s).renderText().contains("/zzzz-nothing"))
    }
}
