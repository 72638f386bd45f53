import DocketCore
@testable import DocketUI
import XCTest

/// Every view at every terminal size from 1×1 to 400×120 (all of 1…12 in each dimension, the
/// sizes around the layout's thresholds and the extremes): no crash, and a canvas of exactly
/// that size with every row filled (see `canvasProblem`).
final class TerminalSizeTests: XCTestCase {
    static let widths = Array(1...12) + [20, 23, 24, 25, 64, 80, 99, 100, 101, 160, 400]
    static let heights = Array(1...12) + [24, 50, 120]

    /// Views of the demo board beyond those `HostileTextTests` lists.
    static let moreViews: [(String, [Event])] = [
        ("filter", [.key(.char("f"))] + typed("label:bug (")), ("saved filters", [.key(.char("F"))]),
        ("add", [.key(.char("a"))] + typed("New #x @y")), ("backlog bulk", [.key(.tab), .key(.char(" ")), .key(.char("l"))]),
        ("triage stage", [.key(.char("t")), .key(.enter)]), ("detail edit", [.key(.enter), .key(.enter)]),
        ("standup", [.key(.char("S"))]), ("standup people", [.key(.char("S")), .key(.char("w"))]),
        ("standup parked", [.key(.char("S")), .key(.char("!")), .key(.char("P"))]), ("standup block", [.key(.char("S")), .key(.char("b"))]),
        ("ages", [.key(.char("A"))]),
        ("archive search", [.key(.char("d")), .key(.char("D")), .key(.char("/"))] + typed("a")), ("stage menu", [.key(.char("s")), .key(.char("x"))]),
        ("goals", [.key(.char("O")), .key(.char("j"))]), ("unaligned work", [.key(.char("O")), .key(.char("w"))]),
        ("feedback inbox", [.key(.char("I"))]), ("feedback link", [.key(.char("I")), .key(.char("l"))] + typed("pay")),
        ("releases edit", [.key(.char("r")), .key(.char("l")), .key(.enter)]), ("release items", [.key(.char("r")), .key(.char("i"))]),
        ("roadmap", [.key(.char("m"))]), ("timeline", [.key(.char("m")), .key(.tab)]), ("exit question", typed("llL")),
    ]

    func testEveryViewAtEverySize() throws {
        // The hostile board in every view; the demo board (saved filters, a full Inbox) in a few.
        let cases = [("hostile", try HostileTextTests.hostileBoard(huge: false), HostileTextTests.views + Self.moreViews),
                     ("demo", demoState(width: 100, height: 30).board, Array(HostileTextTests.views.prefix(1)) + Self.moreViews)]
        var renders = 0
        for (boardName, board, views) in cases {
            for (name, events) in views {
                var s = AppState(board: board, user: "test", fileLabel: "docket.json", size: Size(width: 100, height: 30))
                s.keepSelectionVisible()
                send(&s, events)
                for w in Self.widths {
                    for h in Self.heights {
                        // The largest sizes are sampled: they cost the most and differ the least.
                        if w * h > 8_000 && (w + h) % 4 != 0 { continue }
                        var sized = s
                        send(&sized, .resize(Size(width: w, height: h)))
                        let canvas = render(sized)
                        renders += 1
                        guard canvas.width == w, canvas.height == h else {
                            return XCTFail("\(boardName) \(name) at \(w)×\(h): canvas is \(canvas.width)×\(canvas.height)")
                        }
                        if let problem = canvasProblem(canvas) { return XCTFail("\(boardName) \(name) at \(w)×\(h): \(problem)") }
                    }
                }
            }
        }
        XCTAssertGreaterThan(renders, 5_000)
        print("rendered \(renders) canvases")
    }

    /// Keys still work after shrinking to 1×1 and growing back: the selection and mode survive.
    func testShrinkingToOneCellAndBackKeepsTheState() {
        var s = demoState(width: 100, height: 30)
        send(&s, .key(.char("l")), .key(.char("j")))
        let selected = s.selectedItemID
        for size in [Size(width: 1, height: 1), Size(width: 0, height: 0), Size(width: 2, height: 2), Size(width: 400, height: 120),
                     Size(width: 100, height: 30)] {
            send(&s, .resize(size), .key(.char("j")), .key(.char("k")))
            XCTAssertNil(canvasProblem(render(s)), "\(size)")
        }
        XCTAssertEqual(s.selectedItemID, selected)
        XCTAssertTrue(s.isOnBoard, "back on the board")
    }
}
