/// A legend: entries "■ label" side by side, wrapping to the next row when a row is full,
/// within the rectangle. The swatch is drawn in the entry's role.
public enum Legend {
    public struct Entry: Equatable, Sendable {
        public var swatch: String
        public var label: String
        public var role: StyleRole
        public init(swatch: String = "■", label: String, role: StyleRole) { self.swatch = swatch; self.label = label; self.role = role }
    }

    /// Draws `entries` from (`x`, `y`) in at most `height` rows of `width` columns. Returns the
    /// rows used.
    @discardableResult
    public static func draw(_ entries: [Entry], into canvas: inout Canvas, x: Int, y: Int, width: Int, height: Int = 1) -> Int {
        let area = ChartArea(x: x, y: y, width: width, height: height)
        var col = 0, row = 0
        for e in entries {
            let need = 2 + e.label.count
            if col > 0, col + need > width { row += 1; col = 0 }
            guard row < height else { break }
            area.put(e.swatch, col, row, e.role, on: &canvas)
            col = area.text(e.label, col + 2, row, .chartLabel, on: &canvas) + 2
        }
        return entries.isEmpty ? 0 : row + 1
    }
}
