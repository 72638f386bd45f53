import DocketCore

/// The board's columns: as many as fit, from `columnOffset`, with `◀` / `▶` when the board
/// scrolls sideways. The status line is drawn by `BoardScreen`.
enum BoardView {
    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let size = state.size
        let layout = state.layout
        let stages = state.shownStages
        if stages.isEmpty {
            canvas.text("This board has no stages.", x: 1, y: 1, role: .warning)
        }
        let shown = layout.columnsShown(from: state.columnOffset)
        for slot in 0..<shown {
            let index = state.columnOffset + slot
            guard index < stages.count else { break }
            let x = layout.columnX(index, offset: state.columnOffset)
            if layout.folded.contains(index) {
                ColumnView.drawFolded(stages[index], state: state, into: &canvas, x: x, selectedColumn: index == state.column)
            } else {
                ColumnView.draw(stages[index], state: state, layout: layout, into: &canvas, x: x, selectedColumn: index == state.column)
            }
            if slot + 1 < shown {
                canvas.vline(x: x + layout.width(ofColumn: index), y: 0, length: size.height - 1, role: .border)
            }
        }
        // Columns off screen: show that the board scrolls sideways.
        if state.columnOffset > 0 { canvas.text("◀", x: 0, y: 1, role: .warning) }
        if state.columnOffset + shown < stages.count { canvas.text("▶", x: size.width - 1, y: 1, role: .warning) }
    }
}
