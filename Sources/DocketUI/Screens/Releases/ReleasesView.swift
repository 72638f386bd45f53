import DocketCore

/// The releases screen: a title row, the table (one row per release: over-capacity and
/// over-budget rows in the warning style with the amount over, shipped and cancelled ones
/// dimmed), every field of the selected release below it (the selected field highlighted, the
/// editor drawn in its place while editing), and the status line or the add prompt.
extension ReleasesScreen {
    public func draw(_ app: AppState, into canvas: inout Canvas) { ReleasesView.draw(self, app, into: &canvas) }
}

enum ReleasesView {
    /// One column of the table: its title, extent, alignment and the field it shows (nil: none).
    private struct Col {
        var title: String
        var extent: Extent
        var right = false
        var field: String?
        var cell: (Row) -> String
    }

    /// What a row shows, computed once per drawn row.
    private struct Row {
        var line: ReleasePlan.Line
        var money: MoneyFormat
        var r: Release { line.release }
        func amount(_ m: Money?) -> String { m.map(money.string) ?? "—" }
        var over: String {
            var parts: [String] = []
            if let p = line.overCapacityBy { parts.append("+\(p.pointsText) pts") }
            if let m = line.cost?.overBudgetBy { parts.append("+" + money.string(m)) }
            return parts.joined(separator: " ")
        }
    }

    static func draw(_ s: ReleasesScreen, _ app: AppState, into canvas: inout Canvas) {
        let w = canvas.width, h = canvas.height
        canvas.fill(Rect(x: 0, y: 0, width: w, height: h), role: .normal)
        let money = MoneyFormat(currency: app.board.planning.currency, locale: app.moneyLocale)
        let lines = s.plan.lines.filter(\.known)
        drawTitle(s, app, money, count: lines.count, into: &canvas)
        let paneHeight = h >= 16 ? 9 : 0
        let tableArea = Rect(x: 0, y: 1, width: w, height: max(1, h - 2 - paneHeight))
        drawTable(s, lines, money, in: tableArea, into: &canvas)
        if paneHeight > 0, lines.indices.contains(s.row) {
            drawPane(s, lines[s.row], money, app, in: Rect(x: 0, y: tableArea.maxY, width: w, height: paneHeight), into: &canvas)
        }
        drawBottom(s, app, into: &canvas, y: h - 1)
    }

    private static func drawTitle(_ s: ReleasesScreen, _ app: AppState, _ money: MoneyFormat, count: Int, into canvas: inout Canvas) {
        var title = " Releases · \(count)"
        if let c = app.board.planning.currency { title += " · \(c)" }
        if let per = s.plan.costPerPoint { title += " · \(money.string(per)) a point" } else { title += " · no cost model (docket budget)" }
        canvas.fill(Rect(x: 0, y: 0, width: canvas.width, height: 1), role: .columnHeader)
        canvas.text(SafeText.fit(title, width: canvas.width), x: 0, y: 0, role: .columnHeader)
    }

