import Foundation
import XCTest
@testable import DocketCore

/// Fuzz tests: the board file reader, every importer, quick add and the query language never
/// crash on random or mutated input, and throw only their documented error types. Bounded and
/// seeded: a failure names the seed and the case number, so it can be replayed.
final class FuzzTests: XCTestCase {
    static let seed: UInt64 = 0xD0C_4E7_F022

    /// Calls `parse` on `count` inputs made by `make`; each must parse or throw an `E`.
    private func fuzz<E: Error>(_ name: String, _ count: Int, seed: UInt64 = FuzzTests.seed, throws _: E.Type,
                                make: (inout SeededRandom) -> [UInt8], parse: (Data) throws -> Void,
                                check: (E, [UInt8]) -> String? = { _, _ in nil }) {
        var rng = SeededRandom(seed: seed)
        var accepted = 0, refused = 0
        for n in 0..<count {
            let input = make(&rng)
            do {
                try parse(Data(input))
                accepted += 1
            } catch let e as E {
                refused += 1
                if let problem = check(e, input) { XCTFail("\(name) seed \(seed) case \(n): \(problem)"); return }
            } catch {
                XCTFail("\(name) seed \(seed) case \(n): undocumented error \(type(of: error)): \(error)")
                return
            }
        }
        XCTAssertGreaterThan(refused, 0, "\(name): the inputs should also hold broken ones")
        _ = accepted
    }

    /// A board file error's line and column must lie inside the file.
    private func validPosition(_ e: BoardFileError, _ input: [UInt8]) -> String? {
        let lines = input.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
        guard e.line >= 0, e.line <= lines, e.column >= 0, e.column <= input.count + 1 else {
            return "position \(e.line):\(e.column) outside the file (\(lines) lines, \(input.count) bytes): \(e.message)"
        }
        return e.message.isEmpty ? "an empty message" : nil
    }

    // MARK: - Board file

    func testBoardReaderSurvivesRandomBytes() {
        fuzz("random bytes", 3_000, throws: BoardFileError.self, make: { rng in
            Mutations.randomBytes(rng.below(200), &rng)
        }, parse: { _ = try BoardDecoder.decode($0, path: "f.json") }, check: validPosition)
    }

    func testBoardReaderSurvivesMutationsOfRealBoards() throws {
        let boards = [BoardEncoder.encode(try sampleBoard()), BoardEncoder.encode(DemoBoard.make(now: 1_795_961_100, user: "t"))]
        var decoded = 0
        fuzz("mutated board", 800, throws: BoardFileError.self, make: { rng in
            Mutations.mutate(rng.pick(boards), &rng)
        }, parse: { data in
            let loaded = try BoardDecoder.decode(data, path: "f.json")
            decoded += 1
            // What reads must write and read back the same.
            let again = try BoardDecoder.decode(Data(BoardEncoder.encode(loaded.board)), path: "again.json")
            XCTAssertEqual(again.board.items.count, loaded.board.items.count)
        }, check: validPosition)
        XCTAssertGreaterThan(decoded, 10, "some mutations (a flipped letter in a title) still read")
    }

    /// 100,000 nested brackets in every place a value may stand: a clear error, not a stack overflow.
    func testDeepNestingIsAnErrorNotAStackOverflow() throws {
        let deep = String(repeating: "[", count: 100_000)
        let deepObjects = String(repeating: "{\"a\":", count: 100_000)
        let cases = [
            deep,
            #"{"format": "docket", "version": 1, "x": "# + deep,
            #"{"format": "docket", "version": 1, "x": "# + deepObjects,
            #"{"format": "docket", "version": 1, "stages": [], "items": [{"id": "a", "y": "# + deep,
            #"{"format": "docket", "version": 1, "x": "# + deep + String(repeating: "]", count: 100_000) + "}",
        ]
        for text in cases {
            XCTAssertThrowsError(try BoardDecoder.decode(Data(text.utf8), path: "deep.json")) { error in
                XCTAssertTrue(error is BoardFileError, "\(error)")
            }
        }
        // The importers read JSON with Foundation, which has its own depth limit.
        for parse in [{ _ = try TrelloImport.parse($0) }, { _ = try GitHubIssuesImport.parse($0) }] as [(Data) throws -> Void] {
            for text in [deep, "[" + deepObjects, #"{"lists": [], "cards": [{"x": "# + deep] {
                XCTAssertThrowsError(try parse(Data(text.utf8))) { XCTAssertTrue($0 is BoardFileError, "\($0)") }
            }
        }
        // A modest depth of unknown data is still kept as written.
        let nested = String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
        let ok = #"{"format": "docket", "version": 1, "stages": [], "x": "# + nested + "}"
        XCTAssertEqual(try BoardDecoder.decode(Data(ok.utf8), path: "ok.json").board.extra["x"], nested)
    }

    /// Invalid UTF-8 inside text reads as U+FFFD (nothing is lost around it); outside text it is
    /// an error with its position.
    func testInvalidUTF8InTheBoardFile() throws {
        var bytes = BoardEncoder.encode(try sampleBoard())
        let at = try XCTUnwrap(bytes.indices.first { i in bytes[i...].starts(with: Array("First".utf8)) })
        bytes.replaceSubrange(at..<(at + 5), with: [0x46, 0xFF, 0xC3, 0x69, 0xED, 0xA0, 0x80])
        let board = try BoardDecoder.decode(Data(bytes), path: "u.json").board
        XCTAssertEqual(board.items["aaaa0001"]?.title, "F\u{FFFD}\u{FFFD}i\u{FFFD}\u{FFFD}\u{FFFD}")
        XCTAssertThrowsError(try BoardDecoder.decode(Data([0x7B, 0xFF, 0x7D]), path: "u.json")) { error in
            XCTAssertEqual((error as? BoardFileError)?.line, 1)
            XCTAssertEqual((error as? BoardFileError)?.column, 2)
        }
    }

