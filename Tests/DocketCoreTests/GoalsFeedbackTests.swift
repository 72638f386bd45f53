import DocketCore
import Foundation
import XCTest

/// Goals (key results' progress, links, query terms) and customer feedback (the impact
/// figure, query terms, the score setting, CSV import, notify) and every error they give.
final class GoalsFeedbackTests: XCTestCase {
    private func board() throws -> (Board, [String]) {
        var b = Board(name: "b", stages: Board.defaultStages())
        var ids: [String] = []
        for t in ["Exports time out", "Dark mode", "PDF fonts", "Billing epic", "Metered lines"] {
            ids.append(try b.addItem(title: t, stage: "ready", type: t.hasSuffix("epic") ? .epic : .story, by: "t", at: 10).item.id)
        }
        try b.modify(ids[4], by: "t", at: 11) { $0.parent = ids[3] }
        return (b, ids)
    }

    // MARK: - Progress

    func testProgressTowardsATargetBelowTheStart() throws {
        // Reduce p95 from 900 ms to 300 ms: 650 ms is 250 of the 600 ms to go.
        var k = try MetricValue.keyResult("p95 export time: 900ms -> 300ms")
        XCTAssertEqual(k.unit, "ms")
        XCTAssertEqual(k.start, 900); XCTAssertEqual(k.target, 300); XCTAssertEqual(k.current, 900)
        XCTAssertEqual(k.progress, 0)
        k.current = 650
        XCTAssertEqual(k.progress, 250.0 / 600.0, accuracy: 1e-12)
        k.current = 300
        XCTAssertEqual(k.progress, 1)
        k.current = 250  // past the target
        XCTAssertEqual(k.progress, 1)
        k.current = 1000  // the wrong way
        XCTAssertEqual(k.progress, 0)
    }

    func testProgressTowardsATargetAboveTheStartAndTheGoalsMean() throws {
        let a = KeyResult(metric: "card share", unit: "%", start: 18, target: 40, current: 27)
        XCTAssertEqual(a.progress, 9.0 / 22.0, accuracy: 1e-12)
        let b = KeyResult(metric: "users", unit: "users", start: 1000, target: 2000, current: 1500)
        let g = Goal(id: "g", objective: "o", keyResults: [a, b])
        XCTAssertEqual(g.progress!, (9.0 / 22.0 + 0.5) / 2, accuracy: 1e-12)
        XCTAssertNil(Goal(id: "g", objective: "o").progress)
    }

    func testMetricValuesWithUnits() throws {
        XCTAssertEqual(try MetricValue.parse("€12,000", field: "x").value, 12000)
        XCTAssertEqual(try MetricValue.parse("€12,000", field: "x").unit, "€")
        XCTAssertEqual(try MetricValue.parse("1200 users", field: "x").unit, "users")
        XCTAssertEqual(try MetricValue.parse("40%", field: "x").unit, "%")
        XCTAssertEqual(MetricValue.text(900, "ms"), "900 ms")
        XCTAssertEqual(MetricValue.text(40, "%"), "40%")
        XCTAssertEqual(MetricValue.text(12000, "€"), "€12000")
        let k = try MetricValue.keyResult("Active users: 1000 → 2000 users")
        XCTAssertEqual(k.unit, "users")
    }

    func testKeyResultErrorsNameTheValue() {
        func message(_ spec: String) -> String {
            do { _ = try MetricValue.keyResult(spec); return "no error" } catch { return "\(error)" }
        }
        XCTAssertEqual(message("p95: 900ms"), "invalid key result 'p95: 900ms': expected a target: METRIC: START -> TARGET")
        XCTAssertEqual(message("p95: 900ms -> 900ms"), "invalid target '900 ms': expected a target different from the start (900 ms)")
        XCTAssertEqual(message("p95: 900ms -> 3%"), "invalid key result 'p95: 900ms -> 3%': expected the same unit on start and target")
        XCTAssertTrue(message("p95: fast -> 300ms").hasPrefix("invalid start 'fast'"), message("p95: fast -> 300ms"))
        XCTAssertTrue(message("no colon here").hasPrefix("invalid key result 'no colon here'"))
    }

    // MARK: - Goals and links

