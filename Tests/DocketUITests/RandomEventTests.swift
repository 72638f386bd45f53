import DocketCore
@testable import DocketUI
import XCTest

/// 100,000 random events (the keymap's keys, random characters, Enter/Esc/Tab/arrows, resizes,
/// pastes, clicks, the editor closing) fed to `update`: it never crashes, and every 500 events
/// the view fills its canvas, and every 1,000 the board keeps its invariants. Seeded: a failure names the
/// seed and the event number. (Each item in exactly one column, ranks strictly ordered per
/// stage, save then load and undo then redo give the same board.)
final class RandomEventTests: XCTestCase {
    static let seed: UInt64 = 0x5EED_0F_D0C

    static let specialKeys: [Key] = [.enter, .escape, .tab, .backTab, .up, .down, .left, .right, .shiftUp, .shiftDown,
                                     .shiftLeft, .shiftRight, .backspace, .delete, .home, .end, .pageUp, .pageDown,
                                     .function(1), .ctrl("r"), .ctrl("a"), .ctrl("e"), .ctrl("u"), .ctrl("k"), .ctrl("w"), .ctrl("c")]
    static let characters: [Character] = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 #@!~^>:-()\"'/\\?*.,")
        + ["é", "日", "👩‍💻", "\u{1B}", "\u{202E}", "\u{301}", "\n", "\t", "\u{7F}"]
    static let pastes = ["hello world", "line one\nline two", "\u{1B}[31mred\u{1B}[0m", "#bug @ann !must ~3 due:2026-12-31 >ready",
                         String(repeating: "long ", count: 40), "label:bug or @ann", "日本語 👩‍💻", ""]

    static func randomEvent(_ rng: inout SeededRandom, keymap: Keymaps, current: AppState) -> Event {
        switch rng.below(100) {
        case 0..<4: return .key(.escape)  // leave prompts now and then, so typed text stays short
        case 4..<45:
            // A key of the screen on top, or a global or line-editor key.
            let keys = [current.top.screenID, GlobalKeys.id, EditorKeys.id].flatMap { keymap.tables[$0]?.bindings ?? [] }
            return .key(rng.pick(keys).key)
        case 45..<70: return .key(.char(rng.pick(characters)))
        case 70..<88: return .key(rng.pick(specialKeys))
        case 88..<91:
            let sizes = [Size(width: 1, height: 1), Size(width: 2, height: 2), Size(width: 24, height: 8), Size(width: 80, height: 24),
                         Size(width: 100, height: 30), Size(width: 400, height: 120)]
            return .resize(rng.chance(0.5) ? rng.pick(sizes) : Size(width: 1 + rng.below(200), height: 1 + rng.below(60)))
        case 91..<94: return .paste(rng.pick(pastes))
        case 94..<97:
            return .mouse(MouseEvent(x: rng.below(current.size.width + 2), y: rng.below(current.size.height + 2),
                                     kind: rng.pick([MouseEvent.Kind.press, .wheelUp, .wheelDown])))
        case 97: return .editorFinished(itemID: current.selectedItemID ?? "nope", text: rng.chance(0.7) ? rng.pick(pastes) : nil,
                                        error: rng.chance(0.3) ? "editor failed" : nil)
        default: return .saveStatus(rng.pick([.saved, .saving, .failed("disk full")]))
        }
    }

    /// The first broken invariant of `state`'s board, or nil.
    static func invariantProblem(_ state: AppState) -> String? {
        let board = state.board
        let stageIDs = board.stages.map(\.id)
        var seen: [String: String] = [:]
        for stage in stageIDs {
            let column = board.column(stage)
            for id in column {
                if let other = seen[id] { return "\(id) is in \(other) and \(stage)" }
                seen[id] = stage
                guard let item = board.items[id] else { return "\(id) in \(stage) is not on the board" }
                if item.stage != stage || item.archived { return "\(id) is listed in \(stage) but is in \(item.stage), archived \(item.archived)" }
            }
            let ranks = column.compactMap { board.items[$0]?.rank }
            for k in ranks.indices.dropFirst() where !(ranks[k - 1] < ranks[k]) {
                return "ranks in \(stage) not strictly ordered: \(ranks[k - 1]) then \(ranks[k])"
            }
        }
        for item in board.items.values where !item.archived && stageIDs.contains(item.stage) && seen[item.id] == nil {
            return "\(item.id) is in no column"
        }
        // Save then load gives the same board.
        do {
            let again = try BoardDecoder.decode(Data(BoardEncoder.encode(board)), path: "fuzz.json").board
            if again != board { return "save then load changed the board" }
        } catch { return "save then load failed: \(error)" }
        // Undo then redo gives the same items (the activity log records both).
        var copy = state
        var history = copy.history, b = copy.board
        if history.undo(&b, by: "t", at: testNow) != nil {
            _ = history.redo(&b, by: "t", at: testNow)
            copy.board = b
            if copy.board.items != board.items || copy.board.stages != board.stages { return "undo then redo changed the board" }
        }
        return nil
    }

    private func run(_ start: AppState, events count: Int, seed: UInt64) {
        var s = start
        var rng = SeededRandom(seed: seed)
        var edits = 0
        for n in 1...count {
            let event = Self.randomEvent(&rng, keymap: s.keymaps, current: s)
            let before = s.board.items.count
            _ = update(&s, event, now: testNow + Timestamp(n))
            // `q` only returns `Effect.quit`: the events go on.
            if s.board.items.count != before { edits += 1 }
            if n % 1_000 == 0, let problem = Self.invariantProblem(s) {
                return XCTFail("seed \(seed), after event \(n) (\(event)): \(problem)")
            }
            if n % 500 == 0 {
                if let problem = canvasProblem(render(s)) {
                    return XCTFail("seed \(seed), after event \(n) (\(event)), \(s.size.width)×\(s.size.height): \(problem)")
                }
            }
        }
        XCTAssertGreaterThan(edits, 0, "the events should also change the board")
    }

    func testDemoBoard() {
        run(demoState(width: 100, height: 30), events: 100_000, seed: Self.seed)
    }

    func testSmallBoard() throws {
        var board = Board(name: "Small", stages: Board.defaultStages())
        _ = try board.addItem(title: "Only one", stage: "inbox", by: "t", at: testNow)
        var s = AppState(board: board, user: "t", fileLabel: "small.json", size: Size(width: 80, height: 24))
        s.keepSelectionVisible()
        run(s, events: 20_000, seed: Self.seed &+ 1)
    }
}
