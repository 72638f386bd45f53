import DocketCore
import XCTest

/// Three-way merge of a board's stages, releases, people, labels, saved filters and unknown
/// keys, element by element (`HeaderMerge` through `BoardMerge`).
final class HeaderMergeTests: XCTestCase {
    private func base() throws -> (Board, String) {
        var b = Board(name: "b", stages: Board.defaultStages())
        let x = try b.addItem(title: "X", stage: "ready", by: "t", at: 10).item.id
        return (b, x)
    }

    /// Adds a stage as the palette's `:stage add` does, or right after the stage `after`.
    private func addStage(_ name: String, to board: inout Board, after: String? = nil) throws {
        let stage = try board.header.addStage(named: name)
        guard let after, let i = board.stageIndex(id: after) else { return }
        board.header.stages.removeAll { $0.id == stage.id }
        board.header.stages.insert(stage, at: i + 1)
    }

    private func ids(_ board: Board) -> [String] { board.stages.map(\.id) }

    func testStagesAddedOnBothSidesAreBothKept() throws {
        let (b, x) = try base()
        var ours = b, theirs = b
        try addStage("UAT2", to: &ours)
        try ours.move(x, toStage: "uat2", by: "me", at: 20)
        try addStage("Staging2", to: &theirs)
        let (m, conflicts) = BoardMerge.merge(base: b, ours: ours, theirs: theirs)
        XCTAssertEqual(conflicts, [])
        XCTAssertEqual(ids(m), ["inbox", "ideas", "ready", "doing", "review", "uat2", "staging2", "done"])
        XCTAssertEqual(m.items[x]?.stage, "uat2")
        XCTAssertEqual(m.column("uat2"), [x], "the moved item is shown in its column")
        XCTAssertEqual(BoardCheck.problems(m), [])
        // The other clone merges the other way round: the same stages.
        let back = BoardMerge.merge(base: b, ours: theirs, theirs: ours).board
        XCTAssertEqual(Set(ids(back)), Set(ids(m)))
        XCTAssertEqual(back.items[x]?.stage, "uat2")
    }

    func testARenameOnOneSideAndAStageAddedOnTheOther() throws {
        let (b, _) = try base()
        var ours = b, theirs = b
        ours.header.stages[4].name = "Code review"
        try addStage("QA", to: &theirs, after: "doing")
        let (m, conflicts) = BoardMerge.merge(base: b, ours: ours, theirs: theirs)
        XCTAssertEqual(conflicts, [])
        XCTAssertEqual(m.stages.map(\.name), ["Inbox", "Ideas", "Ready", "In progress", "QA", "Code review", "Done"])
    }

    func testAStageRemovedHereThatTheyMovedAnItemIntoIsKept() throws {
        var (b, x) = try base()
        try addStage("UAT", to: &b)
        var ours = b, theirs = b
        ours.header.stages.removeAll { $0.id == "uat" || $0.id == "ideas" }
        try theirs.move(x, toStage: "uat", by: "them", at: 20)
        let (m, conflicts, recorded) = BoardMerge.mergeForWriting(base: b, ours: ours, theirs: theirs, by: "me", at: 30)
        XCTAssertEqual(conflicts, ["stages.uat"], "the unused stage removed here (ideas) is simply removed")
        XCTAssertEqual(ids(m), ["inbox", "ready", "doing", "review", "uat", "done"])
        XCTAssertEqual(m.items[x]?.stage, "uat")
        XCTAssertEqual(BoardCheck.problems(m), [])
        XCTAssertEqual(recorded.count, 1)
        XCTAssertNil(recorded.first?.item)
        XCTAssertEqual(recorded.first?.field, "stages.uat")
        XCTAssertNil(recorded.first?.from, "what was dropped is the removal")
        XCTAssertEqual(recorded.first?.to, "UAT (doing); kept: 1 item uses it")
        // Removed on both sides while an item still uses it: kept as the base had it.
        var theirsToo = theirs
        theirsToo.header.stages.removeAll { $0.id == "uat" }
        let both = BoardMerge.merge(base: b, ours: ours, theirs: theirsToo)
        XCTAssertEqual(both.conflicts, ["stages.uat"])
        XCTAssertEqual(both.board.stages.first { $0.id == "uat" }, b.stages.first { $0.id == "uat" })
    }

    func testAnItemInAStageNoSideHasGetsThatStage() throws {
        let (b, x) = try base()
        let lost = Item(id: "zzzz0001", title: "Hand-edited", stage: "legacy", rank: "m", created: 20, updated: 20)
        let theirs = Board(name: b.name, stages: b.stages, items: Array(b.items.values) + [lost])
        let (m, conflicts) = BoardMerge.merge(base: b, ours: b, theirs: theirs)
        XCTAssertEqual(conflicts, ["stages.legacy"])
        XCTAssertEqual(ids(m), ["inbox", "ideas", "ready", "doing", "review", "legacy", "done"])
        XCTAssertEqual(m.column("legacy"), ["zzzz0001"])
        XCTAssertEqual(m.items[x]?.stage, "ready")
        XCTAssertEqual(BoardCheck.problems(m), [])
    }

