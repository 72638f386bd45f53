import DocketCore

/// The timeline: a calendar axis (weeks: a cell a day, Mondays labelled; months: a cell three
/// days, the 1st labelled), today marked `▼` on the axis and `│` down the chart, then one row
/// per release and open epic with a target: the name, and a bar from start to target (done
/// part `█`, the rest `▒`; `◀` / `▶` where it runs off the chart) followed by its progress and
/// flags. Shipped and cancelled releases are dimmed, late or over-capacity ones in the warning
/// style. The last row describes the selected bar.
enum TimelineView {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date (nil when it is not one).
    static func dayNumber(_ day: String?) -> Int? { day.flatMap(DayIndex.number(of:)) }

    /// The axis of the chart: the first day shown and the days per cell.
    struct Axis {
        var origin: Int
        var daysPerCell: Int
        var x: Int
        var width: Int
        /// The cell of day `d` relative to the chart's left edge (may be off the chart).
        func cell(_ d: Int) -> Int {
            let n = d - origin
            return n >= 0 ? n / daysPerCell : -((-n + daysPerCell - 1) / daysPerCell)
        }
    }

    static func draw(_ s: RoadmapScreen, _ app: AppState, in area: Rect, into canvas: inout Canvas) {
        let labelWidth = min(28, max(10, area.width / 4))
        let chartX = area.x + labelWidth + 1
        let chartWidth = max(1, area.maxX - chartX - 1)
        let today = dayNumber(s.roadmap.today) ?? 0
        let dpc = s.scale.daysPerCell
        let axis = Axis(origin: today - chartWidth * dpc / 4 + s.offsetDays, daysPerCell: dpc, x: chartX, width: chartWidth)
        drawAxis(axis, today: today, scale: s.scale, y: area.y, into: &canvas)
        let bars = s.roadmap.timeline
        let rows = Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 2))
        if bars.isEmpty {
            canvas.text(SafeText.fit(" No releases or epics with dates yet (docket release add NAME --target D).", width: area.width),
                        x: 0, y: rows.y, role: .dim)
        }
        let top = ListBox.scroll(selected: s.bar, count: bars.count, visible: rows.height)
        let todayCell = axis.cell(today)
        for k in 0..<rows.height {
            let y = rows.y + k
            if (0..<axis.width).contains(todayCell) { canvas.text("│", x: axis.x + todayCell, y: y, role: .planToday) }
            guard top + k < bars.count else { continue }
            drawBar(bars[top + k], selected: top + k == s.bar, axis: axis, labelWidth: labelWidth, y: y, into: &canvas)
        }
        if bars.indices.contains(s.bar), area.height > 2 {
            let b = bars[s.bar]
            let flagged = b.late || b.overCapacity
            let forecast = b.kind == .epic ? nil : s.forecasts.lines[b.name].map { " · forecast: " + $0 }
            canvas.text(SafeText.fit(" " + describe(b) + (forecast ?? ""), width: area.width), x: area.x, y: area.maxY - 1, role: flagged ? .warning : .dim)
        }
    }

    private static func drawAxis(_ axis: Axis, today: Int, scale: RoadmapScreen.Scale, y: Int, into canvas: inout Canvas) {
        canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), role: .dim)
        var c = 0
        while c < axis.width {
            let first = axis.origin + c * axis.daysPerCell
            let text = (first..<(first + axis.daysPerCell)).lazy.compactMap { Self.label(day: $0, scale: scale) }.first
            if let text, c + DisplayWidth.of(text) <= axis.width {
                canvas.text(text, x: axis.x + c, y: y, role: .dim)
                c += DisplayWidth.of(text) + 1
            } else { c += 1 }
        }
        let t = axis.cell(today)
        if (0..<axis.width).contains(t) { canvas.text("▼", x: axis.x + t, y: y, role: .planToday) }
    }

    /// The axis label that starts at `day` (a Monday for weeks, a 1st for months), if any.
    /// Most days have none: those are told by arithmetic, and only a labelled day is formatted.
    static func label(day: Int, scale: RoadmapScreen.Scale) -> String? {
        switch scale {
        case .weeks: guard (day + 3) % 7 == 0 else { return nil }
        case .months: guard ISODate.date(ofDay: Int64(day)).day == 1 else { return nil }
        }
        let text = ISODate.formatDay(Timestamp(day) * 86_400)
        let parts = text.split(separator: "-")
        guard parts.count == 3, let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m) else { return nil }
        switch scale {
        case .weeks: return (day + 3) % 7 == 0 ? "\(d) \(months[m - 1])" : nil
        case .months: return d == 1 ? "\(months[m - 1]) \(parts[0])" : nil
        }
    }

    private static func drawBar(_ b: Roadmap.Bar, selected: Bool, axis: Axis, labelWidth: Int, y: Int, into canvas: inout Canvas) {
        let closed = b.state?.isClosed ?? false
        let flagged = (b.late || b.overCapacity) && !closed
        let base: StyleRole = closed ? .dim : flagged ? .warning : .normal
        let name = (b.kind == .epic ? "◆ " : "") + SafeText.oneLine(b.name)
        if selected { canvas.fill(Rect(x: 0, y: y, width: labelWidth + 1, height: 1), role: .cardSelected) }
        canvas.text(SafeText.fitLine(" " + name, width: labelWidth), x: 0, y: y, role: selected ? .cardSelected : base)
        guard let end = dayNumber(b.target) ?? dayNumber(b.start) else {
            canvas.text("no dates", x: axis.x + 1, y: y, role: .dim)
            return
        }
        let start = min(dayNumber(b.start) ?? end, end)
        let from = axis.cell(start), to = axis.cell(end)
        let doneCells = Int((Double(to - from + 1) * min(1, max(0, b.progress))).rounded())
        let lo = max(0, from), hi = min(axis.width - 1, to)
        for c in stride(from: lo, through: hi, by: 1) {
            let done = c - from < doneCells
            let role: StyleRole = closed ? .dim : flagged ? .warning : done ? .planBar : .planTrack
            canvas.text(done ? "█" : "▒", x: axis.x + c, y: y, role: role)
        }
        if from < 0, to >= 0 { canvas.text("◀", x: axis.x, y: y, role: closed ? .dim : flagged ? .warning : .planBar) }
        if to >= axis.width, from < axis.width { canvas.text("▶", x: axis.x + axis.width - 1, y: y, role: closed ? .dim : flagged ? .warning : .planBar) }
        let after = axis.x + to + 2
        if to < axis.width - 1, after < axis.x + axis.width {
            canvas.text(flags(b), x: max(axis.x, after), y: y, role: flagged ? .warning : .dim, maxWidth: axis.x + axis.width - max(axis.x, after))
        }
    }

    /// `62%`, then `late`, `over capacity`, or the state of a closed release.
    private static func flags(_ b: Roadmap.Bar) -> String {
        var parts = ["\(Int((b.progress * 100).rounded()))%"]
        if let st = b.state, st.isClosed { parts.append(st.rawValue) } else {
            if b.late { parts.append("late") }
            if b.overCapacity { parts.append("over capacity") }
        }
        return parts.joined(separator: " ")
    }

    /// The selected bar in words: kind, name, dates, progress and flags.
    static func describe(_ b: Roadmap.Bar) -> String {
        var parts = [(b.kind == .epic ? "Epic " : "Release ") + SafeText.oneLine(b.name)]
        parts.append("\(b.start ?? "…") → \(b.target ?? "…")")
        parts.append("\(Int((b.progress * 100).rounded()))% done")
        if let st = b.state { parts.append(st.rawValue) }
        if b.late && !(b.state?.isClosed ?? false) { parts.append("late: past its target") }
        if b.overCapacity { parts.append("over capacity") }
        return parts.joined(separator: " · ")
    }
}
