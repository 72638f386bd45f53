import Foundation
import XCTest
import DocketCore

/// The board file: canonical encoding, decoding, and errors with their line and column.
final class BoardFileFormatTests: XCTestCase {
    private func text(_ board: Board) -> String { String(decoding: BoardEncoder.encode(board), as: UTF8.self) }

    /// The 1-based number of the line that contains `needle`.
    private func lineNumber(of needle: String, in text: String) -> Int? {
        text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    private func decodeError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> BoardFileError? {
        do {
            _ = try BoardDecoder.decode(Data(text.utf8), path: "docket.json")
            XCTFail("expected the file not to decode", file: file, line: line)
            return nil
        } catch let error as BoardFileError {
            return error
        } catch {
            XCTFail("expected BoardFileError, got \(error)", file: file, line: line)
            return nil
        }
    }

    func testRoundTripIsEqual() throws {
        for board in [try sampleBoard(), DemoBoard.make(now: 1_795_961_100, user: "demo"), Board(name: "", stages: [])] {
            let loaded = try BoardDecoder.decode(Data(BoardEncoder.encode(board)), path: "docket.json")
            XCTAssertEqual(loaded.board, board)
            XCTAssertEqual(loaded.version, Board.formatVersion)
            XCTAssertNil(loaded.readOnlyReason)
        }
    }

    func testReEncodingIsByteIdentical() throws {
        let bytes = BoardEncoder.encode(DemoBoard.make(now: 1_795_961_100, user: "demo"))
        let again = BoardEncoder.encode(try BoardDecoder.decode(Data(bytes), path: "x").board)
        XCTAssertEqual(again, bytes)
    }

    func testAnyLayoutDecodesToTheSameCanonicalBytes() throws {
        let bytes = BoardEncoder.encode(try sampleBoard())
        let object = try JSONSerialization.jsonObject(with: Data(bytes))
        let pretty = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        XCTAssertNotEqual([UInt8](pretty), bytes)
        XCTAssertEqual(BoardEncoder.encode(try BoardDecoder.decode(pretty, path: "x").board), bytes)
    }

    func testItemsAreInIdOrderOnePerLine() throws {
        var board = Board(name: "B", stages: Board.defaultStages())
        for id in ["m2", "a9", "zz", "b0", "a1"] { try board.addItem(title: "Item \(id)", stage: "ready", id: id, by: "a", at: 0) }
        let lines = text(board).components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex(of: "\"items\": ["))
        let end = try XCTUnwrap(lines[start...].firstIndex { $0.hasPrefix("]") })
        let itemLines = Array(lines[(start + 1)..<end])
        XCTAssertEqual(itemLines.count, 5)
        let ids = itemLines.map { line -> String in
            XCTAssertTrue(line.hasPrefix("{\"id\": \""), line)
            return String(line.dropFirst(8).prefix { $0 != "\"" })
        }
        XCTAssertEqual(ids, ["a1", "a9", "b0", "m2", "zz"])
        XCTAssertTrue(itemLines.dropLast().allSatisfy { $0.hasSuffix("},") })
        XCTAssertTrue(itemLines.last!.hasSuffix("}"))
    }

    func testFileStartsWithTheHeaderAndEndsWithANewline() throws {
        let t = text(try sampleBoard())
        XCTAssertTrue(t.hasPrefix("{\"format\": \"docket\", \"version\": 1,\n\"name\": \"Sample\",\n\"stages\": [\n"))
        XCTAssertTrue(t.hasSuffix("\n}\n"))
        XCTAssertTrue(t.contains("\\\"quoted\\\"\\nline two\\ttab \\u0001 ctrl 🚀 日本語"), "escapes, raw UTF-8")
    }

