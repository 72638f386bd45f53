import DocketCore

/// The item detail pane: beside the board on a wide terminal (at least 100 columns), over it
/// otherwise. One row per field (`DetailRows`), the selected one highlighted or being edited,
/// and the description below, wrapped.
extension DetailScreen {
    public func draw(_ app: AppState, into canvas: inout Canvas) {
        StatusLine.draw(app, into: &canvas, y: canvas.height - 1)
        DetailView.draw(self, state: app, into: &canvas)
    }
}

enum DetailView {
    static func draw(_ d: DetailScreen, state: AppState, into canvas: inout Canvas) {
        guard let item = state.board.items[d.itemID] else { return }
        let height = canvas.height - 1
        let width = canvas.width >= 100 ? min(64, canvas.width / 2) : canvas.width
        let x0 = canvas.width - width
        guard width >= 20, height >= 4 else { return }
        canvas.fill(Rect(x: x0, y: 0, width: width, height: height), role: .help)
        if x0 > 0 { canvas.vline(x: x0, y: 0, length: height, role: .border) }
        let left = x0 + (x0 > 0 ? 2 : 1)
        let inner = canvas.width - left - 1
        canvas.text(SafeText.fit(" \(item.id) · \(item.type.rawValue)\(item.archived ? " · archived" : "") ", width: inner),
                    x: left, y: 0, role: .helpTitle)
        let rows = DetailRows.rows(item, board: state.board)
        let labelWidth = 13
        let valueWidth = max(1, inner - labelWidth - 1)
        let e = EditorKeys.id, s = DetailScreen.id
        let hint = d.editor != nil ? KeyHints.line(state, [(e, ["submit"], "save"), (e, ["cancel"], "cancel")])
            : KeyHints.line(state, [(s, ["up", "down"], "select"), (s, ["edit"], "edit"), (s, ["tick"], "tick"),
                                    (s, ["add-criterion"], "criterion"), (s, ["add-link"], "link"), (s, ["add-comment"], "comment"),
                                    (s, ["close"], "close")])
        let visible = max(1, height - 3)
        let top = max(0, min(d.row - visible / 2, rows.count - visible))
        var y = 2
        for (i, row) in rows.enumerated().dropFirst(top) {
            guard y < height - 1 else { break }
            let selected = i == d.row
            let role: StyleRole = selected ? .cardSelected : .help
            if case .description = row.kind {
                canvas.text(SafeText.fit(row.label, width: labelWidth), x: left, y: y, role: selected ? .cardSelected : .helpKey)
                y += 1
                let lines = row.value.isEmpty ? ["(none: E or Enter to write one)"] : Wrap.lines(row.value, width: inner, maxLines: max(0, height - 1 - y))
                for line in lines {
                    guard y < height - 1 else { break }
                    canvas.text(line, x: left, y: y, role: row.value.isEmpty ? .dim : .help, maxWidth: inner)
                    y += 1
                }
                continue
            }
            canvas.fill(Rect(x: left, y: y, width: inner, height: 1), role: role)
            canvas.text(SafeText.fit(row.label, width: labelWidth), x: left, y: y, role: selected ? .cardSelected : .helpKey)
            if selected, let editor = d.editor, !d.addingCriterion {
                LineEditorView.draw(editor, into: &canvas, x: left + labelWidth + 1, y: y, width: valueWidth, role: .prompt)
            } else {
                canvas.text(SafeText.fitLine(row.value, width: valueWidth), x: left + labelWidth + 1, y: y, role: role)
            }
            y += 1
            if selected, d.addingCriterion, let editor = d.editor, y < height - 1 {
                canvas.text(d.addingComment ? "New comment" : d.addingLink ? "New link" : "New", x: left, y: y, role: .helpKey)
                LineEditorView.draw(editor, into: &canvas, x: left + labelWidth + 1, y: y, width: valueWidth, role: .prompt)
                y += 1
            }
        }
        canvas.text(SafeText.fit(hint, width: inner), x: left, y: height - 1, role: .dim)
    }
}