    func testGoalsLinkItemsAndEpicsManyToMany() throws {
        var (b, ids) = try board()
        let g1 = try b.addGoal(objective: "Exports never time out", keyResults: [MetricValue.keyResult("p95: 900ms -> 300ms")], by: "t", at: 20).goal
        let g2 = try b.addGoal(objective: "Usage billing", by: "t", at: 20).goal
        try b.linkGoal(g1.id, items: [ids[0], ids[2]], by: "t", at: 21)
        try b.linkGoal("usage", items: [ids[3], ids[0]], by: "t", at: 21)
        XCTAssertEqual(b.itemIDs(servingGoal: b.strategy.goals[0]), [ids[0], ids[2]])
        XCTAssertEqual(b.itemIDs(servingGoal: b.strategy.goals[1]), [ids[3], ids[4], ids[0]], "the epic's child serves it too")
        XCTAssertEqual(b.unalignedItemIDs(), [ids[1]])
        // One item at a time (the details pane), the same rule as the sets above.
        for goal in b.strategy.goals {
            let serving = b.itemIDs(servingGoal: goal)
            for item in b.items.values { XCTAssertEqual(b.serves(item, goal: goal), serving.contains(item.id), "\(item.id), \(goal.objective)") }
        }
        XCTAssertEqual(StrategyText.goals(serving: ids[4], b).map(\.objective), ["Usage billing"], "through its epic")
        XCTAssertEqual(StrategyText.goals(serving: ids[0], b).map(\.objective), ["Exports never time out", "Usage billing"])
        XCTAssertEqual(StrategyText.goals(serving: "nope", b).count, 0)
        try b.linkGoal(g2.id, items: [ids[0]], link: false, by: "t", at: 22)
        XCTAssertEqual(b.strategy.goals[1].items, [ids[3]])
        try b.setKeyResult(g1.id, "p95", [("current", "650ms")], by: "t", at: 23)
        XCTAssertEqual(b.strategy.goals[0].keyResults[0].current, 650)
        try b.setGoal(g1.id, [("state", "at risk"), ("owner", "@maya")], by: "t", at: 24)
        XCTAssertEqual(b.strategy.goals[0].state, .atRisk)
        XCTAssertEqual(b.strategy.goals[0].owner, "maya")
    }

    func testGoalErrorsNameTheValueAndChangeNothing() throws {
        var (b, ids) = try board()
        let g = try b.addGoal(objective: "Exports never time out", keyResults: [MetricValue.keyResult("p95: 900ms -> 300ms")], by: "t", at: 20).goal
        _ = try b.addGoal(objective: "Exports in Excel", by: "t", at: 20)
        let before = b
        func message(_ body: (inout Board) throws -> Void) -> String {
            var copy = b
            do { try body(&copy); return "no error" } catch { XCTAssertEqual(copy, before, "nothing changed"); return "\(error)" }
        }
        XCTAssertEqual(message { try $0.linkGoal("nope", items: [ids[0]], by: "t", at: 30) },
                       "invalid goal 'nope': expected a goal's id or objective (docket goal list)")
        XCTAssertTrue(message { try $0.linkGoal("exports", items: [ids[0]], by: "t", at: 30) }.hasPrefix("invalid goal 'exports': expected one goal, not 2"))
        XCTAssertEqual(message { try $0.linkGoal(g.id, items: ["zzzzzzzz"], by: "t", at: 30) }, "no item with id 'zzzzzzzz'")
        XCTAssertEqual(message { try $0.setGoal(g.id, [("state", "sideways")], by: "t", at: 30) },
                       "invalid state 'sideways': expected on-track, at-risk, off-track or done")
        XCTAssertEqual(message { try $0.setGoal(g.id, [("colour", "red")], by: "t", at: 30) },
                       "invalid key 'colour': expected objective, period, owner, state")
        XCTAssertEqual(message { try $0.setKeyResult(g.id, "1", [("target", "900")], by: "t", at: 30) },
                       "invalid target '900 ms': expected a target different from the start (900 ms)")
        XCTAssertEqual(message { try $0.setKeyResult(g.id, "1", [("current", "5%")], by: "t", at: 30) },
                       "invalid current '5%': expected a number in ms")
        XCTAssertTrue(message { try $0.setKeyResult(g.id, "7", [("current", "5")], by: "t", at: 30) }.hasPrefix("invalid key result '7'"))
        XCTAssertEqual(message { _ = try $0.addGoal(objective: "  ", by: "t", at: 30) }, "invalid objective '': expected some text")
    }

