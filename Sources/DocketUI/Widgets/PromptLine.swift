/// A prompt on one row: a label, then a line editor with its cursor, the whole row in the
/// `prompt` role. Used by every screen that asks for a line of text.
enum PromptLine {
    /// Draws the prompt in `row` (a one-row rectangle); the label takes at most a third of it.
    static func draw(label: String, editor: LineEditor, in row: Rect, into canvas: inout Canvas) {
        guard row.height > 0, row.width > 0 else { return }
        canvas.fill(row, role: .prompt)
        let x0 = canvas.text(SafeText.fitLine(label, width: max(1, row.width / 3)), x: row.x, y: row.y, role: .prompt)
        LineEditorView.draw(editor, into: &canvas, x: x0, y: row.y, width: max(1, row.maxX - x0 - 1), role: .prompt)
    }
}
