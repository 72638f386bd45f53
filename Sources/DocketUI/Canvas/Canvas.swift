/// A grid of cells that views draw into and the Screen paints. Each cell holds one grapheme
/// cluster (already made safe by `SafeText`) and a style role; a 2-column character fills its
/// cell and marks the next one as its continuation (`text` empty).
public struct Canvas: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        /// The cluster drawn here; "" for the right half of a wide character.
        public var text: String
        public var role: StyleRole
        public var isContinuation: Bool { text.isEmpty }
        public init(text: String = " ", role: StyleRole = .normal) { self.text = text; self.role = role }
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Drawing outside this rectangle is dropped (see `clipped(to:_:)`); the whole canvas by default.
    public private(set) var clip: Rect

    public init(width: Int, height: Int, role: StyleRole = .normal) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: Cell(role: role), count: self.width * self.height)
        clip = Rect(x: 0, y: 0, width: self.width, height: self.height)
    }

    /// Runs `body` with drawing limited to `rect` (within the clip in force): a widget drawn
    /// into a sub-area can never spill out of it.
    public mutating func clipped(to rect: Rect, _ body: (inout Canvas) -> Void) {
        let saved = clip
        clip = clip.intersection(rect)
        body(&self)
        clip = saved
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Fills `rect` (clipped) with spaces in `role`.
    public mutating func fill(_ rect: Rect, role: StyleRole, with char: String = " ") {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { set(x, y, char, role) }
        }
    }

    /// Draws `text` from (x, y) in `role`, clipped to `maxWidth` columns and the canvas.
    /// The text is made safe first. Returns the column after the last one drawn.
    @discardableResult
    public mutating func text(_ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(width, x + (maxWidth ?? width))
        guard limit > x else { return x }
        var cx = x
        // Only what can show is looked at: a 1 MB title costs what a short one does.
        let text = SafeText.prefix(text, columns: limit - x)
        // Fast path for printable ASCII, the common case: one cell per byte, no grapheme work.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for b in text.utf8 {
                if cx >= limit { return limit }
                if cx >= 0 { set(cx, y, Canvas.ascii[Int(b)], role) }
                cx += 1
            }
            return cx
        }
        for c in SafeText.clean(String(text)) {
            let w = DisplayWidth.of(c)
            if w == 0 { continue }
            if cx + w > limit {
                if cx < limit, cx >= 0 { set(cx, y, " ", role) }
                return limit
            }
            if cx >= 0 {
                set(cx, y, String(c), role)
                if w == 2 { set(cx + 1, y, "", role) }
            }
            cx += w
        }
        return cx
    }

    /// Draws a horizontal run of `char` from x to x + length - 1.
    public mutating func hline(x: Int, y: Int, length: Int, char: String = "─", role: StyleRole) {
        fill(Rect(x: x, y: y, width: length, height: 1), role: role, with: char)
    }

    /// Draws a vertical run of `char`.
    public mutating func vline(x: Int, y: Int, length: Int, char: String = "│", role: StyleRole) {
        fill(Rect(x: x, y: y, width: 1, height: length), role: role, with: char)
    }

    /// One-character strings for the ASCII range, made once.
    private static let ascii: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    private mutating func set(_ x: Int, _ y: Int, _ text: String, _ role: StyleRole) {
        guard clip.contains(x: x, y: y), x >= 0, x < width, y >= 0, y < height else { return }
        // A wide character whose right half would fall outside the clip is drawn as a space.
        if text.isEmpty == false, x + 1 < width, DisplayWidth.of(text) == 2, !clip.contains(x: x + 1, y: y) {
            cells[y * width + x] = Cell(text: " ", role: role)
            return
        }
        let i = y * width + x
        // Overwriting half of a wide character blanks its other half.
        if cells[i].isContinuation, x > 0 { cells[i - 1].text = " " }
        if !cells[i].isContinuation, x + 1 < width, cells[i + 1].isContinuation, !text.isEmpty {
            cells[i + 1].text = " "
        }
        cells[i] = Cell(text: text, role: role)
    }

    /// The style roles of every cell, one line per row, one letter per cell (`StyleRole.code`),
    /// trailing `normal` cells removed: the second layer of a golden file, so a style change
    /// fails a test until the golden is updated on purpose.
    public func renderStyles() -> String {
        var lines: [String] = []
        for y in 0..<height {
            var line = ""
            for x in 0..<width { line.append(cells[y * width + x].role.code) }
            while line.hasSuffix(String(StyleRole.normal.code)) { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The canvas as plain text, one line per row, trailing spaces removed: for golden tests.
    public func renderText() -> String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            for x in 0..<width { line += cells[y * width + x].text }
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
