import DocketCore
@testable import DocketUI
import XCTest

/// The route stack, the global keys and the behaviours issue 9 asks for.
final class RouteStackTests: XCTestCase {
    func testDetailsOpenedFromTheBacklogListReturnToTheSameRow() throws {
        var s = demoState(width: 120, height: 30)
        send(&s, .key(.tab), .key(.char("j")), .key(.char("j")), .key(.char("j")))
        let row = try XCTUnwrap(s.top(as: BacklogScreen.self)).row
        let id = try XCTUnwrap(s.top(as: BacklogScreen.self)?.selectedID)
        send(&s, .key(.enter))
        XCTAssertEqual(s.top(as: DetailScreen.self)?.itemID, id)
        XCTAssertEqual(s.routes.map(\.screenID), ["board", "backlog", "detail"])
        send(&s, .key(.escape))
        XCTAssertEqual(s.top(as: BacklogScreen.self)?.row, row, "Esc pops back to the same row of the list")
        send(&s, .key(.escape))
        XCTAssertTrue(s.isOnBoard)
        XCTAssertEqual(s.selectedItemID, id, "back on the board on the same item")
    }

    func testHelpAndPaletteWorkOnEveryScreenAndReturnThere() throws {
        let openers: [(String, [Event])] = [
            ("backlog", [.key(.tab)]), ("detail", [.key(.enter)]), ("saved-filters", [.key(.char("F"))]),
            ("goals", [.key(.char("O"))]), ("feedback-inbox", [.key(.char("I"))]),
        ]
        for (screen, keys) in openers {
            var s = demoState(width: 120, height: 30)
            send(&s, keys)
            XCTAssertEqual(s.top.screenID, screen)
            send(&s, .key(.char("?")))
            let help = try XCTUnwrap(s.top(as: HelpScreen.self), "? opens help on \(screen)")
            XCTAssertEqual(help.screen, screen, "help shows the keys of \(screen)")
            XCTAssertTrue(render(s).renderText().contains(Screens.all.first { $0.id == screen }!.title))
            send(&s, .key(.escape))
            XCTAssertEqual(s.top.screenID, screen, "Esc closes help, back on \(screen)")
            send(&s, .key(.char(":")))
            XCTAssertEqual(s.top(as: PaletteScreen.self)?.under, screen)
            send(&s, .key(.escape))
            XCTAssertEqual(s.top.screenID, screen, "Esc closes the palette, back on \(screen)")
        }
    }

    func testPaletteRunsAnActionOfTheScreenUnderIt() throws {
        var s = demoState(width: 120, height: 30)
        send(&s, .key(.tab))
        let before = try XCTUnwrap(s.top(as: BacklogScreen.self)).row
        send(&s, .key(.char(":")))
        send(&s, typed("down"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.top(as: BacklogScreen.self)?.row, before + 1, "the backlog's own `down` ran, no key was faked")
    }

    func testTriageAnsweredWithCtrlCCancelsOnlyTheQuestion() throws {
        var s = demoState(width: 100, height: 30)
        send(&s, .key(.char("t")), .key(.char("p")))
        XCTAssertNotNil(s.top.editor)
        send(&s, typed("13"))
        XCTAssertEqual(send(&s, .key(.ctrl("c"))), [], "no quit")
        let triage = try XCTUnwrap(s.top(as: TriageScreen.self), "still triaging")
        XCTAssertNil(triage.ask)
    }

    func testEscAfterAnAddSaysWhatWasAdded() {
        var s = demoState()
        send(&s, .key(.char("a")))
        send(&s, typed("First new thing"))
        send(&s, .key(.enter))
        send(&s, typed("Second new thing"))
        send(&s, .key(.enter))
        send(&s, .key(.escape))
        let status = s.status?.text ?? ""
        XCTAssertTrue(status.hasPrefix("added 2 items"), status)
        XCTAssertFalse(status.contains("cancelled"))
        var t = demoState()
        send(&t, .key(.char("a")), .key(.escape))
        XCTAssertEqual(t.status?.text, "nothing added")
    }

    func testPasteGoesToTheFocusedEditorOfAnyScreen() throws {
        var s = demoState(width: 120, height: 30)
        send(&s, .key(.tab), .key(.char("l")))
        send(&s, .paste("billing, tax"))
        XCTAssertEqual(s.top(as: BacklogScreen.self)?.bulk?.editor.text, "billing, tax")
        send(&s, .key(.escape), .key(.escape), .key(.char("/")))
        send(&s, .paste("invoice"))
        XCTAssertEqual(s.top(as: SearchScreen.self)?.text.text, "invoice")
        var b = demoState()
        let before = b.board
        send(&b, .paste("ddd qqq"))
        XCTAssertEqual(b.board, before, "a paste on the board, with no text field, does nothing")
    }

    func testCachesFollowTheBoardRevision() throws {
        var s = demoState(width: 120, height: 30)
        send(&s, .key(.char("f")))
        send(&s, typed("label:billing"))
        send(&s, .key(.enter), .key(.tab))
        let count = try XCTUnwrap(s.top(as: BacklogScreen.self)).order.count
        let before = s.revision
        // A change that did not come through a key (as a merge from disk does).
        let id = try XCTUnwrap(s.board.backlogOrder().first)
        _ = try s.board.archive(id, by: "elsewhere", at: testNow)
        XCTAssertGreaterThan(s.revision, before)
        send(&s, .resize(s.size))
        XCTAssertEqual(s.top(as: BacklogScreen.self)?.order.count, count - 1, "the backlog order is not stale")
        XCTAssertFalse(s.filter?.columns.values.contains { $0.contains(id) } ?? true, "nor the filter's matches")
    }
}

/// `keys.toml`: remapping and its errors.
final class KeymapFileTests: XCTestCase {
    func testRemapReplacesTheActionsKeys() throws {
        let k = try KeymapFile.apply("[board]\nmove-right = [\"X\", \"shift-right\"]\n", file: "k.toml", to: .standard)
        XCTAssertEqual(k.keys(for: "move-right", on: "board"), [.char("X"), .shiftRight])
        XCTAssertNil(k.action(for: .char("L"), on: "board"), "the built-in L is replaced")
        var s = demoState()
        s.keymaps = k
        let id = try XCTUnwrap(s.selectedItemID)
        XCTAssertEqual(send(&s, .key(.char("X"))), [.save])
        XCTAssertEqual(s.board.items[id]?.stage, s.board.stages[1].id)
        XCTAssertTrue(StatusLine.hints(s, room: 80).contains("X move"), "the hint line follows the remap")
    }

