import DocketCore

/// The feedback inbox: a title row with progress, the current note as a large card (who,
/// when, importance, who recorded it, the text), the notes that follow (when there is
/// room), and below the search for the item to link to with its match. The last row is the
/// status line (key hints).
extension FeedbackInboxScreen {
    public func draw(_ app: AppState, into canvas: inout Canvas) { FeedbackInboxView.draw(self, state: app, into: &canvas) }
}

enum FeedbackInboxView {
    static func importanceRole(_ i: Importance) -> StyleRole {
        switch i {
        case .critical: return .priorityMust
        case .important: return .priorityShould
        case .nice: return .priorityCould
        }
    }

    static func draw(_ f: FeedbackInboxScreen, state: AppState, into canvas: inout Canvas) {
        let w = canvas.width, h = canvas.height
        let board = state.board
        canvas.fill(Rect(x: 0, y: 0, width: w, height: h), role: .normal)
        canvas.fill(Rect(x: 0, y: 0, width: w, height: 1), role: .columnHeaderSelected)
        let progress = f.currentID == nil ? "done" : "\(f.index + 1) of \(f.queue.count)"
        canvas.text(SafeText.fit(" Feedback inbox · \(progress) · \(f.decisions.count) linked", width: w), x: 0, y: 0, role: .columnHeaderSelected)
        let notes = Dictionary(board.strategy.notes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        guard let id = f.currentID, let note = notes[id] else {
            canvas.text(SafeText.fit("Every note is linked. Any key: back to the board (u: undo the last decision).", width: w - 2), x: 1, y: 2, role: .normal)
            StatusLine.draw(state, into: &canvas, y: h - 1)
            return
        }
        let cardWidth = min(w - 2, 90)
        let x = max(1, (w - cardWidth) / 2)
        var y = 2
        let facts: [(String, String, StyleRole)] = [
            ("from", note.from, .cardAssignee), ("date", note.date, .normal),
            ("importance", note.importance.label, importanceRole(note.importance)),
            ("recorded by", note.by, .dim), ("id", note.id, .cardID),
        ]
        for (label, value, role) in facts where y < h - 4 {
            canvas.text(SafeText.fit(label, width: 12), x: x, y: y, role: .dim)
            canvas.text(SafeText.fitLine(value, width: max(1, cardWidth - 13)), x: x + 13, y: y, role: role)
            y += 1
        }
        y += 1
        let askY = h - 3
        let textLines = Wrap.lines(note.text, width: cardWidth, maxLines: max(0, min(8, askY - 1 - y)))
        for line in textLines { canvas.text(line, x: x, y: y, role: .columnHeader, maxWidth: cardWidth); y += 1 }
        // The notes that follow, when there is room.
        let next = f.queue.dropFirst(f.index + 1).compactMap { notes[$0] }
        if askY - y > 3, !next.isEmpty {
            y += 1
            canvas.text(SafeText.fit("Next (\(next.count))", width: cardWidth), x: x, y: y, role: .dim); y += 1
            for n in next where y < askY - 1 {
                canvas.text(SafeText.fitLine(n.from, width: 18), x: x, y: y, role: .cardAssignee)
                canvas.text(SafeText.fitLine(SafeText.oneLine(n.text), width: max(0, cardWidth - 19)), x: x + 19, y: y, role: .dim)
                y += 1
            }
        }
        let askRow = Rect(x: 0, y: askY, width: w, height: 1)
        if let editor = f.search {
            PromptLine.draw(label: " Link to (search) › ", editor: editor, in: askRow, into: &canvas)
            let found = f.match.flatMap { board.items[$0] }.map { "→ \(board.shortID($0.id)) \($0.title) (Enter to link)" } ?? "no match yet"
            canvas.text(SafeText.fitLine(found, width: w - 2), x: 1, y: askY - 1, role: f.match == nil ? .dim : .warning)
        } else {
            canvas.text(SafeText.fit("l link to an item · n new Inbox item · s skip · u undo · Esc end", width: w - 2), x: 1, y: askY, role: .dim)
        }
        StatusLine.draw(state, into: &canvas, y: h - 1)
    }
}
