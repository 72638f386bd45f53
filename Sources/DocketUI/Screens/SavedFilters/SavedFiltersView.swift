import DocketCore

/// The saved-filter list: a popup with each filter's name and query.
extension SavedFiltersScreen {
    public func draw(_ app: AppState, into canvas: inout Canvas) {
        StatusLine.draw(app, into: &canvas, y: canvas.height - 1)
        let saved = app.board.savedFilters
        let area = Rect(x: 0, y: 0, width: canvas.width, height: canvas.height - 1)
        let title = " Saved filters — " + KeyHints.line(app, [(Self.id, ["apply"], "apply"), (Self.id, ["delete"], "delete"), (Self.id, ["close"], "close")]) + " "
        guard let inner = Popup.draw(title: title, width: min(canvas.width - 2, 70), height: min(canvas.height - 3, max(3, saved.count + 2)),
                                     in: area, top: 1, into: &canvas) else { return }
        if saved.isEmpty {
            canvas.text(SafeText.fit("none yet: set one with f, then :filter save NAME", width: inner.width - 2), x: inner.x + 1, y: inner.y, role: .dim)
            return
        }
        let table = Table(columns: [Table.Column(title: "", extent: .fixed(20)), Table.Column(title: "", extent: .fill(1))])
        ListBox.draw(count: saved.count, selected: choice, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1), into: &canvas) { i, row, selected, c in
            let role: StyleRole = selected ? .cardSelected : .help
            table.drawRow([(saved[i].name, selected ? role : .helpKey), (saved[i].query, role)],
                          in: Rect(x: row.x + 1, y: row.y, width: row.width - 1, height: 1), into: &c)
        }
    }
}
