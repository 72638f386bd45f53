import DocketCore

/// The last row: board name, file, save state on the left; the latest message (or key
/// hints) on the right. In prompt mode the row is the prompt instead, and the message (if
/// any) gets the row above it to itself.
enum StatusLine {
    static func draw(_ state: AppState, into canvas: inout Canvas, y: Int) {
        let width = canvas.width
        canvas.fill(Rect(x: 0, y: y, width: width, height: 1), role: .status)
        var save: (String, StyleRole)
        switch state.saveState {
        case .saved: save = ("saved", .status)
        case .saving: save = ("saving…", .status)
        case .failed(let why): save = ("NOT SAVED: \(why)", .statusError)
        case .readOnly: save = ("read-only", .statusError)
        }
        // A preview on screen: nothing is saved until the whole board is in, and keys wait for it
        // (counted, so a key that seems to do nothing is not pressed again).
        if let waiting = state.readingWholeBoard, state.readOnly == nil {
            save = ("reading the whole board…" + (waiting > 0 ? " \(waiting) key\(waiting == 1 ? "" : "s") waiting" : ""), .status)
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

    /// Key hints for the top screen that fit in `room` columns: help, then the screen's
    /// actions that have a hint, in the screen's hint order (on a read-only board, only those
    /// that change nothing); whole hints only. Generated from the keymaps in force.
    static func hints(_ state: AppState, room: Int) -> String {
        let km = state.keymaps
        let screen = state.top.screenID
        var pairs: [(String, String)] = []
        if let help = km.label(of: GlobalAction.help.rawValue, on: GlobalKeys.id) { pairs.append((help, "help")) }
        let table = km.tables[screen]
        for name in table?.hintOrder ?? [] {
            guard let info = table?.actions.first(where: { $0.name == name }), let hint = info.hint,
                  state.readOnly == nil || !info.edits,
                  let key = km.label(of: info.name, on: screen) else { continue }
            pairs.append((key, hint))
        }
        var out = ""
        for (key, name) in pairs {
            let next = out.isEmpty ? "\(key) \(name)" : out + "  \(key) \(name)"
            if DisplayWidth.of(next) > room { break }
            out = next
        }
        return out
    }
}

/// Short key hints generated from the keymaps in force (`Enter edit · Esc close`), so a
/// remapped key is shown as it is.
enum KeyHints {
    /// `parts` are (screen, actions whose first keys are joined, word); parts with no bound key are left out.
    static func line(_ state: AppState, _ parts: [(String, [String], String)]) -> String {
        parts.compactMap { screen, actions, word -> String? in
            let keys = actions.compactMap { state.keymaps.label(of: $0, on: screen) }
            return keys.isEmpty ? nil : keys.joined() + " " + word
        }.joined(separator: " · ")
    }
}