    // MARK: - Customer impact

    func testImpactCountsEachCustomerOnceAtTheirHighestImportance() throws {
        var (b, ids) = try board()
        // One customer, many notes: counted once, at the highest importance (critical = 3).
        for (text, level) in [("slow", Importance.nice), ("times out", .critical), ("again", .important)] {
            try b.addFeedback(text, from: "Acme GmbH", importance: level, date: "2026-12-01", items: [ids[0]], by: "t", at: 20)
        }
        XCTAssertEqual(b.customerImpact(ids[0]), CustomerImpact(figure: 3, notes: 3, customers: 1))
        // The same customer written differently is one customer.
        try b.addFeedback("still", from: " acme gmbh", importance: .critical, date: "2026-12-02", items: [ids[0]], by: "t", at: 21)
        XCTAssertEqual(b.customerImpact(ids[0]).customers, 1)
        // Two more customers: nice (1) and important (2).
        try b.addFeedback("please", from: "Bob", importance: .nice, date: "2026-12-02", items: [ids[0], ids[1]], by: "t", at: 22)
        try b.addFeedback("yes", from: "support", importance: .important, date: "2026-12-03", items: [ids[0]], by: "t", at: 23)
        XCTAssertEqual(b.customerImpact(ids[0]), CustomerImpact(figure: 3 + 1 + 2, notes: 6, customers: 3))
        XCTAssertEqual(b.customerImpact(ids[1]), CustomerImpact(figure: 1, notes: 1, customers: 1))
        XCTAssertEqual(b.customerImpact(ids[2]), CustomerImpact())
    }

    func testFeedbackErrorsNameTheValue() throws {
        var (b, ids) = try board()
        let before = b
        func message(_ body: (inout Board) throws -> Void) -> String {
            var copy = b
            do { try body(&copy); return "no error" } catch { XCTAssertEqual(copy, before); return "\(error)" }
        }
        XCTAssertNil(Importance(word: "urgent-ish"))
        XCTAssertEqual(message { _ = try $0.addFeedback(" ", from: "A", importance: .nice, date: "2026-12-01", by: "t", at: 1) },
                       "invalid feedback text '': expected some text")
        XCTAssertEqual(message { _ = try $0.addFeedback("x", from: "", importance: .nice, date: "2026-12-01", by: "t", at: 1) },
                       "invalid --from '': expected a customer or source (Acme GmbH, support)")
        XCTAssertEqual(message { _ = try $0.addFeedback("x", from: "A", importance: .nice, date: "1 Dec", by: "t", at: 1) },
                       "invalid date '1 Dec': expected a date YYYY-MM-DD")
        XCTAssertEqual(message { _ = try $0.addFeedback("x", from: "A", importance: .nice, date: "2026-12-01", items: ["qqqqqqqq"], by: "t", at: 1) },
                       "no item with id 'qqqqqqqq'")
        XCTAssertEqual(message { try $0.linkFeedback("nonote", items: [ids[0]], by: "t", at: 1) },
                       "invalid feedback note 'nonote': expected a note's id (docket feedback list)")
        XCTAssertEqual(message { try $0.setFeedbackSettings([("score", "rice")], by: "t", at: 1) },
                       "invalid score 'rice': expected reach, value or off")
        XCTAssertEqual(message { try $0.setFeedbackSettings([("cards", "maybe")], by: "t", at: 1) }, "invalid cards 'maybe': expected on or off")
    }

    // MARK: - Queries

