import DocketCore

extension AppState {
    /// The board's columns in order: its stages, then one synthetic column per stage id that
    /// open items are in but the board does not list (a hand edit), named
    /// `? ID (unknown)`, so such items are never hidden. `docket check --fix` repairs them.
    public var shownStages: [Stage] {
        let unknown = board.unknownStageIDs()
        guard !unknown.isEmpty else { return board.stages }
        return board.stages + unknown.map { Stage(id: $0, name: "? \($0) (unknown)", kind: .todo) }
    }

    /// The status-line warning for a board with items in unknown stages (nil when it has none).
    public static func unknownStageWarning(_ board: Board) -> StatusMessage? {
        let unknown = board.unknownStageIDs()
        guard !unknown.isEmpty else { return nil }
        var n = 0
        for id in unknown { n += board.openCount(inStage: id) }
        return StatusMessage("\(n) item\(n == 1 ? " is" : "s are") in unknown stage\(unknown.count == 1 ? "" : "s") "
            + unknown.joined(separator: ", ") + " (shown at the right): run `docket check --fix`", isError: true)
    }
}
