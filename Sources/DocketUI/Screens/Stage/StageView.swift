import DocketCore

/// The stage menu: a popup listing the selected stage's settings, each with its key, and the
/// value line when a change asks for one.
extension StageScreen {
    public func draw(_ app: AppState, into canvas: inout Canvas) {
        StatusLine.draw(app, into: &canvas, y: canvas.height - 1)
        guard let stage = app.selectedStage else { return }
        let board = app.board
        let index = board.stages.firstIndex { $0.id == stage.id }
        let open = board.column(stage.id).count, all = items(in: stage.id, board)
        let s = StageScreen.id
        func key(_ actions: String...) -> String { actions.compactMap { app.keymaps.label(of: $0, on: s) }.joined(separator: " ") }
        let rows: [(String, String, String)] = [
            ("Name", stage.name, key("rename")),
            ("Kind", stage.kind.rawValue, key("kind")),
            ("WIP limit", stage.wipLimit.map(String.init) ?? "none", key("wip")),
            ("SLA", stage.slaDays.map { "\($0) day\($0 == 1 ? "" : "s")" } ?? "none", key("sla")),
            ("Column", stage.hidden ? "hidden (folded)" : "shown", key("hide-or-show")),
            ("Position", index.map { "\($0 + 1) of \(board.stages.count)" } ?? "not a stage of the board", key("move-left", "move-right")),
            ("Items", "\(open) open, \(all - open) archived", key("remove") + " remove"),
            ("", "add a stage", key("add")),
        ]
        let area = Rect(x: 0, y: 0, width: canvas.width, height: canvas.height - 1)
        let title = " Stage " + SafeText.fitLine(stage.name, width: 24) + " — " + KeyHints.line(app, [(s, ["close"], "close")]) + " "
        let height = rows.count + 2 + (prompt == nil ? 0 : 2)
        guard let inner = Popup.draw(title: title, width: min(canvas.width - 2, 56), height: min(canvas.height - 2, height),
                                     in: area, top: 1, into: &canvas) else { return }
        let table = Table(columns: [Table.Column(title: "", extent: .fixed(10)), Table.Column(title: "", extent: .fill(1)),
                                    Table.Column(title: "", extent: .fixed(8), alignRight: true)])
        for (i, r) in rows.enumerated() where i < inner.height {
            table.drawRow([(r.0, .helpKey), (r.1, .help), (r.2, .helpKey)],
                          in: Rect(x: inner.x + 1, y: inner.y + i, width: inner.width - 2, height: 1), into: &canvas)
        }
        if let prompt, inner.height > rows.count + 1 {
            PromptLine.draw(label: prompt.label + " › ", editor: prompt.editor,
                            in: Rect(x: inner.x, y: inner.y + rows.count + 1, width: inner.width, height: 1), into: &canvas)
        }
    }
}
