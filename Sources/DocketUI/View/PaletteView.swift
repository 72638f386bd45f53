/// The command palette: the typed line at the top of a box, the matching commands below it
/// (name, argument, what it does), the selected one highlighted.
enum PaletteView {
    static func draw(_ p: PaletteState, state: AppState, into canvas: inout Canvas) {
        let matches = paletteMatches(p.editor.text, state.keymap)
        let w = min(canvas.width - 2, 78)
        let h = min(canvas.height - 3, matches.count + 3)
        guard w > 10, h >= 3 else { return }
        let x = (canvas.width - w) / 2
        let y = 1
        canvas.fill(Rect(x: x, y: y, width: w, height: h), role: .help)
        canvas.fill(Rect(x: x, y: y, width: w, height: 1), role: .prompt)
        let x0 = canvas.text(":", x: x + 1, y: y, role: .prompt)
        LineEditorView.draw(p.editor, into: &canvas, x: x0, y: y, width: w - 3, role: .prompt)
        let first = max(0, p.choice - (h - 3))
        for (i, m) in matches.enumerated().dropFirst(first).prefix(h - 2) {
            let ly = y + 1 + (i - first)
            let role: StyleRole = i == p.choice ? .cardSelected : .help
            canvas.fill(Rect(x: x + 1, y: ly, width: w - 2, height: 1), role: role)
            let name = m.name + (m.hint.isEmpty ? "" : " " + m.hint)
            canvas.text(SafeText.fit(name, width: 34), x: x + 2, y: ly, role: i == p.choice ? role : .helpKey)
            canvas.text(SafeText.fit(m.summary, width: max(1, w - 39)), x: x + 37, y: ly, role: role)
        }
        if matches.isEmpty {
            canvas.text("no command matches", x: x + 2, y: y + 1, role: .dim)
        }
    }
}
