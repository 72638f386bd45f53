import Foundation
import XCTest
@testable import DocketCore
import DocketTestSupport

/// `LineNeedles` (the lines a command adding or moving one item skims) rules out only lines
/// that cannot hold the values looked for, however a file spells them; and a lazily read board
/// ranks by it as a board read in full does, where a stage is spelled in a way equal to it.
final class LineNeedlesTests: XCTestCase {
    private func naive(_ line: [UInt8], _ needle: [UInt8]) -> Bool {
        guard line.count >= needle.count else { return false }
        return (0...(line.count - needle.count)).contains { s in needle.indices.allSatisfy { line[s + $0] == needle[$0] } }
    }

    /// The type's rule applied to one line, naively: every needle is in it, or it has a `\u`
    /// escape or a look-alike character.
    private func mayHold(_ needles: LineNeedles, _ line: [UInt8]) -> Bool {
        needles.needles.allSatisfy { naive(line, $0) } || line.withUnsafeBufferPointer(LineNeedles.hasUnicodeEscape)
            || LineNeedles.lookalikes.contains { naive(line, $0) }
    }

    /// `has` finds a needle exactly where a naive search does: random lines and needles over a
    /// small alphabet (many near misses), the pivot's byte at either end of the line, every
    /// byte of the needle tried as the pivot.
    func testHasFindsWhatANaiveSearchFinds() {
        var rng = SeededGenerator(seed: 4242)
        let alphabet = Array("\"ab x:".utf8)
        var found = 0
        for round in 0..<4_000 {
            let line = (0..<rng.below(40)).map { _ in alphabet[rng.below(alphabet.count)] }
            let needle = (0..<(1 + rng.below(5))).map { _ in alphabet[rng.below(alphabet.count)] }
            let expected = naive(line, needle)
            for p in needle.indices {
                let got = line.withUnsafeBufferPointer { LineNeedles.has($0, needle, pivot: p) }
                XCTAssertEqual(got, expected, "round \(round), pivot \(p): \(String(decoding: needle, as: UTF8.self)) in \(String(decoding: line, as: UTF8.self))")
            }
            if expected { found += 1 }
        }
        XCTAssertGreaterThan(found, 500, "many needles were there to find")
        XCTAssertGreaterThan(found, 0)
    }

    /// `candidates` (one search over a run of lines) keeps exactly the lines the rule keeps
    /// applied line by line (`mayHold` here): random lines of quotes, backslashes, `u`, the values' letters and the
    /// look-alike characters' bytes, needles across the `,\n` between lines, parts of any size.
    func testCandidatesAreTheLinesMayHoldKeeps() {
        var rng = SeededGenerator(seed: 4343)
        let pieces: [[UInt8]] = [[34], [92], [117], [92, 117], [92, 92], Array("ab".utf8), Array("\"ab\"".utf8), Array("\"b\"".utf8),
                                 [0xE2, 0x84, 0xAA], [0xE2, 0x84], [0xCD, 0xBE], [0xE1, 0xBF, 0xAF], Array(" x ".utf8), [44, 10]]
        var kept = 0, total = 0
        for round in 0..<600 {
            var bytes = Array("[\n".utf8)
            var lines: [Range<Int>] = []
            for _ in 0..<(1 + rng.below(12)) {
                let start = bytes.count
                bytes.append(123)
                for _ in 0..<rng.below(8) { bytes += pieces[rng.below(pieces.count)] }
                bytes.append(125)
                lines.append(start..<bytes.count)
                bytes += [44, 10]
            }
            let needles = [LineNeedles(["ab"]), LineNeedles(["ab", "b"]), LineNeedles(["b", "x"])][rng.below(3)]!
            let a = rng.below(lines.count), b = a + rng.below(lines.count - a + 1)
            bytes.withUnsafeBufferPointer { buf in
                let expected = (a..<b).filter { mayHold(needles, Array(buf[lines[$0]])) }
                XCTAssertEqual(needles.candidates(buf, lines, a..<b), expected, "round \(round): \(String(decoding: bytes, as: UTF8.self))")
                kept += expected.count
                total += b - a
            }
        }
        XCTAssertGreaterThan(kept, 100, "lines were kept")
        XCTAssertLessThan(kept, total - 100, "lines were ruled out")
    }

    /// The pivot is the needle's least common byte in the sample counted: never a quote when
    /// there is a letter.
    func testThePivotIsTheRarestByte() {
        let sample = Array("{\"id\": \"0017dzms\", \"title\": \"Item 80640 of a generated board, with a realistic title\", \"stage\": \"done\"}".utf8)
        let counts = sample.withUnsafeBufferPointer(LineNeedles.byteCounts)
        XCTAssertEqual(LineNeedles.pivot(Array("\"inbox\"".utf8), counts), 5, "x is rarer than i, n, b, o")
        XCTAssertEqual(counts[Int(UInt8(ascii: "x"))], 0)
        var made = [Int](repeating: 9, count: 256)
        made[Int(UInt8(ascii: "d"))] = 1; made[34] = 50
        XCTAssertEqual(LineNeedles.pivot(Array("\"done\"".utf8), made), 1, "d is the rarest of d, o, n, e")
        XCTAssertNotEqual(LineNeedles.pivot(Array("\"e\"".utf8), counts), 0)
    }