    func testErrorsNameTheLineAndTheReason() {
        func error(_ text: String) -> KeymapFileError? {
            do { _ = try KeymapFile.apply(text, file: "k.toml", to: .standard); return nil } catch { return error as? KeymapFileError }
        }
        XCTAssertEqual(error("[board]\nfly = \"x\"\n")?.line, 2)
        XCTAssertTrue(error("[board]\nfly = \"x\"\n")?.message.contains("unknown action fly") == true)
        XCTAssertEqual(error("# keys\n[boardd]\n")?.line, 2)
        XCTAssertTrue(error("[boardd]\n")?.message.contains("unknown screen") == true)
        let key = error("[board]\n\nquit = \"ctrl-qq\"\n")
        XCTAssertEqual(key?.line, 3)
        XCTAssertTrue(key?.message.contains("ctrl-qq") == true)
        let twice = error("[board]\nleft = \"L\"\n")
        XCTAssertTrue(twice?.message.contains("bound to both") == true, twice?.message ?? "")
        XCTAssertEqual(error("[board\n")?.line, 1)
        XCTAssertTrue(error("[board\n")?.description.hasPrefix("k.toml:1: invalid TOML") == true)
        XCTAssertNil(error("[board]\nleft = \"L\"\nmove-right = \"X\"\n"), "moving L away first is fine")
    }

    func testAGlobalKeyThatAScreenShadowsIsRefused() {
        func error(_ text: String) -> KeymapFileError? {
            do { _ = try KeymapFile.apply(text, file: "k.toml", to: .standard); return nil } catch { return error as? KeymapFileError }
        }
        // The board binds h to left and a screen's key wins over a global one: help would be unreachable.
        let global = error("# mine\n[global]\nhelp = \"h\"\n")
        XCTAssertEqual(global?.line, 3)
        XCTAssertTrue(global?.message.contains("key h is bound to help in [global] and to left in [board]") == true, global?.message ?? "")
        let screen = error("[board]\nfilter = \"?\"\n")
        XCTAssertEqual(screen?.line, 2)
        XCTAssertTrue(screen?.message.contains("to filter in [board]") == true, screen?.message ?? "")
        XCTAssertNil(error("[global]\nhelp = [\"?\", \"f1\"]\n"), "a key no screen uses is fine")
        XCTAssertNil(error("[help]\nclose = [\"esc\", \"?\"]\n"), "help's own ? (close) was there before the file")
    }

    func testKeyNamesRoundTrip() {
        for table in Keymaps.standard.ordered { for b in table.bindings {
            XCTAssertEqual(KeyName.parse(KeyName.name(of: b.key)), b.key, KeyName.name(of: b.key))
        } }
    }

    func testFileLocation() {
        XCTAssertEqual(KeymapFile.path(environment: ["DOCKET_KEYS": "/x/k.toml", "HOME": "/h"]), "/x/k.toml")
        XCTAssertEqual(KeymapFile.path(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]), "/c/docket/keys.toml")
        XCTAssertEqual(KeymapFile.path(environment: ["HOME": "/h"]), "/h/.config/docket/keys.toml")
    }

    func testHelpWrapsAtNarrowWidthsInsteadOfCutting() {
        for width in [24, 40, 80, 160] {
            let lines = HelpScreen.lines(for: BoardScreen.id, .standard, width: width - 4)
            // Long words are broken across lines at narrow widths: compare without spaces.
            let text = lines.map(\.2).joined().filter { $0 != " " }
            for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line.0 + line.2), width - 4, "\(width): \(line)") }
            let table = Keymaps.standard.tables[BoardScreen.id]!
            for action in table.actions where !table.keys(for: action.name).isEmpty {
                XCTAssertTrue(text.contains(action.summary.filter { $0 != " " }), "\(width): \(action.name) is cut or missing")
            }
        }
    }
}
