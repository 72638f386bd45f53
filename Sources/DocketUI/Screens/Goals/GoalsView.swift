import DocketCore
import Foundation

/// The goals screen: a title row; the vision (up to two lines); one row per goal (state,
/// objective, period, owner, mean progress); then the selected goal: its key results, each
/// with a progress bar and start → current → target, and the items serving it grouped by
/// stage with their points and cost. In the unaligned view, the open items that serve no
/// goal. The last row is the status line (key hints).
extension GoalsScreen {
    public func draw(_ app: AppState, into canvas: inout Canvas) { GoalsView.draw(self, state: app, into: &canvas) }
}

enum GoalsView {
    static func draw(_ g: GoalsScreen, state: AppState, into canvas: inout Canvas) {
        let w = canvas.width, h = canvas.height
        canvas.fill(Rect(x: 0, y: 0, width: w, height: h), role: .normal)
        canvas.fill(Rect(x: 0, y: 0, width: w, height: 1), role: .columnHeaderSelected)
        let title = g.unaligned ? " Unaligned work · \(g.unalignedIDs.count) open item\(g.unalignedIDs.count == 1 ? "" : "s") serve no goal"
                                : " Goals · \(g.summaries.count) goal\(g.summaries.count == 1 ? "" : "s") · \(g.unalignedIDs.count) unaligned"
        canvas.text(SafeText.fit(title, width: w), x: 0, y: 0, role: .columnHeaderSelected)
        var y = 1
        let vision = state.board.strategy.vision
        if !vision.isEmpty, h > 8 {
            for line in Wrap.lines("Vision: " + vision, width: max(1, w - 2), maxLines: 2) {
                canvas.text(line, x: 1, y: y, role: .help, maxWidth: w - 2); y += 1
            }
        }
        y += 1
        let bottom = h - 1
        if g.unaligned { drawUnaligned(g, state, Rect(x: 0, y: y, width: w, height: max(0, bottom - y)), &canvas) }
        else { drawGoals(g, state, Rect(x: 0, y: y, width: w, height: max(0, bottom - y)), &canvas) }
        StatusLine.draw(state, into: &canvas, y: h - 1)
    }

    static func stateRole(_ s: GoalState) -> StyleRole {
        switch s {
        case .onTrack: return .statusOK
        case .atRisk: return .warning
        case .offTrack: return .blocked
        case .done: return .dim
        }
    }

    /// `███░░░░` for `fraction` (0…1) in `width` cells, full cells in `filled`, the rest dim.
    static func bar(_ fraction: Double, width: Int, x: Int, y: Int, into canvas: inout Canvas) {
        guard width > 0 else { return }
        let full = Int((fraction * Double(width)).rounded())
        canvas.text(String(repeating: "█", count: full), x: x, y: y, role: .statusOK)
        canvas.text(String(repeating: "░", count: width - full), x: x + full, y: y, role: .dim)
    }

    static func percent(_ v: Double?) -> String { v.map { "\(Int(($0 * 100).rounded()))%" } ?? "—" }

