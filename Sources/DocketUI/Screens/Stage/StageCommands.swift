import DocketCore

/// The stage commands of the palette (`:stage …`), the board's stage keys and the stage menu
/// (`s`): each changes the board's stage list as one undoable edit (`Board.changeStages`,
/// `Board.removeStage`) and says what it did, or why not, in the status line.
enum StageCommands {
    /// The commands, as the palette lists them: (name, argument hint, what it does).
    static let palette: [(String, String, String)] = [
        ("stage add", "NAME", "add a stage before the first done stage"),
        ("stage rename", "NAME", "rename the selected stage"),
        ("stage move", "left|right|N", "move the selected stage left, right or to position N (1 is first)"),
        ("stage hide", "", "fold the selected stage to a one-cell strip (its items stay)"),
        ("stage show", "", "unfold the selected stage"),
        ("stage wip", "N", "set the selected stage's WIP limit (0: none)"),
        ("stage kind", "inbox|todo|doing|done", "set what the selected stage means (an inbox is triaged)"),
        ("stage sla", "3d|2w|none", "set the selected stage's service level expectation in days"),
        ("stage remove", "[MOVE-TO]", "remove the selected stage: empty, or its items moved to the stage named"),
    ]

    /// Runs `line` when it is a stage command (`stage NAME [ARGUMENT]`, any case) on the
    /// selected stage; nil when it is not one. Returns `[.save]` when the board changed.
    static func run(_ state: inout AppState, _ line: String, now: Timestamp) -> [Effect]? {
        let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 2).map(String.init)
        guard words.count >= 2, words[0].lowercased() == "stage" else { return nil }
        let name = words[1].lowercased()
        let arg = words.count > 2 ? words[2].trimmingCharacters(in: .whitespaces) : ""
        guard palette.contains(where: { $0.0 == "stage " + name }) else { return nil }
        if name == "add" { return add(&state, arg, now: now) }
        guard let stage = state.selectedStage else { return fail(&state, "the board has no stage") }
        return run(name, arg, on: stage, &state, now: now)
    }

    private static func run(_ name: String, _ arg: String, on stage: Stage, _ state: inout AppState, now: Timestamp) -> [Effect] {
        switch name {
        case "rename":
            guard !arg.isEmpty else { return fail(&state, "stage rename: give the new name") }
            return change(&state, "renamed \(stage.name) to \(arg)", now: now) { try $0.renameStage(stage.id, to: arg) }
        case "move": return move(&state, stage, arg, now: now)
        case "hide", "show": return setHidden(&state, stage, name == "hide", now: now)
        case "wip":
            guard let n = Int(arg), n >= 0 else { return fail(&state, "stage wip: \"\(arg)\" is not a whole number ≥ 0 (0: no limit)") }
            return change(&state, "WIP limit of \(stage.name): \(n == 0 ? "none" : String(n))", now: now) { try $0.setStageWIP(stage.id, n) }
        case "kind":
            guard let kind = StageKind(rawValue: arg.lowercased()) else {
                return fail(&state, "stage kind: \"\(arg)\" is not inbox, todo, doing or done")
            }
            return change(&state, "\(stage.name): kind \(kind.rawValue)", now: now) { try $0.setStageKind(stage.id, kind) }
        case "sla":
            do {
                let days = try BoardHeader.parseSLA(arg)
                return change(&state, "SLA of \(stage.name): \(days.map { "\($0) day\($0 == 1 ? "" : "s")" } ?? "none")", now: now) {
                    try $0.setStageSLA(stage.id, days: days)
                }
            } catch { return fail(&state, "stage sla: \(error)") }
        default: return remove(&state, stage, moveTo: arg, now: now)
        }
    }

    private static func add(_ state: inout AppState, _ name: String, now: Timestamp) -> [Effect] {
        guard !name.isEmpty else { return fail(&state, "stage add: give the new stage a name") }
        var added: Stage?
        let fx = change(&state, "added the stage \(name)", now: now) { added = try $0.addStage(named: name) }
        if let added, let i = state.shownStages.firstIndex(where: { $0.id == added.id }) { state.column = i }
        return fx
    }

    /// `left`, `right` or a 1-based position; the selection follows the stage.
    private static func move(_ state: inout AppState, _ stage: Stage, _ arg: String, now: Timestamp) -> [Effect] {
        let stages = state.board.stages
        guard let from = stages.firstIndex(where: { $0.id == stage.id }) else { return fail(&state, "\(stage.name) is not a stage of the board") }
        let to: Int
        switch arg.lowercased() {
        case "left", "<": to = from - 1
        case "right", ">": to = from + 1
        default:
            guard let n = Int(arg), (1...stages.count).contains(n) else {
                return fail(&state, "stage move: \"\(arg)\" is not left, right or a position from 1 to \(stages.count)")
            }
            to = n - 1
        }
        guard stages.indices.contains(to), to != from else {
            state.status = StatusMessage("\(stage.name) is already \(to < 0 ? "first" : to == from ? "there" : "last")")
            return []
        }
        let fx = change(&state, "moved the stage \(stage.name) to position \(to + 1)", now: now) { try $0.moveStage(stage.id, to: to) }
        if let i = state.shownStages.firstIndex(where: { $0.id == stage.id }) { state.column = i }
        return fx
    }

    private static func setHidden(_ state: inout AppState, _ stage: Stage, _ hidden: Bool, now: Timestamp) -> [Effect] {
        guard stage.hidden != hidden else {
            state.status = StatusMessage("\(stage.name) is already \(hidden ? "hidden" : "shown")")
            return []
        }
        let key = state.keymaps.label(of: BoardAction.hideStage.rawValue, on: BoardScreen.id).map { " (\($0) shows it)" } ?? ""
        let summary = hidden ? "hid \(stage.name): folded to a strip, its items stay\(key)" : "showed \(stage.name)"
        return change(&state, summary, now: now) { try $0.setStageHidden(stage.id, hidden) }
    }

    /// Removes the stage when it is empty, or moves its items (archived ones too) to the stage
    /// named by `moveTo` first.
    private static func remove(_ state: inout AppState, _ stage: Stage, moveTo: String, now: Timestamp) -> [Effect] {
        var target: String?
        if !moveTo.isEmpty {
            do { target = try state.board.stage(named: moveTo).id } catch { return fail(&state, "stage remove: \(error)") }
        }
        let user = state.user
        let fx = commitEdit(&state) { b in try b.removeStage(stage.id, moveTo: target, by: user, at: now) }
        state.keepSelectionVisible()
        return fx
    }

    /// One undoable change to the stage list, named `summary`.
    private static func change(_ state: inout AppState, _ summary: String, now: Timestamp,
                               _ body: (inout BoardHeader) throws -> Void) -> [Effect] {
        let user = state.user
        let fx = commitEdit(&state) { b in try b.changeStages(summary, by: user, at: now, body) }
        if fx.isEmpty, state.status == nil { state.status = StatusMessage("no change") }
        return fx
    }

    private static func fail(_ state: inout AppState, _ text: String) -> [Effect] {
        state.status = StatusMessage(text, isError: true)
        return []
    }
}
