/// The command palette: the typed line at the top of a box, the matching commands below it
/// (name, argument, what it does), the selected one highlighted.
extension PaletteScreen {
    public func draw(_ app: AppState, into canvas: inout Canvas) {
        StatusLine.draw(app, into: &canvas, y: canvas.height - 1)
        let matches = paletteMatches(line.text, app.keymaps, under: under)
        let area = Rect(x: 0, y: 0, width: canvas.width, height: canvas.height - 1)
        guard let inner = Popup.draw(title: "", width: min(canvas.width - 2, 78), height: min(canvas.height - 3, matches.count + 3),
                                     in: area, top: 1, into: &canvas) else { return }
        PromptLine.draw(label: ":", editor: line, in: Rect(x: inner.x - 1, y: inner.y - 1, width: inner.width + 2, height: 1), into: &canvas)
        if matches.isEmpty {
            canvas.text("no command matches", x: inner.x + 1, y: inner.y, role: .dim)
            return
        }
        let table = Table(columns: [Table.Column(title: "", extent: .fixed(34)), Table.Column(title: "", extent: .fill(1))])
        let list = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
        ListBox.draw(count: matches.count, selected: choice, in: list, into: &canvas) { i, row, selected, c in
            let m = matches[i]
            let role: StyleRole = selected ? .cardSelected : .help
            table.drawRow([(m.name + (m.hint.isEmpty ? "" : " " + m.hint), selected ? role : .helpKey), (m.summary, role)],
                          in: Rect(x: row.x + 1, y: row.y, width: row.width - 1, height: 1), into: &c)
        }
    }
}
