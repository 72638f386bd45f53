import DocketCore
import Foundation

extension DetailScreen {
    public mutating func perform(_ action: DetailAction, _ state: inout AppState, now: Timestamp) -> Step {
        guard let item = state.board.items[itemID] else { return .pop }
        let rows = DetailRows.rows(item, board: state.board)
        row = min(max(0, row), rows.count - 1)
        let user = state.user
        switch action {
        case .close: return .pop
        case .up: row = max(0, row - 1)
        case .down: row = min(rows.count - 1, row + 1)
        case .top: row = 0
        case .bottom: row = rows.count - 1
        case .edit:
            if refuseIfReadOnly(&state) { break }
            switch rows[row].kind {
            case .description: return Step([.editDescription(itemID: item.id, text: item.description)])
            case .field(let name) where DetailRows.readOnly[name] != nil: state.status = StatusMessage(DetailRows.readOnly[name]!)
            case .criterion(let i): editor = LineEditor(item.criteria[i].text); editingFrom = item
            case .link(let i): editor = LineEditor(item.links[i].url); editingFrom = item
            default: editor = LineEditor(rows[row].value); editingFrom = item
            }
        case .tick:
            guard case .criterion(let i) = rows[row].kind else { break }
            return Step(commitEdit(&state) { b in
                try b.modify(item.id, summary: "ticked a criterion of \(item.id)", by: user, at: now) { $0.criteria[i].done.toggle() }
            })
        case .addCriterion, .addLink, .addComment:
            if refuseIfReadOnly(&state) { break }
            editor = LineEditor()
            addingCriterion = true
            addingLink = action == .addLink
            addingComment = action == .addComment
        case .editDescription:
            if refuseIfReadOnly(&state) { break }
            return Step([.editDescription(itemID: item.id, text: item.description)])
        case .undo, .redo:
            return Step(state.undoOrRedo(redo: action == .redo, now: now))
        }
        return .stay
    }

    /// Esc while editing: the value is left as it was.
    public mutating func cancel(_ state: inout AppState) -> Step {
        editor = nil; addingCriterion = false; addingLink = false; addingComment = false
        state.status = StatusMessage("cancelled")
        return .stay
    }

    /// Enter while editing: checks and saves the value; an invalid one keeps the editor open
    /// with the reason in the status line.
    public mutating func submit(_ state: inout AppState, now: Timestamp) -> Step {
        guard let text = editor?.text, let item = state.board.items[itemID] else { return .stay }
        if addingComment { return submitComment(text, on: item.id, &state, now: now) }
        let rows = DetailRows.rows(item, board: state.board)
        let row = rows[min(max(0, self.row), rows.count - 1)]
        let adding = addingCriterion, link = addingLink
        let what = link ? "the links" : adding ? "the criteria" : row.label.lowercased()
        let user = state.user
        let fx = commitEdit(&state, base: adding ? nil : editingFrom, at: now) { b in
            let snapshot = b
            return try b.modify(item.id, summary: "edited \(what) of \(item.id)", by: user, at: now) { it in
                if adding { DetailScreen.add(text, link: link, to: &it); return }
                try DetailScreen.set(row, to: text, on: &it, board: snapshot)
            }
        }
        if fx.isEmpty, state.status?.isError == true { return .stay }  // keep editing: the value is wrong
        editor = nil; addingCriterion = false; addingLink = false; editingFrom = nil
        return Step(fx)
    }

    /// Enter while adding a comment: adds it by the user, now (one undo step); an empty one
    /// keeps the line open with the reason.
    private mutating func submitComment(_ text: String, on id: String, _ state: inout AppState, now: Timestamp) -> Step {
        let user = state.user
        let fx = commitEdit(&state) { b in try b.addComment(id, text: text, by: user, at: now) }
        if fx.isEmpty, state.status?.isError == true { return .stay }
        editor = nil; addingCriterion = false; addingLink = false; addingComment = false
        if let it = state.board.items[id], let i = DetailRows.rows(it, board: state.board).firstIndex(where: { $0.kind == .field("comment") }) {
            row = i  // the new comment, the first of the comments
        }
        return Step(fx)
    }

    /// Adds a criterion, or a link ("URL title words": the first word is the URL).
    private static func add(_ text: String, link: Bool, to it: inout Item) {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return }
        if link {
            let parts = t.split(separator: " ", maxSplits: 1).map(String.init)
            it.links.append(Link(url: parts[0], title: parts.count > 1 ? parts[1] : ""))
        } else {
            it.criteria.append(Criterion(text: t))
        }
    }

    /// Sets the field, criterion, link or description a row shows (an empty criterion or
    /// link removes it).
    private static func set(_ row: DetailRow, to text: String, on it: inout Item, board: Board) throws {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch row.kind {
        case .field(let name): try ItemFieldSetter.set(name, to: text, on: &it, board: board)
        case .criterion(let i):
            if t.isEmpty { it.criteria.remove(at: i) } else {
                // The editor shows "[x] text": keep the box out of the text.
                it.criteria[i].text = t.hasPrefix("[x] ") || t.hasPrefix("[ ] ") ? String(t.dropFirst(4)) : t
            }
        case .link(let i):
            if t.isEmpty { it.links.remove(at: i) } else { it.links[i] = Link(url: t) }
        case .description: it.description = text
        }
    }
}
