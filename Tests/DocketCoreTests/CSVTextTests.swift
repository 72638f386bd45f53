import Foundation
import XCTest
@testable import DocketCore

/// Reading a large CSV in parallel parts gives exactly what reading it in one piece gives.
final class CSVTextTests: XCTestCase {
    private func generated(rows: Int, seed: UInt64) -> String {
        var rng = seed
        func next() -> UInt64 { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return rng >> 33 }
        var csv = "Summary,Issue key,Description\r\n"
        for n in 0..<rows {
            switch next() % 6 {
            case 0: csv += "\"Quoted, with a comma\",K-\(n),\"two\nlines with \"\"quotes\"\"\"\r\n"
            case 1: csv += "\n"  // a blank line
            case 2: csv += "Plain \(n),K-\(n),\"CRLF\r\ninside\"\n"
            case 3: csv += "Émoji 🚀 \(n),K-\(n),日本語\n"
            default: csv += "Row \(n),K-\(n),\n"
            }
        }
        return csv
    }

    func testPartsReadInParallelEqualOnePiece() throws {
        for seed: UInt64 in [1, 2, 3] {
            let data = Data(generated(rows: 3_000, seed: seed).utf8)
            let whole = try CSVText.read(data, path: "g.csv", parallelAbove: Int.max)
            let parts = try CSVText.read(data, path: "g.csv", parallelAbove: 0)
            XCTAssertEqual(whole.header, ["Summary", "Issue key", "Description"])
            XCTAssertEqual(parts.header, whole.header)
            XCTAssertEqual(parts.rows.map(\.line), whole.rows.map(\.line), "seed \(seed)")
            XCTAssertEqual(parts.rows.map(\.cells), whole.rows.map(\.cells), "seed \(seed)")
            XCTAssertTrue(whole.rows.contains { $0.cells[2] == "CRLF\ninside" })
            // The parallel path itself is taken (not the fallback to one piece).
            let text = generated(rows: 3_000, seed: seed)
            let starts = try JiraCSVImport.recordStarts(text, delimiter: ",", path: "g.csv")
            XCTAssertEqual(try CSVText.readInParts(text, offsets: starts.offsets, parts: 3, delimiter: ",").count, starts.offsets.count)
        }
    }

    func testMalformedQuotingStillReadsLikeOnePiece() throws {
        // A quote closed and followed by text: the record scanner and the library may disagree
        // on where records start, so the parallel read must fall back to one piece.
        var csv = "a,b\n"
        for n in 0..<2_000 { csv += n % 7 == 0 ? "\"x\"y,\"z\n\",\n" : "r\(n),s\(n)\n" }
        csv += "\"end\"\n"
        let data = Data(csv.utf8)
        let whole = try? CSVText.read(data, path: "m.csv", parallelAbove: Int.max)
        let parts = try? CSVText.read(data, path: "m.csv", parallelAbove: 0)
        XCTAssertEqual(parts?.rows.map(\.cells), whole?.rows.map(\.cells))
    }
}

/// A Jira export large enough to be converted in parallel parts gives what row order says.
final class JiraParallelConvertTests: XCTestCase {
    func testLargeExportKeepsRowOrderAndFirstSeenNames() throws {
        let rows = 12_000
        var csv = "Summary,Issue key,Status,Labels,Assignee,Fix Version/s,Sprint\n"
        for n in 0..<rows {
            csv += "Issue \(n),GEN-\(n + 1),\(n % 2 == 0 ? "To Do" : "Done"),l\(n % 7),Person \(n % 5),v\(n % 3),\(n % 4 == 0 ? "S1" : "")\n"
        }
        let b = try JiraCSVImport.parse(Data(csv.utf8), path: "big.csv")
        XCTAssertEqual(b.items.count, rows)
        XCTAssertEqual(b.labels.map(\.name), (0..<7).map { "l\($0)" })
        XCTAssertEqual(b.people.map(\.handle), (0..<5).map { "person-\($0)" })
        XCTAssertEqual(b.releases.map(\.name), ["v0", "v1", "v2"])
        XCTAssertEqual(b.summary.labelUses["l0"], (rows + 6) / 7)
        XCTAssertEqual(b.items.filter { $0.sprints == ["S1"] }.count, rows / 4, "sprints kept")
        let todo = b.items.filter { $0.stage == b.stages[0].id }
        XCTAssertEqual(todo.map(\.id), stride(from: 0, to: rows, by: 2).map { "GEN-\($0 + 1)" }, "file order within a stage")
        XCTAssertEqual(todo.map(\.rank), todo.map(\.rank).sorted())
        XCTAssertEqual(b.items.first { $0.id == "GEN-8" }?.assignees, ["person-2"])
    }
}
