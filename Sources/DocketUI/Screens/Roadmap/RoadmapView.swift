import DocketCore

/// The roadmap screen: the layout tabs on the top row, the lanes or the timeline, the status
/// line at the bottom.
extension RoadmapScreen {
    public func draw(_ app: AppState, into canvas: inout Canvas) {
        let w = canvas.width, h = canvas.height
        canvas.fill(Rect(x: 0, y: 0, width: w, height: h), role: .normal)
        let tabs = ["Now / Next / Later", "Timeline · \(scale.rawValue)"]
        Tabs.draw(tabs, selected: layout == .lanes ? 0 : 1, in: Rect(x: 0, y: 0, width: w, height: 1), into: &canvas)
        let today = " today \(roadmap.today) "
        if w > 60 { canvas.text(today, x: w - DisplayWidth.of(today), y: 0, role: .columnHeader) }
        let body = Rect(x: 0, y: 1, width: w, height: max(0, h - 2))
        if layout == .lanes { LanesView.draw(self, app, in: body, into: &canvas) } else { TimelineView.draw(self, app, in: body, into: &canvas) }
        StatusLine.draw(app, into: &canvas, y: h - 1)
    }
}

/// Now / Next / Later side by side: each lane a header (cards, points) and its cards, three
/// rows each: the title (`◆` marks an epic), then an epic's progress bar and roll-up, or an
/// item's id, stage, release and points.
enum LanesView {
    static let cardHeight = 3

    static func draw(_ s: RoadmapScreen, _ app: AppState, in area: Rect, into canvas: inout Canvas) {
        let parts = Split.columns(area, [.fill(1), .fixed(1), .fill(1), .fixed(1), .fill(1)])
        let stages = Dictionary(app.board.stages.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for (i, lane) in Roadmap.Lane.allCases.enumerated() {
            let rect = parts[i * 2]
            if i > 0 { canvas.vline(x: parts[i * 2 - 1].x, y: area.y, length: area.height, role: .border) }
            let cards = s.cards(i)
            let points = cards.reduce(0.0) { $0 + ($1.epic?.plannedPoints ?? $1.points ?? 0) }
            let head = " \(lane.title) · \(cards.count) card\(cards.count == 1 ? "" : "s") · \(points.pointsText) pts"
            let selectedLane = i == s.lane
            canvas.fill(rect.row(0), role: selectedLane ? .columnHeaderSelected : .columnHeader)
            canvas.text(SafeText.fitLine(head, width: rect.width), x: rect.x, y: rect.y, role: selectedLane ? .columnHeaderSelected : .columnHeader)
            let list = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
            let visible = max(1, list.height / cardHeight)
            let top = ListBox.scroll(selected: s.rows[i], count: cards.count, visible: visible)
            for k in 0..<min(visible, max(0, cards.count - top)) {
                let index = top + k
                let box = Rect(x: list.x, y: list.y + k * cardHeight, width: list.width, height: cardHeight - 1)
                drawCard(cards[index], selected: selectedLane && index == s.rows[i], stages: stages, in: box, into: &canvas)
            }
            if top + visible < cards.count, list.width > 10 {
                canvas.text("↓\(cards.count - top - visible) more", x: list.maxX - 9, y: list.maxY - 1, role: .dim)
            }
            if cards.isEmpty { canvas.text(SafeText.fitLine(" nothing here", width: list.width), x: list.x, y: list.y, role: .dim) }
        }
    }

    private static func drawCard(_ c: Roadmap.Card, selected: Bool, stages: [String: String], in box: Rect, into canvas: inout Canvas) {
        let role: StyleRole = selected ? .cardSelected : c.blocked ? .blocked : .card
        canvas.fill(box, role: selected ? .cardSelected : .card)
        let title = (c.epic != nil ? "◆ " : "") + SafeText.oneLine(c.title)
        canvas.text(SafeText.fitLine(" " + title, width: box.width - 1), x: box.x, y: box.y, role: role)
        let y = box.y + 1
        let sub: StyleRole = selected ? .cardSelected : .dim
        if let e = c.epic {
            let barWidth = min(14, max(0, box.width / 3))
            if barWidth >= 6 { ProgressBar.draw(progress: e.progress, in: Rect(x: box.x + 1, y: y, width: barWidth, height: 1), into: &canvas, textRole: sub) }
            let x = box.x + 1 + (barWidth >= 6 ? barWidth + 1 : 0)
            var text = "\(e.doneChildren.count)/\(e.children.count) · \(e.plannedPoints.pointsText) pts"
            if let first = e.releases.first { text += " · " + first + (e.releases.count > 1 ? "–" + e.releases.last! : "") }
            canvas.text(SafeText.fitLine(text, width: max(0, box.maxX - x - 1)), x: x, y: y, role: sub, maxWidth: max(0, box.maxX - x))
        } else {
            var parts = [c.id, stages[c.stage] ?? c.stage]
            if let r = c.release { parts.append("^" + r) }
            if let p = c.points { parts.append("\(p.pointsText) pts") }
            if c.blocked { parts.append("BLOCKED") }
            canvas.text(SafeText.fitLine(" " + parts.joined(separator: " · "), width: box.width - 1), x: box.x, y: y, role: sub)
        }
    }
}
