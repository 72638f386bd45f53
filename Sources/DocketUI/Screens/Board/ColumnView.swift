import DocketCore

/// Draws one stage: a header (name, item count or `count/limit`, total points), a rule, and
/// the cards that fit, from the column's scroll position. Over its WIP limit, the header is
/// drawn in `column.over-limit`. Scroll marks (`↑3 ↓12`: cards above and below) sit on the rule.
enum ColumnView {
    static func draw(_ stage: Stage, state: AppState, layout: BoardLayout, into canvas: inout Canvas,
                     x: Int, selectedColumn: Bool) {
        let board = state.board
        let ids = state.column(stage.id)
        let width = layout.columnWidth
        // The WIP limit is about the stage, not what a filter shows. (On a preview a column
        // lists only its first cards: its count is the whole column's.)
        let full = board.openCount(inStage: stage.id)
        let count = state.filter == nil ? full : ids.count
        let over = stage.wipLimit.map { full > $0 } ?? false
        let role: StyleRole = over ? .columnOverLimit : (selectedColumn ? .columnHeaderSelected : .columnHeader)
        canvas.fill(Rect(x: x, y: 0, width: width, height: 1), role: role)
        let filtered = state.filter != nil
        let countText = filtered ? "\(count) of \(full)" + (stage.wipLimit.map { "/\($0)" } ?? "")
            : stage.wipLimit.map { "\(count)/\($0)" } ?? "\(count)"
        let points = state.filter?.points[stage.id] ?? board.points(inStage: stage.id)
        let right = " \(countText)" + (points > 0 ? " · \(points.pointsTotalText)p" : "") + " "
        let rightWidth = DisplayWidth.of(right)
        let nameRoom = max(1, width - rightWidth - 1)
        canvas.text(" " + SafeText.fitLine(stage.name, width: nameRoom), x: x, y: 0, role: role, maxWidth: width)
        if width - rightWidth > 3 { canvas.text(right, x: x + width - rightWidth, y: 0, role: role) }
        canvas.hline(x: x, y: 1, length: width, role: .border)

        let top = state.scrolls[stage.id] ?? 0
        let selectedRow = selectedColumn ? state.selectedRow : -1
        let lastRow = layout.size.height - 2
        for slot in 0..<layout.cardSlots {
            let row = top + slot
            let y = layout.cardY(slot)
            guard y <= lastRow else { break }
            guard row < ids.count, let item = board.items[ids[row]] else {
                // A preview holds a column's first cards only: more come with the whole board.
                if row < count { canvas.text(SafeText.fit("…", width: width - 1), x: x + 1, y: y, role: .dim) }
                break
            }
            let age = state.ages.map { ages -> CardView.Age in
                let days = ages.days(item.id, now: state.now)
                let limit = ages.threshold(item.stage, fallback: board.stageSLA(item.stage))
                return CardView.Age(days: days, stale: limit.map { Double(days) > $0 } ?? false)
            }
            CardView.draw(item, shownID: board.shortID(item.id), score: board.score(item), age: age, feedback: board.cardFeedback(item.id), into: &canvas, x: x, y: y, width: width, selected: row == selectedRow)
        }
        let below = max(0, count - top - layout.cardSlots)
        if top > 0 || below > 0 {
            let marks = " " + (top > 0 ? "↑\(top)" : "") + (top > 0 && below > 0 ? " " : "") + (below > 0 ? "↓\(below)" : "") + " "
            let w = DisplayWidth.of(marks)
            if w < width { canvas.text(marks, x: x + width - w, y: 1, role: .dim) }
        }
        if count == 0 { canvas.text(SafeText.fit("(empty)", width: width - 1), x: x + 1, y: BoardLayout.cardsTop, role: .dim) }
    }

    /// A hidden stage, folded to a one-cell strip: `▸` on the header row, then its count of
    /// open items (digits one per row) and its name's first letters, down the strip.
    static func drawFolded(_ stage: Stage, state: AppState, into canvas: inout Canvas, x: Int, selectedColumn: Bool) {
        let role: StyleRole = selectedColumn ? .columnHeaderSelected : .columnHeader
        let bottom = state.size.height - 1
        canvas.fill(Rect(x: x, y: 0, width: BoardLayout.stripWidth, height: bottom), role: .dim)
        canvas.text("▸", x: x, y: 0, role: role)
        let count = String(state.board.openCount(inStage: stage.id))
        let name = SafeText.fitLine(stage.name, width: max(1, bottom))
        var y = 1
        for ch in Array(count) + [" "] + Array(name) where y < bottom {
            canvas.text(String(ch), x: x, y: y, role: y <= count.count ? role : .dim, maxWidth: 1)
            y += 1
        }
    }
}
