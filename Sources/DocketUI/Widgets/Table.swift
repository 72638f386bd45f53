/// A table whose columns keep their alignment whatever the text: each column has a width
/// (or shares what is left) and an alignment; cells are cut with `…`, never pushed along.
struct Table {
    struct Column {
        var title: String
        var extent: Extent
        var alignRight = false
    }
    var columns: [Column]

    /// The cell rectangles of one row, in column order (one-cell gaps between columns).
    func cells(in row: Rect) -> [Rect] {
        var parts: [Extent] = []
        for (i, c) in columns.enumerated() {
            parts.append(c.extent)
            if i + 1 < columns.count { parts.append(.fixed(1)) }
        }
        return Split.columns(row, parts).enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
    }

    /// Draws `texts` (one per column) into `row` in the given roles.
    func drawRow(_ texts: [(String, StyleRole)], in row: Rect, into canvas: inout Canvas) {
        for (i, cell) in cells(in: row).enumerated() where i < texts.count && cell.width > 0 {
            let shown = SafeText.fitLine(texts[i].0, width: cell.width)
            let x = columns[i].alignRight ? cell.maxX - DisplayWidth.of(shown) : cell.x
            canvas.text(shown, x: x, y: cell.y, role: texts[i].1, maxWidth: cell.maxX - x)
        }
    }

    /// Draws the column titles into `row` in `role`.
    func drawHeader(in row: Rect, role: StyleRole, into canvas: inout Canvas) {
        canvas.fill(row, role: role)
        drawRow(columns.map { ($0.title, role) }, in: row, into: &canvas)
    }
}
