/// A terminal size in cells (columns × rows).
public struct Size: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

/// A rectangle of cells: `x`, `y` are the top-left column and row (0-based).
public struct Rect: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < x + width && py >= y && py < y + height }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}

extension Rect {
    /// The cells both rectangles cover (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        return Rect(x: x0, y: y0, width: min(maxX, other.maxX) - x0, height: min(maxY, other.maxY) - y0)
    }

    /// The rectangle shrunk by `n` cells on every side.
    public func inset(by n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }

    /// A rectangle of at most `width` × `height` centred in this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// One row of this rectangle (`row` 0 is the top; negative counts from the bottom).
    public func row(_ row: Int) -> Rect { Rect(x: x, y: row >= 0 ? y + row : maxY + row, width: width, height: 1) }
}

/// How much of a split one part takes: a fixed number of cells, or a share of what is left.
public enum Extent: Equatable, Sendable {
    case fixed(Int)
    case fill(Int)
}

/// The layout splitter: cuts a rectangle into rows (or columns) of given extents.
public enum Split {
    /// Cuts `rect` top to bottom into `parts.count` rows: fixed parts get their cells (as long
    /// as there are any), the rest is shared by the `fill` parts in proportion to their weight.
    public static func rows(_ rect: Rect, _ parts: [Extent]) -> [Rect] {
        sizes(rect.height, parts).reduce(into: (rects: [Rect](), at: rect.y)) { acc, h in
            acc.rects.append(Rect(x: rect.x, y: acc.at, width: rect.width, height: h)); acc.at += h
        }.rects
    }

    /// Cuts `rect` left to right into columns, as `rows` does.
    public static func columns(_ rect: Rect, _ parts: [Extent]) -> [Rect] {
        sizes(rect.width, parts).reduce(into: (rects: [Rect](), at: rect.x)) { acc, w in
            acc.rects.append(Rect(x: acc.at, y: rect.y, width: w, height: rect.height)); acc.at += w
        }.rects
    }

    static func sizes(_ total: Int, _ parts: [Extent]) -> [Int] {
        var left = max(0, total)
        var out = parts.map { part -> Int in
            guard case .fixed(let n) = part else { return 0 }
            let take = min(max(0, n), left); left -= take; return take
        }
        let weights = parts.map { if case .fill(let w) = $0 { return max(0, w) } else { return 0 } }
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return out }
        var given = 0
        for (i, w) in weights.enumerated() where w > 0 {
            out[i] = left * w / sum; given += out[i]
        }
        if let last = weights.lastIndex(where: { $0 > 0 }) { out[last] += left - given }
        return out
    }
}
