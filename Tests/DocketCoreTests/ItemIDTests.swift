import XCTest
import DocketCore

final class ItemIDTests: XCTestCase {
    func testMadeIdsHaveTheAlphabetAndLength() {
        var seen = Set<String>()
        for _ in 0..<2_000 {
            let id = ItemID.make(avoiding: [:])
            XCTAssertEqual(id.count, ItemID.length)
            XCTAssertTrue(id.allSatisfy { ItemID.alphabet.contains($0) }, id)
            XCTAssertTrue(ItemID.isValid(id))
            seen.insert(id)
        }
        XCTAssertEqual(seen.count, 2_000, "40 random bits should not collide in 2,000 draws")
    }

    func testAlphabetHasNoLookAlikes() {
        XCTAssertEqual(ItemID.alphabet.count, 32)
        for c in "ilou" { XCTAssertFalse(ItemID.alphabet.contains(c), "\(c)") }
        XCTAssertEqual(ItemID.alphabet.map(String.init), ItemID.alphabet.map(String.init).sorted())
    }

    func testMakeAvoidsExistingIds() throws {
        let board = try sampleBoard()
        for _ in 0..<200 { XCTAssertNil(board.items[ItemID.make(avoiding: board.items)]) }
    }

    func testIsValid() {
        XCTAssertTrue(ItemID.isValid("3k9x0a2b"))
        XCTAssertTrue(ItemID.isValid("5ceedf1bc6515254e2db2b28"), "Trello ids are kept")
        XCTAssertTrue(ItemID.isValid("JIRA-123_x"))
        XCTAssertTrue(ItemID.isValid(String(repeating: "a", count: 64)))
        XCTAssertFalse(ItemID.isValid(""))
        XCTAssertFalse(ItemID.isValid(String(repeating: "a", count: 65)))
        XCTAssertFalse(ItemID.isValid("a b"))
        XCTAssertFalse(ItemID.isValid("a/b"))
        XCTAssertFalse(ItemID.isValid("ä1"))
        XCTAssertFalse(ItemID.isValid("id\n"))
    }
}
