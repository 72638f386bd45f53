import DocketCore
import Foundation

/// The standup, drawn for a room: a header with the walk, the position and the timers; a
/// strip of what changed since the last standup; the item (or person) shown large with its
/// stage's other items beside it; the keys; the status line.
extension StandupScreen {
    public func draw(_ app: AppState, into canvas: inout Canvas) {
        let full = Rect(x: 0, y: 0, width: canvas.width, height: canvas.height)
        canvas.fill(full, role: .normal)
        let rows = Split.rows(full, [.fixed(1), .fixed(1), .fill(1), .fixed(1), .fixed(1)])
        drawHeader(app, in: rows[0], into: &canvas)
        canvas.text(SafeText.fitLine("Since \(StandupScreen.shortTime(since, app.calendar)): \(digest.countsLine)", width: full.width - 2),
                    x: 1, y: rows[1].y, role: .dim)
        let body = rows[2].inset(by: 0)
        if pageCount == 0 && parked.isEmpty { walk == .work ? drawItem(app, in: body, into: &canvas) : drawPerson(app, in: body, into: &canvas) }
        else if onParkingLot { drawParkingLot(app, in: body, into: &canvas) }
        else if walk == .work { drawItem(app, in: body, into: &canvas) }
        else { drawPerson(app, in: body, into: &canvas) }
        drawAsk(app, in: rows[3], into: &canvas)
        StatusLine.draw(app, into: &canvas, y: rows[4].y)
    }

    /// The header: where the walk is and the two timers. When it does not fit, it drops words
    /// before it drops the position and who is next (those are always shown): first "Standup",
    /// then the walk's long name, then the timers' labels, then the timers.
    private func drawHeader(_ app: AppState, in row: Rect, into canvas: inout Canvas) {
        canvas.fill(row, role: .columnHeaderSelected)
        let place: String, short: String
        if onParkingLot { place = "Parking lot · \(parked.count) parked"; short = place }
        else if walk == .work {
            let name = app.board.stages.first { $0.id == currentStage }?.name ?? ""
            short = "\(name) · item \(position + 1) of \(pageCount)"
            place = "Walk the work · " + short
        } else {
            let next = position + 1 < peopleOrder.count ? " · next: \(peopleOrder[position + 1])" : ""
            short = "person \(position + 1) of \(pageCount)\(next)"
            place = "Walk the people · " + short
        }
        let clocks = (StandupScreen.clock(meetingSeconds) + "/" + StandupScreen.clock(meetingTimebox),
                      StandupScreen.clock(speakerSeconds) + "/" + StandupScreen.clock(speakerTimebox))
        let paused = pausedAt != nil ? " · PAUSED" : ""
        let timers = " Meeting \(clocks.0) · \(walk == .work ? "Stage" : "Speaker") \(clocks.1)\(paused) "
        let compact = " \(clocks.0) · \(clocks.1)\(paused) "
        let choices = [(" Standup · " + place, timers), (" " + place, timers), (" " + short, timers), (" " + short, compact), (" " + short, "")]
        let (left, right) = choices.first { DisplayWidth.of($0.0) + DisplayWidth.of($0.1) + 1 <= row.width } ?? choices[choices.count - 1]
        let tw = DisplayWidth.of(right)
        canvas.text(SafeText.fitLine(left, width: max(1, row.width - tw - 1)), x: row.x, y: row.y, role: .columnHeaderSelected)
        let over = meetingSeconds > meetingTimebox || speakerSeconds > speakerTimebox
        if tw > 0, tw < row.width { canvas.text(right, x: row.maxX - tw, y: row.y, role: over ? .columnOverLimit : .columnHeaderSelected) }
    }