    func testMissingCommaGivesLineAndColumn() throws {
        let good = text(try sampleBoard())
        var lines = good.components(separatedBy: "\n")
        let first = try XCTUnwrap(lineNumber(of: "\"id\": \"aaaa0001\"", in: good))
        XCTAssertTrue(lines[first - 1].hasSuffix("},"))
        lines[first - 1].removeLast()  // the comma between two items
        let error = try XCTUnwrap(decodeError(lines.joined(separator: "\n")))
        XCTAssertEqual(error.line, first + 1, "\(error)")
        XCTAssertEqual(error.column, 1, "\(error)")
        XCTAssertTrue(error.message.hasPrefix("expected ','"), error.message)
        XCTAssertEqual(error.description, "docket.json:\(first + 1):1: \(error.message)")
    }

    func testMissingColonGivesItsColumn() throws {
        let good = text(try sampleBoard())
        var lines = good.components(separatedBy: "\n")
        let n = try XCTUnwrap(lineNumber(of: "\"id\": \"aaaa0003\"", in: good))
        lines[n - 1] = lines[n - 1].replacingOccurrences(of: "\"title\": \"Third\"", with: "\"title\" \"Third\"")
        let column = try XCTUnwrap(lines[n - 1].range(of: "\"Third\"")).lowerBound.utf16Offset(in: lines[n - 1]) + 1
        let error = try XCTUnwrap(decodeError(lines.joined(separator: "\n")))
        XCTAssertEqual(error.line, n, "\(error)")
        XCTAssertEqual(error.column, column, "\(error)")
    }

    func testTruncatedFilePointsAtItsEnd() throws {
        let good = text(try sampleBoard())
        let cut = String(good[..<good.index(try XCTUnwrap(good.range(of: "Second")).lowerBound, offsetBy: 3)])  // inside a string
        let lines = cut.components(separatedBy: "\n")
        let error = try XCTUnwrap(decodeError(cut))
        XCTAssertEqual(error.line, lines.count, "\(error)")
        XCTAssertEqual(error.column, lines.last!.count + 1, "\(error)")
        XCTAssertTrue(error.message.contains("end of file"), error.message)
    }

    func testWrongTypeGivesItsLine() throws {
        let good = text(try sampleBoard())
        let n = try XCTUnwrap(lineNumber(of: "\"id\": \"aaaa0001\"", in: good))
        var lines = good.components(separatedBy: "\n")
        XCTAssertTrue(lines[n - 1].contains("\"points\": 3,"))
        lines[n - 1] = lines[n - 1].replacingOccurrences(of: "\"points\": 3,", with: "\"points\": \"x\",")
        let column = try XCTUnwrap(lines[n - 1].range(of: "\"x\"")).lowerBound.utf16Offset(in: lines[n - 1]) + 1
        let error = try XCTUnwrap(decodeError(lines.joined(separator: "\n")))
        XCTAssertEqual(error.line, n, "\(error)")
        XCTAssertEqual(error.column, column, "\(error)")
        XCTAssertTrue(error.message.contains("points"), error.message)
        XCTAssertTrue(error.message.contains("expected a number"), error.message)
    }

    func testBadDateAndNegativePointsAreReported() throws {
        let good = text(try sampleBoard())
        let n = try XCTUnwrap(lineNumber(of: "\"id\": \"aaaa0002\"", in: good))
        var lines = good.components(separatedBy: "\n")
        lines[n - 1] = lines[n - 1].replacingOccurrences(of: "\"points\": 0.5", with: "\"points\": -2")
        let negative = try XCTUnwrap(decodeError(lines.joined(separator: "\n")))
        XCTAssertEqual(negative.line, n)
        XCTAssertTrue(negative.message.contains("≥ 0"), negative.message)

        lines = good.components(separatedBy: "\n")
        lines[n - 1] = lines[n - 1].replacingOccurrences(of: "\"created\": \"2026-11-29T14:05:01Z\"", with: "\"created\": \"soon\"")
        let date = try XCTUnwrap(decodeError(lines.joined(separator: "\n")))
        XCTAssertEqual(date.line, n)
        XCTAssertTrue(date.message.contains("expected a date"), date.message)
    }

