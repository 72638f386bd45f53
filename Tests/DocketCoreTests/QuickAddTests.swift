import XCTest
@testable import DocketCore

/// The quick-add syntax: `QuickAdd.parse` (every marker, escapes, unicode, each error at its
/// column) and `QuickAddDraft.apply` (stage, created names, one undo step).
final class QuickAddTests: XCTestCase {
    let t0: Timestamp = 1_795_961_100

    /// Parses `line`, expecting a `QuickAddError`; returns it.
    private func parseError(_ line: String, file: StaticString = #filePath, line l: UInt = #line) -> QuickAddError? {
        do {
            let draft = try QuickAdd.parse(line)
            XCTFail("expected an error for '\(line)', got \(draft)", file: file, line: l)
            return nil
        } catch let e as QuickAddError {
            return e
        } catch {
            XCTFail("expected a QuickAddError, got \(error)", file: file, line: l)
            return nil
        }
    }

    /// Asserts that `line` fails with `kind` at 1-based `column`.
    private func assertError(_ line: String, _ kind: QuickAddError.Kind, column: Int, token: String? = nil,
                             file: StaticString = #filePath, line l: UInt = #line) {
        guard let e = parseError(line, file: file, line: l) else { return }
        XCTAssertEqual(e.kind, kind, "'\(line)': \(e)", file: file, line: l)
        XCTAssertEqual(e.column, column, "'\(line)': \(e)", file: file, line: l)
        XCTAssertEqual(e.offset, column - 1, file: file, line: l)
        if let token { XCTAssertEqual(e.token, token, file: file, line: l) }
        XCTAssertTrue(e.description.hasPrefix("column \(column): "), e.description, file: file, line: l)
    }

    // MARK: - Markers

    func testTheIssueExampleSetsEveryField() throws {
        let d = try QuickAdd.parse("Export invoices as PDF #billing @alice !must ~5 ^v2.1 >ready due:2026-12-15")
        XCTAssertEqual(d, QuickAddDraft(title: "Export invoices as PDF", labels: ["billing"], assignees: ["alice"],
                                        priority: .must, points: 5, release: "v2.1", stage: "ready", stageOffset: 54,
                                        due: "2026-12-15"))
    }

    func testPlainTitleSetsNothingElse() throws {
        XCTAssertEqual(try QuickAdd.parse("Pay by QR code"), QuickAddDraft(title: "Pay by QR code"))
    }

    func testMarkersAnywhereAndTitleWordsKeepTheirOrder() throws {
        let d = try QuickAdd.parse("#bug Fix @bob login !S crash ~3 on ^1.4 iOS")
        XCTAssertEqual(d.title, "Fix login crash on iOS")
        XCTAssertEqual(d.labels, ["bug"])
        XCTAssertEqual(d.assignees, ["bob"])
        XCTAssertEqual(d.priority, .should)
        XCTAssertEqual(d.points, 3)
        XCTAssertEqual(d.release, "1.4")
        XCTAssertNil(d.stage)
        XCTAssertNil(d.stageOffset)
        XCTAssertNil(d.due)
    }

    func testLabelsAndPeopleRepeatAndDropDuplicatesIgnoringCase() throws {
        let d = try QuickAdd.parse("Task #api #ux #API @ann @bob @Ann #ux")
        XCTAssertEqual(d.labels, ["api", "ux"])
        XCTAssertEqual(d.assignees, ["ann", "bob"])
    }

    func testPriorityWordsAndLettersInAnyCase() throws {
        let cases: [(String, Priority)] = [
            ("must", .must), ("m", .must), ("MUST", .must), ("M", .must),
            ("should", .should), ("s", .should), ("Should", .should),
            ("could", .could), ("c", .could), ("COULD", .could),
            ("wont", .wont), ("w", .wont), ("won't", .wont), ("WONT", .wont),
        ]
        for (word, expected) in cases {
            XCTAssertEqual(try QuickAdd.parse("Task !\(word)").priority, expected, word)
        }
    }

    func testPoints() throws {
        let cases: [(String, Double)] = [("0", 0), ("5", 5), ("13", 13), ("0.5", 0.5), (".5", 0.5), ("2.", 2), ("100", 100)]
        for (text, expected) in cases {
            XCTAssertEqual(try QuickAdd.parse("Task ~\(text)").points, expected, text)
        }
    }

    func testStageReleaseAndDueTakeTheRestOfTheWord() throws {
        let d = try QuickAdd.parse("Task >In ^2026.1-beta DUE:2028-02-29")
        XCTAssertEqual(d.stage, "In")
        XCTAssertEqual(d.stageOffset, 5)
        XCTAssertEqual(d.release, "2026.1-beta")
        XCTAssertEqual(d.due, "2028-02-29", "due: in any case; a leap day")
    }

