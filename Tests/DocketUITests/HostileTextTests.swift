import DocketCore
@testable import DocketUI
import XCTest

/// Hostile and odd text in every field of a board: the views show it safely (no control,
/// bidi or escape character in any cell), the layout stays intact, and huge text stays fast.
final class HostileTextTests: XCTestCase {
    /// Text meant to harm a terminal or a layout.
    static let nasty = [
        "\u{1B}[31mred\u{1B}[0m \u{1B}[2J\u{1B}[H", "\u{1B}]0;owned title\u{07}", "\u{1B}]52;c;ZWNobw==\u{1B}\\",
        "\u{9B}31m C1 CSI \u{85} NEL \u{9D}OSC", "abc\u{202E}txt.exe\u{202C} \u{2066}iso\u{2069} \u{200F}rlm\u{061C}",
        "nul\u{0} bell\u{7} bs\u{8}\u{8}\u{8} cr\r lf\n tab\t del\u{7F}", "👩‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 ❤️ ☺︎ 👍🏽 👩🏿‍💻",
        "e\u{301}\u{302}\u{303} \u{301}lead \u{20DD}", "ZW\u{200B}SP\u{200C}NJ\u{2060}WJ\u{FEFF}", "日本語の長いタイトル",
        "line\u{2028}sep\u{2029}para", "\u{FFFE}\u{FFFF}\u{E000}\u{10FFFD}", "ｆｕｌｌ\u{3000}ｗｉｄｔｈ",
    ]

    /// A board whose titles, descriptions, labels, people, releases, criteria, links, a stage
    /// name and a blocked reason hold `nasty` text (one item per entry, in the Inbox and Ready),
    /// plus a 1 MB title and a 100,000-line description. Read from a file with invalid UTF-8
    /// in one title, the way such text arrives.
    static func hostileBoard(huge: Bool = true) throws -> Board {
        var stages = Board.defaultStages()
        stages[2].name = "Re\u{1B}[7mady\u{202E}"
        var items: [Item] = []
        let ranks = Rank.spread(nasty.count * 2 + 2)
        for (i, text) in nasty.enumerated() {
            for (k, stage) in ["inbox", "ready"].enumerated() {
                var item = Item(id: "h\(i)s\(k)", title: text + " #\(i)", description: nasty.joined(separator: "\n"),
                                stage: stage, rank: ranks[i * 2 + k], priority: .must, points: 3, labels: [text, "ok"],
                                assignees: [text], release: text, blocked: true, blockedReason: text, created: 1_795_953_600)
                item.requester = text
                item.criteria = [Criterion(text: text), Criterion(text: "fine", done: true)]
                item.links = [Link(url: "https://x/\(text)", title: text)]
                items.append(item)
            }
        }
        if huge {
            let mb = String(repeating: "Ab\u{1B}[1m 日本 ", count: 1_048_576 / 16)
            items.append(Item(id: "huge1", title: mb, description: mb, stage: "ready", rank: ranks[ranks.count - 2],
                              labels: [mb], created: 1_795_953_600))
            let lines = (0..<100_000).map { "line \($0) \u{1B}[0m" }.joined(separator: "\n")
            items.append(Item(id: "huge2", title: "many lines", description: lines, stage: "inbox", rank: ranks[ranks.count - 1],
                              created: 1_795_953_600))
        }
        let board = Board(name: "Hostile \u{1B}]0;x\u{7}", stages: stages, items: items)
        var bytes = BoardEncoder.encode(board)
        // Invalid UTF-8 in the first item's title, as a broken editor or tool might leave it.
        let key = Array("\"title\": \"".utf8)
        guard let at = bytes.indices.first(where: { bytes[$0...].starts(with: key) }) else { throw XCTSkip("no title in the file") }
        bytes.insert(contentsOf: [0xFF, 0xC3, 0xED, 0xA0, 0x80], at: at + key.count)
        let read = try BoardDecoder.decode(Data(bytes), path: "hostile.json").board
        XCTAssertEqual(read.items.values.filter { $0.title.hasPrefix("\u{FFFD}") }.count, 1, "invalid UTF-8 reads as U+FFFD")
        return read
    }

