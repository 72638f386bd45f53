import XCTest
import DocketCore

final class RankTests: XCTestCase {
    private static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    /// A random rank as `Rank` writes them: 1–6 base-36 digits, not ending in `0`.
    private func randomRank(_ rng: inout SeededRandom) -> String {
        let length = Int.random(in: 1...6, using: &rng)
        var s = String((0..<length).map { _ in Self.digits.randomElement(using: &rng)! })
        if s.last == "0" { s.removeLast(); s.append("7") }
        return s
    }

    private func assertRankShape(_ r: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(r.isEmpty, file: file, line: line)
        XCTAssertNotEqual(r.last, "0", "rank \(r) ends in 0", file: file, line: line)
        XCTAssertTrue(r.allSatisfy { Self.digits.contains($0) }, "rank \(r) has a foreign character", file: file, line: line)
    }

    func testBetweenIsStrictlyBetweenForRandomPairs() {
        var rng = SeededRandom(seed: 42)
        for _ in 0..<5_000 {
            var a = randomRank(&rng), b = randomRank(&rng)
            if a == b { continue }
            if a > b { swap(&a, &b) }
            let r = Rank.between(a, b)
            XCTAssertTrue(a < r && r < b, "between(\(a), \(b)) = \(r)")
            assertRankShape(r)
        }
    }

    func testBetweenWithNilBounds() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<2_000 {
            let a = randomRank(&rng)
            let after = Rank.between(a, nil)
            let before = Rank.between(nil, a)
            XCTAssertGreaterThan(after, a)
            XCTAssertLessThan(before, a)
            assertRankShape(after)
            assertRankShape(before)
        }
        let first = Rank.between(nil, nil)
        assertRankShape(first)
    }

    func testAdjacentRanksStillHaveRoomBetween() {
        // "a" and "a1" have nothing of length 2 between them.
        let r = Rank.between("a", "a1")
        XCTAssertTrue("a" < r && r < "a1", r)
        XCTAssertEqual(r, "a0i")
    }

    func testRepeatedInsertsAtOneEndStayOrdered() {
        var ranks = [Rank.between(nil, nil)]
        for _ in 0..<200 { ranks.append(Rank.between(ranks.last!, nil)) }
        for _ in 0..<200 { ranks.insert(Rank.between(nil, ranks.first!), at: 0) }
        XCTAssertEqual(ranks, ranks.sorted())
        XCTAssertEqual(Set(ranks).count, ranks.count)
    }

    func testRepeatedInsertsInTheMiddleStayOrdered() {
        var lo = "a", hi = "b"
        for i in 0..<300 {
            let r = Rank.between(lo, hi)
            XCTAssertTrue(lo < r && r < hi, "step \(i): between(\(lo), \(hi)) = \(r)")
            if i % 2 == 0 { lo = r } else { hi = r }
        }
    }

    func testSpreadIsAscendingAndUnique() {
        for count in [1, 10, 100_000] {
            let ranks = Rank.spread(count)
            XCTAssertEqual(ranks.count, count)
            for i in 1..<max(ranks.count, 1) {
                XCTAssertLessThan(ranks[i - 1], ranks[i], "spread(\(count)) at \(i)")
            }
            XCTAssertEqual(Set(ranks).count, count)
            ranks.forEach { assertRankShape($0) }
        }
    }

    func testSpreadLeavesRoomAtBothEnds() {
        let ranks = Rank.spread(10)
        let before = Rank.between(nil, ranks[0])
        let after = Rank.between(ranks[9], nil)
        XCTAssertLessThan(before, ranks[0])
        XCTAssertGreaterThan(after, ranks[9])
        XCTAssertLessThanOrEqual(ranks.map(\.count).max()!, 2, "10 ranks fit in 2 characters")
    }

    func testIsValid() {
        for r in ["i", "a0i", "zz", "1"] + Rank.spread(50) + [Rank.between("a", "a1")] { XCTAssertTrue(Rank.isValid(r), r) }
        for r in ["", "0", "a0", "A", "a-b", "é", "a b"] { XCTAssertFalse(Rank.isValid(r), r) }
    }

    func testSpreadOfZeroIsEmpty() {
        XCTAssertEqual(Rank.spread(0), [])
    }
}
