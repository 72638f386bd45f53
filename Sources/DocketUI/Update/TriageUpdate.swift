import DocketCore
import Foundation

extension AppState {
    /// Starts triage on the Inbox, as `t` does (for `docket triage`). `now` is seconds since epoch.
    public mutating func startTriage(now: Timestamp) { openTriage(&self, now: now) }
}

/// Starts triage on the Inbox (`t`).
func openTriage(_ state: inout AppState, now: Timestamp) {
    let queue = state.board.triageQueue(today: state.calendar.day(of: now))
    guard !queue.isEmpty else { state.status = StatusMessage("the Inbox is empty: nothing to triage"); return }
    state.mode = .triage(TriageState(queue: queue))
}

/// Keys in triage. On the item: `1`–`4` set must/should/could/won't, `p` points, `r`
/// release, `l` labels, `a` assignee, Enter accepts into a stage chosen from a list, `x`
/// declines (archived with a reason), `D` marks it a duplicate of an item found by search
/// (its votes, plus one for itself, move to the original, and it is archived), `z` snoozes it
/// until a date, `s` skips, `u` undoes the last decision, Esc or `q` ends triage.
func triageKey(_ state: inout AppState, _ triage: TriageState, _ key: Key, now: Timestamp) -> [Effect] {
    var t = triage
    let user = state.user
    guard let id = t.currentID, state.board.items[id] != nil else {
        // Done: any key goes back to the board.
        if key == .char("u"), !t.decisions.isEmpty { return undoDecision(&state, &t, now: now) }
        state.mode = .board
        return []
    }
    if key == .ctrl("c") { return [.quit] }

    switch t.ask {
    case .value(let field, var editor)?:
        switch key {
        case .escape: t.ask = nil
        case .enter:
            let value = editor.text
            let isDecision = field == "declined" || field == "snoozedUntil"
            let today = state.calendar.day(of: now)
            let fx = commitEdit(&state) { b in
                let snapshot = b
                if field == "declined" {
                    let reason = value.trimmingCharacters(in: .whitespaces)
                    return try b.modify(id, action: "decline", summary: "declined \(id)", by: user, at: now) {
                        $0.archived = true
                        if !reason.isEmpty { $0.description += ($0.description.isEmpty ? "" : "\n\n") + "Declined: \(reason)" }
                    }
                }
                if field == "snoozedUntil" {
                    guard CalendarDay.isValid(value) else {
                        throw DocketError.invalidValue(field: "snooze", value: value, expected: "a date YYYY-MM-DD")
                    }
                    guard value > today else {
                        throw DocketError.invalidValue(field: "snooze", value: value, expected: "a date after today")
                    }
                    return try b.modify(id, action: "snooze", summary: "snoozed \(id) until \(value)", by: user, at: now) { $0.snoozedUntil = value }
                }
                return try b.modify(id, summary: "set \(field) of \(id)", by: user, at: now) {
                    try ItemFieldSetter.set(field, to: value, on: &$0, board: snapshot)
                }
            }
            if state.status?.isError == true { t.ask = .value(field: field, editor: editor); break }
            t.ask = nil
            if isDecision { t.decisions.append(t.index); t.index += 1 }
            state.mode = .triage(t)
            return fx
        default:
            if editor.handle(key) { t.ask = .value(field: field, editor: editor) }
        }
        state.mode = .triage(t)
        return []
    case .stage(var choice)?:
        let targets = state.board.stages.filter { $0.kind != .inbox }
        switch key {
        case .escape: t.ask = nil
        case .up, .char("k"): choice = max(0, choice - 1); t.ask = .stage(choice: choice)
        case .down, .char("j"): choice = min(targets.count - 1, choice + 1); t.ask = .stage(choice: choice)
        case .enter:
            guard targets.indices.contains(choice) else { t.ask = nil; break }
            let stage = targets[choice]
            let fx = commitEdit(&state) { b in
                try b.modify(id, action: "accept", summary: "accepted \(id) into \(stage.name)", by: user, at: now) {
                    $0.stage = stage.id; $0.snoozedUntil = nil
                }
            }
            t.ask = nil
            t.decisions.append(t.index)
            t.index += 1
            state.mode = .triage(t)
            return fx
        default: break
        }
        state.mode = .triage(t)
        return []
    case .duplicate(var editor, let match)?:
        switch key {
        case .escape: t.ask = nil
        case .enter:
            guard let original = match, original != id else {
                state.status = StatusMessage("type to find the original item first", isError: true)
                break
            }
            let fx = commitEdit(&state) { b in
                let votes = (b.items[id]?.votes ?? 0) + 1
                let dup = try b.modify(id, action: "duplicate", summary: "marked \(id) a duplicate of \(original)", by: user, at: now) {
                    $0.duplicateOf = original; $0.archived = true
                }
                let orig = try b.modify(original, action: "votes", by: user, at: now) { $0.votes += votes }
                return dup.merged(with: orig, summary: dup.summary)
            }
            t.ask = nil
            t.decisions.append(t.index)
            t.index += 1
            state.mode = .triage(t)
            return fx
        default:
            if editor.handle(key) {
                let hit = state.board.search(editor.text, from: id)
                t.ask = .duplicate(editor: editor, match: hit == id ? nil : hit)
            }
        }
        state.mode = .triage(t)
        return []
    case nil:
        break
    }

    let priorities: [Character: Priority] = ["1": .must, "2": .should, "3": .could, "4": .wont]
    var fx: [Effect] = []
    switch key {
    case .escape, .char("q"):
        state.mode = .board
        state.status = StatusMessage("triage ended: \(t.decisions.count) decided, \(t.queue.count - t.index) left")
        return []
    case .char(let c) where priorities[c] != nil:
        fx = commitEdit(&state) { b in
            try b.modify(id, summary: "\(id) is a \(priorities[c]!.rawValue)", by: user, at: now) { $0.priority = priorities[c] }
        }
    case .char("p"): t.ask = .value(field: "points", editor: LineEditor(state.board.items[id]?.points?.pointsText ?? ""))
    case .char("r"): t.ask = .value(field: "release", editor: LineEditor(state.board.items[id]?.release ?? ""))
    case .char("l"): t.ask = .value(field: "labels", editor: LineEditor(state.board.items[id]?.labels.joined(separator: ", ") ?? ""))
    case .char("a"): t.ask = .value(field: "assignees", editor: LineEditor(state.board.items[id]?.assignees.joined(separator: ", ") ?? ""))
    case .char("x"): t.ask = .value(field: "declined", editor: LineEditor())
    case .char("z"):
        let week = state.calendar.day(of: now + 7 * 86400)
        t.ask = .value(field: "snoozedUntil", editor: LineEditor(week))
    case .char("D"): t.ask = .duplicate(editor: LineEditor(), match: nil)
    case .enter:
        let targets = state.board.stages.filter { $0.kind != .inbox }
        guard !targets.isEmpty else { state.status = StatusMessage("the board has no stage to accept into", isError: true); break }
        let todo = targets.firstIndex { $0.kind == .todo } ?? 0
        t.ask = .stage(choice: todo)
    case .char("s"): t.index += 1
    case .char("u"):
        return undoDecision(&state, &t, now: now)
    case .ctrl("r"):
        guard state.readOnly == nil, let edit = state.history.redo(&state.board, by: user, at: now) else {
            state.status = StatusMessage("nothing to redo")
            break
        }
        state.status = StatusMessage("redid: " + edit.summary)
        // Redoing a decision on the item shown moves on, as taking it did.
        if let id = t.currentID, edit.items[id] != nil,
           ["accepted", "declined", "marked", "snoozed"].contains(where: { edit.summary.hasPrefix($0) }) {
            t.decisions.append(t.index); t.index += 1
        }
        fx = [.save]
    default: break
    }
    state.mode = .triage(t)
    return fx
}

/// `u` in triage: undoes the last change and goes back to the item it was about.
private func undoDecision(_ state: inout AppState, _ t: inout TriageState, now: Timestamp) -> [Effect] {
    guard state.readOnly == nil, let edit = state.history.undo(&state.board, by: state.user, at: now) else {
        state.status = StatusMessage("nothing to undo")
        state.mode = .triage(t)
        return []
    }
    state.status = StatusMessage("undid: " + edit.summary)
    if let back = t.decisions.last, !edit.items.keys.contains(where: { t.currentID == $0 }) {
        t.decisions.removeLast()
        t.index = back
    }
    t.ask = nil
    state.mode = .triage(t)
    return [.save]
}

