/// The filter prompt on the last row, and above it the bad part of the query underlined
/// (`^^^`) with the reason.
extension FilterScreen {
    public func draw(_ app: AppState, into canvas: inout Canvas) {
        let w = canvas.width, y = canvas.height - 1
        let label = "Filter › "
        let x0 = DisplayWidth.of(label)
        PromptLine.draw(label: label, editor: line, in: Rect(x: 0, y: y, width: w, height: 1), into: &canvas)
        guard let e = error, y > 0 else { return }
        let p = self
        // Where the bad part starts on screen (the text is not scrolled while it fits).
        let before = p.line.chars.prefix(e.offset).reduce(0) { $0 + max(1, DisplayWidth.of(SafeText.clean(String($1)))) }
        let bad = p.line.chars.dropFirst(e.offset).prefix(e.length).reduce(0) { $0 + max(1, DisplayWidth.of(SafeText.clean(String($1)))) }
        canvas.fill(Rect(x: 0, y: y - 1, width: w, height: 1), role: .statusError)
        let ux = x0 + before
        if ux < w { canvas.text(String(repeating: "^", count: max(1, min(bad, w - ux))), x: ux, y: y - 1, role: .statusError) }
        let msgX = ux + max(1, bad) + 1
        let room = w - msgX
        if room > 8 { canvas.text(SafeText.fit(e.message, width: room), x: msgX, y: y - 1, role: .statusError) }
        else { canvas.text(SafeText.fit(e.message, width: max(1, ux - 1)), x: 0, y: y - 1, role: .statusError) }
    }
}