    func testQueryTermsForGoalsAndFeedback() throws {
        var (b, ids) = try board()
        let g = try b.addGoal(objective: "Exports never time out", by: "t", at: 20).goal
        _ = try b.addGoal(objective: "Usage billing", by: "t", at: 20)
        try b.linkGoal(g.id, items: [ids[0]], by: "t", at: 21)
        try b.linkGoal("usage", items: [ids[3]], by: "t", at: 21)
        try b.addFeedback("a", from: "Acme", importance: .critical, date: "2026-12-01", items: [ids[0]], by: "t", at: 22)
        try b.addFeedback("b", from: "Bob", importance: .important, date: "2026-12-01", items: [ids[0], ids[2]], by: "t", at: 22)
        try b.addFeedback("c", from: "Cleo", importance: .nice, date: "2026-12-01", items: [ids[0]], by: "t", at: 22)
        func found(_ q: String) throws -> Set<String> {
            let query = try Query.parse(q)
            return Set(b.items.keys.filter { query.matches(b.items[$0]!, in: b, today: "2026-12-06") })
        }
        XCTAssertEqual(try found("goal:exports"), [ids[0]])
        XCTAssertEqual(try found("goal:\(g.id.prefix(4))"), [ids[0]])
        XCTAssertEqual(try found("goal:usage"), [ids[3], ids[4]], "an epic's children serve its goals")
        XCTAssertEqual(try found("goal:nothing-like-it"), [])
        XCTAssertThrowsError(try Query.parse("goal:nothing-like-it").validate(against: b)) {
            XCTAssertTrue("\($0)".contains("'nothing-like-it'"), "\($0)")
        }
        XCTAssertNoThrow(try Query.parse("goal:usage").validate(against: b))
        XCTAssertEqual(try found("has:goal"), [ids[0], ids[3], ids[4]])
        XCTAssertEqual(try found("-has:goal"), [ids[1], ids[2]])
        XCTAssertEqual(try found("has:feedback"), [ids[0], ids[2]])
        XCTAssertEqual(try found("feedback:>3"), [ids[0]], "3 + 2 + 1 = 6")
        XCTAssertEqual(try found("feedback:2"), [ids[2]])
        XCTAssertEqual(try found("customers:>2"), [ids[0]])
        XCTAssertEqual(try found("customers:0"), [ids[1], ids[3], ids[4]])
        XCTAssertEqual(try found("customers:>0 -goal:exports"), [ids[2]])
        XCTAssertEqual(try Query.parse("feedback:>3").count(in: b, today: "2026-12-06"), 1)
        XCTAssertEqual(try Query.parse("has:goal").debugDescription, "has:goal")
        XCTAssertThrowsError(try Query.parse("has:owner")) { XCTAssertTrue("\($0)".contains("owner"), "\($0)") }
        XCTAssertThrowsError(try Query.parse("customers:>many")) { XCTAssertTrue("\($0)".contains("many"), "\($0)") }
    }

    // MARK: - Score

    func testScoreSettingAddsTheImpactToReachOrValue() throws {
        var (b, ids) = try board()
        try b.modify(ids[0], by: "t", at: 12) { $0.scores.reach = 10; $0.scores.impact = 1; $0.scores.confidence = 100; $0.scores.effort = 2
            $0.scores.value = 3; $0.scores.criticality = 2; $0.scores.risk = 1; $0.scores.size = 3 }
        try b.addFeedback("a", from: "Acme", importance: .critical, date: "2026-12-01", items: [ids[0]], by: "t", at: 22)
        try b.addFeedback("b", from: "Bob", importance: .important, date: "2026-12-01", items: [ids[0]], by: "t", at: 22)
        b.scoring = .rice
        XCTAssertEqual(b.score(b.items[ids[0]]!), 10 * 1 * 1 / 2, "off by default")
        try b.setFeedbackSettings([("score", "reach")], by: "t", at: 30)
        XCTAssertEqual(b.score(b.items[ids[0]]!), (10 + 5) * 1 * 1 / 2)
        b.scoring = .wsjf
        XCTAssertEqual(b.score(b.items[ids[0]]!), (3 + 2 + 1) / 3.0, "reach does not touch WSJF")
        try b.setFeedbackSettings([("score", "value")], by: "t", at: 31)
        XCTAssertEqual(b.score(b.items[ids[0]]!), (3 + 5 + 2 + 1) / 3.0)
        try b.setFeedbackSettings([("score", "off")], by: "t", at: 32)
        XCTAssertEqual(b.score(b.items[ids[0]]!), (3 + 2 + 1) / 3.0)
    }

    // MARK: - File format

