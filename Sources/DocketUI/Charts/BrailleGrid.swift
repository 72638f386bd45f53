/// A grid of braille dots: each cell holds 2 × 4 dots (U+2800…U+28FF), so a plot has twice
/// the columns and four times the rows of its cells. Dots are set by pixel (`px` from the
/// left, `py` from the top); each cell remembers the role of the last dot set in it.
public struct BrailleGrid: Sendable {
    public let columns: Int, rows: Int
    private var bits: [UInt8]
    private var roles: [StyleRole?]

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns); self.rows = max(0, rows)
        bits = [UInt8](repeating: 0, count: self.columns * self.rows)
        roles = [StyleRole?](repeating: nil, count: self.columns * self.rows)
    }

    /// Pixels across and down.
    public var pixelWidth: Int { columns * 2 }
    public var pixelHeight: Int { rows * 4 }

    private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets the dot at pixel (`px`, `py`); outside the grid does nothing.
    public mutating func set(_ px: Int, _ py: Int, role: StyleRole) {
        guard px >= 0, py >= 0, px < pixelWidth, py < pixelHeight else { return }
        let i = (py / 4) * columns + px / 2
        bits[i] |= BrailleGrid.dotBits[px % 2][py % 4]
        roles[i] = role
    }

    /// Sets the dots of a straight line from one pixel to another (Bresenham); `skip` leaves
    /// out every `skip`th dot (0: none), for dashed lines.
    public mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, role: StyleRole, skip: Int = 0) {
        var x = x0, y = y0, n = 0
        let dx = abs(x1 - x0), dy = -abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        while true {
            if skip == 0 || n % skip != skip - 1 { set(x, y, role: role) }
            n += 1
            if x == x1 && y == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// Whether the cell at (`col`, `row`) has any dot.
    public func isSet(_ col: Int, _ row: Int) -> Bool { bits[row * columns + col] != 0 }

    /// The cell's braille character and role (nil role: empty).
    public func cell(_ col: Int, _ row: Int) -> (String, StyleRole?) {
        let i = row * columns + col
        return (String(UnicodeScalar(0x2800 + UInt32(bits[i]))!), roles[i])
    }

    /// Draws the set cells into `area` (empty cells are left as they are).
    func draw(into canvas: inout Canvas, area: ChartArea) {
        for row in 0..<min(rows, area.height) {
            for col in 0..<min(columns, area.width) where isSet(col, row) {
                let (glyph, role) = cell(col, row)
                area.put(glyph, col, row, role ?? .chartPoint, on: &canvas)
            }
        }
    }
}
