/// Fractional-index ranks: strings over the digits and lowercase letters (base 36) whose
/// ASCII order is the rank order. Moving an item rewrites only that item's rank (the idea
/// behind Jira's LexoRank and Figma's fractional indexing).
///
/// Ranks never end in `0`, so there is always room between two of them.
public enum Rank {
    static let digits: [UInt8] = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
    static let base = 36

    private static func value(_ c: UInt8) -> Int {
        c <= 57 ? Int(c) - 48 : Int(c) - 87
    }

    /// True when `text` is a rank `between` can work with: one or more base-36 digits
    /// (`0-9`, `a-z`) not ending in `0`. Any other text (a hand-edited or foreign file) could
    /// make `between` loop forever (`"x"` and `"x0"` have nothing between them) or trap.
    public static func isValid(_ text: String) -> Bool {
        guard let last = text.utf8.last, last != 48 else { return false }
        return text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 122) }
    }

    /// A rank strictly between `lower` and `upper` (nil: unbounded on that side).
    /// Requires `lower < upper` when both are given; otherwise returns a rank just after `lower`.
    public static func between(_ lower: String?, _ upper: String?) -> String {
        let a = Array((lower ?? "").utf8).map(value)
        var b = upper.map { Array($0.utf8).map(value) }
        if let l = lower, let u = upper, !(l < u) { b = nil }
        var out: [UInt8] = []
        var bounded = b != nil
        var i = 0
        while true {
            let lo = i < a.count ? a[i] : 0
            let hi = bounded ? (i < b!.count ? b![i] : 0) : base
            if hi - lo > 1 {
                out.append(digits[(lo + hi) / 2])
                return String(decoding: out, as: UTF8.self)
            }
            out.append(digits[lo])
            if hi != lo { bounded = false }
            i += 1
        }
    }

    /// `between(lower, upper)` followed by three digits drawn from `salt` (the item's id,
    /// FNV-1a): still strictly between the two (the midpoint already differs from `upper` at
    /// its last digit, and only grows), but two boards that insert at the same place before
    /// either has seen the other's item (two open boards adding at the bottom) get different
    /// ranks, 1 in 45,360 alike, so their merge needs no spreading. For new items and moves.
    public static func between(_ lower: String?, _ upper: String?, salt: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in salt.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        var out = Array(between(lower, upper).utf8)
        out.append(digits[Int(h % 36)]); h /= 36
        out.append(digits[Int(h % 36)]); h /= 36
        out.append(digits[1 + Int(h % 35)])
        return String(decoding: out, as: UTF8.self)
    }

    /// `count` ranks of equal length, evenly spread and ascending: for a fresh or imported
    /// column, so later inserts stay short.
    public static func spread(_ count: Int) -> [String] {
        guard count > 0 else { return [] }
        var width = 1
        var space = base
        while space / (count + 1) < 36 && width < 12 { width += 1; space *= base }
        let step = space / (count + 1)
        return (1...count).map { i in
            var n = i * step
            var chars = [UInt8](repeating: digits[0], count: width)
            for p in stride(from: width - 1, through: 0, by: -1) { chars[p] = digits[n % base]; n /= base }
            while chars.count > 1 && chars.last == digits[0] { chars.removeLast() }
            return String(decoding: chars, as: UTF8.self)
        }
    }
}