    func testGoalsAndNotesRoundTripThroughTheFile() throws {
        var (b, ids) = try board()
        try b.setVision("Invoices that pay themselves.\nSecond line.", by: "t", at: 20)
        let g = try b.addGoal(objective: "Faster \"exports\"", period: "2027-Q1", owner: "maya",
                              keyResults: [MetricValue.keyResult("p95: 900ms -> 300ms"), MetricValue.keyResult("share: 10% -> 40%")], by: "t", at: 20).goal
        try b.linkGoal(g.id, items: [ids[0], ids[3]], by: "t", at: 21)
        try b.addFeedback("Times out — 請求書", from: "Acme", importance: .critical, date: "2026-12-01", items: [ids[0]], by: "t", at: 22)
        try b.addFeedback("unlinked", from: "support", importance: .nice, date: "2026-12-02", by: "t", at: 22)
        try b.setFeedbackSettings([("cards", "on"), ("score", "value")], by: "t", at: 23)
        let bytes = BoardEncoder.encode(b)
        let back = try BoardDecoder.decode(Data(bytes), path: "x").board
        XCTAssertEqual(back.strategy, b.strategy)
        XCTAssertEqual(back.customerImpact(ids[0]), b.customerImpact(ids[0]))
        XCTAssertEqual(BoardEncoder.encode(back), bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(text.components(separatedBy: "\n").filter { $0.hasPrefix("{\"id\": \"") && $0.contains("\"importance\"") }.count, 2, "one note per line")
    }

    func testABoardWithoutGoalsOrNotesIsWrittenAsBefore() throws {
        let (b, _) = try board()
        let text = String(decoding: BoardEncoder.encode(b), as: UTF8.self)
        for key in ["\"vision\"", "\"goals\"", "\"feedback\"", "\"feedbackSettings\""] { XCTAssertFalse(text.contains(key), key) }
        // A file written before this feature reads and writes back byte for byte.
        let old = "{\"format\": \"docket\", \"version\": 1,\n\"name\": \"old\",\n\"stages\": [\n{\"id\": \"inbox\", \"name\": \"Inbox\", \"kind\": \"inbox\"}\n],\n\"releases\": [],\n\"people\": [],\n\"labels\": [],\n\"items\": [],\n\"activity\": []\n}\n"
        let read = try BoardDecoder.decode(Data(old.utf8), path: "old").board
        XCTAssertEqual(String(decoding: BoardEncoder.encode(read), as: UTF8.self), old)
    }

    func testABrokenNoteNamesItsPlace() {
        let text = "{\"format\": \"docket\", \"version\": 1, \"name\": \"x\", \"stages\": [], \"feedback\": [\n{\"id\": \"a\", \"text\": \"t\", \"importance\": \"huge\"}]}"
        XCTAssertThrowsError(try BoardDecoder.decode(Data(text.utf8), path: "x.json")) {
            XCTAssertTrue("\($0)".contains("expected nice, important or critical"), "\($0)")
            XCTAssertTrue("\($0)".contains("x.json:2"), "\($0)")
        }
    }

    // MARK: - Import and notify

    func testCSVImportSkipsAndNamesRowsWithoutText() throws {
        let (b, ids) = try board()
        let csv = """
            Body,Company,Created,Priority,Ticket
            Exports time out,Acme,2026-12-01T10:00:00Z,High,\(ids[0])
            ,Bob,2026-12-01,Low,
            Dark mode please,Cleo,2026-12-02,,
            Weird,Dan,2026-12-02,whenever,
            Link me,Eve,2026-12-03,Low,zzzzzzzz
            """
        let map = try FeedbackImport.parseMap("text=Body,from=Company,date=Created,importance=Priority,item=Ticket")
        let r = try FeedbackImport(Data(csv.utf8), path: "t.csv", map: map, board: b, from: nil, importance: .important, today: "2026-12-06", by: "me")
        XCTAssertEqual(r.notes.map(\.text), ["Exports time out", "Dark mode please"])
        XCTAssertEqual(r.notes[0].importance, .important)
        XCTAssertEqual(r.notes[0].date, "2026-12-01")
        XCTAssertEqual(r.notes[0].items, [ids[0]])
        XCTAssertEqual(r.notes[1].importance, .important, "the default for an empty cell")
        XCTAssertEqual(r.skipped, ["line 3: invalid text '': expected some text",
                                   "line 5: invalid importance 'whenever': expected nice, important or critical",
                                   "line 6: no item with id 'zzzzzzzz'"])
        XCTAssertThrowsError(try FeedbackImport.parseMap("from=Company")) { XCTAssertTrue("\($0)".contains("text=COLUMN"), "\($0)") }
        XCTAssertThrowsError(try FeedbackImport.parseMap("text=Body,colour=C")) { XCTAssertTrue("\($0)".contains("'colour'"), "\($0)") }
        XCTAssertThrowsError(try FeedbackImport(Data(csv.utf8), path: "t.csv", map: ["text": "Message"], board: b, from: nil,
                                                importance: .nice, today: "2026-12-06", by: "me")) {
            XCTAssertTrue("\($0)".contains("'Message'"), "\($0)")
        }
    }

    func testNotifyListsCustomersWithWhatShippedSinceThen() throws {
        var (b, ids) = try board()
        try b.addFeedback("a", from: "Acme", importance: .critical, date: "2026-12-01", items: [ids[0], ids[1]], by: "t", at: 20)
        try b.addFeedback("b", from: "acme ", importance: .nice, date: "2026-12-01", items: [ids[2]], by: "t", at: 20)
        try b.addFeedback("c", from: "Bob", importance: .nice, date: "2026-12-01", items: [ids[1]], by: "t", at: 20)
        try b.move(ids[0], toStage: "done", by: "t", at: 100)
        try b.move(ids[1], toStage: "done", by: "t", at: 200)
        let all = FeedbackNotify(b, since: nil)
        XCTAssertEqual(all.customers.map(\.name), ["Acme", "Bob"])
        XCTAssertEqual(all.customers[0].items.map(\.id), [ids[0], ids[1]])
        let later = FeedbackNotify(b, since: 150)
        XCTAssertEqual(later.customers.map { $0.items.map(\.id) }, [[ids[1]], [ids[1]]])
        XCTAssertTrue(later.render(.markdown).contains("## Acme"))
        XCTAssertTrue(later.render(.json).contains("\"customer\": \"Bob\""))
        XCTAssertEqual(FeedbackNotify(b, since: 300).render(.text), "nothing with feedback shipped since 1970-01-01T00:05:00Z\n")
    }

    func testTheReportOpensWithTheVisionAndHasAGoalsSection() {
        let b = DemoBoard.make(now: 1_795_953_600, user: "demo")
        let items = b.itemsInBoardOrder()
        let report = ReportExport.render(b, items: items, now: 1_795_953_600, since: .week)
        let lines = report.components(separatedBy: "\n")
        XCTAssertEqual(lines[4], "> " + b.strategy.vision, "the vision right under the title and date")
        XCTAssertTrue(report.contains("\n## Goals\n"))
        XCTAssertTrue(report.contains("### PDFs fast and right in every script (off track)"))
        // 2400 → 2100 of 2400 → 800 ms: 300 / 1600 = 19 %.
        XCTAssertTrue(report.contains("| p95 PDF render time | 2400 ms | 2100 ms | 800 ms | 19% |"), report)
        let json = GoalsOutput.json(b)
        let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let goals = parsed?["goals"] as? [[String: Any]]
        XCTAssertEqual(goals?.count, 3)
        XCTAssertEqual(((goals?[2]["keyResults"] as? [[String: Any]])?[0]["progress"] as? Double), 0.188)
    }

    func testTheDemoBoardHasAVisionThreeGoalsAndFeedback() {
        let b = DemoBoard.make(now: 1_795_953_600, user: "demo")
        XCTAssertFalse(b.strategy.vision.isEmpty)
        XCTAssertEqual(b.strategy.goals.count, 3)
        XCTAssertGreaterThanOrEqual(b.strategy.notes.count, 24)
        XCTAssertFalse(b.unlinkedFeedback.isEmpty)
        for g in b.strategy.goals { XCTAssertFalse(b.itemIDs(servingGoal: g).isEmpty, g.objective) }
        XCTAssertTrue(b.strategy.notes.allSatisfy { $0.items.allSatisfy { b.items[$0] != nil } })
    }
}
