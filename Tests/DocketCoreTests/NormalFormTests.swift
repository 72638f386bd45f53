import XCTest
@testable import DocketCore

/// Issue 14 case 5: text is compared in one normal form (lowercased, NFC) in filters, `docket
/// list`, search and stage names: `Cafe\u{301}` (NFD) and `Café` (NFC) match alike.
final class NormalFormTests: XCTestCase {
    static let board: Board = {
        func item(_ id: String, _ title: String, labels: [String] = []) -> Item {
            var i = Item(id: id, title: title, stage: "inbox", rank: "m", created: 0)
            i.labels = labels
            return i
        }
        return Board(name: "NF", stages: Board.defaultStages(), items: [
            item("nfd00001", "Cafe\u{301} NFD", labels: ["cre\u{300}me"]),
            item("nfc00002", "Café NFC", labels: ["crème"]),
            item("plain003", "Cafe plain"),
            item("other004", "Tea"),
        ])
    }()

    private func ids(_ query: String) throws -> [String] {
        let q = try Query.parse(query)
        return Self.board.items.values.filter { q.matches($0, in: Self.board, today: "2026-06-15") }.map(\.id).sorted()
    }

    func testFiltersMatchBothNormalForms() throws {
        for query in ["Café", "Cafe\u{301}", "CAFÉ", "CAFE\u{301}", "café nf"] {
            XCTAssertEqual(try ids(query), ["nfc00002", "nfd00001"], query.debugDescription)
        }
        XCTAssertEqual(try ids("cafe"), ["plain003"], "an unaccented word matches neither accented form")
        XCTAssertEqual(try ids("label:crème"), ["nfc00002", "nfd00001"])
        XCTAssertEqual(try ids("label:cre\u{300}me"), ["nfc00002", "nfd00001"])
    }

    func testFoldedTextAgreesWithFoldingBothSides() {
        let texts = ["Café", "Cafe\u{301}", "ÉTÉ", "E\u{301}TE\u{301}", "İstanbul", "straße", "Ǆ", "Å", "A\u{30A}", "Å"]
        for needle in texts {
            let f = FoldedText(needle)
            for hay in texts {
                let expected = FoldedText.fold(hay).contains(FoldedText.fold(needle))
                XCTAssertEqual(f.isContained(in: hay), expected, "\(needle.debugDescription) in \(hay.debugDescription)")
                XCTAssertEqual(f.equals(hay), FoldedText.fold(hay) == FoldedText.fold(needle), "\(needle.debugDescription) == \(hay.debugDescription)")
            }
        }
    }

    func testStageNamesInEitherForm() throws {
        var board = Self.board
        board.stages.append(Stage(id: "revue", name: "Révue", kind: .doing))
        XCTAssertEqual(try board.stage(named: "Re\u{301}vue").id, "revue")
        XCTAssertEqual(try board.stage(named: "révue").id, "revue")
    }
    /// A board file keeps each item's labels and people as written: the same list in the other
    /// normal form (or as U+212A for `K`) on a later item is not read back as the earlier item's
    /// spelling (the reader's cache of short lists compared them as `String`s, which are equal),
    /// and a full rewrite gives the file's bytes back.
    func testListsKeepTheirOwnNormalFormWhenRead() throws {
        func item(_ id: String, labels: [String], people: [String] = []) -> Item {
            var i = Item(id: id, title: id, stage: "inbox", rank: "m", created: 0)
            i.labels = labels
            i.assignees = people
            return i
        }
        let board = Board(name: "NF", stages: Board.defaultStages(), items: [
            item("aaaaaaaa", labels: ["disen\u{303}o"], people: ["K"]),
            item("bbbbbbbb", labels: ["diseño"], people: ["\u{212A}"]),
            item("cccccccc", labels: ["disen\u{303}o"], people: ["K"]),
        ])
        let bytes = BoardEncoder.encode(board)
        let read = try BoardDecoder.decode(Data(bytes), path: "nf.json").board
        XCTAssertEqual(read.items["bbbbbbbb"]?.labels.first.map { Array($0.utf8) }, Array("diseño".utf8), "NFC stays NFC")
        XCTAssertEqual(read.items["aaaaaaaa"]?.labels.first.map { Array($0.utf8) }, Array("disen\u{303}o".utf8), "NFD stays NFD")
        XCTAssertEqual(read.items["bbbbbbbb"]?.assignees.first.map { Array($0.utf8) }, Array("\u{212A}".utf8), "U+212A stays U+212A")
        XCTAssertTrue(BoardEncoder.encode(read) == bytes, "a full rewrite gives the file back byte for byte")
    }
}