    func testWhitespaceFoldsToSingleSpaces() throws {
        let d = try QuickAdd.parse("  \tFix   the\t\tlogin  #auth   bug  ")
        XCTAssertEqual(d.title, "Fix the login bug")
        XCTAssertEqual(d.labels, ["auth"])
    }

    func testMarkersCountOnlyAtTheStartOfAWord() throws {
        let d = try QuickAdd.parse("Port C# parser a>b x!y 50% mail@host due")
        XCTAssertEqual(d.title, "Port C# parser a>b x!y 50% mail@host due")
        XCTAssertNil(d.points)
        XCTAssertEqual(parseError("Port ~ish~")?.kind, .badPoints, "~ish~ starts with the points marker")
    }

    // MARK: - Escapes

    func testBackslashKeepsAMarkerLiteral() throws {
        XCTAssertEqual(try QuickAdd.parse("Fix \\#1 crash").title, "Fix #1 crash")
        XCTAssertEqual(try QuickAdd.parse("\\@home \\!important \\~5 \\^up \\>quote").title, "@home !important ~5 ^up >quote")
        XCTAssertEqual(try QuickAdd.parse("Report \\due:friday").title, "Report due:friday")
        XCTAssertEqual(try QuickAdd.parse("Report \\Due:").title, "Report Due:")
        XCTAssertEqual(try QuickAdd.parse("\\# alone").title, "# alone")
    }

    func testDoubleBackslashIsOneBackslash() throws {
        XCTAssertEqual(try QuickAdd.parse("a \\\\ b").title, "a \\ b")
        XCTAssertEqual(try QuickAdd.parse("\\\\#x").title, "\\#x", "an escaped backslash, then the characters #x")
        XCTAssertEqual(try QuickAdd.parse("x\\\\\\#y").title, "x\\#y")
    }

    func testOtherBackslashesStayAsTyped() throws {
        XCTAssertEqual(try QuickAdd.parse("Clean C:\\tmp\\logs and \\n").title, "Clean C:\\tmp\\logs and \\n")
        XCTAssertEqual(try QuickAdd.parse("trailing \\").title, "trailing \\")
    }

    func testEscapedMarkersInsideWordsAreLiteralToo() throws {
        XCTAssertEqual(try QuickAdd.parse("issue\\#12").title, "issue#12")
    }

    // MARK: - Unicode

    func testCJKAndEmojiTitlesAndNames() throws {
        let d = try QuickAdd.parse("請求書を PDF で出力 #請求 @由紀 🚀 ^第2版 >ready")
        XCTAssertEqual(d.title, "請求書を PDF で出力 🚀")
        XCTAssertEqual(d.labels, ["請求"])
        XCTAssertEqual(d.assignees, ["由紀"])
        XCTAssertEqual(d.release, "第2版")
        XCTAssertEqual(d.stageOffset, 28)
    }

    func testEmojiLabelsAndGraphemeClusters() throws {
        let d = try QuickAdd.parse("👩‍💻 pairing #🔥 🇯🇵 launch")
        XCTAssertEqual(d.title, "👩‍💻 pairing 🇯🇵 launch")
        XCTAssertEqual(d.labels, ["🔥"])
    }

    func testColumnsCountCharactersNotBytesOrScalars() {
        // 請求書 is 3 characters (9 UTF-8 bytes): the marker is at offset 4.
        assertError("請求書 !急ぎ", .badPriority, column: 5, token: "!急ぎ")
        // 👩‍💻 is one character of 3 scalars; 🇯🇵 one of 2; é written as e + U+0301 is one.
        assertError("👩‍💻 fix ~x", .badPoints, column: 7)
        assertError("🇯🇵 🇯🇵 !", .bareMarker, column: 5)
        assertError("cafe\u{301} due:soon", .badDate, column: 6)
    }

    // MARK: - Errors, each at its column

    func testBareMarkers() {
        assertError("Fix it #", .bareMarker, column: 8, token: "#")
        assertError("Fix it @", .bareMarker, column: 8, token: "@")
        assertError("Fix it !", .bareMarker, column: 8, token: "!")
        assertError("Fix it ~", .bareMarker, column: 8, token: "~")
        assertError("Fix it ^", .bareMarker, column: 8, token: "^")
        assertError("A > B", .bareMarker, column: 3, token: ">")
        assertError("Fix it due:", .bareMarker, column: 8, token: "due:")
        assertError("# heading", .bareMarker, column: 1)
        let e = parseError("A > B")
        XCTAssertEqual(e?.message, "'>' needs a stage after it (write \\> for the character itself)")
        XCTAssertEqual(parseError("Fix due:")?.message, "'due:' needs a date YYYY-MM-DD after it (write \\due: for the word itself)")
    }