    func testReleasesLabelsAndPeopleAddedOnBothSides() throws {
        var (b, _) = try base()
        b.header.releases = [Release(name: "1.0", target: "2024-05-01", capacity: 20)]
        var ours = b, theirs = b
        ours.header.releases.append(Release(name: "1.5"))
        ours.header.labels.append(Label(name: "bug", color: "red"))
        ours.header.people.append(Person(handle: "ana"))
        theirs.header.releases.append(Release(name: "2.0", capacity: 30))
        theirs.header.releases[0].capacity = 25
        theirs.header.labels.append(Label(name: "ux"))
        theirs.header.people.append(Person(handle: "bo", name: "Bo"))
        let (m, conflicts) = BoardMerge.merge(base: b, ours: ours, theirs: theirs)
        XCTAssertEqual(conflicts, [])
        XCTAssertEqual(m.releases, [Release(name: "1.0", target: "2024-05-01", capacity: 25), Release(name: "1.5"), Release(name: "2.0", capacity: 30)])
        XCTAssertEqual(m.labels, [Label(name: "bug", color: "red"), Label(name: "ux")])
        XCTAssertEqual(m.people, [Person(handle: "ana"), Person(handle: "bo", name: "Bo")])
    }

    func testATrueConflictOnAStagesWIPLimitKeepsOursAndRecordsTheirs() throws {
        let (b, _) = try base()
        var ours = b, theirs = b
        ours.header.stages[3].wipLimit = 4
        theirs.header.stages[3].wipLimit = 7
        theirs.header.stages[4].wipLimit = 2  // another stage, changed there only: taken
        let (m, conflicts, recorded) = BoardMerge.mergeForWriting(base: b, ours: ours, theirs: theirs, by: "me", at: 30)
        XCTAssertEqual(conflicts, ["stages.doing"])
        XCTAssertEqual(m.stages[3].wipLimit, 4)
        XCTAssertEqual(m.stages[4].wipLimit, 2)
        XCTAssertEqual(recorded, [Activity(at: 30, by: "me", item: nil, action: "conflict", field: "stages.doing",
                                           from: "In progress (doing, WIP 7)", to: "In progress (doing, WIP 4)")])
        XCTAssertEqual(m.activity.last, recorded.last)
    }

    func testNewStagesLandAfterTheirPredecessorAndOnlyOneSidesReorderIsTaken() throws {
        let (b, _) = try base()
        var ours = b, theirs = b
        try addStage("Alpha", to: &ours, after: "ready")
        try addStage("Gamma", to: &theirs)                 // between Review and Done
        theirs.header.stages.insert(Stage(id: "beta", name: "Beta", kind: .todo), at: 0)  // first
        XCTAssertEqual(ids(BoardMerge.merge(base: b, ours: ours, theirs: theirs).board),
                       ["beta", "inbox", "ideas", "ready", "alpha", "doing", "review", "gamma", "done"])
        // Only they reordered (Ideas after Ready): their order, with our new stage after its predecessor.
        var reordered = b
        reordered.header.stages.swapAt(1, 2)
        let (m, conflicts) = BoardMerge.merge(base: b, ours: ours, theirs: reordered)
        XCTAssertEqual(conflicts, [])
        XCTAssertEqual(ids(m), ["inbox", "ready", "alpha", "ideas", "doing", "review", "done"])
        // Both reordered, differently: ours' order, and the list's order is a conflict.
        var mine = b
        mine.header.stages.swapAt(4, 5)
        let both = BoardMerge.merge(base: b, ours: mine, theirs: reordered)
        XCTAssertEqual(both.conflicts, ["stages"])
        XCTAssertEqual(ids(both.board), ["inbox", "ideas", "ready", "doing", "done", "review"])
    }

    func testSavedFiltersAndUnknownKeysMergeByName() throws {
        var (b, _) = try base()
        b.savedFilters = [SavedFilter(name: "mine", query: "@me")]
        b.extra = ["shared": "1"]
        var ours = b, theirs = b
        ours.savedFilters.append(SavedFilter(name: "bugs", query: "type:bug"))
        ours.extra["fromA"] = "true"
        theirs.savedFilters[0].query = "@me !must"
        theirs.extra["fromB"] = "[1]"
        theirs.extra["shared"] = "2"
        ours.extra["shared"] = "3"
        let (m, conflicts, recorded) = BoardMerge.mergeForWriting(base: b, ours: ours, theirs: theirs, by: "me", at: 30)
        XCTAssertEqual(conflicts, ["extra.shared"])
        XCTAssertEqual(m.savedFilters, [SavedFilter(name: "mine", query: "@me !must"), SavedFilter(name: "bugs", query: "type:bug")])
        XCTAssertEqual(m.extra, ["shared": "3", "fromA": "true", "fromB": "[1]"])
        XCTAssertEqual(recorded.first?.from, "2")
    }

    func testAListWithAKeyTwiceMergesAsAWholeAndLosesNothing() throws {
        var (b, _) = try base()
        b.header.labels = [Label(name: "bug"), Label(name: "bug", color: "red")]
        var ours = b, theirs = b
        ours.header.labels.append(Label(name: "ux"))
        theirs.header.labels.append(Label(name: "ops"))
        let (m, conflicts) = BoardMerge.merge(base: b, ours: ours, theirs: theirs)
        XCTAssertEqual(conflicts, ["labels"])
        XCTAssertEqual(m.labels, ours.labels)
        let oneSide = BoardMerge.merge(base: b, ours: b, theirs: theirs)
        XCTAssertEqual(oneSide.conflicts, [])
        XCTAssertEqual(oneSide.board.labels, theirs.labels)
    }
}
