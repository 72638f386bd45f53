import DocketCore

/// The archive: a header row of column titles (when, id, title, stage, by, why), a summary
/// row (`78 archived items · 3 match “dash”`), one row per archived item, newest first, the
/// search line while searching, and the status line (with the screen's key hints).
extension ArchiveScreen {
    public func draw(_ app: AppState, into canvas: inout Canvas) { ArchiveView.draw(self, state: app, into: &canvas) }
}

enum ArchiveView {
    static func table(width: Int) -> Table {
        let who: Extent = width >= 100 ? .fixed(10) : .fixed(8)
        return Table(columns: [
            Table.Column(title: "archived", extent: .fixed(10)), Table.Column(title: "id", extent: .fixed(8)),
            Table.Column(title: "title", extent: .fill(3)), Table.Column(title: "stage", extent: .fixed(width >= 100 ? 18 : 12)),
            Table.Column(title: "by", extent: who), Table.Column(title: "why", extent: .fill(2)),
        ])
    }

    static func draw(_ a: ArchiveScreen, state: AppState, into canvas: inout Canvas) {
        let w = canvas.width, h = canvas.height
        canvas.fill(Rect(x: 0, y: 0, width: w, height: h), role: .normal)
        guard h >= 3 else { StatusLine.draw(state, into: &canvas, y: h - 1); return }
        let table = table(width: w)
        table.drawHeader(in: Rect(x: 1, y: 0, width: max(0, w - 2), height: 1), role: .columnHeader, into: &canvas)
        canvas.fill(Rect(x: 0, y: 0, width: 1, height: 1), role: .columnHeader)
        canvas.fill(Rect(x: w - 1, y: 0, width: 1, height: 1), role: .columnHeader)
        let n = a.entries.count
        var summary = " Archive: \(n) archived item\(n == 1 ? "" : "s")"
        if !a.query.text.isEmpty { summary += " · \(a.shown.count) match “\(SafeText.flattened(a.query.text))”" }
        canvas.text(SafeText.fit(summary + " ", width: w), x: 0, y: 1, role: .dim)

        let list = Rect(x: 0, y: 2, width: w, height: max(0, h - (a.searching ? 4 : 3)))
        if a.shown.isEmpty, list.height > 0 {
            let empty = n == 0 ? "nothing is archived: d on the board archives an item" : "nothing archived matches the search (Esc in the search drops it)"
            canvas.text(SafeText.fit(empty, width: w - 2), x: 1, y: list.y, role: .dim)
        }
        ListBox.draw(count: a.shown.count, selected: a.row, in: list, into: &canvas) { i, line, selected, c in
            let e = a.entries[a.shown[i]]
            let role: StyleRole = selected ? .cardSelected : .help
            table.drawRow([
                (e.at.map { state.calendar.day(of: $0) } ?? "", selected ? role : .dim),
                (e.shownID, selected ? role : .cardID), (e.title, role), (e.stage, role),
                (e.by, selected ? role : .cardAssignee), (e.why, selected ? role : .dim),
            ], in: Rect(x: line.x + 1, y: line.y, width: line.width - 2, height: 1), into: &c)
        }

        let bottom = h - 1
        if a.searching {
            PromptLine.draw(label: "Search archive › ", editor: a.query, in: Rect(x: 0, y: bottom - 1, width: w, height: 1), into: &canvas)
        }
        StatusLine.draw(state, into: &canvas, y: bottom)
    }
}