    private func drawItem(_ app: AppState, in area: Rect, into canvas: inout Canvas) {
        guard let id = currentItem, let item = app.board.items[id] else {
            let text = workItems.isEmpty ? "Nothing is in flight: no open items outside the inbox and done stages. y ends the standup and records that the team met."
                : "This item is no longer on the board."
            for (i, line) in Wrap.lines(text, width: area.width - 2, maxLines: 3).enumerated() {
                canvas.text(line, x: area.x + 1, y: area.y + 1 + i, role: .normal)
            }
            return
        }
        let wide = area.width >= 100
        let parts = Split.columns(area, wide ? [.fill(2), .fixed(1), .fill(1)] : [.fill(1)])
        let main = Rect(x: parts[0].x + 1, y: parts[0].y + 1, width: parts[0].width - 2, height: parts[0].height - 1)
        var y = main.y
        for line in Wrap.lines(item.title, width: main.width, maxLines: 3) where y < main.maxY {
            canvas.text(line, x: main.x, y: y, role: .helpTitle); y += 1
        }
        y += 1
        let days = ages.days(id, now: clock)
        let stageName = app.board.stages.first { $0.id == item.stage }?.name ?? item.stage
        let stale = isStale(id, item: item, app)
        let facts: [(String, String, StyleRole)] = [
            ("id", item.id + (parked.contains(id) ? "  · PARKED" : ""), .cardID),
            ("who", item.assignees.isEmpty ? "nobody yet (a to assign)" : item.assignees.map { "@" + $0 }.joined(separator: " "), .cardAssignee),
            ("age", "\(days) day\(days == 1 ? "" : "s") in \(stageName)" + (stale ? " · past this stage's usual time" : ""), stale ? .ageStale : .normal),
            ("blocked", item.blocked ? "BLOCKED: " + (item.blockedReason.isEmpty ? "no reason given" : item.blockedReason) : "no", item.blocked ? .blocked : .dim),
            ("last change", lastChange(id, app), .dim),
        ]
        for (label, value, role) in facts where y < main.maxY {
            canvas.text(label, x: main.x, y: y, role: .dim, maxWidth: 12)
            canvas.text(SafeText.fitLine(value, width: max(1, main.width - 13)), x: main.x + 13, y: y, role: role)
            y += 1
        }
        if !item.criteria.isEmpty, y + 1 < main.maxY {
            y += 1
            canvas.text("Acceptance", x: main.x, y: y, role: .helpKey); y += 1
            for (i, c) in item.criteria.enumerated() where y < main.maxY {
                let text = "\(i + 1) " + (c.done ? "[x] " : "[ ] ") + c.text
                canvas.text(SafeText.fitLine(text, width: main.width), x: main.x, y: y, role: c.done ? .statusOK : .normal); y += 1
            }
        }
        if wide { drawStageBeside(app, item: item, in: parts[2], into: &canvas) }
        if wide { canvas.vline(x: parts[1].x, y: parts[1].y, length: parts[1].height, role: .border) }
    }

    /// The current stage's other items, compactly, so the room sees the context.
    private func drawStageBeside(_ app: AppState, item: Item, in area: Rect, into canvas: inout Canvas) {
        let ids = workOrder.first { $0.stage == currentStage }?.items ?? []
        let name = app.board.stages.first { $0.id == currentStage }?.name ?? ""
        canvas.text(SafeText.fitLine(" \(name) · \(ids.count)", width: area.width), x: area.x, y: area.y, role: .columnHeader)
        for (i, id) in ids.enumerated() where area.y + 1 + i < area.maxY {
            guard let other = app.board.items[id] else { continue }
            let mark = id == item.id ? "▶ " : "  "
            let age = "\(ages.days(id, now: clock))d"
            let role: StyleRole = id == item.id ? .cardSelected : other.blocked ? .blocked : isStale(id, item: other, app) ? .ageStale : .normal
            let row = Rect(x: area.x, y: area.y + 1 + i, width: area.width, height: 1)
            if id == item.id { canvas.fill(row, role: role) }
            canvas.text(SafeText.fitLine(mark + other.title, width: max(1, area.width - 5)), x: row.x, y: row.y, role: role)
            canvas.text(age, x: row.maxX - DisplayWidth.of(age) - 1, y: row.y, role: role)
        }
    }

    private func drawPerson(_ app: AppState, in area: Rect, into canvas: inout Canvas) {
        guard let person = currentPerson else {
            canvas.text("Nobody has open work or a change since the last standup. y ends the standup and records that the team met.",
                        x: area.x + 1, y: area.y + 1, role: .normal, maxWidth: area.width - 2)
            return
        }
        let card = StandupWalk.card(for: person, app.board, since: since)
        var y = area.y + 1
        canvas.text("@" + person, x: area.x + 1, y: y, role: .helpTitle, maxWidth: area.width - 2); y += 2
        let sections: [(String, [String])] = [("Done since the last standup", card.done), ("In progress", card.inProgress),
                                              ("Blocked", card.blocked), ("Next up", card.next)]
        for (title, ids) in sections where y < area.maxY {
            canvas.text("\(title) (\(ids.count))", x: area.x + 1, y: y, role: .helpKey); y += 1
            for id in ids where y < area.maxY {
                guard let item = app.board.items[id] else { continue }
                let age = title == "In progress" || title == "Blocked" ? " · \(ages.days(id, now: clock))d" : ""
                let reason = title == "Blocked" && !item.blockedReason.isEmpty ? " — " + item.blockedReason : ""
                canvas.text(SafeText.fitLine("  \(id) \(item.title)\(age)\(reason)", width: area.width - 2), x: area.x + 1, y: y,
                            role: title == "Blocked" ? .blocked : .normal)
                y += 1
            }
        }
    }

