/// The `?` overlay: every action of the keymap with its keys, then the line-editor keys,
/// in a box over the board. Generated from the keymap, so it never lists a key that does
/// something else.
enum HelpView {
    static func lines(_ keymap: Keymap) -> [(keys: String, text: String)] {
        var out: [(String, String)] = []
        for action in Action.allCases {
            let keys = keymap.keys(for: action).map(\.label)
            if keys.isEmpty { continue }
            out.append((keys.joined(separator: " "), action.summary))
        }
        out.append(("Ctrl-C", "quit, from anywhere (the board is saved)"))
        out.append(("Ctrl-Z", "suspend; fg in the shell brings the board back"))
        out.append(("", ""))
        out.append(("Editing a line", ""))
        out += Keymap.editingHelp
        out.append(("", ""))
        out.append(("Mouse", "click a card to select it; the wheel scrolls"))
        return out
    }

    static func draw(_ state: AppState, scroll: Int, into canvas: inout Canvas) {
        let all = lines(state.keymap)
        let keyWidth = min(22, all.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let boxWidth = min(canvas.width - 2, max(30, keyWidth + 46))
        let boxHeight = min(canvas.height - 2, all.count + 4)
        guard boxWidth > 10, boxHeight > 4 else { return }
        let x = (canvas.width - boxWidth) / 2
        let y = max(0, (canvas.height - 1 - boxHeight) / 2)
        canvas.fill(Rect(x: x, y: y, width: boxWidth, height: boxHeight), role: .help)
        canvas.text(SafeText.fit(" Docket keys — Esc or ? to close ", width: boxWidth - 2), x: x + 1, y: y, role: .helpTitle)
        let visible = boxHeight - 3
        let first = min(scroll, max(0, all.count - visible))
        for (i, line) in all.dropFirst(first).prefix(visible).enumerated() {
            let ly = y + 2 + i
            if line.text.isEmpty && !line.keys.isEmpty {
                canvas.text(SafeText.fit(line.keys, width: boxWidth - 4), x: x + 2, y: ly, role: .helpTitle)
                continue
            }
            canvas.text(SafeText.fit(line.keys, width: keyWidth), x: x + 2, y: ly, role: .helpKey)
            let tx = x + 2 + keyWidth + 2
            canvas.text(SafeText.fit(line.text, width: max(0, x + boxWidth - 1 - tx)), x: tx, y: ly, role: .help)
        }
        if first + visible < all.count {
            canvas.text("↓ more (j)", x: x + boxWidth - 12, y: y + boxHeight - 1, role: .helpKey)
        }
    }
}
