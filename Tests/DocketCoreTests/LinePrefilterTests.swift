import Foundation
import XCTest
@testable import DocketCore

/// `docket list QUERY` on a lazily read board reads only the item lines that may hold a match
/// (`LinePrefilter`): it must list exactly what a full read lists, whatever the text's case,
/// escapes or script.
final class LinePrefilterTests: XCTestCase {
    private let queries = [
        "label:bug", "label:BUG priority:must", "priority:must -label:bug", "bug", "quote", "QUOTE back", "ünï", "漢字",
        "label:docs or label:ux", "type:story points:>3", "assignee:alice label:infra", "tab", "release:v1",
        "label:newlabel0", "imported", "a/b", "line break", "-is:blocked label:search", "label:Bug is:archived",
    ]

    private func ids(_ board: Board, _ text: String, prefiltered: Bool) throws -> [String] {
        let query = try Query.parse(text)
        let time = QueryTime(today: "2026-12-06")
        let matches = query.matcher(for: board, time: time)
        return board.itemsInBoardOrder(includeArchived: query.mentionsArchived, where: matches,
                                       prefilter: prefiltered ? LinePrefilter(query) : nil).map(\.id)
    }

    func testAPrefilteredListIsTheFullList() throws {
        var rng = SeededGenerator(seed: 4242)
        for round in 0..<40 {
            var board = try RandomBoards.board(&rng)
            for id in board.items.keys.sorted() where rng.below(5) == 0 {
                _ = try board.modify(id, by: "t", at: RandomBoards.t0 + 3) { item in
                    item.labels = [["Bug", "BUG", "bug", "büg", "Docs"][rng.below(5)]]
                    item.priority = [.must, .should, nil][rng.below(3)]
                }
            }
            var text = String(decoding: BoardEncoder.encode(board), as: UTF8.self)
            // A label written with an escape (`\u0062ug` is "bug").
            if let r = text.range(of: "\"labels\": [\"docs\"]") { text.replaceSubrange(r, with: "\"labels\": [\"\\u0062ug\"]") }
            let data = Data(text.utf8)
            let full = try BoardDecoder.decode(data, path: "b.json").board
            let lazy = try XCTUnwrap(BoardReader.checked(data, path: "b.json")).board
            for q in queries {
                XCTAssertEqual(try ids(lazy, q, prefiltered: true), try ids(full, q, prefiltered: false), "round \(round): \(q)")
            }
        }
    }

    func testLinesWithoutTheValuesAreRuledOut() throws {
        let prefilter = try XCTUnwrap(LinePrefilter(try Query.parse("label:bug priority:must")))
        func may(_ line: String) -> Bool { Array(line.utf8).withUnsafeBufferPointer { prefilter.mayMatch($0) } }
        XCTAssertFalse(may(#"{"id": "a", "title": "T", "stage": "inbox", "rank": "m", "priority": "must", "labels": ["docs"]}"#))
        XCTAssertTrue(may(#"{"id": "a", "title": "T", "stage": "inbox", "rank": "m", "priority": "MUST", "labels": ["Bug"]}"#))
        XCTAssertTrue(may(#"{"id": "a", "title": "Ünï", "stage": "inbox", "rank": "m", "labels": ["docs"]}"#), "non-ASCII lines are read")
        XCTAssertTrue(may(#"{"id": "a", "title": "T", "stage": "inbox", "rank": "m", "labels": ["\u0062ug"]}"#), "escapes are read")
        XCTAssertNil(LinePrefilter(try Query.parse("-label:bug")), "nothing to look for")
        XCTAssertNil(LinePrefilter(try Query.parse("label:a or label:b")))
        XCTAssertNil(LinePrefilter(try Query.parse("label:ünï")), "values that are not ASCII are not looked for")
    }
}
