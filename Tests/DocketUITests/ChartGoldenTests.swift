import DocketCore
@testable import DocketUI
import XCTest

/// The chart kit drawn at several sizes (24x8 the smallest) and with patterns (NO_COLOR, 8
/// colours), compared with golden text; the style roles of chosen cells are asserted here
/// (the goldens hold the text and a style layer, one letter per role).
final class ChartGoldenTests: XCTestCase {
    let weekly: [Double] = [3, 5, 2, 0, 7, 4, 6, 8, 1, 5, 6, 4]
    let days = (0..<30).map { DayIndex.text(DayIndex.number(of: "2026-11-01")! + $0) }

    /// Draws into a canvas of `w` × `h` with a one-cell margin, so clipping shows.
    func canvas(_ w: Int, _ h: Int, _ draw: (inout Canvas) -> Void) -> Canvas {
        var c = Canvas(width: w + 2, height: h + 2)
        draw(&c)
        XCTAssertNil(canvasProblem(c))
        for x in 0..<(w + 2) { XCTAssertEqual(c[x, 0].text, " "); XCTAssertEqual(c[x, h + 1].text, " ") }
        return c
    }

    func testSparklineText() {
        XCTAssertEqual(Sparkline.text([0, 1, 4, 8]), "▁▂▅█")
        XCTAssertEqual(Sparkline.text([0, 0]), "▁▁")
        XCTAssertEqual(Sparkline.text([1, 2, 3], width: 2), "▆█")   // 2 of 3 → 4.67 → 5th of 7 levels
        XCTAssertEqual(Sparkline.text([]), "")
    }

    func testBarChartSizes() {
        for (w, h) in [(24, 8), (40, 12), (80, 20)] {
            let bars = weekly.enumerated().map { BarChart.Bar($1, label: $0 % 4 == 0 ? "w\($0 + 1)" : nil) }
            let c = canvas(w, h) { BarChart.draw(bars, into: &$0, x: 1, y: 1, width: w, height: h) }
            assertGolden(c, "chart-bars-\(w)x\(h)")
        }
        // Eighth blocks: in 24x8 the plot is 6 rows (48 eighths); the 8 bar is full height, the 1 bar 6/8.
        let c = canvas(24, 8) { BarChart.draw(weekly.map { BarChart.Bar($0) }, into: &$0, x: 1, y: 1, width: 24, height: 8) }
        XCTAssertEqual(c[1 + 1, 1].text, "│")      // gutter: "8" and a space… the axis in column 1
        XCTAssertEqual(c[1 + 1, 1].role, .chartAxis)
        XCTAssertEqual(c[1, 1].text, "8")
        XCTAssertEqual(c[1, 1].role, .chartLabel)
        let barCells = c.cells.filter { $0.role == .chartBar }
        XCTAssertTrue(barCells.contains { $0.text == "█" })
        XCTAssertTrue(barCells.contains { $0.text == "▆" })
    }

    func testEmptyBarChartSaysSo() {
        let c = canvas(24, 8) { BarChart.draw([BarChart.Bar(0), BarChart.Bar(0)], into: &$0, x: 1, y: 1, width: 24, height: 8) }
        XCTAssertTrue(c.renderText().contains("no data in this"))
    }

    func scatter() -> BraillePlot.Plot {
        let points = (0..<30).map { BraillePlot.Point(x: Double($0), y: Double(($0 * 7) % 11) + 0.5) }
        return BraillePlot.Plot(series: [BraillePlot.Series(points: points, role: .chartPoint, connect: false)],
                                xRange: 0...29, xLabels: DateLabels.labels(days: days, width: 30).map { .init(x: Double($0.column), text: $0.text) },
                                references: [.init(value: 9, label: "85% 9d")], highlight: points[3])
    }

    func testScatterWithPercentileLineAndCursor() {
        for (w, h) in [(24, 8), (60, 16)] {
            let c = canvas(w, h) { BraillePlot.draw(scatter(), into: &$0, x: 1, y: 1, width: w, height: h) }
            assertGolden(c, "chart-scatter-\(w)x\(h)")
            XCTAssertTrue(c.cells.contains { $0.role == .chartReference && $0.text == "┄" })
            XCTAssertEqual(c.cells.filter { $0.role == .chartHighlight }.count, 1)
            XCTAssertTrue(c.cells.contains { $0.role == .chartPoint && $0.text.unicodeScalars.first!.value >= 0x2801 })
        }
    }

