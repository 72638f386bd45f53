/// A line editor's text with its cursor, scrolled sideways to keep the cursor in `width`.
enum LineEditorView {
    static func draw(_ editor: LineEditor, into canvas: inout Canvas, x x0: Int, y: Int, width room: Int, role: StyleRole) {
        let chars = editor.chars.map { SafeText.clean(String($0)) }
        let widths = chars.map { max(1, DisplayWidth.of($0)) }
        // First character shown: as far left as possible while the cursor stays visible.
        var start = 0
        var used = widths[..<editor.cursor].reduce(0, +) + 1
        while used > room, start < editor.cursor { used -= widths[start]; start += 1 }
        var x = x0
        for i in start..<chars.count {
            if x + widths[i] > x0 + room { break }
            x = canvas.text(chars[i], x: x, y: y, role: i == editor.cursor ? .promptCursor : role)
        }
        if editor.cursor == chars.count, x < canvas.width { canvas.text(" ", x: x, y: y, role: .promptCursor) }
    }
}
