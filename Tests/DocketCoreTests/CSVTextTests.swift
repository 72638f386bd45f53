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
