import DocketCore
import XCTest

/// The standup's rules: walks, "since the last standup", ages and percentiles, the record
/// and the summary formats, against small hand-made histories.
final class StandupTests: XCTestCase {
    let day: Timestamp = 86400
    /// Monday 2026-12-07 10:00 UTC.
    let monday = ISODate.parse("2026-12-07T10:00:00Z")!

    /// A board with stages Inbox, Ready, Doing, Review, Done and items placed by moves in the log.
    func board(_ moves: [(id: String, stage: String, at: Timestamp, by: String)], blocked: Set<String> = []) -> Board {
        var items: [Item] = []
        var log: [Activity] = []
        var last: [String: String] = [:]
        for m in moves.sorted(by: { $0.at < $1.at }) {
            if last[m.id] == nil {
                log.append(Activity(at: m.at, by: m.by, item: m.id, action: "create", to: m.id))
            } else {
                log.append(Activity(at: m.at, by: m.by, item: m.id, action: "move", field: "stage", from: last[m.id], to: m.stage))
            }
            last[m.id] = m.stage
        }
        for (id, stage) in last.sorted(by: { $0.key < $1.key }) {
            let created = moves.filter { $0.id == id }.map(\.at).min()!
            var item = Item(id: id, title: "Item \(id)", stage: stage, rank: "m\(id)", created: created)
            item.blocked = blocked.contains(id)
            item.assignees = [moves.first { $0.id == id }!.by]
            items.append(item)
        }
        let stages = [Stage(id: "inbox", name: "Inbox", kind: .inbox), Stage(id: "ready", name: "Ready", kind: .todo),
                      Stage(id: "doing", name: "Doing", kind: .doing), Stage(id: "review", name: "Review", kind: .doing),
                      Stage(id: "done", name: "Done", kind: .done)]
        return Board(name: "t", stages: stages, people: [Person(handle: "ann"), Person(handle: "bob"), Person(handle: "cy")],
                     items: items, activity: log)
    }

    func testWalkTheWorkGoesRightToLeftBlockedThenOldest() {
        let b = board([
            ("a", "ready", monday - 9 * day, "ann"), ("a", "doing", monday - 5 * day, "ann"),
            ("b", "ready", monday - 9 * day, "bob"), ("b", "doing", monday - 2 * day, "bob"),
            ("c", "ready", monday - 9 * day, "cy"), ("c", "doing", monday - 1 * day, "cy"),
            ("d", "ready", monday - 9 * day, "ann"), ("d", "review", monday - 3 * day, "ann"),
            ("e", "inbox", monday - 9 * day, "ann"), ("f", "ready", monday - 9 * day, "bob"), ("f", "done", monday - day, "bob"),
        ], blocked: ["c"])
        let walk = StandupWalk.work(b, ages: StageAges(b))
        XCTAssertEqual(walk.map(\.stage.id), ["review", "doing", "ready"], "done and inbox left out, nearest done first")
        XCTAssertEqual(walk[1].items, ["c", "a", "b"], "blocked first, then oldest in the stage")
    }

    func testAgesComeFromTheLastEntryIntoTheStageAndAreNeverNegative() {
        let b = board([("a", "ready", monday - 10 * day, "ann"), ("a", "doing", monday - 4 * day - 3600, "ann")])
        let ages = StageAges(b)
        XCTAssertEqual(ages.days("a", now: monday), 4)
        XCTAssertEqual(ages.days("a", now: monday - 30 * day), 0, "a clock that went backwards gives 0, never negative")
        XCTAssertEqual(ages.days("nope", now: monday), 0)
    }