    private func drawParkingLot(_ app: AppState, in area: Rect, into canvas: inout Canvas) {
        canvas.text("Parking lot: discuss after the standup (Enter opens an item's details)", x: area.x + 1, y: area.y + 1,
                    role: .helpKey, maxWidth: area.width - 2)
        if parked.isEmpty {
            canvas.text("Nothing parked. y ends the standup.", x: area.x + 1, y: area.y + 3, role: .dim, maxWidth: area.width - 2)
            return
        }
        let list = Rect(x: area.x + 1, y: area.y + 3, width: area.width - 2, height: max(0, area.height - 3))
        ListBox.draw(count: parked.count, selected: parkedRow, in: list, into: &canvas) { i, row, selected, c in
            let title = app.board.items[parked[i]]?.title ?? "(gone)"
            c.text(SafeText.fitLine("\(parked[i]) \(title)", width: row.width - 1), x: row.x + 1, y: row.y, role: selected ? .cardSelected : .help)
        }
    }

    private func drawAsk(_ app: AppState, in row: Rect, into canvas: inout Canvas) {
        switch ask {
        case .blockReason(let e)?: PromptLine.draw(label: " Blocked because › ", editor: e, in: row, into: &canvas)
        case .assign(let e)?: PromptLine.draw(label: " Assign to › ", editor: e, in: row, into: &canvas)
        case .end?:
            canvas.fill(row, role: .prompt)
            canvas.text(" End the standup and record it? y yes · n no, go on", x: row.x, y: row.y, role: .prompt, maxWidth: row.width)
        case nil:
            let s = Self.id
            let keys = KeyHints.line(app, [(s, ["next", "previous"], "walk"), (s, ["switch-walk"], "people/work"),
                                           (s, ["move-left", "move-right"], "move"), (s, ["block"], "block"), (s, ["assign"], "assign"),
                                           (s, ["park"], "park"), (s, ["pause"], "pause"),
                                           (s, ["parking-lot"], "parking lot"), (s, ["end"], "end")])
            let ticks = app.keymaps.label(of: "tick-1", on: s) == "1" && app.keymaps.label(of: "tick-9", on: s) == "9" ? " · 1-9 tick" : ""
            canvas.text(SafeText.fitLine(keys + ticks, width: row.width - 2), x: row.x + 1, y: row.y, role: .dim)
        }
    }

    /// True when the item has been in its stage longer than the stage's threshold.
    func isStale(_ id: String, item: Item, _ app: AppState) -> Bool {
        guard let limit = ages.threshold(item.stage, fallback: app.board.stageSLA(item.stage)) else { return false }
        return Double(ages.days(id, now: clock)) > limit
    }

    private func lastChange(_ id: String, _ app: AppState) -> String {
        // From the ages' one pass over the log, not a scan of the log per frame.
        guard let a = ages.lastChange[id] else { return "—" }
        let what = a.field.map { "\(a.action) \($0)" } ?? a.action
        return "\(what) by \(a.by), \(StandupScreen.shortTime(a.at, app.calendar))"
    }

    /// `mm:ss` (or `h:mm:ss` past an hour).
    static func clock(_ seconds: Timestamp) -> String {
        let s = max(0, seconds)
        let two = { (n: Timestamp) in n < 10 ? "0\(n)" : "\(n)" }
        return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(two(s / 60)):\(two(s % 60))"
    }

    /// `2026-12-04 09:00` in the user's time zone.
    static func shortTime(_ t: Timestamp, _ calendar: LocalCalendar) -> String {
        let offset = Timestamp(calendar.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t))))
        return calendar.day(of: t) + " " + ISODate.format(t + offset).dropFirst(11).prefix(5)
    }
}
