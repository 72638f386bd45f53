/// A box over the screen: filled in the `help` role, a title on its top row. Returns the
/// rectangle inside it, below the title, for the content.
enum Popup {
    /// Draws a popup of at most `width` × `height` centred in `area` (or at `top` when given);
    /// nil when the area is too small for any content.
    @discardableResult
    static func draw(title: String, width: Int, height: Int, in area: Rect, top: Int? = nil, into canvas: inout Canvas) -> Rect? {
        var box = area.centered(width: width, height: height)
        if let top { box.y = area.y + top; box.height = min(box.height, area.maxY - box.y) }
        guard box.width > 10, box.height >= 3 else { return nil }
        canvas.fill(box, role: .help)
        if !title.isEmpty { canvas.text(SafeText.fit(title, width: box.width - 2), x: box.x + 1, y: box.y, role: .helpTitle) }
        return Rect(x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 1)
    }
}
