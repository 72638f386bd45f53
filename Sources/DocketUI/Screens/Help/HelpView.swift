import DocketCore

extension HelpScreen {
    /// Help's sections for a screen: (heading, [(keys, description)]): the global keys, the
    /// screen's, the line editor's.
    static func sections(for screen: String, _ keymaps: Keymaps) -> [(String, [(String, String)])] {
        var out: [(String, [(String, String)])] = []
        func entries(_ table: KeyTable) -> [(String, String)] {
            table.actions.compactMap { a in
                let keys = table.keys(for: a.name).map(\.label)
                return keys.isEmpty ? nil : (keys.joined(separator: " "), a.summary)
            }
        }
        if let global = keymaps.tables[GlobalKeys.id] { out.append(("Everywhere", entries(global))) }
        if let table = keymaps.tables[screen] {
            let title = Screens.all.first { $0.id == screen }?.title ?? screen
            out.append((title, entries(table)))
        }
        if let editor = keymaps.tables[EditorKeys.id] {
            out.append(("Editing a line", entries(editor) + EditorKeys.editingHelp))
        }
        if screen == BoardScreen.id { out.append(("Mouse", [("click", "select a card"), ("wheel", "scroll the column")])) }
        return out
    }

    /// The help text wrapped to `width` columns: (text, role) per line.
    static func lines(for screen: String, _ keymaps: Keymaps, width: Int) -> [(String, StyleRole, String)] {
        let all = sections(for: screen, keymaps)
        let keyWidth = min(max(8, width / 3), all.flatMap { $0.1 }.map { DisplayWidth.of($0.0) }.max() ?? 8)
        let textWidth = max(8, width - keyWidth - 2)
        var out: [(String, StyleRole, String)] = []
        for (i, section) in all.enumerated() {
            if i > 0 { out.append(("", .help, "")) }
            out.append((section.0, .helpTitle, ""))
            for (keys, text) in section.1 {
                let keyLines = Wrap.lines(keys, width: keyWidth, maxLines: 4)
                let textLines = Wrap.lines(text, width: textWidth, maxLines: 20)
                for k in 0..<max(keyLines.count, textLines.count) {
                    let key = k < keyLines.count ? keyLines[k] : ""
                    out.append((key + String(repeating: " ", count: max(0, keyWidth - DisplayWidth.of(key))) + "  ", .helpKey,
                                k < textLines.count ? textLines[k] : ""))
                }
            }
        }
        return out
    }

    public func draw(_ app: AppState, into canvas: inout Canvas) {
        StatusLine.draw(app, into: &canvas, y: canvas.height - 1)
        let area = Rect(x: 0, y: 0, width: canvas.width, height: canvas.height - 1)
        let close = app.keymaps.label(of: HelpAction.close.rawValue, on: Self.id) ?? "Esc"
        let boxWidth = min(canvas.width, 100)
        let all = HelpScreen.lines(for: screen, app.keymaps, width: boxWidth - 4)
        guard let inner = Popup.draw(title: " Docket keys — \(close) to close ", width: boxWidth, height: all.count + 3,
                                     in: area, into: &canvas) else { return }
        let body = Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: inner.height - 1)
        let first = min(scroll, max(0, all.count - body.height))
        // When more follows, the last row says so, on a row of its own (drawn over the last
        // line, it cut that line's text at narrow widths: "and mo↓ more").
        let more = first + body.height < all.count && body.width > 12 && body.height > 1
        for (i, line) in all.dropFirst(first).prefix(more ? body.height - 1 : body.height).enumerated() {
            let x = canvas.text(line.0, x: body.x, y: body.y + i, role: line.1, maxWidth: body.width)
            canvas.text(line.2, x: x, y: body.y + i, role: .help, maxWidth: body.maxX - x)
        }
        if more {
            let mark = "↓ more (\(app.keymaps.label(of: HelpAction.down.rawValue, on: Self.id) ?? "j"))"
            canvas.text(mark, x: inner.maxX - DisplayWidth.of(mark) - 1, y: inner.maxY - 1, role: .helpKey)
        }
    }
}
