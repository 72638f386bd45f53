/// How many terminal columns text takes. The policy matches glibc's `wcwidth` (what ncurses
/// uses to move its cursor), so the Canvas and the painter always agree:
/// East Asian Wide/Fullwidth and emoji-presentation characters take 2 columns, combining
/// marks and format characters 0, everything else 1. `SafeText` removes the sequences
/// terminals disagree on (VS16 after a narrow character, ZWJ joins) before measuring.
public enum DisplayWidth {
    /// Columns taken by one Unicode scalar: 0, 1 or 2.
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v >= 0x1160 && v <= 0x11FF { return 0 }  // Hangul medial vowels and final consonants
        if isRegionalIndicator(s) { return 1 }  // as glibc and tmux: a flag is two of them
        if isWide(v) || s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns taken by one grapheme cluster as `SafeText` leaves it: the width of its
    /// first scalar with a visible width (combining marks ride on their base). A flag (a
    /// pair of regional indicators, `🇩🇪`) takes 2 columns, one per indicator, as the
    /// terminal draws them; a lone regional indicator takes 1.
    public static func of(_ c: Character) -> Int {
        let first = c.unicodeScalars.first!
        if isRegionalIndicator(first) {
            return min(2, c.unicodeScalars.lazy.filter(isRegionalIndicator).count)
        }
        for s in c.unicodeScalars {
            let w = of(s)
            if w > 0 { return w }
        }
        return 0
    }

    /// Columns taken by a string of safe text.
    public static func of(_ text: String) -> Int {
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    /// U+1F1E6…U+1F1FF, the letters flags are made of.
    public static func isRegionalIndicator(_ s: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(s.value) }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}
