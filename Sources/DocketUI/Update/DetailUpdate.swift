import DocketCore
import Foundation

/// Keys in the item detail pane. Not editing: ↑/↓ (k/j) select a row, Enter or e edits it,
/// Space ticks an acceptance criterion, c adds one, w adds a link (`URL title`), E edits the description in $EDITOR,
/// Esc (or q, o) closes the pane. Editing: the line editor's keys; Enter checks and saves the
/// value (an invalid one keeps the editor open with the reason), Esc cancels.
func detailKey(_ state: inout AppState, _ detail: DetailState, _ key: Key, now: Timestamp) -> [Effect] {
    var d = detail
    guard let item = state.board.items[d.itemID] else { state.mode = .board; return [] }
    let rows = DetailRows.rows(item, board: state.board)
    d.row = min(max(0, d.row), rows.count - 1)
    let user = state.user

    if var editor = d.editor {
        switch key {
        case .escape:
            d.editor = nil; d.addingCriterion = false; d.addingLink = false
            state.mode = .detail(d)
            state.status = StatusMessage("cancelled")
            return []
        case .ctrl("c"):
            return [.quit]
        case .enter:
            let text = editor.text
            let row = rows[d.row]
            let adding = d.addingCriterion, link = d.addingLink
            let what = link ? "the links" : adding ? "the criteria" : row.label.lowercased()
            let fx = commitEdit(&state, base: adding ? nil : d.editingFrom, at: now) { b in
                let snapshot = b
                return try b.modify(item.id, summary: "edited \(what) of \(item.id)", by: user, at: now) { it in
                    if adding {
                        let t = text.trimmingCharacters(in: .whitespaces)
                        guard !t.isEmpty else { return }
                        if link {
                            // "URL title words": the first word is the URL.
                            let parts = t.split(separator: " ", maxSplits: 1).map(String.init)
                            it.links.append(Link(url: parts[0], title: parts.count > 1 ? parts[1] : ""))
                        } else {
                            it.criteria.append(Criterion(text: t))
                        }
                        return
                    }
                    switch row.kind {
                    case .field(let name): try ItemFieldSetter.set(name, to: text, on: &it, board: snapshot)
                    case .criterion(let i):
                        let t = text.trimmingCharacters(in: .whitespaces)
                        if t.isEmpty { it.criteria.remove(at: i) } else {
                            // The editor shows "[x] text": keep the box out of the text.
                            let stripped = t.hasPrefix("[x] ") || t.hasPrefix("[ ] ") ? String(t.dropFirst(4)) : t
                            it.criteria[i].text = stripped
                        }
                    case .link(let i):
                        let t = text.trimmingCharacters(in: .whitespaces)
                        if t.isEmpty { it.links.remove(at: i) } else { it.links[i] = Link(url: t) }
                    case .description: it.description = text
                    }
                }
            }
            if fx.isEmpty, state.status?.isError == true {
                state.mode = .detail(d)  // keep editing: the value is wrong
                return []
            }
            d.editor = nil; d.addingCriterion = false; d.addingLink = false; d.editingFrom = nil
            state.mode = .detail(d)
            return fx
        default:
            if editor.handle(key) { d.editor = editor }
            state.mode = .detail(d)
            return []
        }
    }

    var closed = false
    switch key {
    case .escape, .char("q"), .char("o"):
        state.mode = .board
        closed = true
    case .up, .char("k"): d.row = max(0, d.row - 1)
    case .down, .char("j"): d.row = min(rows.count - 1, d.row + 1)
    case .home, .char("g"): d.row = 0
    case .end, .char("G"): d.row = rows.count - 1
    case .enter, .char("e"):
        if refuseIfReadOnly(&state) { break }
        let row = rows[d.row]
        switch row.kind {
        case .description:
            state.mode = .detail(d)
            return [.editDescription(itemID: item.id, text: item.description)]
        case .field("score"):
            state.status = StatusMessage("the score is computed from the inputs above")
        case .criterion(let i): d.editor = LineEditor(item.criteria[i].text); d.editingFrom = item
        case .link(let i): d.editor = LineEditor(item.links[i].url); d.editingFrom = item
        default: d.editor = LineEditor(row.value); d.editingFrom = item
        }
    case .char(" "):
        if case .criterion(let i) = rows[d.row].kind {
            state.mode = .detail(d)
            return commitEdit(&state) { b in
                try b.modify(item.id, summary: "ticked a criterion of \(item.id)", by: user, at: now) { $0.criteria[i].done.toggle() }
            }
        }
    case .char("c"):
        if refuseIfReadOnly(&state) { break }
        d.editor = LineEditor()
        d.addingCriterion = true
    case .char("w"):
        if refuseIfReadOnly(&state) { break }
        d.editor = LineEditor()
        d.addingCriterion = true
        d.addingLink = true
    case .char("E"):
        state.mode = .detail(d)
        if refuseIfReadOnly(&state) { return [] }
        return [.editDescription(itemID: item.id, text: item.description)]
    case .char("u"), .ctrl("r"), .char("?"):
        // Undo, redo and help work here as on the board.
        state.mode = .board
        let fx = update(&state, .key(key), now: now)
        if case .board = state.mode { state.mode = .detail(d) }
        return fx
    case .ctrl("c"):
        return [.quit]
    default: break
    }
    if !closed { state.mode = .detail(d) }
    return []
}