    /// Values that another spelling or Swift's equality could hide give no needles.
    func testOnlyPlainASCIIValuesGiveNeedles() {
        XCTAssertNotNil(LineNeedles(["inbox", "a0b-Z_9 x"]))
        for value in ["", "a\"b", "a\\b", "a/b", "tab\there", "ünï", "\u{212A}", "\u{7F}"] {
            XCTAssertNil(LineNeedles([value]), "\(value.debugDescription) gives no needle")
        }
    }

    /// Every spelling of a stage value that reads as a string equal to the one looked for is
    /// kept: the plain text, `\u` escapes of any letter, and the characters Swift takes for an
    /// ASCII one (U+212A KELVIN SIGN is `K`, U+037E is `;`, U+1FEF is a grave accent).
    func testNoSpellingOfAnEqualValueIsRuledOut() throws {
        let spellings = ["K", "\u{212A}", "\\u004b", "\\u004B", "\\u212a", "k", "KK", "a;b", "a\u{037E}b", "x`", "x\u{1FEF}", "x\\u0060",
                         "in\\u0062ox", "inbox", "inbo", "\\\\inbox", "inbox\\\\"]
        let values = ["K", "a;b", "x`", "inbox", "k"]
        var kept = 0, ruledOut = 0
        for spelling in spellings {
            let text = "{\"id\": \"a\", \"title\": \"t\", \"type\": \"story\", \"stage\": \"\(spelling)\", \"rank\": \"m\"}"
            let read = try JSONDecoder().decode([String: String].self, from: Data(text.utf8))["stage"]!
            for value in values {
                let needles = try XCTUnwrap(LineNeedles([value]))
                let line = Array(text.utf8)
                let may = line.withUnsafeBufferPointer { needles.candidates($0, [0..<line.count], 0..<1) } == [0]
                XCTAssertEqual(may, mayHold(needles, line), "\(spelling) for \(value.debugDescription): the rule line by line")
                if read == value { XCTAssertTrue(may, "\(spelling) reads as \(value.debugDescription) and must be kept") }
                if may { kept += 1 } else { ruledOut += 1 }
            }
        }
        XCTAssertGreaterThan(ruledOut, 30, "lines without the value are ruled out")
        XCTAssertGreaterThan(kept, 10)
    }

    /// A board whose items' stages are spelled as characters equal to the stage's id (U+212A
    /// for `K`): an item added to that column, or moved into it onto a rank one of them holds,
    /// gets the rank it gets on the board read in full.
    func testALazilyReadBoardRanksEqualSpellingsAsTheFullRead() throws {
        var board = Board(name: "Kelvin", stages: [Stage(id: "inbox", name: "Inbox", kind: .inbox),
                                                  Stage(id: "K", name: "K", kind: .doing),
                                                  Stage(id: "done", name: "Done", kind: .done)])
        let ranks = (0..<3_000).map { Rank.between(nil, nil, salt: "r\($0)") }
        for k in 0..<3_000 {
            let stage = k % 3 == 0 ? "\u{212A}" : (k % 3 == 1 ? "inbox" : "done")
            board.upsertForTest(Item(id: String(format: "a%07d", k), title: "Item \(k)", stage: stage, rank: ranks[k], created: RandomBoards.t0))
        }
        let bytes = BoardEncoder.encode(board)
        let full = try BoardDecoder.decode(Data(bytes), path: "b.json").board
        XCTAssertEqual(full.column("K").count, 1_000, "the full read puts the U+212A items in column K")
        for placement in [Placement.top, .bottom] {
            var lazy = try XCTUnwrap(BoardReader.checked(Data(bytes), path: "b.json")).board, whole = full
            XCTAssertNotNil(lazy.rankScan("K"), "the lazily read board ranks by its scan")
            let a = try lazy.addItem(title: "New", stage: "K", placement: placement, id: "zznew001", by: "t", at: RandomBoards.t0)
            let b = try whole.addItem(title: "New", stage: "K", placement: placement, id: "zznew001", by: "t", at: RandomBoards.t0)
            XCTAssertEqual(a.item.rank, b.item.rank, "added at the \(placement) of K")
        }
        // An inbox item holding the rank of a U+212A item moves into K: both boards move it off that rank.
        var item = full.items["a0000001"]!
        item.rank = full.items["a0000000"]!.rank
        var changed = full
        changed.upsertForTest(item)
        let changedBytes = BoardEncoder.encode(changed)
        var lazy = try XCTUnwrap(BoardReader.checked(Data(changedBytes), path: "b.json")).board
        var whole = try BoardDecoder.decode(Data(changedBytes), path: "b.json").board
        XCTAssertEqual(lazy.rankHeld(item.rank, inStage: "K"), true, "the U+212A item's line is skimmed")
        try lazy.move("a0000001", toStage: "K", by: "t", at: RandomBoards.t0)
        try whole.move("a0000001", toStage: "K", by: "t", at: RandomBoards.t0)
        XCTAssertNotEqual(whole.items["a0000001"]?.rank, item.rank, "moved off the rank held")
        XCTAssertEqual(lazy.items["a0000001"]?.rank, whole.items["a0000001"]?.rank)
    }
}
