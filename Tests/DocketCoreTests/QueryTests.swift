import XCTest
@testable import DocketCore

/// The filter query language: every term, how terms combine, every error with its position,
/// and that no input whatsoever makes the parser trap.
final class QueryTests: XCTestCase {
    static let today = "2026-06-15"

    /// Stages: the defaults plus "Ready for QA" (so `stage:ready` is exact, `stage:rea` ambiguous).
    static let board: Board = {
        var stages = Board.defaultStages()
        stages.insert(Stage(id: "qa", name: "Ready for QA", kind: .doing), at: 4)
        func item(_ id: String, _ title: String, stage: String, _ set: (inout Item) -> Void = { _ in }) -> Item {
            var item = Item(id: id, title: title, stage: stage, rank: "m", created: 0)
            set(&item)
            return item
        }
        return Board(name: "Query", stages: stages, items: [
            item("aaaa0001", "Export invoices as PDF", stage: "ready") {
                $0.labels = ["billing", "Needs Design"]; $0.assignees = ["alice"]; $0.priority = .must
                $0.points = 5; $0.release = "v2.1"; $0.due = "2026-06-01"; $0.votes = 7; $0.requester = "ACME Corp"
                $0.description = "Customers want a printable invoice."
            },
            item("aaaa0002", "Login fails on Safari", stage: "doing") {
                $0.type = .bug; $0.labels = ["bug"]; $0.assignees = ["bob", "alice"]; $0.priority = .should
                $0.points = 3; $0.blocked = true; $0.due = "2026-06-15"; $0.votes = 2
            },
            item("bbbb0003", "Dark mode", stage: "ideas") {
                $0.priority = .could; $0.release = "v3"; $0.requester = "Globex"
            },
            item("bbbb0004", "請求書をPDFで出力する", stage: "qa") {
                $0.labels = ["billing"]; $0.points = 8; $0.due = "2026-12-31"; $0.votes = 12
            },
            item("cccc0005", "Old spike", stage: "done") {
                $0.type = .spike; $0.archived = true; $0.priority = .wont; $0.points = 1
            },
            item("cccc0006", "Ship it", stage: "done") { $0.points = 2; $0.description = "ÉTÉ café" },
        ])
    }()

