import DocketCore
@testable import DocketUI
import XCTest

/// The standup screen: the walk, timers driven by ticks (an injected clock, never sleeping),
/// acting in place, the parking lot and the record it writes.
final class StandupScreenTests: XCTestCase {
    func standup(width: Int = 80, height: Int = 24) -> AppState {
        var s = demoState(width: width, height: height)
        send(&s, .key(.char("S")))
        return s
    }

    func testSOpensTheWorkWalkNearestDoneFirst() throws {
        let s = standup()
        let st = try XCTUnwrap(s.top(as: StandupScreen.self))
        let firstStage = try XCTUnwrap(st.workOrder.first?.stage)
        let kinds = s.board.stages.filter { $0.kind != .done && $0.kind != .inbox }.map(\.id)
        XCTAssertEqual(firstStage, kinds.last, "the stage nearest done comes first")
        XCTAssertEqual(st.tickInterval, 1000, "the standup asks for ticks while it is open")
        XCTAssertNil(BoardScreen().tickInterval, "the board asks for none")
    }

    func testTimersCountUpFromTicksAndTurnToWarningPastTheTimebox() throws {
        var s = standup()
        send(&s, .key(.char("j")))
        var st = try XCTUnwrap(s.top(as: StandupScreen.self))
        XCTAssertEqual(st.meetingSeconds, 0)
        for n in 1...130 { _ = withTop(&s, now: testNow + Timestamp(n)) { screen, app in screen.tick(&app, now: testNow + Timestamp(n)) } }
        st = try XCTUnwrap(s.top(as: StandupScreen.self))
        XCTAssertEqual(st.meetingSeconds, 130)
        XCTAssertTrue(render(s).renderText().contains("Meeting 02:10/15:00"))
        let header = render(s)
        let warning = (0..<header.width).contains { header[$0, 0].role == .columnOverLimit }
        XCTAssertEqual(warning, st.speakerSeconds > st.speakerTimebox, "the timer turns to a warning past 2 minutes, never stops")
        // Pause: ticks do not count.
        send(&s, .key(.char("p")))
        XCTAssertNil(s.top.tickInterval, "a paused standup asks for no ticks")
        _ = withTop(&s, now: testNow + 500) { screen, app in screen.tick(&app, now: testNow + 500) }
        send(&s, .key(.char("p")))
        XCTAssertEqual(s.top(as: StandupScreen.self)?.meetingSeconds, 130, "time paused is left out")
    }

    func testActInPlaceParkAndEndWritesOneStandupEntry() throws {
        var s = standup(width: 120, height: 30)
        let st = try XCTUnwrap(s.top(as: StandupScreen.self))
        let id = try XCTUnwrap(st.currentItem)
        let stage = try XCTUnwrap(s.board.items[id]).stage
        send(&s, .key(.char("b")))
        send(&s, typed("waiting for the bank"))
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        XCTAssertEqual(s.board.items[id]?.blocked, true)
        XCTAssertEqual(s.board.items[id]?.blockedReason, "waiting for the bank")
        send(&s, .key(.char("!")))
        XCTAssertEqual(s.top(as: StandupScreen.self)?.parked, [id])
        send(&s, .key(.char("H")))
        XCTAssertNotEqual(s.board.items[id]?.stage, stage, "H moves the item in place")
        send(&s, .key(.char("u")))
        XCTAssertEqual(s.board.items[id]?.stage, stage, "an ordinary undoable edit")
        XCTAssertEqual(s.top.screenID, "standup", "still in the standup")
        let before = s.board.activity.count
        send(&s, .key(.char("q")))
        XCTAssertEqual(s.top.screenID, "standup", "q asks first")
        send(&s, .key(.char("n")))
        XCTAssertEqual(s.top.screenID, "standup", "any other key goes back")
        send(&s, .key(.char("q")))
        XCTAssertEqual(send(&s, .key(.char("y"))), [.save])
        XCTAssertTrue(s.isOnBoard)
        let entries = s.board.activity.dropFirst(before).filter { $0.action == "standup" }
        XCTAssertEqual(entries.count, 1)
        let record = try XCTUnwrap(StandupRecord.last(in: s.board))
        XCTAssertEqual(record.parked, [id])
        XCTAssertEqual(record.facilitator, "test")
    }

    func testPeopleWalkShowsWhoIsNext() throws {
        var s = standup(width: 160, height: 45)
        send(&s, .key(.char("w")))
        let st = try XCTUnwrap(s.top(as: StandupScreen.self))
        XCTAssertEqual(st.walk, .people)
        XCTAssertGreaterThan(st.peopleOrder.count, 1)
        let text = render(s).renderText()
        XCTAssertTrue(text.contains("person 1 of \(st.peopleOrder.count) · next: \(st.peopleOrder[1])"), text)
        XCTAssertEqual(st.spoke, [st.peopleOrder[0]])
    }