    private static func columns(width: Int) -> [Col] {
        let release = Col(title: "release", extent: .fill(1), field: "name") { $0.r.name }
        let state = Col(title: "state", extent: .fixed(9), field: "state") { $0.r.state.rawValue }
        let start = Col(title: "start", extent: .fixed(10), field: "start") { $0.r.start ?? "—" }
        let target = Col(title: "target", extent: .fixed(10), field: "target") { $0.r.target ?? "—" }
        let over = Col(title: "over", extent: .fill(width >= 130 ? 2 : 1)) { $0.over }
        let planned = Col(title: "planned", extent: .fixed(width >= 130 ? 13 : 11), right: true) { $0.amount($0.line.cost?.planned) }
        let budget = Col(title: "budget", extent: .fixed(width >= 130 ? 13 : 11), right: true, field: "budget") { $0.amount($0.r.budget) }
        if width >= 130 {
            return [release, state, start, target,
                    Col(title: "progress", extent: .fixed(14)) { _ in "" },
                    Col(title: "done/planned", extent: .fixed(12), right: true) { "\($0.line.donePoints.pointsText)/\($0.line.plannedPoints.pointsText) pts" },
                    Col(title: "capacity", extent: .fixed(8), right: true, field: "capacity") { $0.r.capacity?.pointsText ?? "—" },
                    planned, Col(title: "spent", extent: .fixed(13), right: true) { $0.amount($0.line.cost?.spent) }, budget, over]
        }
        return [release, Col(title: "state", extent: .fixed(8), field: "state") { $0.r.state.rawValue }, target,
                Col(title: "progress", extent: .fixed(10)) { _ in "" },
                Col(title: "pts/cap", extent: .fixed(7), right: true, field: "capacity") {
                    "\($0.line.plannedPoints.pointsText)/\($0.r.capacity?.pointsText ?? "—")"
                },
                planned, budget, over]
    }

