import DocketCore

/// The app's one view function: draws `state` at `state.size` into a new Canvas.
/// Pure, and proportional to what is on screen (never to the size of the board).
public func render(_ state: AppState) -> Canvas {
    let size = state.size
    var canvas = Canvas(width: size.width, height: size.height)
    let layout = state.layout
    if layout.isTooSmall {
        drawTooSmall(into: &canvas, size: size)
        return canvas
    }
    let stages = state.board.stages
    if stages.isEmpty {
        canvas.text("This board has no stages.", x: 1, y: 1, role: .warning)
    }
    for slot in 0..<layout.visibleColumns {
        let index = state.columnOffset + slot
        guard index < stages.count else { break }
        let x = layout.columnX(slot)
        ColumnView.draw(stages[index], state: state, layout: layout, into: &canvas, x: x, selectedColumn: index == state.column)
        if slot + 1 < layout.visibleColumns {
            canvas.vline(x: x + layout.columnWidth, y: 0, length: size.height - 1, role: .border)
        }
    }
    // Columns off screen: show that the board scrolls sideways.
    if state.columnOffset > 0 { canvas.text("◀", x: 0, y: 1, role: .warning) }
    if state.columnOffset + layout.visibleColumns < stages.count { canvas.text("▶", x: size.width - 1, y: 1, role: .warning) }

    let bottom = size.height - 1
    switch state.mode {
    case .prompt(let p):
        // A message (what was added, or why not) shows above the open prompt, over the board's last row.
        if bottom > 0 { StatusLine.drawMessage(state, into: &canvas, y: bottom - 1) }
        PromptView.draw(p, state: state, into: &canvas, y: bottom)
    case .help(let scroll):
        StatusLine.draw(state, into: &canvas, y: bottom)
        HelpView.draw(state, scroll: scroll, into: &canvas)
    case .board: StatusLine.draw(state, into: &canvas, y: bottom)
    case .detail(let d):
        StatusLine.draw(state, into: &canvas, y: bottom)
        DetailView.draw(d, state: state, into: &canvas)
    case .backlog(let b):
        BacklogView.draw(b, state: state, into: &canvas)
    case .filter(let f):
        FilterView.drawPrompt(f, into: &canvas, y: bottom)
    case .savedFilters(let c):
        StatusLine.draw(state, into: &canvas, y: bottom)
        FilterView.drawSaved(c, state: state, into: &canvas)
    case .palette(let p):
        StatusLine.draw(state, into: &canvas, y: bottom)
        PaletteView.draw(p, state: state, into: &canvas)
    case .triage(let t):
        TriageView.draw(t, state: state, into: &canvas)
    case .search(let q):
        if bottom > 0 { StatusLine.drawMessage(state, into: &canvas, y: bottom - 1) }
        canvas.fill(Rect(x: 0, y: bottom, width: size.width, height: 1), role: .prompt)
        let x0 = canvas.text("/", x: 0, y: bottom, role: .prompt)
        LineEditorView.draw(q.editor, into: &canvas, x: x0, y: bottom, width: max(1, size.width - x0 - 1), role: .prompt)
    }
    return canvas
}

private func drawTooSmall(into canvas: inout Canvas, size: Size) {
    let lines = ["Terminal too small", "\(size.width)×\(size.height), need \(BoardLayout.minimum.width)×\(BoardLayout.minimum.height)", "q quits"]
    let top = max(0, (size.height - lines.count) / 2)
    for (i, line) in lines.enumerated() {
        let shown = SafeText.fit(line, width: size.width)
        let x = max(0, (size.width - DisplayWidth.of(shown)) / 2)
        canvas.text(shown, x: x, y: top + i, role: i == 0 ? .warning : .normal)
    }
}
