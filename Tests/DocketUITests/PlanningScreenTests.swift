import DocketCore
@testable import DocketUI
import XCTest

/// The releases screen, a release's items, the roadmap's lanes and timeline and the exit
/// criterion question: reducers driven by keys through `update`, checked on the board.
final class PlanningScreenTests: XCTestCase {
    func releases(width: Int = 80, height: Int = 24) -> AppState {
        var s = demoState(width: width, height: height)
        send(&s, .key(.char("r")))
        return s
    }

    func release(_ s: AppState, _ name: String) -> Release? { s.board.releases.first { $0.name == name } }

    /// Selects field `name` on the releases screen (fields start at `name`).
    func selectField(_ s: inout AppState, _ field: String) {
        let n = ReleasesScreen.fields.firstIndex(of: field)!
        for _ in 0..<n { send(&s, .key(.right)) }
    }

    // MARK: releases

    func testEditCapacityInPlaceSavesAndUndoes() throws {
        var s = releases()
        send(&s, .key(.down))                                   // 1.5
        selectField(&s, "capacity")
        send(&s, .key(.enter))
        XCTAssertEqual(s.top.editor?.text, "30", "the editor starts with the value")
        send(&s, .key(.ctrl("u")))
        send(&s, typed("12"))
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        XCTAssertEqual(release(s, "1.5")?.capacity, 12)
        XCTAssertNil(s.top.editor, "the editor closes")
        let plan = ReleasePlan(s.board).line(named: "1.5")!
        XCTAssertEqual(plan.overCapacityBy, plan.plannedPoints - 12)
        XCTAssertTrue(render(s).renderText().contains("over capacity by \(plan.overCapacityBy!.pointsText) points"))
        send(&s, .key(.char("u")))
        XCTAssertEqual(release(s, "1.5")?.capacity, 30, "one undo step")
    }

    func testBadValuesAreRefusedWithTheValueNamedAndNothingChanges() throws {
        let cases: [(String, String, String)] = [("capacity", "-3", "-3"), ("capacity", "lots", "lots"), ("budget", "12 euros", "12 euros"),
                                                 ("target", "2026-02-30", "2026-02-30"), ("state", "done", "done"), ("start", "2030-01-01", "2030-01-01")]
        for (field, value, named) in cases {
            var s = releases()
            let before = s.board
            selectField(&s, field)
            send(&s, .key(.enter), .key(.ctrl("u")))
            send(&s, typed(value))
            XCTAssertEqual(send(&s, .key(.enter)), [], "\(field)=\(value)")
            XCTAssertEqual(s.board.releases, before.releases, "\(field)=\(value): nothing changed")
            XCTAssertEqual(s.status?.isError, true, "\(field)=\(value)")
            XCTAssertTrue(s.status?.text.contains(named) == true, "\(field)=\(value): \(s.status?.text ?? "")")
            XCTAssertEqual(s.top.editor?.text, value, "the editor stays open with the text as typed")
            send(&s, .key(.escape))
            XCTAssertNil(s.top.editor)
            XCTAssertEqual(s.top.screenID, "releases", "Esc closes the editor, not the screen")
        }
    }

    func testBudgetInMoneyFormsAndStateAndNotes() throws {
        var s = releases()
        selectField(&s, "budget")
        send(&s, .key(.enter))
        XCTAssertEqual(s.top.editor?.text, "75000.00", "the budget in major units, exact")
        send(&s, .key(.ctrl("u")))
        send(&s, typed("60k"))
        send(&s, .key(.enter))
        XCTAssertEqual(release(s, "1.4")?.budget, Money(minor: 6_000_000))
        send(&s, .key(.right), .key(.enter), .key(.ctrl("u")))
        send(&s, typed("shipped"))
        send(&s, .key(.enter))
        XCTAssertEqual(release(s, "1.4")?.state, .shipped)
        send(&s, .key(.right), .key(.enter))
        send(&s, typed("Tax release"))
        send(&s, .key(.enter))
        XCTAssertEqual(release(s, "1.4")?.notes, "Tax release")
    }

    func testRenameMovesTheItemsAlong() throws {
        var s = releases()
        let items = ReleasePlan(s.board).line(named: "1.4")!.items
        send(&s, .key(.enter), .key(.ctrl("u")))
        send(&s, typed("1.4.0"))
        send(&s, .key(.enter))
        XCTAssertNil(release(s, "1.4"))
        XCTAssertEqual(ReleasePlan(s.board).line(named: "1.4.0")?.items, items)
    }

