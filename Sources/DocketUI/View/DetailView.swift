import DocketCore

/// The item detail pane: beside the board on a wide terminal (at least 100 columns), over it
/// otherwise. One row per field (`DetailRows`), the selected one highlighted or being edited,
/// and the description below, wrapped.
enum DetailView {
    static func draw(_ d: DetailState, state: AppState, into canvas: inout Canvas) {
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
        let hint = d.editor != nil ? "Enter save · Esc cancel" : "↑↓ select · Enter edit · Space tick · c criterion · w link · Esc close"
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
                let lines = row.value.isEmpty ? ["(none: E or Enter to write one)"] : wrap(row.value, width: inner, maxLines: max(0, height - 1 - y))
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
                canvas.text(d.addingLink ? "New link" : "New", x: left, y: y, role: .helpKey)
                LineEditorView.draw(editor, into: &canvas, x: left + labelWidth + 1, y: y, width: valueWidth, role: .prompt)
                y += 1
            }
        }
        canvas.text(SafeText.fit(hint, width: inner), x: left, y: height - 1, role: .dim)
    }

    /// Splits text into lines of at most `width` columns (at spaces when it can), safe to draw;
    /// at most `maxLines` of them. Only the start of `text` that can fill them is looked at,
    /// so a 100,000-line description costs what a short one does.
    static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        guard maxLines > 0, width > 0 else { return [] }
        let start = SafeText.prefix(text, columns: maxLines * (width + 1))
        var out: [String] = []
        for para in start.split(separator: "\n", omittingEmptySubsequences: false) {
            if out.count >= maxLines { break }
            var line = ""
            var used = 0
            for word in SafeText.clean(String(para)).split(separator: " ", omittingEmptySubsequences: false) {
                let w = DisplayWidth.of(String(word))
                if used > 0 && used + 1 + w > width { out.append(line); line = ""; used = 0 }
                if w > width {
                    // A word longer than the line (a URL): cut it into pieces.
                    var piece = ""
                    var pw = 0
                    for c in word {
                        let cw = DisplayWidth.of(c)
                        if pw + cw > width { out.append(piece); piece = ""; pw = 0 }
                        piece.append(c); pw += cw
                    }
                    line = piece; used = pw
                    continue
                }
                line += (used > 0 ? " " : "") + word
                used += (used > 0 ? 1 : 0) + w
            }
            out.append(line)
        }
        return Array(out.prefix(maxLines))
    }
}
