import DocketCore

/// A sparkline on the canvas: one character per value, ▁ (zero or less) to █ (the largest
/// value), as `SparklineText` (DocketCore) writes it for the command line.
public enum Sparkline {
    /// The sparkline of `values` as text, one character per value; with `width`, only the last
    /// `width` values. "" for no values.
    public static func text(_ values: [Double], width: Int? = nil) -> String {
        SparklineText.of(width.map { Array(values.suffix(max(0, $0))) } ?? values)
    }

    /// Draws the sparkline of the last `width` values from (`x`, `y`), in `role`.
    public static func draw(_ values: [Double], into canvas: inout Canvas, x: Int, y: Int, width: Int, role: StyleRole = .chartLine) {
        let area = ChartArea(x: x, y: y, width: width, height: 1)
        area.text(text(values, width: width), 0, 0, role, on: &canvas)
    }
}