    func testBadPriority() {
        assertError("Fix login !urgent", .badPriority, column: 11, token: "!urgent")
        assertError("!x Fix", .badPriority, column: 1)
        assertError("Fix !mu", .badPriority, column: 5)
        XCTAssertEqual(parseError("Fix login !urgent")?.description,
                       "column 11: unknown priority '!urgent': use must, should, could or wont (m, s, c, w)")
    }

    func testBadPoints() {
        assertError("Fix ~-3", .badPoints, column: 5, token: "~-3")
        assertError("Fix ~abc", .badPoints, column: 5)
        assertError("Fix ~1e3", .badPoints, column: 5)
        assertError("Fix ~inf", .badPoints, column: 5)
        assertError("Fix ~nan", .badPoints, column: 5)
        assertError("Fix ~5pts", .badPoints, column: 5)
        assertError("Fix ~1.2.3", .badPoints, column: 5)
        assertError("Fix ~.", .badPoints, column: 5)
        assertError("Fix ~٣", .badPoints, column: 5, token: "~٣")
        XCTAssertEqual(parseError("Fix ~-3")?.message, "invalid points '~-3': use a number ≥ 0, like ~5 or ~0.5")
    }

    func testBadDate() {
        assertError("Ship due:2026-02-30", .badDate, column: 6, token: "due:2026-02-30")
        assertError("Ship due:2026-1-5", .badDate, column: 6)
        assertError("Ship due:tomorrow", .badDate, column: 6)
        assertError("Ship due:2026-12-15T10:00:00Z", .badDate, column: 6)
        assertError("Ship due:2027-02-29", .badDate, column: 6, token: "due:2027-02-29")
        XCTAssertEqual(parseError("Ship due:2026-13-01")?.message,
                       "invalid date '2026-13-01': use a real date YYYY-MM-DD, like due:2026-12-15")
    }

    func testEmptyTitleIsReportedAtTheStart() {
        assertError("#billing @alice !must ~5", .emptyTitle, column: 1, token: "")
        assertError("", .emptyTitle, column: 1)
        assertError("   \t ", .emptyTitle, column: 1)
        XCTAssertEqual(parseError(">ready")?.message, "the title is empty: write some words besides the markers")
    }

    func testSingleValuedFieldsGivenTwice() {
        assertError("Fix !m !s", .repeated, column: 8, token: "!s")
        assertError("Fix ~1 ~2", .repeated, column: 8)
        assertError("Fix ^a ^b", .repeated, column: 8)
        assertError("Fix >a >b", .repeated, column: 8)
        assertError("Fix due:2026-01-01 due:2026-01-02", .repeated, column: 20)
        XCTAssertEqual(parseError("Fix !m !s")?.message, "the priority is given twice (first at column 5)")
    }

    func testTheFirstErrorFromTheLeftWins() {
        assertError("Fix !x ~y", .badPriority, column: 5)
        assertError("Fix ~y !x", .badPoints, column: 5)
        assertError("#a ~y", .badPoints, column: 4, token: "~y")
    }

    // MARK: - apply

    func testApplyAddsTheItemWithEveryFieldAndSaysWhatItCreated() throws {
        var board = try sampleBoard()
        let draft = try QuickAdd.parse("Export invoices as PDF #billing #API @alice @ann !must ~5 ^v2.1 >ready due:2026-12-15")
        let (item, edit, created) = try draft.apply(to: &board, defaultStage: "inbox", by: "pat", at: t0)
        XCTAssertEqual(item.title, "Export invoices as PDF")
        XCTAssertEqual(item.stage, "ready")
        XCTAssertEqual(item.labels, ["billing", "api"], "#API uses the board's label api")
        XCTAssertEqual(item.assignees, ["alice", "ann"])
        XCTAssertEqual(item.priority, .must)
        XCTAssertEqual(item.points, 5)
        XCTAssertEqual(item.release, "v2.1")
        XCTAssertEqual(item.due, "2026-12-15")
        XCTAssertEqual(item.created, t0)
        XCTAssertEqual(board.items[item.id], item)
        XCTAssertEqual(board.column("ready").last, item.id, "added at the bottom of its stage")
        XCTAssertEqual(created, ["label billing", "person alice", "release v2.1"])
        XCTAssertEqual(board.labels.map(\.name), ["api", "billing"])
        XCTAssertEqual(edit.summary, "added \(item.id) to Ready")
        XCTAssertEqual(edit.items.count, 1)
        XCTAssertNil(edit.items[item.id]?.before)
        XCTAssertEqual(edit.items[item.id]?.after, item, "one edit holds the item with its due date")
        XCTAssertNotNil(edit.header)
        let log = board.activity.filter { $0.item == item.id }
        XCTAssertEqual(log.map(\.action), ["create", "edit"])
        XCTAssertEqual(log.last?.field, "due")
    }

