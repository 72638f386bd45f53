import DocketCore

/// The last row: board name, file, save state on the left; the latest message (or key
/// hints) on the right. In prompt mode the row is the prompt instead, and the message (if
/// any) gets the row above it to itself.
enum StatusLine {
    static func draw(_ state: AppState, into canvas: inout Canvas, y: Int) {
        let width = canvas.width
        canvas.fill(Rect(x: 0, y: y, width: width, height: 1), role: .status)
        let save: (String, StyleRole)
        switch state.saveState {
        case .saved: save = ("saved", .status)
        case .saving: save = ("saving…", .status)
        case .failed(let why): save = ("NOT SAVED: \(why)", .statusError)
        case .readOnly: save = ("read-only", .statusError)
        }
        let left = " \(SafeText.fitLine(state.board.name, width: max(1, width / 2))) · \(state.fileLabel)" + (state.filter.map { " · filter: \($0.text)" } ?? "") + " "
        var x = canvas.text(SafeText.fit(left, width: max(1, width / 2)), x: 0, y: y, role: .status)
        x = canvas.text(" " + save.0 + " ", x: x, y: y, role: save.1, maxWidth: max(0, width - x))
        let room = width - x - 1
        guard room > 3 else { return }
        let message: (String, StyleRole)
        if let s = state.status { message = (s.text, s.isError ? .statusError : .status) }
        else { message = (hints(state, room: room - 1), .status) }
        let shown = SafeText.fitLine(message.0, width: room - 1)
        let w = DisplayWidth.of(shown)
        canvas.text(shown + " ", x: width - w - 1, y: y, role: message.1)
    }

    /// The status message alone across the row (cut with `…`), in the error style for an
    /// error; nothing when there is no message.
    static func drawMessage(_ state: AppState, into canvas: inout Canvas, y: Int) {
        guard let s = state.status else { return }
        let role: StyleRole = s.isError ? .statusError : .status
        canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), role: role)
        let shown = SafeText.fitLine(s.text, width: max(0, canvas.width - 2))
        canvas.text(shown, x: 1, y: y, role: role)
    }

    /// Key hints that fit in `room` columns, most useful first; whole hints only.
    static func hints(_ state: AppState, room: Int) -> String {
        let km = state.keymap
        let pairs: [(Action, String)] = state.readOnly != nil
            ? [(.help, "help"), (.quit, "quit"), (.search, "search"), (.backlog, "backlog")]
            : [(.help, "help"), (.quit, "quit"), (.add, "add"), (.moveRight, "move"), (.undo, "undo")]
        var out = ""
        for (action, name) in pairs {
            guard let key = km.keys(for: action).first else { continue }
            let next = out.isEmpty ? "\(key.label) \(name)" : out + "  \(key.label) \(name)"
            if DisplayWidth.of(next) > room { break }
            out = next
        }
        return out
    }
}

/// The inline prompt on the last row: a label, then the text with its cursor.
enum PromptView {
    static func draw(_ prompt: Prompt, state: AppState, into canvas: inout Canvas, y: Int) {
        let width = canvas.width
        canvas.fill(Rect(x: 0, y: y, width: width, height: 1), role: .prompt)
        let label: String
        switch prompt.purpose {
        case .addItem(let stageID):
            label = "Add to \(state.board.stages.first { $0.id == stageID }?.name ?? stageID) › "
        case .editTitle(let id): label = "Title of \(id) › "
        }
        let x0 = canvas.text(SafeText.fitLine(label, width: max(1, width / 3)), x: 0, y: y, role: .prompt)
        LineEditorView.draw(prompt.editor, into: &canvas, x: x0, y: y, width: max(1, width - x0 - 1), role: .prompt)
    }
}

/// A line editor's text with its cursor, scrolled sideways to keep the cursor in `width`.
enum LineEditorView {
    static func draw(_ editor: LineEditor, into canvas: inout Canvas, x x0: Int, y: Int, width room: Int, role: StyleRole) {
        let chars = editor.chars.map { SafeText.clean(String($0)) }
        let widths = chars.map { max(1, DisplayWidth.of($0)) }
        // First character shown: as far left as possible while the cursor stays visible.
        var start = 0
        var used = widths[..<editor.cursor].reduce(0, +) + 1
        while used > room, start < editor.cursor { used -= widths[start]; start += 1 }
        var x = x0
        for i in start..<chars.count {
            if x + widths[i] > x0 + room { break }
            x = canvas.text(chars[i], x: x, y: y, role: i == editor.cursor ? .promptCursor : role)
        }
        if editor.cursor == chars.count, x < canvas.width { canvas.text(" ", x: x, y: y, role: .promptCursor) }
    }
}