    /// The ids of the board's items that match `query`, sorted.
    func ids(_ query: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            let q = try Query.parse(query)
            return Self.board.items.values.filter { q.matches($0, in: Self.board, today: Self.today) }.map(\.id).sorted()
        } catch {
            XCTFail("\(query): \(error)", file: file, line: line)
            return []
        }
    }

    /// The error `query` throws.
    func error(_ query: String, file: StaticString = #filePath, line: UInt = #line) -> QueryError? {
        do {
            let q = try Query.parse(query)
            XCTFail("\(query) parsed as \(q.debugDescription)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    let all = ["aaaa0001", "aaaa0002", "bbbb0003", "bbbb0004", "cccc0005", "cccc0006"]

    // MARK: - Terms

    func testEmptyQueryMatchesEverything() throws {
        XCTAssertEqual(ids(""), all)
        XCTAssertEqual(ids("   "), all)
        XCTAssertTrue(try Query.parse(" \t ").isEmpty)
    }

    func testLabel() {
        XCTAssertEqual(ids("label:billing"), ["aaaa0001", "bbbb0004"])
        XCTAssertEqual(ids("LABEL:BILLING"), ["aaaa0001", "bbbb0004"], "field and value ignore case")
        XCTAssertEqual(ids("labels:bug"), ["aaaa0002"])
        XCTAssertEqual(ids("label:bill"), [], "a label matches whole")
        XCTAssertEqual(ids("label:\"needs design\""), ["aaaa0001"])
    }

    func testAssignee() {
        XCTAssertEqual(ids("@alice"), ["aaaa0001", "aaaa0002"])
        XCTAssertEqual(ids("assignee:bob"), ["aaaa0002"])
        XCTAssertEqual(ids("@Bob"), ["aaaa0002"])
        XCTAssertEqual(ids("@carol"), [])
    }

    func testPriority() {
        XCTAssertEqual(ids("priority:must"), ["aaaa0001"])
        XCTAssertEqual(ids("priority:s"), ["aaaa0002"])
        XCTAssertEqual(ids("priority:C"), ["bbbb0003"])
        XCTAssertEqual(ids("priority:w"), ["cccc0005"])
        XCTAssertEqual(ids("priority:won't"), ["cccc0005"])
    }

    func testPointsComparisons() {
        XCTAssertEqual(ids("points:>3"), ["aaaa0001", "bbbb0004"])
        XCTAssertEqual(ids("points:>=3"), ["aaaa0001", "aaaa0002", "bbbb0004"])
        XCTAssertEqual(ids("points:<3"), ["cccc0005", "cccc0006"], "unestimated items never compare")
        XCTAssertEqual(ids("points:<=5"), ["aaaa0001", "aaaa0002", "cccc0005", "cccc0006"])
        XCTAssertEqual(ids("points:3"), ["aaaa0002"])
        XCTAssertEqual(ids("points:=3"), ["aaaa0002"])
        XCTAssertEqual(ids("points:2.0"), ["cccc0006"])
        XCTAssertEqual(ids("-points:>3"), ["aaaa0002", "bbbb0003", "cccc0005", "cccc0006"], "negation includes unestimated")
    }

    func testStageLikeBoardStageNamed() {
        XCTAssertEqual(ids("stage:ready"), ["aaaa0001"], "exact name wins over the prefix of 'Ready for QA'")
        XCTAssertEqual(ids("stage:READY"), ["aaaa0001"])
        XCTAssertEqual(ids("stage:\"ready for qa\""), ["bbbb0004"])
        XCTAssertEqual(ids("stage:qa"), ["bbbb0004"], "by id")
        XCTAssertEqual(ids("stage:\"in progress\""), ["aaaa0002"], "by name")
        XCTAssertEqual(ids("stage:doing"), ["aaaa0002"], "by id")
        XCTAssertEqual(ids("stage:in"), [], "ambiguous (Inbox, In progress): nothing")
        XCTAssertEqual(ids("stage:rea"), [], "ambiguous (Ready, Ready for QA): nothing")
        XCTAssertEqual(ids("stage:ide"), ["bbbb0003"], "unique prefix")
        XCTAssertEqual(ids("stage:nowhere"), [])
        XCTAssertEqual(ids("stage:do"), [], "ambiguous (doing, done): nothing")
    }

    func testRelease() {
        XCTAssertEqual(ids("release:v2.1"), ["aaaa0001"])
        XCTAssertEqual(ids("release:V3"), ["bbbb0003"])
        XCTAssertEqual(ids("release:v2"), [])
    }

    func testType() {
        XCTAssertEqual(ids("type:bug"), ["aaaa0002"])
        XCTAssertEqual(ids("type:Spike"), ["cccc0005"])
        XCTAssertEqual(ids("type:story"), ["aaaa0001", "bbbb0003", "bbbb0004", "cccc0006"])
    }

    func testIs() {
        XCTAssertEqual(ids("is:blocked"), ["aaaa0002"])
        XCTAssertEqual(ids("is:archived"), ["cccc0005"])
        XCTAssertEqual(ids("is:open"), ["aaaa0001", "aaaa0002", "bbbb0003", "bbbb0004"], "not archived, not in a done stage")
        XCTAssertEqual(ids("-is:open"), ["cccc0005", "cccc0006"])
    }

    func testDue() {
        XCTAssertEqual(ids("due:<2026-12-31"), ["aaaa0001", "aaaa0002"])
        XCTAssertEqual(ids("due:<=2026-12-31"), ["aaaa0001", "aaaa0002", "bbbb0004"])
        XCTAssertEqual(ids("due:2026-06-15"), ["aaaa0002"])
        XCTAssertEqual(ids("due:today"), ["aaaa0002"])
        XCTAssertEqual(ids("due:<today"), ["aaaa0001"], "overdue")
        XCTAssertEqual(ids("due:>=TODAY"), ["aaaa0002", "bbbb0004"])
    }

    func testVotes() {
        XCTAssertEqual(ids("votes:>3"), ["aaaa0001", "bbbb0004"])
        XCTAssertEqual(ids("votes:0"), ["bbbb0003", "cccc0005", "cccc0006"])
        XCTAssertEqual(ids("votes:<=2"), ["aaaa0002", "bbbb0003", "cccc0005", "cccc0006"])
    }

    func testRequesterIsASubstring() {
        XCTAssertEqual(ids("requester:acme"), ["aaaa0001"])
        XCTAssertEqual(ids("requester:\"acme corp\""), ["aaaa0001"])
        XCTAssertEqual(ids("requester:lob"), ["bbbb0003"])
    }

    func testIDIsAPrefix() {
        XCTAssertEqual(ids("id:bbbb"), ["bbbb0003", "bbbb0004"])
        XCTAssertEqual(ids("id:BBBB0003"), ["bbbb0003"])
        XCTAssertEqual(ids("id:0003"), [])
    }

    func testFreeWords() {
        XCTAssertEqual(ids("pdf"), ["aaaa0001", "bbbb0004"], "title, any case, also inside CJK text")
        XCTAssertEqual(ids("printable"), ["aaaa0001"], "description")
        XCTAssertEqual(ids("cccc"), ["cccc0005", "cccc0006"], "id")
        XCTAssertEqual(ids("export pdf"), ["aaaa0001"], "every word")
        XCTAssertEqual(ids("\"as pdf\""), ["aaaa0001"], "a quoted phrase")
        XCTAssertEqual(ids("\"pdf as\""), [])
        XCTAssertEqual(ids("請求書"), ["bbbb0004"], "CJK")
        XCTAssertEqual(ids("出力"), ["bbbb0004"])
        XCTAssertEqual(ids("été"), ["cccc0006"], "non-ASCII case folding")
        XCTAssertEqual(ids("CAFÉ"), ["cccc0006"])
        XCTAssertEqual(ids("10:30"), [], "a colon after a non-letter is a free word")
        XCTAssertEqual(ids("\"or\""), ["aaaa0001"], "a quoted or is a phrase (as in Export)")
    }

    func testCaseFoldingBeyondASCII() {
        XCTAssertTrue(FoldedText("kelvin").equals("\u{212A}ELVIN"), "the Kelvin sign lowercases to k")
        XCTAssertTrue(FoldedText("ÄPFEL").isPrefix(of: "äpfel und birnen"))
        XCTAssertTrue(FoldedText("Σ").isContained(in: "ΑΣ"))
        XCTAssertTrue(FoldedText("日本").isContained(in: "にっぽん日本語"))
        XCTAssertFalse(FoldedText("abc").isContained(in: "ab"))
        XCTAssertFalse(FoldedText("abc").equals("abcd"))
        XCTAssertTrue(FoldedText("").isContained(in: ""))
    }

    // MARK: - Combining

    func testNegation() {
        XCTAssertEqual(ids("-label:billing"), ["aaaa0002", "bbbb0003", "cccc0005", "cccc0006"])
        XCTAssertEqual(ids("label:billing -@alice"), ["bbbb0004"])
        XCTAssertEqual(ids("--label:bug"), ["aaaa0002"], "two negations cancel")
        XCTAssertEqual(ids("-(label:billing or is:blocked)"), ["bbbb0003", "cccc0005", "cccc0006"])
        XCTAssertEqual(ids("-\"pdf\""), ["aaaa0002", "bbbb0003", "cccc0005", "cccc0006"])
        XCTAssertEqual(ids("e-mail"), [], "a - inside a word is part of it")
    }

    func testAndBindsTighterThanOr() throws {
        XCTAssertEqual(try Query.parse("a b or c").debugDescription, #"(("a" "b") or "c")"#)
        XCTAssertEqual(try Query.parse("a or b c").debugDescription, #"("a" or ("b" "c"))"#)
        XCTAssertEqual(try Query.parse("a OR b Or c").debugDescription, #"("a" or "b" or "c")"#)
        XCTAssertEqual(ids("label:bug or priority:could"), ["aaaa0002", "bbbb0003"])
        XCTAssertEqual(ids("@alice label:billing or priority:could"), ["aaaa0001", "bbbb0003"])
        XCTAssertEqual(ids("priority:could or @alice label:billing"), ["aaaa0001", "bbbb0003"])
    }

    func testParentheses() throws {
        XCTAssertEqual(try Query.parse("a (b or c)").debugDescription, #"("a" ("b" or "c"))"#)
        XCTAssertEqual(try Query.parse("((a))").debugDescription, #""a""#)
        XCTAssertEqual(try Query.parse("-(a b)").debugDescription, #"-("a" "b")"#)
        XCTAssertEqual(ids("@alice (label:billing or label:bug)"), ["aaaa0001", "aaaa0002"])
        XCTAssertEqual(ids("(@alice label:billing) or (points:8)"), ["aaaa0001", "bbbb0004"])
        XCTAssertEqual(ids("(label:billing)points:8"), ["bbbb0004"], "a parenthesis ends a term")
    }

    func testQuotedValuesAndEscapes() throws {
        XCTAssertEqual(try Query.parse(#"label:"needs design""#).debugDescription, #"label:"needs design""#)
        XCTAssertEqual(try Query.parse(#""say \"hi\" \\ there""#).debugDescription, #""say \"hi\" \\ there""#)
        XCTAssertEqual(try Query.parse(#"label:">x""#).debugDescription, #"label:">x""#, "quoting keeps a > literal")
        XCTAssertEqual(try Query.parse(#"@"Mary Jane""#).debugDescription, #"@"mary jane""#)
        XCTAssertEqual(try Query.parse(#"points:>"3""#).debugDescription, "points:>3")
    }

    func testWrittenFormParsesBack() throws {
        for text in ["label:billing priority:must points:>3 -is:blocked", "(a or -b) c", "due:<=today votes:>=2 or id:ab",
                     #"stage:"in progress" release:v2.1 type:bug requester:"acme corp" @bob"#, "points:0.5 votes:1e3"] {
            let q = try Query.parse(text)
            XCTAssertEqual(try Query.parse(q.debugDescription).root, q.root, text)
        }
    }

    func testMentionsArchived() throws {
        XCTAssertTrue(try Query.parse("is:archived").mentionsArchived)
        XCTAssertTrue(try Query.parse("label:x or -(@a IS:ARCHIVED)").mentionsArchived)
        XCTAssertFalse(try Query.parse("label:x is:blocked").mentionsArchived)
        XCTAssertFalse(try Query.parse("\"is:archived\"").mentionsArchived, "a phrase is not the term")
    }

    func testValidateAgainstBoard() throws {
        XCTAssertNoThrow(try Query.parse("stage:ready stage:QA").validate(against: Self.board))
        XCTAssertThrowsError(try Query.parse("label:x stage:nowhere").validate(against: Self.board)) {
            XCTAssertEqual($0 as? QueryError, QueryError(.noSuchStage("nowhere"), offset: 14, length: 7))
        }
        XCTAssertThrowsError(try Query.parse("stage:\"rea\"").validate(against: Self.board)) {
            XCTAssertEqual($0 as? QueryError, QueryError(.ambiguousStage("rea", ["Ready", "Ready for QA"]), offset: 6, length: 5))
        }
    }

    // MARK: - Errors, each with its exact position

    func assertError(_ query: String, _ kind: QueryError.Kind, at offset: Int, length: Int,
                     file: StaticString = #filePath, line: UInt = #line) {
        guard let e = error(query, file: file, line: line) else { return }
        XCTAssertEqual(e.kind, kind, query, file: file, line: line)
        XCTAssertEqual(e.offset, offset, "offset in \(query)", file: file, line: line)
        XCTAssertEqual(e.length, length, "length in \(query)", file: file, line: line)
        XCTAssertFalse(e.message.isEmpty)
    }

    func testUnknownField() {
        assertError("label:bug colour:red", .unknownField("colour"), at: 10, length: 6)
        assertError("TODO: write", .unknownField("TODO"), at: 0, length: 4)
        assertError("-(foo:1)", .unknownField("foo"), at: 2, length: 3)
    }

    func testMissingValue() {
        assertError("label:", .missingValue(field: "label"), at: 0, length: 6)
        assertError("x @", .missingValue(field: "@"), at: 2, length: 1)
        assertError("a points:> b", .missingValue(field: "points"), at: 2, length: 8)
        assertError("stage:\"\"", .missingValue(field: "stage"), at: 0, length: 8)
    }

    func testBadNumber() {
        assertError("points:>x", .badNumber("x"), at: 8, length: 1)
        assertError("votes:-1", .badNumber("-1"), at: 6, length: 2)
        assertError("points:nan", .badNumber("nan"), at: 7, length: 3)
        assertError("points:1e999", .badNumber("1e999"), at: 7, length: 5)
        assertError("点 points:<=三", .badNumber("三"), at: 11, length: 1)
    }

    func testBadDate() {
        assertError("due:<2026-02-31", .badDate("2026-02-31"), at: 5, length: 10)
        assertError("due:tomorrow", .badDate("tomorrow"), at: 4, length: 8)
        assertError("due:\"2026-1-1\"", .badDate("2026-1-1"), at: 4, length: 10)
    }

    func testBadValue() {
        assertError("priority:urgent", .badValue(field: "priority", value: "urgent", expected: "must, should, could, wont (or m, s, c, w)"), at: 9, length: 6)
        assertError("type:task", .badValue(field: "type", value: "task", expected: "story, bug, chore, spike, epic"), at: 5, length: 4)
        assertError("is:closed", .badValue(field: "is", value: "closed", expected: "blocked, archived, open, stale"), at: 3, length: 6)
    }

    func testBadComparison() {
        assertError("label:>x", .badComparison(field: "label", comparison: ">"), at: 6, length: 1)
        assertError("@<=bob", .badComparison(field: "@", comparison: "<="), at: 1, length: 2)
    }

    func testUnclosedQuote() {
        assertError("a \"open phrase", .unclosedQuote, at: 2, length: 12)
        assertError("label:\"x", .unclosedQuote, at: 6, length: 2)
        assertError("\"\\\"", .unclosedQuote, at: 0, length: 3)
    }

    func testUnbalancedParentheses() {
        assertError("(a or b", .unclosedParenthesis, at: 0, length: 1)
        assertError("x ((a) b", .unclosedParenthesis, at: 2, length: 1)
        assertError("(", .unclosedParenthesis, at: 0, length: 1)
        assertError("a b)", .unmatchedParenthesis, at: 3, length: 1)
        assertError(")", .unmatchedParenthesis, at: 0, length: 1)
        assertError("(a)) b", .unmatchedParenthesis, at: 3, length: 1)
    }

    func testDanglingOr() {
        assertError("or a", .danglingOr, at: 0, length: 2)
        assertError("a or", .danglingOr, at: 2, length: 2)
        assertError("a or or b", .danglingOr, at: 2, length: 2)
        assertError("(a OR) b", .danglingOr, at: 3, length: 2)
        assertError("a (or b)", .danglingOr, at: 3, length: 2)
    }

    func testDanglingNot() {
        assertError("a -", .danglingNot, at: 2, length: 1)
        assertError("a - b", .danglingNot, at: 2, length: 1)
        assertError("(a -)", .danglingNot, at: 3, length: 1)
        assertError("-or b", .danglingNot, at: 0, length: 1)
    }

    func testEmptyGroup() {
        assertError("a ()", .emptyGroup, at: 2, length: 2)
        assertError("a (  ) b", .emptyGroup, at: 2, length: 4)
        assertError("-(())", .emptyGroup, at: 2, length: 2)
    }

    func testTooDeep() {
        let deep = String(repeating: "(", count: Query.maxDepth + 1) + "a" + String(repeating: ")", count: Query.maxDepth + 1)
        assertError(deep, .tooDeep, at: Query.maxDepth, length: 1)
        let ok = String(repeating: "(", count: Query.maxDepth) + "a" + String(repeating: ")", count: Query.maxDepth)
        XCTAssertNoThrow(try Query.parse(ok))
    }

    func testOffsetsCountCharacters() {
        // 👩‍💻 is one character (several scalars), 日本 two.
        assertError("👩‍💻 日本 colour:x", .unknownField("colour"), at: 5, length: 6)
        assertError("é\u{301} (", .unclosedParenthesis, at: 2, length: 1)
    }

    func testLeftmostErrorWins() {
        assertError("foo:1 \"open", .unknownField("foo"), at: 0, length: 3)
        assertError(") \"open", .unmatchedParenthesis, at: 0, length: 1)
    }

    // MARK: - Robustness

    /// Seeded random strings from an alphabet of query characters: parse either succeeds (and
    /// its written form parses back the same, and it matches without trapping) or throws an
    /// error whose span lies inside the text.
    func testRandomInputNeverTraps() throws {
        let pieces = ["(", ")", "-", "\"", "\\", ":", ">", "<", "=", " ", " ", "  ", "or", "OR", "@", "a", "b", "é", "日",
                      "👩‍💻", "\u{301}", "label:", "points:", "due:", "is:", "stage:", "priority:", "votes:", "id:",
                      "blocked", "archived", "2026-12-31", "today", "3", "0.5", "1e3", "must", "x:", "\t", "\n", "nan"]
        var rng = SeededRandom(seed: 0xD0C_0E7)
        var parsed = 0
        for _ in 0..<20_000 {
            let n = Int(rng.next() % 12)
            let text = (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            do {
                let q = try Query.parse(text)
                parsed += 1
                // A combining mark after a quote or colon joins it into another character, so
                // only texts without one must give back the same query from the written form.
                if !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .nonspacingMark }) {
                    let again = try Query.parse(q.debugDescription)
                    XCTAssertEqual(again.root, q.root, "written form of \(text.debugDescription): \(q.debugDescription)")
                }
                for item in Self.board.items.values { _ = q.matches(item, in: Self.board, today: Self.today) }
            } catch {
                let count = text.count
                XCTAssertTrue(error.offset >= 0 && error.offset + error.length <= max(count, 1),
                              "\(text.debugDescription): \(error) outside the text (\(count) characters)")
                XCTAssertFalse(error.message.isEmpty)
            }
        }
        XCTAssertGreaterThan(parsed, 2_000, "the alphabet should also give valid queries")
    }

    /// The compiled program (jumps, negation, cheap tests first, stage slots) against a plain
    /// recursive reading of the parsed query, over random queries built from real terms.
    func testProgramAgreesWithTheParsedQuery() throws {
        let terms = ["label:billing", "label:bug", "@alice", "@bob", "priority:must", "priority:c", "points:>3",
                     "points:<=2", "stage:ready", "stage:qa", "stage:do", "release:v2.1", "type:bug", "is:blocked",
                     "is:archived", "is:open", "due:<today", "due:>=2026-12-31", "votes:>3", "requester:acme",
                     "id:bbbb", "pdf", "été", "請求書", "\"ship it\""]
        var rng = SeededRandom(seed: 42)
        func pick() -> String { terms[Int(rng.next() % UInt64(terms.count))] }
        func group(_ depth: Int) -> String {
            let n = 1 + Int(rng.next() % 3)
            return (0..<n).map { _ -> String in
                let neg = rng.next() % 3 == 0 ? "-" : ""
                let body = depth > 0 && rng.next() % 3 == 0 ? "(" + group(depth - 1) + ")" : pick()
                return neg + body + (rng.next() % 3 == 0 ? " or" : "")
            }.joined(separator: " ") + " " + pick()
        }
        let items = Array(Self.board.items.values)
        var some = 0, none = 0
        for _ in 0..<2_000 {
            let text = group(3)
            let q = try Query.parse(text)
            var expected = 0
            for item in items {
                let want = q.root.map { reference($0, item) } ?? true
                XCTAssertEqual(q.matches(item, in: Self.board, today: Self.today), want, "\(text) on \(item.id)")
                if want { expected += 1 }
            }
            XCTAssertEqual(q.count(in: Self.board, today: Self.today), expected, text)
            if expected > 0 && expected < items.count { some += 1 } else { none += 1 }
            let ids = items.map(\.id)
            XCTAssertEqual(q.filter(ids: ids + ["nope"], in: Self.board, today: Self.today),
                           ids.filter { id in q.matches(Self.board.items[id]!, in: Self.board, today: Self.today) }, text)
        }
        XCTAssertGreaterThan(some, 500, "most random queries should match some items but not all (\(none) did not)")
    }

    /// What a query means, written as plainly as possible.
    func reference(_ node: QueryNode, _ item: Item) -> Bool {
        switch node {
        case .and(let nodes): return nodes.allSatisfy { reference($0, item) }
        case .or(let nodes): return nodes.contains { reference($0, item) }
        case .not(let inner): return !reference(inner, item)
        case .term(let term):
            switch term {
            case .label(let v): return item.labels.contains { $0.lowercased() == v.text }
            case .assignee(let v): return item.assignees.contains { $0.lowercased() == v.text }
            case .priority(let p): return item.priority == p
            case .points(let c, let n): return item.points.map { c.holds($0, n) } ?? false
            case .stage(let v): return (try? Self.board.stage(named: v.text))?.id == item.stage
            case .release(let v): return item.release?.lowercased() == v.text
            case .type(let t): return item.type == t
            case .blocked: return item.blocked
            case .archived: return item.archived
            case .open: return !item.archived && Self.board.stages.first { $0.id == item.stage }?.kind != .done
            case .due(let c, .date(let d)): return item.due.map { c.holds($0, d) } ?? false
            case .due(let c, .today): return item.due.map { c.holds($0, Self.today) } ?? false
            case .votes(let c, let n): return c.holds(Double(item.votes), n)
            case .requester(let v): return item.requester?.lowercased().contains(v.text) ?? false
            case .id(let v): return item.id.lowercased().hasPrefix(v.text)
            case .sprint(let v): return item.sprints.contains { $0.lowercased() == v.text }
            case .text(let v):
                return [item.title, item.id, item.description].contains { $0.lowercased().contains(v.text) }
            case .time(let m, let c, let w):
                let time = QueryTime(today: Self.today)
                let t = m == .updated ? item.updated : m == .created ? item.created : StageAges(Self.board).entered[item.id] ?? item.created
                switch w {
                case .ago(let s): return c == .equal ? time.now - t <= s : c.holds(time.now - t, s)
                case .day(let d): return c.holds(ISODate.formatDay(t), d)
                case .today: return c.holds(ISODate.formatDay(t), Self.today)
                case .yesterday: return c.holds(ISODate.formatDay(t), ISODate.formatDay(time.now - 86400))
                }
            case .age(let c, let s):
                let age = QueryTime(today: Self.today).now - (StageAges(Self.board).entered[item.id] ?? item.created)
                return c == .equal ? age >= s : c.holds(age, s)
            case .stale: return false
            case .goal(let v):
                return Self.board.strategy.goals.contains { ($0.id.hasPrefix(v.text) || $0.objective.lowercased().contains(v.text))
                    && Self.board.itemIDs(servingGoal: $0).contains(item.id) }
            case .hasGoal: return Self.board.strategy.goals.contains { Self.board.itemIDs(servingGoal: $0).contains(item.id) }
            case .hasFeedback: return Self.board.customerImpact(item.id).notes > 0
            case .feedback(let c, let n): return c.holds(Double(Self.board.customerImpact(item.id).figure), n)
            case .customers(let c, let n): return c.holds(Double(Self.board.customerImpact(item.id).customers), n)
            }
        }
    }

    func testLongInputs() {
        XCTAssertNoThrow(try Query.parse(String(repeating: "-", count: 100_001) + "x"))
        XCTAssertNoThrow(try Query.parse(String(repeating: "a or ", count: 20_000) + "b"))
        XCTAssertNotNil(error(String(repeating: "(", count: 100_000)))
        XCTAssertNotNil(error(String(repeating: ")", count: 100_000)))
    }
}