    func testEightyFifthPercentileNeedsFiveStays() {
        var moves: [(id: String, stage: String, at: Timestamp, by: String)] = []
        for (i, d) in [1, 2, 3, 4].enumerated() {
            moves += [("i\(i)", "review", monday - 20 * day, "ann"), ("i\(i)", "done", monday - 20 * day + Timestamp(d) * day, "ann")]
        }
        XCTAssertNil(StageAges(board(moves)).percentile85(days: "review"), "four stays are too few")
        XCTAssertEqual(StageAges(board(moves)).threshold("review", fallback: 3), 3, "the SLA stands in")
        for (i, d) in [5, 6, 7, 8, 9, 10].enumerated() {
            moves += [("j\(i)", "review", monday - 20 * day, "ann"), ("j\(i)", "done", monday - 20 * day + Timestamp(d) * day, "ann")]
        }
        // Ten stays of 1…10 days: nearest rank ⌈0.85 × 10⌉ = 9 → 9 days.
        XCTAssertEqual(StageAges(board(moves)).percentile85(days: "review"), 9)
    }

    func testSinceTheLastStandupFallsBackToThePreviousWorkingDay() {
        let b = board([("a", "ready", monday - 9 * day, "ann")])
        let utc = LocalCalendar.utc
        // Monday: since Friday 00:00, the weekend included.
        XCTAssertEqual(SinceLastStandup.start(b, now: monday, calendar: utc), ISODate.parse("2026-12-04T00:00:00Z"))
        // Tuesday: since Monday.
        XCTAssertEqual(SinceLastStandup.start(b, now: monday + day, calendar: utc), ISODate.parse("2026-12-07T00:00:00Z"))
        // Sunday: since Friday.
        XCTAssertEqual(SinceLastStandup.start(b, now: monday - day, calendar: utc), ISODate.parse("2026-12-04T00:00:00Z"))
    }

