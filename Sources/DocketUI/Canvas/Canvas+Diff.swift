extension Canvas {
    /// The cells (column, row) to draw, left to right and top to bottom, so that a screen
    /// showing `old` shows this canvas: every cell that differs from `old` except right
    /// halves of wide characters (drawing the left half covers them), or every such cell when
    /// `old` is nil or of another size. Correct for a terminal where drawing over half of a
    /// wide character blanks its other half: a changed half always makes the other half (or
    /// the cell after it) differ too, and it comes later in the order.
    public func cellsToPaint(over old: Canvas?) -> [(x: Int, y: Int)] {
        let full = old.map { $0.width != width || $0.height != height } ?? true
        var out: [(x: Int, y: Int)] = []
        for y in 0..<height {
            for x in 0..<width {
                let i = y * width + x
                if cells[i].isContinuation { continue }
                if !full, let old, old.cells[i] == cells[i] { continue }
                out.append((x, y))
            }
        }
        return out
    }
}