    func testApplyUsesTheDefaultStageAndCreatesNothingKnown() throws {
        var board = try sampleBoard()
        let draft = try QuickAdd.parse("Small fix #Api @ANN ^1.0 !c")
        let (item, edit, created) = try draft.apply(to: &board, defaultStage: "inbox", by: "pat", at: t0)
        XCTAssertEqual(item.stage, "inbox")
        XCTAssertEqual(item.labels, ["api"])
        XCTAssertEqual(item.assignees, ["ann"])
        XCTAssertEqual(item.release, "1.0")
        XCTAssertEqual(created, [])
        XCTAssertNil(edit.header, "nothing new on the board's lists")
        XCTAssertEqual(edit.summary, "added \(item.id) to Inbox")
    }

    func testApplyResolvesStagesByNameIdAndPrefix() throws {
        var board = try sampleBoard()
        for (word, stage) in [("Ready", "ready"), ("doing", "doing"), ("rev", "review"), ("IN PROGRESS", "doing"), ("inbox", "inbox")] {
            var draft = try QuickAdd.parse("Task >x")
            draft.stage = word
            let r = try draft.apply(to: &board, defaultStage: "done", by: "pat", at: t0)
            XCTAssertEqual(r.item.stage, stage, word)
        }
    }

    func testApplyReportsAnUnknownOrAmbiguousStageAtItsColumnAndChangesNothing() throws {
        var board = try sampleBoard()
        let before = board
        let draft = try QuickAdd.parse("Task #new >nowhere")
        XCTAssertThrowsError(try draft.apply(to: &board, defaultStage: "inbox", by: "pat", at: t0)) { error in
            XCTAssertEqual(error as? QuickAddError,
                           QuickAddError(kind: .badStage, offset: 10, token: ">nowhere", message: "no stage named 'nowhere'"))
            XCTAssertEqual("\(error)", "column 11: no stage named 'nowhere'")
        }
        XCTAssertEqual(board, before)
        let ambiguous = try QuickAdd.parse("Task >in")
        XCTAssertThrowsError(try ambiguous.apply(to: &board, defaultStage: "inbox", by: "pat", at: t0)) { error in
            let e = error as? QuickAddError
            XCTAssertEqual(e?.kind, .badStage)
            XCTAssertEqual(e?.column, 6)
            XCTAssertEqual(e?.message, "stage 'in' is ambiguous: Inbox, In progress")
        }
        XCTAssertEqual(board, before)
    }

    func testAStageSetWithoutAnOffsetThrowsTheBoardError() throws {
        var board = try sampleBoard()
        var draft = try QuickAdd.parse("Task >ready")
        draft.stage = "nowhere"
        draft.stageOffset = nil
        XCTAssertThrowsError(try draft.apply(to: &board, defaultStage: "inbox", by: "pat", at: t0)) { error in
            XCTAssertEqual(error as? DocketError, .noSuchStage("nowhere"))
        }
    }

    func testOneUndoStepRemovesTheItemAndTheCreatedNames() throws {
        var board = try sampleBoard()
        let original = board
        var history = UndoHistory()
        let draft = try QuickAdd.parse("Export #billing @alice ^v2.1 ~5 >ready due:2026-12-15")
        let (item, edit, _) = try draft.apply(to: &board, defaultStage: "inbox", by: "pat", at: t0)
        let added = board
        history.record(edit)
        XCTAssertEqual(history.done.count, 1)

        XCTAssertNotNil(history.undo(&board, by: "pat", at: t0 + 1))
        XCTAssertNil(board.items[item.id])
        XCTAssertEqual(board.items, original.items)
        XCTAssertEqual(board.header, original.header, "the label, person and release are gone again")
        XCTAssertEqual(board.columns, original.columns)
        XCTAssertEqual(board.points(inStage: "ready"), original.points(inStage: "ready"))
        XCTAssertNil(history.undo(&board, by: "pat", at: t0 + 2), "one step only")

        XCTAssertNotNil(history.redo(&board, by: "pat", at: t0 + 3))
        XCTAssertEqual(board.items, added.items)
        XCTAssertEqual(board.header, added.header)
        XCTAssertEqual(board.items[item.id]?.due, "2026-12-15")
    }

    func testApplyStillRefusesNegativePointsSetAfterParsing() throws {
        var board = try sampleBoard()
        var draft = try QuickAdd.parse("Task")
        draft.points = -1
        XCTAssertThrowsError(try draft.apply(to: &board, defaultStage: "inbox", by: "pat", at: t0)) { error in
            guard case .invalidValue(field: "points", _, _)? = error as? DocketError else { return XCTFail("\(error)") }
        }
    }
}
