import DocketCore

/// Triage: the current Inbox item as a large card, with progress ("4 of 17"), its fields,
/// the start of its description and the keys; below it what is being asked (a value, the
/// stage to accept into, or the original of a duplicate).
extension TriageScreen {
    public func draw(_ app: AppState, into canvas: inout Canvas) { TriageView.draw(self, state: app, into: &canvas) }
}

enum TriageView {
    /// The keys of triage, from the keymap in force: `1 must · 2 should · … · Esc end`.
    static func keys(_ state: AppState) -> String {
        guard let table = state.keymaps.tables[TriageScreen.id] else { return "" }
        var seen = Set<String>()
        return table.bindings.compactMap { b -> String? in
            guard !seen.contains(b.action), b.action != "up", b.action != "down", b.action != "redo" else { return nil }
            seen.insert(b.action)
            return "\(b.key.label) \(b.action)"
        }.joined(separator: " · ")
    }

    static func draw(_ t: TriageScreen, state: AppState, into canvas: inout Canvas) {
        let w = canvas.width, h = canvas.height
        canvas.fill(Rect(x: 0, y: 0, width: w, height: h), role: .normal)
        let board = state.board
        let progress = t.currentID == nil ? "done" : "\(t.index + 1) of \(t.queue.count)"
        canvas.fill(Rect(x: 0, y: 0, width: w, height: 1), role: .columnHeaderSelected)
        canvas.text(SafeText.fit(" Triage · \(progress) · \(t.decisions.count) decided", width: w), x: 0, y: 0, role: .columnHeaderSelected)
        guard let id = t.currentID, let item = board.items[id] else {
            canvas.text(SafeText.fit("The Inbox is triaged. Any key: back to the board (u: undo the last decision).", width: w - 2),
                        x: 1, y: 2, role: .normal)
            StatusLine.draw(state, into: &canvas, y: h - 1)
            return
        }
        let cardWidth = min(w - 2, 90)
        let x = max(1, (w - cardWidth) / 2)
        var y = 2
        for line in Wrap.lines(item.title, width: cardWidth, maxLines: 3) {
            canvas.text(line, x: x, y: y, role: .columnHeader, maxWidth: cardWidth); y += 1
        }
        y += 1
        let stage = board.stages.first { $0.id == item.stage }?.name ?? item.stage
        let facts: [(String, String, StyleRole)] = [
            ("id", "\(item.id) · \(item.type.rawValue) · in \(stage)", .cardID),
            ("priority", item.priority?.rawValue ?? "—", CardView.priorityRole(item.priority)),
            ("points", item.points?.pointsText ?? "—", .cardPoints),
            ("labels", item.labels.isEmpty ? "—" : item.labels.map { "#" + $0 }.joined(separator: " "), .cardLabel),
            ("assignees", item.assignees.isEmpty ? "—" : item.assignees.map { "@" + $0 }.joined(separator: " "), .cardAssignee),
            ("release", item.release ?? "—", .normal),
            ("requester", item.requester ?? "—", .normal),
            ("votes", String(item.votes), .normal),
        ]
        for (label, value, role) in facts where y < h - 4 {
            canvas.text(SafeText.fit(label, width: 11), x: x, y: y, role: .dim)
            canvas.text(SafeText.fitLine(value, width: max(1, cardWidth - 12)), x: x + 12, y: y, role: role)
            y += 1
        }
        y += 1
        if !item.description.isEmpty {
            for line in Wrap.lines(item.description, width: cardWidth, maxLines: max(0, h - 6 - y)) {
                canvas.text(line, x: x, y: y, role: .normal, maxWidth: cardWidth); y += 1
            }
        }
        let askY = h - 3
        let askRow = Rect(x: 0, y: askY, width: w, height: 1)
        switch t.ask {
        case .value(let field, let editor)?:
            let label = field == "declined" ? "Decline: why? › " : field == "snoozedUntil" ? "Snooze until › " : "\(field) › "
            PromptLine.draw(label: " " + label, editor: editor, in: askRow, into: &canvas)
        case .stage(let choice)?:
            let targets = board.acceptStages
            let area = Rect(x: 0, y: 1, width: w, height: h - 2)
            if let inner = Popup.draw(title: " Accept into which stage? ", width: 40, height: targets.count + 2, in: area, into: &canvas) {
                ListBox.draw(count: targets.count, selected: choice, in: inner.inset(by: 0), into: &canvas) { i, row, selected, c in
                    c.text(SafeText.fitLine(targets[i].name, width: row.width - 2), x: row.x + 1, y: row.y, role: selected ? .cardSelected : .help)
                }
            }
        case .duplicate(let editor, let match)?:
            PromptLine.draw(label: " Duplicate of (search) › ", editor: editor, in: askRow, into: &canvas)
            let found = match.flatMap { board.items[$0] }.map { "→ \($0.id) \($0.title) (Enter to confirm)" } ?? "no match yet"
            canvas.text(SafeText.fitLine(found, width: w - 2), x: 1, y: askY - 1, role: match == nil ? .dim : .warning)
        case nil:
            canvas.text(SafeText.fit(keys(state), width: w - 2), x: 1, y: askY, role: .dim)
        }
        StatusLine.draw(state, into: &canvas, y: h - 1)
    }
}
