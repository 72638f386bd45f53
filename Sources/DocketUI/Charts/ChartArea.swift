/// The rectangle a chart draws into (origin `x`, `y` and size in cells), and the only way
/// charts write to the canvas: every write is clipped to the rectangle and to the canvas, so
/// a chart never draws outside what it was given, whatever the data.
public struct ChartArea: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }

    /// A part of this area, by offsets from its top-left corner (clipped to it).
    public func inner(dx: Int, dy: Int, width w: Int, height h: Int) -> ChartArea {
        let nx = min(max(0, dx), width), ny = min(max(0, dy), height)
        return ChartArea(x: x + nx, y: y + ny, width: min(w, width - nx), height: min(h, height - ny))
    }

    /// Writes one glyph (one column wide) at column `col`, row `row` of the area.
    func put(_ glyph: String, _ col: Int, _ row: Int, _ role: StyleRole, on canvas: inout Canvas) {
        guard col >= 0, col < width, row >= 0, row < height else { return }
        canvas.text(glyph, x: x + col, y: y + row, role: role, maxWidth: 1)
    }

    /// Writes text from column `col` of row `row`, cut at the area's right edge. Returns the
    /// column after it (area-relative).
    @discardableResult
    func text(_ s: String, _ col: Int, _ row: Int, _ role: StyleRole, on canvas: inout Canvas) -> Int {
        guard row >= 0, row < height, col < width else { return col }
        let start = max(0, col)
        return canvas.text(s, x: x + start, y: y + row, role: role, maxWidth: width - start) - x
    }
}

/// How charts tell series apart: by colour (each series its own style role), or, when
/// `patterns` is set (NO_COLOR, or a terminal with only 8 colours where the series colours
/// would collapse), also by glyph: bands are filled with █ ▓ ▒ ░ ▚ · and lines use different
/// dot marks.
public struct ChartStyle: Equatable, Sendable {
    public var patterns: Bool
    public init(patterns: Bool = false) { self.patterns = patterns }

    /// Colour only.
    public static let colour = ChartStyle(patterns: false)
    /// Distinct patterns as well.
    public static let patterned = ChartStyle(patterns: true)

    /// The series roles, in order (series 7 takes the first again).
    public static let seriesRoles: [StyleRole] = [.chartSeries1, .chartSeries2, .chartSeries3, .chartSeries4, .chartSeries5, .chartSeries6]
    /// Band fills in pattern mode, in series order.
    public static let bandPatterns = ["█", "▓", "▒", "░", "▚", "·"]

    /// The role of series `k` (0-based).
    public static func role(ofSeries k: Int) -> StyleRole { seriesRoles[((k % 6) + 6) % 6] }

    /// The glyph that fills a band of series `k`.
    public func bandGlyph(_ k: Int) -> String { patterns ? ChartStyle.bandPatterns[((k % 6) + 6) % 6] : "█" }
}