    func testSinceCountsDaysInTheUsersTimeZoneEastAndWest() {
        let b = board([("a", "ready", monday - 9 * day, "ann")])
        // Monday 10:00 UTC is already Monday 19:00 in Tokyo (since Friday 00:00 JST = Thursday 15:00 UTC)…
        let tokyo = LocalCalendar(timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        XCTAssertEqual(SinceLastStandup.start(b, now: monday, calendar: tokyo), ISODate.parse("2026-12-03T15:00:00Z"))
        // …and Monday 02:00 in Los Angeles (since Friday 00:00 PST = Friday 08:00 UTC).
        let la = LocalCalendar(timeZone: TimeZone(identifier: "America/Los_Angeles")!)
        XCTAssertEqual(SinceLastStandup.start(b, now: monday, calendar: la), ISODate.parse("2026-12-04T08:00:00Z"))
        // Sunday 23:30 UTC is Monday 08:30 in Tokyo: a Monday there.
        XCTAssertEqual(SinceLastStandup.start(b, now: monday - 10 * 3600 - 1800, calendar: tokyo), ISODate.parse("2026-12-03T15:00:00Z"))
    }

    func testSinceAcrossADSTChange() {
        // Europe/Berlin moved its clocks on Sunday 2026-10-25; Monday's "since" is Friday 00:00 CEST.
        let berlin = LocalCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        let b = board([("a", "ready", ISODate.parse("2026-10-01T00:00:00Z")!, "ann")])
        let now = ISODate.parse("2026-10-26T08:00:00Z")!
        XCTAssertEqual(SinceLastStandup.start(b, now: now, calendar: berlin), ISODate.parse("2026-10-22T22:00:00Z"))
    }

    func testTheLastStandupEntryWinsAndRoundTrips() throws {
        var b = board([("a", "ready", monday - 9 * day, "ann")])
        let record = StandupRecord(facilitator: "ann", started: monday - 900, ended: monday - 60, walk: "people",
                                   spoke: ["bob", "ann"], parked: ["a"], seconds: 840)
        b.recordStandup(record)
        XCTAssertEqual(StandupRecord.last(in: b), record)
        XCTAssertEqual(SinceLastStandup.start(b, now: monday, calendar: .utc), monday - 60)
        let again = try BoardDecoder.decode(Data(BoardEncoder.encode(b)), path: "t.json").board
        XCTAssertEqual(StandupRecord.last(in: again), record, "the entry travels with the board file")
    }

    func testDigestCountsChangesByKindAndPerson() throws {
        var b = board([
            ("a", "ready", monday - 9 * day, "ann"), ("a", "doing", monday - 3600, "ann"),
            ("b", "ready", monday - 9 * day, "bob"), ("b", "done", monday - 1800, "bob"),
            ("c", "inbox", monday - 600, "cy"),
        ])
        _ = try b.modify("a", by: "bob", at: monday - 300) { $0.blocked = true; $0.blockedReason = "waiting for legal" }
        let d = StandupDigest(b, since: monday - 2 * 3600)
        XCTAssertEqual(d.count(.moved), 1)
        XCTAssertEqual(d.count(.finished), 1)
        XCTAssertEqual(d.count(.added), 1)
        XCTAssertEqual(d.count(.blocked), 1)
        XCTAssertEqual(d.byPerson.map(\.person), ["ann", "bob", "cy"])
        XCTAssertEqual(d.changes.first { $0.kind == .blocked }?.detail, "waiting for legal")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(StandupSummary.render(d, format: .json, calendar: .utc).utf8)) as? [String: Any])
        XCTAssertEqual((json["counts"] as? [String: Int])?["finished"], 1)
        XCTAssertEqual((json["changes"] as? [[String: Any]])?.count, 4)
        let md = StandupSummary.render(d, format: .markdown, calendar: .utc)
        XCTAssertTrue(md.contains("### bob\n\n- finished b Item b → Done"), md)
        let text = StandupSummary.render(d, format: .text, calendar: .utc)
        XCTAssertTrue(text.hasPrefix("Since 2026-12-07 08:00: 1 added · 1 moved · 1 finished · 1 blocked · 0 unblocked"), text)
    }

    func testPeopleWalkIsSeededAndKeepsEveryone() {
        let b = board([("a", "doing", monday - day, "ann"), ("b", "doing", monday - day, "bob"), ("c", "doing", monday - day, "cy")])
        XCTAssertEqual(StandupWalk.people(b, since: monday, shuffleSeed: nil), ["ann", "bob", "cy"])
        let one = StandupWalk.people(b, since: monday, shuffleSeed: 7)
        XCTAssertEqual(one, StandupWalk.people(b, since: monday, shuffleSeed: 7), "the same seed, the same order")
        XCTAssertEqual(Set(one), ["ann", "bob", "cy"])
        let orders = Set((1...12).map { StandupWalk.people(b, since: monday, shuffleSeed: UInt64($0)) })
        XCTAssertGreaterThan(orders.count, 1, "other seeds give other orders")
    }
}

/// The report's "Since the last standup" section.
final class StandupReportTests: XCTestCase {
    func testReportHasTheSinceTheLastStandupSection() throws {
        let now = ISODate.parse("2026-12-08T10:00:00Z")!
        var b = Board(name: "r", stages: Board.defaultStages())
        _ = try b.addItem(title: "Ship *it*", stage: "doing", id: "s1", by: "ann", at: now - 3 * 86400)
        b.recordStandup(StandupRecord(facilitator: "bob", started: now - 86400 - 900, ended: now - 86400, walk: "work", spoke: [], parked: [], seconds: 900))
        _ = try b.move("s1", toStage: "done", by: "ann", at: now - 3600)
        let report = ReportExport.render(b, items: [], now: now, since: .week)
        XCTAssertTrue(report.contains("## Since the last standup"))
        XCTAssertTrue(report.contains("Last standup: 2026-12-07T10:00:00Z, facilitated by bob."), report)
        XCTAssertTrue(report.contains("0 added · 0 moved · 1 finished · 0 blocked · 0 unblocked"), report)
        XCTAssertTrue(report.contains("- finished `s1` Ship *it* → Done"), report)
    }
}
