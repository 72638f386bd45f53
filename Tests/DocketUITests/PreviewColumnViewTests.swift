import DocketCore
import DocketTestSupport
@testable import DocketUI
import Foundation
import XCTest

/// The board screen's columns on a preview (whose columns hold only their first cards) and the
/// column headers' point totals.
final class PreviewColumnViewTests: XCTestCase {
    /// A preview shown in a terminal taller than the cards it read (the terminal grew while the
    /// whole board was read) marks where more cards come, under the whole column's count.
    func testAPreviewShownTallerThanItsCardsMarksTheCardsToCome() throws {
        let board = GeneratedBoard.make(count: BoardDecoder.previewMinimum + 200, seed: 9)
        let bytes = Data(BoardEncoder.encode(board))
        let full = try BoardDecoder.decode(bytes, path: "b.json").board
        let preview = try XCTUnwrap(BoardDecoder.preview(bytes, path: "b.json", top: 3)).board
        func screen(_ board: Board) -> (lines: [String], state: AppState) {
            var state = AppState(board: board, user: "t", fileLabel: "b.json", size: Size(width: 160, height: 40))
            state.readingWholeBoard = 0
            return (render(state).renderText().components(separatedBy: "\n"), state)
        }
        let (shown, state) = screen(preview), (whole, _) = screen(full)
        let inbox = full.stages[0].id
        XCTAssertGreaterThan(full.column(inbox).count, 10)
        XCTAssertEqual(shown[0], whole[0], "the headers count the whole columns")
        let fourth = state.layout.cardY(3)
        XCTAssertTrue(whole[fourth].hasPrefix("▌"), "the full board has a fourth card: \(whole[fourth])")
        XCTAssertTrue(shown[fourth].hasPrefix(" …"), "the preview marks the cards to come: \(shown[fourth])")
        for y in 0..<fourth { XCTAssertEqual(shown[y], whole[y], "row \(y): the cards read are shown as on the whole board") }
    }

    /// Point totals are rounded to two decimals: 0.1 + 0.2 shows as 0.3, not 0.30000000000000004.
    func testAColumnsPointTotalIsShownRounded() {
        let items = [Item(id: "a1", title: "A", stage: "inbox", rank: "a", points: 0.1, created: 0),
                     Item(id: "b1", title: "B", stage: "inbox", rank: "b", points: 0.2, created: 0)]
        let board = Board(name: "P", stages: Board.defaultStages(), items: items)
        let state = AppState(board: board, user: "t", fileLabel: "b.json", size: Size(width: 160, height: 20))
        let header = render(state).renderText().components(separatedBy: "\n")[0]
        XCTAssertTrue(header.contains("2 · 0.3p"), header)
        XCTAssertEqual((10163.800000000036).pointsTotalText, "10163.8")
        XCTAssertEqual((13.0).pointsTotalText, "13")
        XCTAssertEqual((0.125).pointsTotalText, "0.13")
    }
}