    func testAddAReleaseAndReorder() throws {
        var s = releases()
        send(&s, .key(.char("a")))
        send(&s, typed("1.5"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.status?.isError, true, "a taken name is refused")
        XCTAssertEqual(s.board.releases.count, 3)
        send(&s, .key(.ctrl("u")))
        send(&s, typed("3.0"))
        XCTAssertEqual(send(&s, .key(.enter)), [.save])
        XCTAssertEqual(s.board.releases.map(\.name), ["1.4", "1.5", "2.0", "3.0"])
        let screen = try XCTUnwrap(s.top(as: ReleasesScreen.self))
        XCTAssertEqual(screen.row, 3, "the new release is selected")
        XCTAssertEqual(ReleasesScreen.fields[screen.field], "start", "ready to give it dates")
        send(&s, .key(.char("K")), .key(.char("K")))
        XCTAssertEqual(s.board.releases.map(\.name), ["1.4", "3.0", "1.5", "2.0"])
        XCTAssertEqual(s.top(as: ReleasesScreen.self)?.row, 1, "the selection follows the release")
        send(&s, .key(.char("J")))
        XCTAssertEqual(s.board.releases.map(\.name), ["1.4", "1.5", "3.0", "2.0"])
        send(&s, .key(.char("u")))
        XCTAssertEqual(s.board.releases.map(\.name), ["1.4", "3.0", "1.5", "2.0"])
    }

    func testMoveItemsBetweenReleases() throws {
        var s = releases()
        send(&s, .key(.down), .key(.char("i")))
        let items = try XCTUnwrap(s.top(as: ReleaseItemsScreen.self))
        XCTAssertEqual(items.items, ReleasePlan(s.board).line(named: "1.5")!.items)
        let id = try XCTUnwrap(items.selectedID)
        XCTAssertEqual(send(&s, .key(.char("L"))), [.save])
        XCTAssertEqual(s.board.items[id]?.release, "2.0")
        XCTAssertFalse(s.top(as: ReleaseItemsScreen.self)!.items.contains(id), "it leaves the list")
        let next = try XCTUnwrap(s.top(as: ReleaseItemsScreen.self)?.selectedID)
        send(&s, .key(.char("m")))
        send(&s, typed("9.9"))
        XCTAssertEqual(send(&s, .key(.enter)), [])
        XCTAssertEqual(s.board.items[next]?.release, "1.5", "an unknown release moves nothing")
        XCTAssertTrue(s.status?.text.contains("9.9") == true)
        send(&s, .key(.ctrl("u")))
        send(&s, typed("1.4"))
        send(&s, .key(.enter))
        XCTAssertEqual(s.board.items[next]?.release, "1.4")
        send(&s, .key(.char("H")))  // the new selection, to 1.4 (before 1.5)
        send(&s, .key(.escape))
        XCTAssertEqual(s.top.screenID, "releases")
        send(&s, .key(.escape))
        XCTAssertTrue(s.isOnBoard)
    }

    func testOverCapacityAndOverBudgetRowsInTheWarningStyle() throws {
        var s = releases(width: 160, height: 45)
        send(&s, .key(.char("j")), .key(.char("j")))   // select 2.0 so 1.4 and 1.5 are drawn plainly
        let c = render(s)
        let text = c.renderText().split(separator: "\n").map(String.init)
        let row15 = try XCTUnwrap(text.firstIndex { $0.hasPrefix(" 1.5 ") })
        let row14 = try XCTUnwrap(text.firstIndex { $0.hasPrefix(" 1.4 ") })
        XCTAssertEqual(c[1, row15].role, .warning, "1.5 is over budget")
        XCTAssertTrue(text[row15].contains("+€"), "with the amount over")
        XCTAssertEqual(c[1, row14].role, .normal, "1.4 is within both")
    }

    func testReadOnlyBoardRefusesEdits() {
        var s = AppState(board: DemoBoard.make(now: testNow, user: "t"), user: "t", fileLabel: "x", readOnly: "newer file", size: Size(width: 80, height: 24))
        send(&s, .key(.char("r")), .key(.enter))
        XCTAssertNil(s.top.editor)
        XCTAssertEqual(s.status?.isError, true)
    }

    func testPaletteOpensBothScreens() {
        for (name, id) in [("releases", "releases"), ("roadmap", "roadmap")] {
            var s = demoState()
            send(&s, .key(.char(":")))
            send(&s, typed(name))
            send(&s, .key(.enter))
            XCTAssertEqual(s.top.screenID, id)
        }
    }

    // MARK: roadmap

    /// The roadmap with the Now lane selected.
    func roadmap(_ width: Int = 120, _ height: Int = 40) -> AppState {
        var s = demoState(width: width, height: height)
        send(&s, .key(.char("m")), .key(.char("h")), .key(.char("h")))
        return s
    }

    /// Selects the first card of the selected lane that `matches` (fails when none does).
    func selectCard(_ s: inout AppState, file: StaticString = #filePath, line: UInt = #line, _ matches: (Roadmap.Card) -> Bool) {
        let screen = s.top(as: RoadmapScreen.self)!
        guard let i = screen.cards(screen.lane).firstIndex(where: matches) else { return XCTFail("no such card", file: file, line: line) }
        for _ in 0..<i { send(&s, .key(.char("j"))) }
    }

    func card(_ s: AppState) -> Roadmap.Card? { s.top(as: RoadmapScreen.self)?.selectedCard }

    func testLaterItemMovesToNextByJoiningTheNextRelease() throws {
        var s = roadmap()
        send(&s, .key(.char("l")), .key(.char("l")))
        let c = try XCTUnwrap(card(s))
        XCTAssertNil(c.epic)
        XCTAssertEqual(send(&s, .key(.char("H"))), [.save])
        let next = Roadmap.sources(s.board).next.releases.first
        XCTAssertEqual(s.board.items[c.id]?.release, next)
        XCTAssertEqual(Roadmap(s.board, today: "2026-11-29").laneOf[c.id], .next)
        XCTAssertEqual(s.top(as: RoadmapScreen.self)?.lane, 1, "the selection follows the card")
        XCTAssertEqual(card(s)?.id, c.id)
        send(&s, .key(.char("u")))
        XCTAssertEqual(Roadmap(s.board, today: "2026-11-29").laneOf[c.id], .later)
    }

    func testNextToNowLeavesReadyAndAsksTheExitCriterionOnce() throws {
        var s = roadmap()
        send(&s, .key(.char("l")))
        // The first plain item of Next sits in Ready, which has an exit criterion.
        selectCard(&s) { $0.epic == nil }
        let c = try XCTUnwrap(card(s))
        XCTAssertEqual(c.stage, "ready")
        XCTAssertEqual(send(&s, .key(.char("H"))), [])
        XCTAssertEqual(s.top.screenID, "confirm-exit")
        XCTAssertTrue(render(s).renderText().contains("Acceptance criteria written"))
        send(&s, .key(.char("n")))
        XCTAssertEqual(s.board.items[c.id]?.stage, "ready", "n leaves it")
        XCTAssertEqual(s.top.screenID, "roadmap")
        send(&s, .key(.char("H")))
        XCTAssertEqual(send(&s, .key(.char("y"))), [.save])
        let doing = s.board.stages.first { $0.kind == .doing }!.id
        XCTAssertEqual(s.board.items[c.id]?.stage, doing)
        XCTAssertEqual(s.top(as: RoadmapScreen.self)?.lane, 0)
    }

    func testNowToNextToLaterAndBack() throws {
        var s = roadmap()
        s.board.planning.roadmap.confirmExit = false
        selectCard(&s) { $0.epic == nil && $0.stage == "doing" }
        let c = try XCTUnwrap(card(s))
        send(&s, .key(.char("L")))
        XCTAssertEqual(s.board.items[c.id]?.stage, "ready", "out of a Now stage into the ready stage")
        XCTAssertEqual(Roadmap(s.board, today: "2026-11-29").laneOf[c.id], .next)
        send(&s, .key(.char("L")))
        let lane = Roadmap(s.board, today: "2026-11-29").laneOf[c.id]
        XCTAssertEqual(lane, .later)
        let item = try XCTUnwrap(s.board.items[c.id])
        XCTAssertFalse(Roadmap.sources(s.board).next.stages.contains(item.stage))
        XCTAssertFalse(Roadmap.sources(s.board).next.releases.contains(item.release ?? ""))
        send(&s, .key(.char("L")))
        XCTAssertEqual(s.status?.text, "already in Later")
        send(&s, .key(.char("H")), .key(.char("H")))
        XCTAssertEqual(Roadmap(s.board, today: "2026-11-29").laneOf[c.id], .now)
    }

    func testEpicCardMovesItsChildrenInItsLane() throws {
        var s = roadmap()
        s.board.planning.roadmap.confirmExit = false
        send(&s, .key(.char("l")))
        let c = try XCTUnwrap(card(s))
        let epic = try XCTUnwrap(c.epic)
        send(&s, .key(.char("L")))
        XCTAssertEqual(Roadmap(s.board, today: "2026-11-29").laneOf[c.id], .later, s.status?.text ?? "")
        let open = epic.children.filter { !epic.doneChildren.contains($0) }
        XCTAssertEqual(open.map { Roadmap.lane(of: s.board.items[$0]!, now: Roadmap.sources(s.board).now, next: Roadmap.sources(s.board).next) },
                       open.map { _ in .later })
        send(&s, .key(.char("u")))
        XCTAssertEqual(Roadmap(s.board, today: "2026-11-29").laneOf[c.id], .next, "one undo step")
    }

    /// The screen keeps each lane's cards with its roadmap: after the board changes (an edit
    /// from elsewhere, H / L, an undo) they are the new roadmap's, never the old ones.
    func testTheLanesFollowTheBoard() throws {
        var s = roadmap()
        func lanesAgree(_ why: String, line: UInt = #line) throws {
            let screen = try XCTUnwrap(s.top(as: RoadmapScreen.self), line: line)
            let fresh = Roadmap(s.board, today: screen.roadmap.today)
            XCTAssertEqual(screen.roadmap, fresh, why, line: line)
            for i in 0..<3 { XCTAssertEqual(screen.cards(i), fresh.lanes[i].cards, "\(why): lane \(i)", line: line) }
        }
        try lanesAgree("opened")
        let first = try XCTUnwrap(card(s))
        try s.board.archive(first.id, reason: nil, by: "test", at: testNow)
        send(&s, .resize(Size(width: 120, height: 40)))
        try lanesAgree("archived elsewhere")
        XCTAssertFalse(try XCTUnwrap(s.top(as: RoadmapScreen.self)).cards(0).contains { $0.id == first.id })
        XCTAssertNotEqual(card(s)?.id, first.id, "the selection is not the archived card")
        send(&s, .key(.char("l")), .key(.char("l")))
        let later = try XCTUnwrap(card(s))
        XCTAssertEqual(send(&s, .key(.char("H"))), [.save])
        try lanesAgree("moved with H")
        XCTAssertTrue(try XCTUnwrap(s.top(as: RoadmapScreen.self)).cards(1).contains { $0.id == later.id })
        send(&s, .key(.char("u")))
        try lanesAgree("undone")
        XCTAssertTrue(try XCTUnwrap(s.top(as: RoadmapScreen.self)).cards(2).contains { $0.id == later.id })
        var screen = try XCTUnwrap(s.top(as: RoadmapScreen.self))
        screen.roadmap = Roadmap(Board(name: "empty", stages: Board.defaultStages(), releases: [], items: []), today: "2026-11-29")
        XCTAssertEqual((0..<3).map { screen.cards($0).count }, [0, 0, 0], "a new roadmap brings its own lanes")
        XCTAssertNil(screen.selectedCard)
    }

    /// The axis labels Mondays (weeks) and 1sts (months), and only those, as their dates say.
    func testTimelineAxisLabelsOnlyMondaysAndFirsts() throws {
        let from = try XCTUnwrap(TimelineView.dayNumber("2026-12-25")), to = try XCTUnwrap(TimelineView.dayNumber("2028-03-05"))
        var weeks: [String] = [], months: [String] = []
        for day in from...to {
            let date = ISODate.formatDay(Timestamp(day) * 86_400)
            if let w = TimelineView.label(day: day, scale: .weeks) { weeks.append(date + " " + w) }
            if let m = TimelineView.label(day: day, scale: .months) { months.append(date + " " + m) }
        }
        XCTAssertEqual(weeks.prefix(3), ["2026-12-28 28 Dec", "2027-01-04 4 Jan", "2027-01-11 11 Jan"])
        XCTAssertEqual(weeks.last, "2028-02-28 28 Feb")
        XCTAssertEqual(weeks.count, 62)
        XCTAssertEqual(months.prefix(3), ["2027-01-01 Jan 2027", "2027-02-01 Feb 2027", "2027-03-01 Mar 2027"])
        XCTAssertEqual(months.suffix(2), ["2028-02-01 Feb 2028", "2028-03-01 Mar 2028"])
        XCTAssertEqual(months.count, 15)
    }

    func testTimelineScrollsZoomsAndFlagsLateAndOverCapacity() throws {
        var s = roadmap(100, 30)
        s.board.releases[2].capacity = 1                     // 2.0 over capacity
        s.board.releases[1].target = "2026-11-20"            // 1.5 late (today is 2026-11-29)
        s.board.releases[1].start = "2026-11-01"
        send(&s, .key(.tab))
        var screen = try XCTUnwrap(s.top(as: RoadmapScreen.self))
        XCTAssertEqual(screen.layout, .timeline)
        let c = render(s)
        let text = c.renderText().split(separator: "\n").map(String.init)
        let today = try XCTUnwrap(text[1].firstIndex(of: "▼")).utf16Offset(in: text[1])
        XCTAssertEqual(c[today, 1].role, .planToday)
        for name in [" 1.5 ", " 2.0 "] {
            let y = try XCTUnwrap(text.firstIndex { $0.hasPrefix(name) })
            let cells = (30..<c.width).map { c[$0, y] }.filter { $0.text == "▒" || $0.text == "█" }
            XCTAssertFalse(cells.isEmpty, name)
            XCTAssertTrue(cells.allSatisfy { $0.role == .warning }, "\(name) in the warning style")
        }
        XCTAssertTrue(text.contains { $0.contains("late") })
        send(&s, .key(.char("l")), .key(.char("l")))
        screen = try XCTUnwrap(s.top(as: RoadmapScreen.self))
        XCTAssertEqual(screen.offsetDays, 14)
        XCTAssertNotEqual(render(s).renderText(), c.renderText(), "scrolled")
        send(&s, .key(.char("z")))
        XCTAssertEqual(s.top(as: RoadmapScreen.self)?.scale, .months)
        XCTAssertEqual(s.top(as: RoadmapScreen.self)?.offsetDays, 0)
        s.board.releases[0].state = .shipped
        send(&s, .key(.char("t")))   // any event brings the screen up to date with the board
        let shipped = render(s)
        let rows = shipped.renderText().split(separator: "\n").map(String.init)
        let y = try XCTUnwrap(rows.firstIndex { $0.hasPrefix(" 1.4 ") })
        let bar = (30..<shipped.width).map { shipped[$0, y] }.filter { $0.text == "▒" || $0.text == "█" }
        XCTAssertFalse(bar.isEmpty)
        XCTAssertTrue(bar.allSatisfy { $0.role == .dim }, "shipped releases are dimmed")
    }

    // MARK: exit criteria on the board and in the standup

    func testBoardMoveOutOfAStageWithAnExitCriterionAsksOnce() throws {
        var s = demoState()
        s.column = try XCTUnwrap(s.board.stageIndex(id: "ready"))
        let id = try XCTUnwrap(s.selectedItemID)
        XCTAssertEqual(send(&s, .key(.char("L"))), [])
        XCTAssertEqual(s.top.screenID, "confirm-exit")
        XCTAssertEqual(s.board.items[id]?.stage, "ready")
        send(&s, .key(.escape))
        XCTAssertTrue(s.isOnBoard)
        XCTAssertEqual(s.board.items[id]?.stage, "ready")
        send(&s, .key(.char("L")), .key(.enter))
        XCTAssertEqual(s.board.items[id]?.stage, "doing")
        XCTAssertTrue(s.isOnBoard)
        XCTAssertEqual(s.selectedItemID, id, "the selection follows the item")
        send(&s, .key(.char("H")))
        XCTAssertEqual(s.board.items[id]?.stage, "ready", "going back asks nothing")
    }

    func testConfirmExitOffMovesAtOnce() throws {
        var s = demoState()
        s.board.planning.roadmap.confirmExit = false
        s.column = try XCTUnwrap(s.board.stageIndex(id: "ready"))
        let id = try XCTUnwrap(s.selectedItemID)
        XCTAssertEqual(send(&s, .key(.char("L"))), [.save])
        XCTAssertEqual(s.board.items[id]?.stage, "doing")
        XCTAssertTrue(s.isOnBoard)
    }

    func testStandupMoveForwardAsksToo() throws {
        var s = demoState(width: 120, height: 30)
        send(&s, .key(.char("S")))
        let st = try XCTUnwrap(s.top(as: StandupScreen.self))
        let id = try XCTUnwrap(st.currentItem)
        let stage = try XCTUnwrap(s.board.items[id]?.stage)
        let criterion = s.board.stages.first { $0.id == stage }?.exitCriterion
        send(&s, .key(.char("L")))
        if criterion != nil {
            XCTAssertEqual(s.top.screenID, "confirm-exit")
            send(&s, .key(.char("y")))
        }
        XCTAssertEqual(s.top.screenID, "standup")
        XCTAssertNotEqual(s.board.items[id]?.stage, stage)
    }
}

/// The releases screen shows each open release's Monte Carlo forecast, computed off the key path.
final class ReleaseForecastScreenTests: XCTestCase {
    func testTheForecastIsTheOneDocketForecastGives() throws {
        let board = DemoHistory.adding(to: DemoBoard.make(now: testNow, user: "test"), now: testNow, user: "test")
        var s = AppState(board: board, user: "test", fileLabel: "docket.json", size: Size(width: 120, height: 30))
        let fx = send(&s, .key(.char("r")))
        guard case .compute(let job)? = fx.first else { return XCTFail("opening asks for the forecasts off the key path: \(fx)") }
        XCTAssertTrue(render(s).renderText().contains("computing the Monte Carlo forecast"))
        send(&s, .computed(job.run()))
        let release = try XCTUnwrap(board.releases.first { $0.state != .shipped && $0.state != .cancelled })
        let days = DayIndex(calendar: .utc)
        let expected = try Forecast.release(release.name, board: board, history: FlowHistory.build(board, now: testNow),
                                            today: days.day(testNow), settings: ForecastSettings(seed: s.seed), days: days)
        let line = try XCTUnwrap(s.top(as: ReleasesScreen.self)?.forecasts.lines[release.name])
        XCTAssertTrue(line.contains("85% by \(expected.p85 ?? "—")"), line)
        XCTAssertNil(s.top.tickInterval, "no ticks while the forecasts are fresh")
        let id = try XCTUnwrap(s.board.backlogOrder().first)
        _ = try s.board.archive(id, by: "elsewhere", at: testNow)
        send(&s, .resize(s.size))
        XCTAssertEqual(s.top.tickInterval, 500, "a changed board makes them stale")
        guard case .compute? = send(&s, .tick(testNow + 1)).first else { return XCTFail("the tick asks again") }
    }
}

/// The roadmap's timeline names the selected release's forecast, the same line as the releases screen.
final class RoadmapForecastTests: XCTestCase {
    func testTheTimelineShowsTheSelectedReleasesForecast() throws {
        let board = DemoHistory.adding(to: DemoBoard.make(now: testNow, user: "test"), now: testNow, user: "test")
        var s = AppState(board: board, user: "test", fileLabel: "docket.json", size: Size(width: 160, height: 40))
        sendRunningJobs(&s, .key(.char("m")))
        let roadmap = try XCTUnwrap(s.top(as: RoadmapScreen.self))
        send(&s, .key(.tab))
        XCTAssertEqual(s.top(as: RoadmapScreen.self)?.layout, .timeline)
        let first = try XCTUnwrap(roadmap.roadmap.timeline.first { $0.kind == .release && roadmap.forecasts.lines[$0.name] != nil })
        let line = try XCTUnwrap(roadmap.forecasts.lines[first.name])
        XCTAssertEqual(ReleaseForecasts(ForecastRequest(board: s.board, now: testNow, calendar: s.calendar, seed: s.seed, token: 1)).lines[first.name],
                       line, "the same forecast as the releases screen")
        var shown = try XCTUnwrap(s.top(as: RoadmapScreen.self))
        shown.bar = try XCTUnwrap(shown.roadmap.timeline.firstIndex { $0.name == first.name && $0.kind == .release })
        s.routes[s.routes.count - 1] = shown
        let text = render(s).renderText()
        XCTAssertTrue(text.contains("forecast: " + String(line.prefix(20))), text)
    }
}
