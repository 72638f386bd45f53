import DocketCore

/// Triage: the current Inbox item as a large card, with progress ("4 of 17"), its fields,
/// the start of its description and the keys; below it what is being asked (a value, the
/// stage to accept into, or the original of a duplicate).
enum TriageView {
    static let keys = "1-4 priority · p points · r release · l labels · a assignee · Enter accept · x decline · D duplicate · z snooze · s skip · u undo · Esc end"

    static func draw(_ t: TriageState, state: AppState, into canvas: inout Canvas) {
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
        for line in DetailView.wrap(item.title, width: cardWidth, maxLines: 3) {
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
            for line in DetailView.wrap(item.description, width: cardWidth, maxLines: max(0, h - 6 - y)) {
                canvas.text(line, x: x, y: y, role: .normal, maxWidth: cardWidth); y += 1
            }
        }
        let askY = h - 3
        switch t.ask {
        case .value(let field, let editor)?:
            let label = field == "declined" ? "Decline: why? › " : field == "snoozedUntil" ? "Snooze until › " : "\(field) › "
            canvas.fill(Rect(x: 0, y: askY, width: w, height: 1), role: .prompt)
            let x0 = canvas.text(label, x: 1, y: askY, role: .prompt)
            LineEditorView.draw(editor, into: &canvas, x: x0, y: askY, width: max(1, w - x0 - 1), role: .prompt)
        case .stage(let choice)?:
            let targets = board.stages.filter { $0.kind != .inbox }
            let boxH = min(targets.count + 2, h - 2)
            let boxW = min(40, w - 2)
            let bx = max(0, (w - boxW) / 2), by = max(1, (h - boxH) / 2)
            canvas.fill(Rect(x: bx, y: by, width: boxW, height: boxH), role: .help)
            canvas.text(" Accept into which stage? ", x: bx + 1, y: by, role: .helpTitle, maxWidth: boxW - 2)
            for (i, s) in targets.enumerated() where by + 1 + i < by + boxH {
                let role: StyleRole = i == choice ? .cardSelected : .help
                canvas.fill(Rect(x: bx + 1, y: by + 1 + i, width: boxW - 2, height: 1), role: role)
                canvas.text(SafeText.fitLine(s.name, width: boxW - 4), x: bx + 2, y: by + 1 + i, role: role)
            }
        case .duplicate(let editor, let match)?:
            canvas.fill(Rect(x: 0, y: askY, width: w, height: 1), role: .prompt)
            let x0 = canvas.text("Duplicate of (search) › ", x: 1, y: askY, role: .prompt)
            LineEditorView.draw(editor, into: &canvas, x: x0, y: askY, width: max(1, w - x0 - 1), role: .prompt)
            let found = match.flatMap { board.items[$0] }.map { "→ \($0.id) \($0.title) (Enter to confirm)" } ?? "no match yet"
            canvas.text(SafeText.fitLine(found, width: w - 2), x: 1, y: askY - 1, role: match == nil ? .dim : .warning)
        case nil:
            canvas.text(SafeText.fit(keys, width: w - 2), x: 1, y: askY, role: .dim)
        }
        StatusLine.draw(state, into: &canvas, y: h - 1)
    }
}
