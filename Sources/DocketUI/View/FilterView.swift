/// The filter prompt on the last row, and above it the bad part of the query underlined
/// (`^^^`) with the reason; and the saved-filter list.
enum FilterView {
    static func drawPrompt(_ p: FilterPrompt, into canvas: inout Canvas, y: Int) {
        let w = canvas.width
        canvas.fill(Rect(x: 0, y: y, width: w, height: 1), role: .prompt)
        let x0 = canvas.text("Filter › ", x: 0, y: y, role: .prompt)
        LineEditorView.draw(p.editor, into: &canvas, x: x0, y: y, width: max(1, w - x0 - 1), role: .prompt)
        guard let e = p.error, y > 0 else { return }
        // Where the bad part starts on screen (the text is not scrolled while it fits).
        let before = p.editor.chars.prefix(e.offset).reduce(0) { $0 + max(1, DisplayWidth.of(SafeText.clean(String($1)))) }
        let bad = p.editor.chars.dropFirst(e.offset).prefix(e.length).reduce(0) { $0 + max(1, DisplayWidth.of(SafeText.clean(String($1)))) }
        canvas.fill(Rect(x: 0, y: y - 1, width: w, height: 1), role: .statusError)
        let ux = x0 + before
        if ux < w { canvas.text(String(repeating: "^", count: max(1, min(bad, w - ux))), x: ux, y: y - 1, role: .statusError) }
        let msgX = ux + max(1, bad) + 1
        let room = w - msgX
        if room > 8 { canvas.text(SafeText.fit(e.message, width: room), x: msgX, y: y - 1, role: .statusError) }
        else { canvas.text(SafeText.fit(e.message, width: max(1, ux - 1)), x: 0, y: y - 1, role: .statusError) }
    }

    static func drawSaved(_ choice: Int, state: AppState, into canvas: inout Canvas) {
        let saved = state.board.savedFilters
        let w = min(canvas.width - 2, 70)
        let h = min(canvas.height - 3, max(3, saved.count + 2))
        guard w > 10, h >= 3 else { return }
        let x = (canvas.width - w) / 2, y = 1
        canvas.fill(Rect(x: x, y: y, width: w, height: h), role: .help)
        canvas.text(SafeText.fit(" Saved filters — Enter apply · d delete · Esc close ", width: w - 2), x: x + 1, y: y, role: .helpTitle)
        if saved.isEmpty {
            canvas.text(SafeText.fit("none yet: set one with f, then :filter save NAME", width: w - 4), x: x + 2, y: y + 1, role: .dim)
        }
        for (i, f) in saved.enumerated().prefix(h - 2) {
            let role: StyleRole = i == choice ? .cardSelected : .help
            canvas.fill(Rect(x: x + 1, y: y + 1 + i, width: w - 2, height: 1), role: role)
            canvas.text(SafeText.fitLine(f.name, width: 20), x: x + 2, y: y + 1 + i, role: i == choice ? role : .helpKey)
            canvas.text(SafeText.fitLine(f.query, width: max(1, w - 25)), x: x + 23, y: y + 1 + i, role: role)
        }
    }
}
