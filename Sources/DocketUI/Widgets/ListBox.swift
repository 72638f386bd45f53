/// A scrolling list with one selected row: keeps the selection in view, highlights it in
/// `card.selected`, and says how many rows are above / below when they do not all fit.
enum ListBox {
    /// The first row to show so that `selected` is visible in `visible` rows.
    static func scroll(selected: Int, count: Int, visible: Int, current: Int = 0) -> Int {
        guard visible > 0, count > visible else { return 0 }
        var top = min(max(0, current), count - visible)
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        return max(0, min(top, count - visible))
    }

    /// Draws `count` rows into `area`, from the scroll that keeps `selected` visible; `row`
    /// draws row `index` into a one-row rectangle (the selected row is already filled).
    static func draw(count: Int, selected: Int, in area: Rect, into canvas: inout Canvas,
                     row: (Int, Rect, Bool, inout Canvas) -> Void) {
        let top = scroll(selected: selected, count: count, visible: area.height)
        for i in 0..<min(area.height, max(0, count - top)) {
            let index = top + i
            let line = Rect(x: area.x, y: area.y + i, width: area.width, height: 1)
            let isSelected = index == selected
            canvas.fill(line, role: isSelected ? .cardSelected : .help)
            canvas.clipped(to: line) { c in row(index, line, isSelected, &c) }
        }
        if top + area.height < count, area.width > 12 {
            canvas.text("↓\(count - top - area.height) more", x: area.maxX - 11, y: area.maxY - 1, role: .helpKey)
        }
    }
}
