import DocketCore
import Foundation

extension TriageScreen {
    public mutating func perform(_ action: TriageAction, _ state: inout AppState, now: Timestamp) -> Step {
        let user = state.user
        guard let id = currentID, state.board.items[id] != nil else {
            // Done: any key goes back to the board, but u still undoes the last decision.
            if action == .undo, !decisions.isEmpty { return undoDecision(&state, now: now) }
            return .pop
        }
        if case .stage(let choice)? = ask { return chooseStage(action, choice, id, &state, now: now) }
        let priorities: [TriageAction: Priority] = [.must: .must, .should: .should, .could: .could, .wont: .wont]
        let item = state.board.items[id]
        switch action {
        case .must, .should, .could, .wont:
            let p = priorities[action]!
            return Step(commitEdit(&state) { b in try b.modify(id, summary: "\(id) is a \(p.rawValue)", by: user, at: now) { $0.priority = p } })
        case .points: ask = .value(field: "points", editor: LineEditor(item?.points?.pointsText ?? ""))
        case .release: ask = .value(field: "release", editor: LineEditor(item?.release ?? ""))
        case .labels: ask = .value(field: "labels", editor: LineEditor(item?.labels.joined(separator: ", ") ?? ""))
        case .assignee: ask = .value(field: "assignees", editor: LineEditor(item?.assignees.joined(separator: ", ") ?? ""))
        case .decline: ask = .value(field: "declined", editor: LineEditor())
        case .snooze: ask = .value(field: "snoozedUntil", editor: LineEditor(state.calendar.day(of: now + 7 * 86400)))
        case .duplicate: ask = .duplicate(editor: LineEditor(), match: nil)
        case .accept:
            let targets = state.board.acceptStages
            guard !targets.isEmpty else { state.status = StatusMessage("the board has no stage to accept into", isError: true); break }
            ask = .stage(choice: targets.firstIndex { $0.kind == .todo } ?? 0)
        case .skip: index += 1
        case .undo: return undoDecision(&state, now: now)
        case .redo: return redo(&state, now: now)
        case .end:
            state.status = StatusMessage("triage ended: \(decisions.count) decided, \(queue.count - index) left")
            return .pop
        case .up, .down: break
        }
        return .stay
    }

    /// Keys while the list of stages to accept into is open.
    private mutating func chooseStage(_ action: TriageAction, _ choice: Int, _ id: String, _ state: inout AppState, now: Timestamp) -> Step {
        let targets = state.board.acceptStages
        switch action {
        case .end: ask = nil
        case .up: ask = .stage(choice: max(0, choice - 1))
        case .down: ask = .stage(choice: min(targets.count - 1, choice + 1))
        case .accept:
            guard targets.indices.contains(choice) else { ask = nil; break }
            let stage = targets[choice]
            let user = state.user
            let fx = commitEdit(&state) { b in try b.accept(id, into: stage, by: user, at: now) }
            ask = nil
            decided()
            return Step(fx)
        default: break
        }
        return .stay
    }

    /// Enter in a value or duplicate prompt.
    public mutating func submit(_ state: inout AppState, now: Timestamp) -> Step {
        guard let id = currentID else { return .stay }
        let user = state.user
        switch ask {
        case .value(let field, let editor)?:
            let value = editor.text
            let today = state.calendar.day(of: now)
            let fx = commitEdit(&state) { b in
                switch field {
                case "declined": return try b.decline(id, reason: value, by: user, at: now)
                case "snoozedUntil": return try b.snooze(id, until: value, today: today, by: user, at: now)
                default:
                    let snapshot = b
                    return try b.modify(id, summary: "set \(field) of \(id)", by: user, at: now) {
                        try ItemFieldSetter.set(field, to: value, on: &$0, board: snapshot)
                    }
                }
            }
            if state.status?.isError == true { return .stay }
            ask = nil
            if field == "declined" || field == "snoozedUntil" { decided() }
            return Step(fx)
        case .duplicate(_, let match)?:
            guard let original = match, original != id else {
                state.status = StatusMessage("type to find the original item first", isError: true)
                return .stay
            }
            let fx = commitEdit(&state) { b in try b.markDuplicate(id, of: original, by: user, at: now) }
            ask = nil
            decided()
            return Step(fx)
        default: return .stay
        }
    }

    /// Esc in a prompt closes the prompt; triage goes on.
    public mutating func cancel(_ state: inout AppState) -> Step {
        ask = nil
        return .stay
    }

    /// Typing in the duplicate prompt finds the original as you type.
    public mutating func editorChanged(_ state: inout AppState, now: Timestamp) {
        guard case .duplicate(let editor, _)? = ask, let id = currentID else { return }
        let hit = state.board.search(editor.text, from: id)
        ask = .duplicate(editor: editor, match: hit == id ? nil : hit)
    }

    private mutating func decided() { decisions.append(index); index += 1 }

    private mutating func redo(_ state: inout AppState, now: Timestamp) -> Step {
        guard state.readOnly == nil, let edit = state.stepHistory(redo: true, now: now) else {
            state.status = StatusMessage("nothing to redo")
            return .stay
        }
        state.status = StatusMessage("redid: " + edit.summary)
        // Redoing a decision on the item shown moves on, as taking it did.
        if let id = currentID, edit.touches(id),
           ["accepted", "declined", "marked", "snoozed"].contains(where: { edit.summary.hasPrefix($0) }) {
            decided()
        }
        return Step([.save])
    }

    /// `u` in triage: undoes the last change and goes back to the item it was about.
    private mutating func undoDecision(_ state: inout AppState, now: Timestamp) -> Step {
        guard state.readOnly == nil, let edit = state.stepHistory(redo: false, now: now) else {
            state.status = StatusMessage("nothing to undo")
            return .stay
        }
        state.status = StatusMessage("undid: " + edit.summary)
        if let back = decisions.last, !(currentID.map(edit.touches) ?? false) {
            decisions.removeLast()
            index = back
        }
        ask = nil
        return Step([.save])
    }
}