    func testThePositionAndWhoIsNextFitTheHeaderAtEverySize() throws {
        for width in [30, 40, 60, 80, 100] {
            var s = standup(width: width, height: 24)
            var st = try XCTUnwrap(s.top(as: StandupScreen.self))
            var header = render(s).renderText().split(separator: "\n")[0]
            XCTAssertTrue(header.contains("item 1 of \(st.pageCount)"), "\(width): \(header)")
            send(&s, .key(.char("w")))
            st = try XCTUnwrap(s.top(as: StandupScreen.self))
            header = render(s).renderText().split(separator: "\n")[0]
            XCTAssertTrue(header.contains("person 1 of \(st.pageCount) · next: \(st.peopleOrder[1])"), "\(width): \(header)")
            if width >= 80 { XCTAssertTrue(header.contains("/15:00"), "\(width): the timers too: \(header)") }
        }
    }

    func testAnEmptyBoardSaysSoAndStillRecordsTheMeeting() throws {
        var s = AppState(board: Board(name: "empty", stages: Board.defaultStages()), user: "ann", fileLabel: "b.json",
                         size: Size(width: 80, height: 24))
        send(&s, .key(.char("S")))
        XCTAssertTrue(render(s).renderText().contains("Nothing is in flight"))
        send(&s, .key(.char("q")), .key(.char("y")))
        XCTAssertNotNil(StandupRecord.last(in: s.board))
    }

    func testAgesOnTheBoardToggleWithA() throws {
        var s = demoState(width: 120, height: 30)
        XCTAssertNil(s.ages)
        send(&s, .key(.char("A")))
        XCTAssertNotNil(s.ages)
        let id = try XCTUnwrap(s.selectedItemID)
        let days = s.ages!.days(id, now: testNow)
        XCTAssertTrue(render(s).renderText().contains("\(id) \(days)d"), "the card shows its age next to its id")
        send(&s, .key(.char("A")))
        XCTAssertNil(s.ages)
    }

    func testGoldens() {
        var s = standup(width: 80, height: 24)
        assertGolden(render(s), "standup-80x24")
        s = standup(width: 160, height: 45)
        send(&s, .key(.char("!")), .key(.char("j")))
        assertGolden(render(s), "standup-160x45")
    }
}

final class StandupSettingsTests: XCTestCase {
    func testTimeboxesAreABoardSettingSetFromThePalette() throws {
        var s = demoState()
        send(&s, .key(.char(":")))
        send(&s, typed("standup timebox 10m 90s"))
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        XCTAssertEqual(StandupTimeboxes(s.board), StandupTimeboxes(meeting: 600, speaker: 90))
        send(&s, .key(.char("S")))
        let st = try XCTUnwrap(s.top(as: StandupScreen.self))
        XCTAssertEqual(st.meetingTimebox, 600)
        XCTAssertTrue(render(s).renderText().contains("/10:00"))
        var t = demoState()
        send(&t, .key(.char(":")))
        send(&t, typed("standup timebox soon"))
        XCTAssertEqual(send(&t, .key(.enter)), [])
        XCTAssertTrue(t.status?.text.contains("'soon'") == true, t.status?.text ?? "")
        XCTAssertEqual(StandupTimeboxes(t.board), StandupTimeboxes(), "nothing written")
    }
}

final class AgesSettingTests: XCTestCase {
    func testAgesOnIsABoardSetting() throws {
        var s = demoState(width: 120, height: 30)
        send(&s, .key(.char(":")))
        send(&s, typed("ages on"))
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        XCTAssertEqual(s.board.extra["showAges"], "true")
        XCTAssertTrue(s.showAges)
        XCTAssertNotNil(s.ages, "computed for the next frame")
        send(&s, .key(.char(":")))
        send(&s, typed("ages maybe"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.status?.isError, true)
        XCTAssertEqual(s.board.extra["showAges"], "true", "nothing written")
    }
}

/// Ctrl-C during a standup never loses the meeting.
final class StandupInterruptTests: XCTestCase {
    func testCtrlCAsksToEndThenRecordsAndQuits() throws {
        var s = demoState(width: 100, height: 30)
        send(&s, .key(.char("S")), .key(.char("!")))
        XCTAssertEqual(send(&s, .key(.ctrl("c"))), [], "the first Ctrl-C asks")
        XCTAssertTrue(render(s).renderText().contains("End the standup and record it?"))
        XCTAssertEqual(s.top.screenID, "standup")
        let fx = send(&s, .key(.ctrl("c")))
        XCTAssertEqual(fx, [.save, .quit], "the second records it, then quits")
        let record = try XCTUnwrap(StandupRecord.last(in: s.board))
        XCTAssertEqual(record.parked.count, 1)
        XCTAssertFalse(record.spoke.isEmpty, "walking the work, the people of the items shown spoke")
        var b = demoState()
        XCTAssertEqual(send(&b, .key(.ctrl("c"))), [.quit], "elsewhere Ctrl-C quits as before")
    }
}
