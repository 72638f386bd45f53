/// A sparkline: one character per value, ▁ (zero or less) to █ (the largest value), so a
/// series reads at a glance in a terminal or a chat. Values are scaled from 0 to the largest
/// value: a positive value is never drawn as ▁, so "some" and "none" stay apart.
public enum Sparkline {
    static let levels = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The sparkline of `values` as text, one character per value; with `width`, only the last
    /// `width` values. "" for no values.
    public static func text(_ values: [Double], width: Int? = nil) -> String {
        let shown = width.map { Array(values.suffix(max(0, $0))) } ?? values
        let top = shown.filter(\.isFinite).max() ?? 0
        return shown.map { glyph($0, top: top) }.joined()
    }

    /// The glyph of `value` on a scale from 0 to `top`.
    static func glyph(_ value: Double, top: Double) -> String {
        guard value.isFinite, value > 0, top > 0 else { return levels[0] }
        return levels[min(7, max(1, Int((value / top * 7).rounded())))]
    }

    /// Draws the sparkline of the last `width` values from (`x`, `y`), in `role`.
    public static func draw(_ values: [Double], into canvas: inout Canvas, x: Int, y: Int, width: Int, role: StyleRole = .chartLine) {
        let area = ChartArea(x: x, y: y, width: width, height: 1)
        area.text(text(values, width: width), 0, 0, role, on: &canvas)
    }
}
