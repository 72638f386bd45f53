import Foundation
@testable import DocketCore

/// Random boards and random changes to them, as commands and the board screen make them (for
/// the tests that compare ways of reading and writing a board: `BoardSpliceTests`,
/// `BoardCheckedReadTests`).
enum RandomBoards {
    static let t0: Timestamp = 1_795_953_600

    /// A random board: generated items, plus awkward text (quotes, newlines, controls, U+2028,
    /// non-ASCII), comments, archived items, unknown keys and long imported ids on some.
    static func board(_ rng: inout SeededGenerator) throws -> Board {
        var board = GeneratedBoard.make(count: rng.below(60), seed: rng.next())
        let ids = board.items.keys.sorted()
        for id in ids where rng.below(4) == 0 {
            _ = try board.modify(id, by: "t", at: t0 + 5) { item in
                item.title = ["Quote \" and \\ back", "Line\nbreak", "Ünïcødé ✓ 漢字", "bidi \u{202E} sep \u{2028}", "tab\there"][rng.below(5)]
                if rng.below(2) == 0 { item.comments = [Comment(author: "bob", at: t0 + 9, text: "a \"comment\"\nwith lines")] }
                if rng.below(3) == 0 { item.extra["zNewer"] = "{\"a\": [1, 2]}" }
            }
        }
        for id in ids where rng.below(10) == 0 { _ = try board.archive(id, by: "t", at: t0 + 7) }
        if rng.below(3) == 0 {
            let long = Item(id: "imported-\(rng.below(1000))-long-id", title: "Imported", stage: "inbox", rank: "m", created: t0)
            board.upsertForTest(long)
        }
        return board
    }

    /// One random change, as a command or the board would make it.
    static func change(_ board: inout Board, _ rng: inout SeededGenerator) throws {
        let ids = board.items.keys.sorted()
        let open = ids.filter { board.items[$0]?.archived == false }
        let at = t0 + 100 + Timestamp(rng.below(1000))
        switch rng.below(9) {
        case 0, 1:
            _ = try board.addItem(title: "Added \(rng.below(100)) \"quoted\"", stage: ["inbox", "ready", "done"][rng.below(3)],
                                  labels: rng.below(2) == 0 ? ["newlabel\(rng.below(3))"] : [],
                                  id: ItemID.derived(from: "added \(rng.next())"), by: "t", at: at)
        case 2 where !ids.isEmpty:
            _ = try board.modify(ids[rng.below(ids.count)], by: "t", at: at) { $0.points = Double(rng.below(20)); $0.description = "new\ntext" }
        case 3 where !open.isEmpty:
            _ = try board.move(open[rng.below(open.count)], toStage: ["doing", "review", "done"][rng.below(3)], by: "t", at: at)
        case 4 where !open.isEmpty:
            _ = try board.archive(open[rng.below(open.count)], by: "t", at: at)
        case 5 where !ids.isEmpty:
            board.put(ids[rng.below(ids.count)], nil)
        case 6:
            board.labels.append(Label(name: "header-\(rng.below(100))"))
        case 7:
            board.name = "Renamed \(rng.below(10))"
        default:
            // An item whose id sorts first or last, as imports make.
            let id = rng.below(2) == 0 ? "0000\(rng.below(10))" : "zzzz\(rng.below(10))"
            if board.items[id] == nil {
                _ = try board.addItem(title: "Edge id", stage: "inbox", id: id, by: "t", at: at)
            }
        }
    }
}
