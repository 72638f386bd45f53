/// A row of tabs (`Cycle time │ Throughput │ …`), the selected one in `column.header.selected`.
enum Tabs {
    /// Draws `titles` into `row`, cut to fit; returns each tab's rectangle (for the mouse).
    @discardableResult
    static func draw(_ titles: [String], selected: Int, in row: Rect, into canvas: inout Canvas) -> [Rect] {
        canvas.fill(row, role: .columnHeader)
        var x = row.x
        var rects: [Rect] = []
        for (i, title) in titles.enumerated() {
            let text = " \(title) "
            let room = row.maxX - x
            guard room > 2 else { break }
            let shown = SafeText.fitLine(text, width: room)
            let end = canvas.text(shown, x: x, y: row.y, role: i == selected ? .columnHeaderSelected : .columnHeader)
            rects.append(Rect(x: x, y: row.y, width: end - x, height: 1))
            x = end
            if i + 1 < titles.count, x < row.maxX { x = canvas.text("│", x: x, y: row.y, role: .border) }
        }
        return rects
    }
}
