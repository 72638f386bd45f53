import DocketCore

/// The backlog list: one row per open item in rank order, with columns rank #, id, title,
/// stage, priority, points, score, release and assignees; marked rows start with `●`;
/// grouped under release headings (`── 1.4 · 34/34p ──`) when asked. The last row is the
/// status line, or the bulk-change prompt.
extension BacklogScreen {
    public func draw(_ app: AppState, into canvas: inout Canvas) { BacklogView.draw(self, state: app, into: &canvas) }
}

enum BacklogView {
    static func draw(_ b: BacklogScreen, state: AppState, into canvas: inout Canvas) {
        let w = canvas.width
        let board = state.board
        canvas.fill(Rect(x: 0, y: 0, width: w, height: canvas.height), role: .normal)
        let stageNames = Dictionary(board.stages.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        // Fixed columns; the title takes what is left.
        let cols: [(String, Int)] = [("#", 6), ("id", 9), ("stage", 12), ("prio", 7), ("pts", 5), ("score", 6), ("release", 9), ("who", 10)]
        let fixed = cols.reduce(0) { $0 + $1.1 } + 2
        let titleWidth = max(8, w - fixed)
        var header = "  " + pad("#", 6) + pad("id", 9) + pad("title", titleWidth) + pad("stage", 12) + pad("prio", 7)
        header += pad("pts", 5) + pad("score", 6) + pad("release", 9) + "who"
        canvas.fill(Rect(x: 0, y: 0, width: w, height: 1), role: .columnHeader)
        canvas.text(SafeText.fit(header, width: w), x: 0, y: 0, role: .columnHeader)
        let marked = b.marked.isEmpty ? "" : " · \(b.marked.count) marked (m p r l d)"
        canvas.text(SafeText.fit(" Backlog: \(b.order.count) open items\(b.groupByRelease ? " by release" : "")\(marked) ", width: w),
                    x: 0, y: 1, role: .dim)
        var y = 2
        let last = canvas.height - 1
        var lastRelease: String?? = .none
        for index in b.scroll..<b.order.count {
            guard y < last, let item = board.items[b.order[index]] else { break }
            if b.groupByRelease, lastRelease != .some(item.release) {
                lastRelease = .some(item.release)
                let name = item.release ?? "no release"
                let rel = board.releases.first { $0.name == item.release }
                let planned = b.plannedByRelease[item.release ?? ""] ?? 0
                let budget = rel?.capacity.map { "\(planned.pointsText)/\($0.pointsText)p" } ?? "\(planned.pointsText)p"
                let over = (rel?.capacity).map { planned > $0 } ?? false
                canvas.text(SafeText.fit("── \(name) · \(budget)\(rel?.target.map { " · \($0)" } ?? "") ──", width: w), x: 0, y: y,
                            role: over ? .columnOverLimit : .columnHeader)
                y += 1
                guard y < last else { break }
            }
            let selected = index == b.row
            let role: StyleRole = selected ? .cardSelected : .card
            canvas.fill(Rect(x: 0, y: y, width: w, height: 1), role: role)
            var x = canvas.text(b.marked.contains(item.id) ? "● " : "  ", x: 0, y: y, role: selected ? role : .warning)
            let prio = item.priority?.rawValue ?? ""
            let cells: [(String, Int, StyleRole)] = [
                (String(index + 1), 6, selected ? role : .dim),
                (item.id, 9, selected ? role : .cardID),
                (item.title, titleWidth, role),
                (stageNames[item.stage] ?? item.stage, 12, role),
                (prio, 7, selected ? role : CardView.priorityRole(item.priority)),
                (item.points?.pointsText ?? "", 5, selected ? role : .cardPoints),
                (board.score(item).map(ScoreText.format) ?? "", 6, selected ? role : .cardPoints),
                (item.release ?? "", 9, role),
                (item.assignees.map { "@" + $0 }.joined(separator: " "), 10, selected ? role : .cardAssignee),
            ]
            for (text, width, r) in cells {
                guard x < w else { break }
                canvas.text(SafeText.fitLine(text, width: max(1, width - 1)), x: x, y: y, role: item.blocked && r == role && text == item.id ? .blocked : r)
                x += width
            }
            y += 1
        }
        if let bulk = b.bulk {
            if last > 0 { StatusLine.drawMessage(state, into: &canvas, y: last - 1) }
            let n = max(1, b.marked.count)
            let label = bulk.field == "labels" ? "Add label to \(n) › " : "Set \(bulk.field) of \(n) › "
            PromptLine.draw(label: label, editor: bulk.editor, in: Rect(x: 0, y: last, width: w, height: 1), into: &canvas)
        } else {
            StatusLine.draw(state, into: &canvas, y: last)
        }
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? String(s.prefix(width)) : s + String(repeating: " ", count: width - s.count)
    }
}
