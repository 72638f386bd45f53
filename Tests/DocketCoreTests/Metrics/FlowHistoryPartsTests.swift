import XCTest
@testable import DocketCore

/// Large boards' histories are built in parts on all cores: whatever the parts, the same
/// history (every item's figures and stays in the same order).
final class FlowHistoryPartsTests: XCTestCase {
    func testTheHistoryBuiltInPartsIsTheHistoryBuiltWhole() {
        let board = GeneratedHistoryBoard.make(count: 600)
        let now = board.activity.reduce(Timestamp.min) { max($0, $1.at) } + 86_400
        let whole = FlowHistory.build(board, now: now, itemsPerPart: Int.max)
        XCTAssertGreaterThan(whole.flows.filter { $0.doneAt != nil }.count, 10, "the board has finished items")
        for perPart in [1, 7, 250] {
            let parts = FlowHistory.build(board, now: now, itemsPerPart: perPart)
            XCTAssertEqual(parts.flows, whole.flows, "parts of \(perPart)")
            XCTAssertEqual(parts.timelines, whole.timelines, "parts of \(perPart)")
        }
    }
}