    // MARK: - Importers

    static let github = #"""
    [{"number": 1, "title": "Crash on \"save\"", "state": "open", "html_url": "https://x/1", "body": "a\nb",
      "labels": [{"name": "bug"}], "assignees": [{"login": "ann"}], "milestone": {"title": "v1", "due_on": "2026-12-01T00:00:00Z"},
      "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-02T00:00:00Z"},
     {"number": 2, "title": "Docs", "state": "closed", "html_url": "https://x/2", "body": null, "labels": [], "assignees": []}]
    """#
    static let jira = "Summary,Issue key,Status,Priority,Labels,Labels,Fix Version/s,Story Points,Created\n"
        + "One,K-1,To Do,High,a,b,v1,3,12/Jan/26 10:00 AM\n\"Two, \"\"quoted\"\"\nline\",K-2,Done,Lowest,,,v2,0.5,\n"
    static let taskell = "# Roadmap\n\n## To Do\n\n- First\n    > a description\n    * [ ] sub\n- Second @ann\n\n## Done\n\n- Third\n    * [x] ok\n"

    func testImportersSurviveMutatedInput() throws {
        let csv = try ItemListCSV.encode(try sampleBoard().itemsInBoardOrder(includeArchived: true), board: try sampleBoard())
        let importers: [(String, [UInt8], Int, (Data) throws -> Void)] = [
            ("trello", Array(TrelloImportTests.small.utf8), 1_500, { _ = try TrelloImport.parse($0) }),
            ("github", Array(Self.github.utf8), 1_500, { _ = try GitHubIssuesImport.parse($0) }),
            ("jira", Array(Self.jira.utf8), 1_500, { _ = try JiraCSVImport.parse($0) }),
            ("taskell", Array(Self.taskell.utf8), 1_500, { _ = try TaskellImport.parse($0) }),
            ("csv", Array(csv.utf8), 1_500, { _ = try GenericCSVImport.parse($0, map: [:]) }),
            ("csv --map", Array(Self.jira.utf8), 1_000, { _ = try GenericCSVImport.parse($0, map: ["title": "Summary", "id": "Issue key"]) }),
        ]
        for (k, (name, seedInput, count, parse)) in importers.enumerated() {
            fuzz(name, count, seed: Self.seed &+ UInt64(k), throws: BoardFileError.self, make: { rng in
                rng.below(10) == 0 ? Mutations.randomBytes(rng.below(120), &rng) : Mutations.mutate(seedInput, &rng)
            }, parse: parse)
        }
    }

    /// The real Trello fixture, cut and mutated a few times (it is large: few cases).
    func testTrelloImportSurvivesMutationsOfARealExport() throws {
        let real = Array(try fixture("trello-clipkit-ja.json"))
        fuzz("trello fixture", 24, throws: BoardFileError.self, make: { rng in
            rng.chance(0.5) ? Array(real.prefix(rng.below(real.count))) : Mutations.mutate(real, &rng)
        }, parse: { _ = try TrelloImport.parse($0) })
    }

    // MARK: - Quick add and queries

    static let quickAddPieces = ["#", "@", "!", "~", "^", ">", "due:", "\\", " ", " ", "a", "bug", "must", "m", "x", "3",
                                 "0.5", "-1", "2026-12-31", "2026-02-30", "日本", "👩‍💻", "\u{301}", "\u{202E}", "\u{1B}[31m",
                                 "\t", "\n", "\"", "é", "\u{0}", "ready"]

    func testQuickAddSurvivesTokenSoup() {
        var rng = SeededRandom(seed: Self.seed)
        var ok = 0
        for n in 0..<20_000 {
            let line = (0..<rng.below(14)).map { _ in rng.pick(Self.quickAddPieces) }.joined()
            do {
                let draft = try QuickAdd.parse(line)
                XCTAssertFalse(draft.title.isEmpty, "seed \(Self.seed) case \(n): \(line.debugDescription)")
                ok += 1
            } catch let e as QuickAddError {
                guard e.offset >= 0, e.offset <= line.count, !e.message.isEmpty else {
                    return XCTFail("seed \(Self.seed) case \(n): \(line.debugDescription): \(e) outside the line (\(line.count))")
                }
            } catch {
                return XCTFail("seed \(Self.seed) case \(n): undocumented error \(error)")
            }
        }
        XCTAssertGreaterThan(ok, 1_000)
    }

    /// Long and deep token soup (the short soup is in `QueryTests`): errors point inside the text.
    func testQueryLanguageSurvivesLongAndDeepInput() {
        let pieces = ["(", ")", "(", ")", "-", "\"", "or", " ", "label:", "a", "\u{1B}", "\u{202E}", "points:>", "9e999",
                      "due:<", "today", "\\", "👩‍💻", "\u{301}"]
        var rng = SeededRandom(seed: Self.seed)
        var inputs = (0..<2_000).map { _ in (0..<rng.below(200)).map { _ in rng.pick(pieces) }.joined() }
        inputs += [String(repeating: "(", count: 100_000), String(repeating: "-", count: 100_000) + "a",
                   String(repeating: "a or ", count: 20_000) + "b", String(repeating: "\"", count: 100_001)]
        for (n, text) in inputs.enumerated() {
            do {
                _ = try Query.parse(text)
            } catch {
                let count = text.count
                XCTAssertTrue(error.offset >= 0 && error.offset + error.length <= max(count, 1),
                              "seed \(Self.seed) case \(n): \(error) outside the text (\(count) characters)")
            }
        }
    }
}