    private static func drawGoals(_ g: GoalsScreen, _ state: AppState, _ area: Rect, _ canvas: inout Canvas) {
        guard area.height > 0 else { return }
        if g.summaries.isEmpty {
            canvas.text(SafeText.fit("No goals yet: docket goal add OBJECTIVE --kr \"METRIC: START -> TARGET\" (w: unaligned work)", width: area.width - 2),
                        x: 1, y: area.y, role: .dim)
            return
        }
        let listHeight = min(g.summaries.count, max(1, area.height / 3))
        let table = Table(columns: [.init(title: "state", extent: .fixed(10)), .init(title: "objective", extent: .fill(1)),
                                    .init(title: "period", extent: .fixed(area.width >= 120 ? 12 : 8)),
                                    .init(title: "owner", extent: .fixed(area.width >= 120 ? 10 : 0)),
                                    .init(title: "bar", extent: .fixed(area.width >= 120 ? 20 : 10)),
                                    .init(title: "%", extent: .fixed(4), alignRight: true)])
        ListBox.draw(count: g.summaries.count, selected: g.selected, in: Rect(x: area.x, y: area.y, width: area.width, height: listHeight),
                     into: &canvas) { i, row, selected, c in
            let goal = g.summaries[i].goal
            let base: StyleRole = selected ? .cardSelected : .help
            let cells = table.cells(in: Rect(x: row.x + 1, y: row.y, width: max(0, row.width - 2), height: 1))
            table.drawRow([(goal.state.label, selected ? base : stateRole(goal.state)), (goal.objective, base), (goal.period, base),
                           (goal.owner.isEmpty ? "" : "@" + goal.owner, selected ? base : .cardAssignee), ("", base),
                           (percent(goal.progress), base)], in: Rect(x: row.x + 1, y: row.y, width: max(0, row.width - 2), height: 1), into: &c)
            if cells.count > 4 { bar(goal.progress ?? 0, width: cells[4].width, x: cells[4].x, y: row.y, into: &c) }
        }
        guard g.summaries.indices.contains(g.selected) else { return }
        var y = area.y + listHeight + 1
        let s = g.summaries[g.selected]
        let maxY = area.maxY
        func line(_ text: String, _ role: StyleRole, indent: Int = 1) {
            guard y < maxY else { return }
            canvas.text(SafeText.fitLine(text, width: max(0, area.width - indent - 1)), x: indent, y: y, role: role)
            y += 1
        }
        line(s.goal.objective + " · " + s.goal.state.label, .columnHeader)
        let barWidth = area.width >= 120 ? 30 : 12
        let metricWidth = area.width >= 120 ? 40 : 24
        for k in s.goal.keyResults where y < maxY {
            canvas.text(SafeText.fit(k.metric, width: metricWidth), x: 2, y: y, role: .normal)
            bar(k.progress, width: barWidth, x: 3 + metricWidth, y: y, into: &canvas)
            let numbers = "\(percent(k.progress)) \(MetricValue.text(k.start, k.unit)) → \(MetricValue.text(k.current, k.unit)) → \(MetricValue.text(k.target, k.unit))"
            let nx = 4 + metricWidth + barWidth
            canvas.text(SafeText.fitLine(numbers, width: max(0, area.width - nx - 1)), x: nx, y: y, role: .cardPoints)
            y += 1
        }
        if s.goal.keyResults.isEmpty { line("no key results: docket goal set \(s.goal.id) --kr \"METRIC: START -> TARGET\"", .dim, indent: 2) }
        y += 1
        let money = MoneyFormat(currency: state.board.planning.currency, locale: Locale(identifier: "en_US_POSIX"))
        line("Serving it: \(s.itemCount) item\(s.itemCount == 1 ? "" : "s") · \(s.points.pointsText) points" + (s.cost.map { " · " + money.string($0) } ?? ""), .columnHeader)
        // Stages side by side in bands when wide (a column of at least 30 cells each), one
        // under another when narrow; a stage whose items do not all fit says how many are left.
        let columns = max(1, min(s.stages.count, (area.width - 2) / 30))
        let colWidth = (area.width - 2) / columns
        var bandTop = y
        for band in stride(from: 0, to: s.stages.count, by: columns) {
            var bandBottom = bandTop
            for (n, group) in s.stages[band..<min(s.stages.count, band + columns)].enumerated() {
                var cy = bandTop
                let x = 1 + n * colWidth
                guard cy < maxY else { break }
                canvas.text(SafeText.fit("\(group.stage.name) (\(group.items.count))", width: colWidth - 1), x: x, y: cy, role: .columnHeader)
                cy += 1
                for (k, id) in group.items.enumerated() where cy < maxY {
                    if cy == maxY - 1, k < group.items.count - 1 {
                        canvas.text(SafeText.fit("… \(group.items.count - k) more", width: colWidth - 2), x: x + 1, y: cy, role: .dim)
                        cy += 1
                        break
                    }
                    guard let item = state.board.items[id] else { continue }
                    let x2 = canvas.text(state.board.shortID(id), x: x + 1, y: cy, role: .cardID)
                    canvas.text(SafeText.fitLine(item.title, width: max(0, x + colWidth - x2 - 2)), x: x2 + 1, y: cy, role: .normal)
                    cy += 1
                }
                bandBottom = max(bandBottom, cy)
            }
            bandTop = bandBottom + (columns > 1 ? 1 : 0)
        }
        drawEvidence(s, state, from: bandTop + (columns > 1 ? 0 : 1), maxY: maxY, width: area.width, &canvas)
    }

    /// When there is room: the feedback behind the goal (notes linked to the items serving
    /// it), newest first, one per line.
    private static func drawEvidence(_ s: GoalSummary, _ state: AppState, from top: Int, maxY: Int, width: Int, _ canvas: inout Canvas) {
        guard top + 2 < maxY else { return }
        let serving = Set(s.stages.flatMap(\.items))
        let notes = state.board.strategy.notes.filter { $0.items.contains(where: serving.contains) }
        guard !notes.isEmpty else { return }
        let customers = Set(notes.map { CustomerImpact.customerKey($0.from) }).count
        canvas.text(SafeText.fitLine("Feedback behind it: \(notes.count) note\(notes.count == 1 ? "" : "s") from \(customers) customer\(customers == 1 ? "" : "s")", width: width - 2),
                    x: 1, y: top, role: .columnHeader)
        var y = top + 1
        for n in notes.reversed() where y < maxY {
            canvas.text(SafeText.fit(n.importance.label, width: 13), x: 2, y: y, role: FeedbackInboxView.importanceRole(n.importance))
            canvas.text(SafeText.fitLine(n.from, width: 18), x: 16, y: y, role: .cardAssignee)
            canvas.text(SafeText.fitLine(SafeText.oneLine(n.text), width: max(0, width - 37)), x: 35, y: y, role: .dim)
            y += 1
        }
    }

    private static func drawUnaligned(_ g: GoalsScreen, _ state: AppState, _ area: Rect, _ canvas: inout Canvas) {
        guard area.height > 0 else { return }
        if g.unalignedIDs.isEmpty {
            canvas.text(SafeText.fit("Every open item serves a goal.", width: area.width - 2), x: 1, y: area.y, role: .dim)
            return
        }
        let board = state.board
        let stageNames = Dictionary(board.stages.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let table = Table(columns: [.init(title: "id", extent: .fixed(9)), .init(title: "stage", extent: .fixed(12)),
                                    .init(title: "title", extent: .fill(1)), .init(title: "pts", extent: .fixed(4), alignRight: true)])
        ListBox.draw(count: g.unalignedIDs.count, selected: g.selected, in: area, into: &canvas) { i, row, selected, c in
            guard let item = board.items[g.unalignedIDs[i]] else { return }
            let base: StyleRole = selected ? .cardSelected : .help
            table.drawRow([(board.shortID(item.id), selected ? base : .cardID), (stageNames[item.stage] ?? item.stage, base),
                           (item.title, base), (item.points?.pointsText ?? "", selected ? base : .cardPoints)], in: Rect(x: row.x + 1, y: row.y, width: max(0, row.width - 2), height: 1), into: &c)
        }
    }
}