    private static func drawTable(_ s: ReleasesScreen, _ lines: [ReleasePlan.Line], _ money: MoneyFormat, in area: Rect, into canvas: inout Canvas) {
        let cols = columns(width: area.width)
        let table = Table(columns: cols.map { Table.Column(title: $0.title, extent: $0.extent, alignRight: $0.right) })
        let inner = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
        canvas.fill(area.row(0), role: .columnHeader)
        table.drawHeader(in: inner.row(0), role: .columnHeader, into: &canvas)
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        guard !lines.isEmpty else {
            canvas.text(SafeText.fit(" No releases yet: a adds one (or docket release add NAME).", width: area.width), x: 0, y: body.y, role: .dim)
            return
        }
        let selectedField = ReleasesScreen.fields[s.field]
        ListBox.draw(count: lines.count, selected: s.row, in: body, into: &canvas) { index, rect, selected, c in
            let row = Row(line: lines[index], money: money)
            let warn = row.line.overCapacityBy != nil || row.line.cost?.overBudgetBy != nil
            let base: StyleRole = selected ? .cardSelected : warn ? .warning : row.r.state.isClosed ? .dim : .normal
            if !selected { c.fill(rect, role: base) }
            let line = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1)
            let cells = table.cells(in: line)
            let texts = cols.map { col -> (String, StyleRole) in
                (col.cell(row), selected && col.field == selectedField ? .columnHeaderSelected : base)
            }
            table.drawRow(texts, in: line, into: &c)
            if let i = cols.firstIndex(where: { $0.title == "progress" }), cells.indices.contains(i) {
                ProgressBar.draw(progress: row.line.progress, in: cells[i], into: &c, textRole: base)
            }
            if selected, let i = cols.firstIndex(where: { $0.field == selectedField }), cells.indices.contains(i) {
                // Mark the selected field even when its cell is empty.
                if texts[i].0.isEmpty { c.fill(cells[i], role: .columnHeaderSelected) }
            }
        }
    }

    private static func drawPane(_ s: ReleasesScreen, _ line: ReleasePlan.Line, _ money: MoneyFormat, _ app: AppState,
                                 in area: Rect, into canvas: inout Canvas) {
        let r = line.release
        canvas.hline(x: 0, y: area.y, length: area.width, role: .border)
        let warnings = PlanWarnings.of(line, format: money)
        let head = " \(r.name)" + (warnings.isEmpty ? " · within capacity and budget" : " · " + warnings.joined(separator: " · ")) + " "
        canvas.text(SafeText.fitLine(head, width: max(1, area.width - 2)), x: 1, y: area.y,
                    role: line.overCapacityBy != nil || line.cost?.overBudgetBy != nil ? .warning : .helpTitle)
        let exponent = app.board.planning.exponent
        for (i, key) in ReleasesScreen.fields.enumerated() {
            let y = area.y + 1 + i
            guard y < area.maxY else { break }
            let selected = i == s.field
            canvas.text(SafeText.fit(key, width: 10), x: 2, y: y, role: selected ? .helpKey : .dim)
            let valueX = 12
            if case .edit(let name, let field, let editor)? = s.ask, name == r.name, field == key {
                let room = Rect(x: valueX, y: y, width: max(1, area.width - valueX - 1), height: 1)
                canvas.fill(room, role: .prompt)
                LineEditorView.draw(editor, into: &canvas, x: valueX, y: y, width: room.width, role: .prompt)
                continue
            }
            let value = ReleasesScreen.text(of: key, r, exponent: exponent)
            let shown = key == "budget" ? (r.budget.map(money.string) ?? "") : key == "capacity" && r.capacity != nil ? value + " points" : value
            let x = canvas.text(SafeText.fitLine(shown.isEmpty ? "—" : shown, width: max(1, area.width - valueX - 1)), x: valueX, y: y,
                                role: selected ? .cardSelected : shown.isEmpty ? .dim : .normal)
            if let extra = detail(key, line, money) {
                canvas.text(SafeText.fitLine("  " + extra, width: max(0, area.width - x - 1)), x: x, y: y, role: .dim)
            }
        }
        let y = area.y + 1 + ReleasesScreen.fields.count
        if y < area.maxY, r.state != .shipped, r.state != .cancelled {
            canvas.text("forecast", x: 2, y: y, role: .dim)
            let text = s.forecasts.lines[r.name] ?? "computing the Monte Carlo forecast…"
            canvas.text(SafeText.fitLine(text, width: max(1, area.width - 13)), x: 12, y: y, role: s.forecasts.lines[r.name] == nil ? .dim : .normal)
        }
    }

    /// The plan's numbers beside a field: points beside the capacity, money beside the budget.
    private static func detail(_ key: String, _ line: ReleasePlan.Line, _ money: MoneyFormat) -> String? {
        switch key {
        case "capacity":
            return "planned \(line.plannedPoints.pointsText), done \(line.donePoints.pointsText), remaining \(line.remainingPoints.pointsText) points"
                + " (\(line.doneItems.count)/\(line.items.count) items done)"
        case "budget":
            guard let cost = line.cost else { return nil }
            return "planned \(money.string(cost.planned)), spent \(money.string(cost.spent))"
                + (cost.remaining.map { ", remaining \(money.string($0))" } ?? "")
        default: return nil
        }
    }

    private static func drawBottom(_ s: ReleasesScreen, _ app: AppState, into canvas: inout Canvas, y: Int) {
        switch s.ask {
        case .add(let editor)?:
            if y > 0 { StatusLine.drawMessage(app, into: &canvas, y: y - 1) }
            PromptLine.draw(label: "New release name › ", editor: editor, in: Rect(x: 0, y: y, width: canvas.width, height: 1), into: &canvas)
        case .edit(let name, let field, _)?:
            if app.status?.isError == true { StatusLine.drawMessage(app, into: &canvas, y: y); return }
            canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), role: .prompt)
            let keys = KeyHints.line(app, [(EditorKeys.id, ["submit"], "saves"), (EditorKeys.id, ["cancel"], "cancels")])
            canvas.text(SafeText.fitLine(" \(field) of \(name): \(expected(field)) · \(keys)", width: max(1, canvas.width - 1)), x: 0, y: y, role: .prompt)
        case nil:
            StatusLine.draw(app, into: &canvas, y: y)
        }
    }

    /// The form a field takes, for the editing line.
    static func expected(_ field: String) -> String {
        switch field {
        case "start", "target": return "a date YYYY-MM-DD, empty clears"
        case "capacity": return "story points ≥ 0, empty clears"
        case "budget": return "an amount (60000, 60,000, 60k), empty clears"
        case "state": return "planned, active, shipped or cancelled"
        case "name": return "a new name (items follow)"
        default: return "any text"
        }
    }
}