    private func state(_ board: Board, width: Int, height: Int) -> AppState {
        var s = AppState(board: board, user: "test", fileLabel: "docket.json", size: Size(width: width, height: height))
        s.keepSelectionVisible()
        return s
    }

    /// The views to check, each reached by keys from the board.
    static let views: [(String, [Event])] = [
        ("board", []), ("board ready", [.key(.char("l")), .key(.char("l"))]),
        ("detail", [.key(.enter)]), ("detail scrolled", [.key(.enter)] + Array(repeating: .key(.down), count: 30)),
        ("detail ready", [.key(.char("l")), .key(.char("l")), .key(.enter)]),
        ("backlog", [.key(.tab)]), ("backlog down", [.key(.tab)] + Array(repeating: .key(.down), count: 12)),
        ("triage", [.key(.char("t"))]), ("triage later", [.key(.char("t"))] + Array(repeating: .key(.char("s")), count: 5)),
        ("help", [.key(.char("?"))]), ("palette", [.key(.char(":"))]), ("search", [.key(.char("/"))] + typed("\u{1B}[")),
        ("edit title", [.key(.char("e"))]),
    ]

    func testNoControlCharacterReachesACellAndTheLayoutHolds() throws {
        let board = try Self.hostileBoard(huge: false)
        for (w, h) in [(80, 24), (120, 40), (200, 50)] {
            for (name, events) in Self.views {
                var s = state(board, width: w, height: h)
                send(&s, events)
                let canvas = render(s)
                if let problem = canvasProblem(canvas) { XCTFail("\(name) at \(w)×\(h): \(problem)") }
                if s.isOnBoard {
                    // Column borders run down the whole board.
                    let layout = s.layout
                    for slot in 0..<(layout.visibleColumns - 1) {
                        let x = layout.columnX(slot) + layout.columnWidth
                        for y in 0..<(h - 1) where canvas[x, y].text != "│" {
                            XCTFail("\(name) at \(w)×\(h): (\(x),\(y)) holds \(canvas[x, y].text.debugDescription), not the column border")
                            break
                        }
                    }
                }
            }
        }
    }

    /// The escape sequence is shown as text (`␛[31m`), not dropped: the user can see what is there.
    func testEscapeSequencesAreShownAsPictures() throws {
        var s = state(try Self.hostileBoard(huge: false), width: 120, height: 40)
        send(&s, .key(.enter))
        let text = render(s).renderText()
        XCTAssertTrue(text.contains("␛[31mred␛[0m"), text)
        XCTAssertTrue(text.contains("txt.exe"), text)
        XCTAssertEqual(SafeText.clean("a\u{2028}b\u{200F}c\u{202E}d\u{9B}"), "a␤bc�d�")
        XCTAssertEqual(SafeText.fitLine(String(repeating: "日\n", count: 500_000), width: 7), "日 日 …")
    }

    /// A 1 MB title and a 100,000-line description: every view still draws, intact, and fast
    /// enough to stay responsive (the time is printed, not asserted: speed goes in DocketBench).
    func testHugeTextDrawsIntactAndQuickly() throws {
        let board = try Self.hostileBoard()
        for (name, events) in [("board", []), ("detail 1 MB", [.key(.char("l")), .key(.char("l")), .key(.char("G")), .key(.enter)]),
                               ("detail 100k lines", [.key(.char("G")), .key(.enter)]), ("backlog", [.key(.tab), .key(.char("G"))]),
                               ("triage", [.key(.char("t"))] + Array(repeating: .key(.char("s")), count: 13)),
                               ("search", [.key(.char("/"))] + typed("line 99999"))] as [(String, [Event])] {
            var s = state(board, width: 160, height: 50)
            send(&s, events)
            let start = Date()
            let canvas = render(s)
            let ms = Date().timeIntervalSince(start) * 1000
            print("render \(name) with huge text: \(String(format: "%.1f", ms)) ms")
            if let problem = canvasProblem(canvas) { XCTFail("\(name): \(problem)") }
        }
    }
}