    func testLinePlotsDashedWithPatterns() {
        let up = (0..<30).map { BraillePlot.Point(x: Double($0), y: Double($0)) }
        let flat = (0..<30).map { BraillePlot.Point(x: Double($0), y: 20) }
        let plot = BraillePlot.Plot(series: [.init(points: flat, role: .chartSeries1, connect: true),
                                             .init(points: up, role: .chartSeries2, connect: true)], xRange: 0...29)
        let colour = canvas(40, 12) { BraillePlot.draw(plot, into: &$0, x: 1, y: 1, width: 40, height: 12) }
        let patterned = canvas(40, 12) { BraillePlot.draw(plot, style: .patterned, into: &$0, x: 1, y: 1, width: 40, height: 12) }
        assertGolden(colour, "chart-lines-40x12")
        assertGolden(patterned, "chart-lines-40x12-nocolor")
        XCTAssertNotEqual(colour.renderText(), patterned.renderText())
        XCTAssertTrue(colour.cells.contains { $0.role == .chartSeries1 })
        XCTAssertTrue(colour.cells.contains { $0.role == .chartSeries2 })
    }

    func bands() -> [[Double]] {
        [(0..<30).map { Double($0) / 2 },                    // done, growing
         (0..<30).map { _ in 4 },                            // review
         (0..<30).map { Double(3 + $0 % 3) },                // doing
         (0..<30).map { Double(max(0, 12 - $0 / 3)) }]       // ready, shrinking
    }

    func testCumulativeFlowBandsInColourAndWithPatterns() {
        for (w, h) in [(24, 8), (60, 16)] {
            let colour = canvas(w, h) { StackedBands.draw(bands(), days: days, into: &$0, x: 1, y: 1, width: w, height: h) }
            let patterned = canvas(w, h) { StackedBands.draw(bands(), days: days, style: .patterned, into: &$0, x: 1, y: 1, width: w, height: h) }
            assertGolden(colour, "chart-cfd-\(w)x\(h)")
            assertGolden(patterned, "chart-cfd-\(w)x\(h)-nocolor")
            // Colour: every band is █ in its own role. Patterns: each band its own glyph too.
            let colourBands = Set(colour.cells.filter { ChartStyle.seriesRoles.contains($0.role) }.map(\.text))
            XCTAssertEqual(colourBands, ["█"])
            for k in 0..<4 {
                let glyphs = Set(patterned.cells.filter { $0.role == ChartStyle.role(ofSeries: k) }.map(\.text))
                XCTAssertEqual(glyphs, [ChartStyle.bandPatterns[k]], "band \(k)")
            }
        }
    }

    func testHistogramWithPercentileMarkersAndLegend() {
        let counts = [0, 1, 3, 8, 14, 20, 18, 12, 9, 6, 4, 2, 1, 1, 0, 1]
        let c = canvas(40, 12) {
            Histogram.draw(counts, markers: [.init(bucket: 5, label: "50%"), .init(bucket: 9, label: "85%")],
                           labels: [(0, "12-01"), (15, "12-16")], into: &$0, x: 1, y: 1, width: 40, height: 10)
            Legend.draw([.init(label: "runs", role: .chartBar), .init(swatch: "┊", label: "percentile", role: .chartReference)],
                        into: &$0, x: 1, y: 11, width: 40)
        }
        assertGolden(c, "chart-histogram-40x12")
        XCTAssertTrue(c.renderText().contains("85%"))
        XCTAssertTrue(c.cells.contains { $0.role == .chartReference && $0.text == "┊" })
        let small = canvas(24, 8) { Histogram.draw(counts, into: &$0, x: 1, y: 1, width: 24, height: 8) }
        assertGolden(small, "chart-histogram-24x8")
    }

    func testTinyAreasDrawWithoutAxesAndNeverOutside() {
        for (w, h) in [(1, 1), (3, 2), (11, 3), (0, 0)] {
            _ = canvas(w, h) { BarChart.draw(weekly.map { BarChart.Bar($0) }, into: &$0, x: 1, y: 1, width: w, height: h) }
            _ = canvas(w, h) { BraillePlot.draw(scatter(), into: &$0, x: 1, y: 1, width: w, height: h) }
            _ = canvas(w, h) { StackedBands.draw(bands(), days: days, into: &$0, x: 1, y: 1, width: w, height: h) }
            _ = canvas(w, h) { Histogram.draw([1, 2, 3], into: &$0, x: 1, y: 1, width: w, height: h) }
            _ = canvas(w, h) { Legend.draw([.init(label: "a long label", role: .chartBar)], into: &$0, x: 1, y: 1, width: w, height: h) }
        }
    }
}