    func testRanksRankCannotWorkWithAreRejected() throws {
        let good = text(try sampleBoard())
        let n = try XCTUnwrap(lineNumber(of: "\"id\": \"aaaa0002\"", in: good))
        let rank = try sampleBoard().items["aaaa0002"]!.rank
        for bad in ["\(rank)0", "", "A", "a-b", "é"] {
            var lines = good.components(separatedBy: "\n")
            lines[n - 1] = lines[n - 1].replacingOccurrences(of: "\"rank\": \"\(rank)\"", with: "\"rank\": \"\(bad)\"")
            let error = try XCTUnwrap(decodeError(lines.joined(separator: "\n")), bad)
            XCTAssertEqual(error.line, n, bad)
            XCTAssertTrue(error.message.contains("rank must be"), error.message)
            XCTAssertTrue(error.message.hasSuffix("run `docket check --fix` to repair"), error.message)
        }
    }

    func testDuplicateIdsAreReportedAtTheSecondOne() throws {
        let good = text(try sampleBoard())
        let n1 = try XCTUnwrap(lineNumber(of: "\"id\": \"aaaa0001\"", in: good))
        let n2 = try XCTUnwrap(lineNumber(of: "\"id\": \"aaaa0002\"", in: good))
        XCTAssertLessThan(n1, n2)
        let broken = good.replacingOccurrences(of: "\"id\": \"aaaa0002\"", with: "\"id\": \"aaaa0001\"")
        let error = try XCTUnwrap(decodeError(broken))
        XCTAssertEqual(error.line, n2, "\(error)")
        XCTAssertTrue(error.message.contains("two items have the id 'aaaa0001'"), error.message)
        XCTAssertTrue(error.message.hasSuffix("run `docket check --fix` to repair"), error.message)
    }

    func testMissingFieldIsNamed() throws {
        let good = text(try sampleBoard())
        let broken = good.replacingOccurrences(of: "\"title\": \"Third\", ", with: "")
        let error = try XCTUnwrap(decodeError(broken))
        XCTAssertTrue(error.message.contains("\"title\""), error.message)
        XCTAssertEqual(error.line, try XCTUnwrap(lineNumber(of: "aaaa0003", in: broken)))
    }

    func testNewerVersionOpensReadOnly() throws {
        let good = text(try sampleBoard())
        let newer = good.replacingOccurrences(of: "\"version\": 1,", with: "\"version\": 2, \"future\": {\"x\": [1]},")
        let loaded = try BoardDecoder.decode(Data(newer.utf8), path: "docket.json")
        XCTAssertEqual(loaded.version, 2)
        let reason = try XCTUnwrap(loaded.readOnlyReason)
        XCTAssertTrue(reason.contains("newer"), reason)
        var expected = try sampleBoard()
        expected.extra = ["future": "{\"x\": [1]}"]
        XCTAssertEqual(loaded.board, expected, "the newer format's keys are kept as they are")
    }

    func testOtherJSONIsNotABoard() throws {
        let error = try XCTUnwrap(decodeError("{\"format\": \"trello\", \"version\": 1, \"name\": \"x\", \"stages\": [], \"items\": []}"))
        XCTAssertTrue(error.message.contains("not a Docket board"), error.message)
    }

    func testDuplicateIdsAreRejected() throws {
        let good = text(try sampleBoard())
        let n = try XCTUnwrap(lineNumber(of: "\"id\": \"aaaa0001\"", in: good))
        var lines = good.components(separatedBy: "\n")
        lines.insert(lines[n - 1], at: n)
        let error = try XCTUnwrap(decodeError(lines.joined(separator: "\n")))
        XCTAssertTrue(error.message.contains("aaaa0001"), error.message)
    }

    func testLoadingAMissingFileNamesIt() {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/docket.json")
        XCTAssertThrowsError(try BoardStore.load(url)) {
            XCTAssertTrue(($0 as? BoardStoreError)?.description.contains(url.path) == true, "\($0)")
        }
    }
}
