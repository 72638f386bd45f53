/// A query value lowercased once, for matching item text without caring about case and
/// without allocating per item.
///
/// Item text is compared byte by byte in UTF-8 with ASCII letters folded to lowercase; only
/// when that finds nothing and the item text has non-ASCII bytes (`É`, `İ`, the Kelvin sign…)
/// is the item text lowercased in full (Unicode rules) and searched again. Matching is on
/// UTF-8 bytes, so a needle never matches across a character boundary in a way a reader
/// would not expect (UTF-8 is self-synchronising), and CJK text matches as typed.
struct FoldedText: Equatable, Sendable {
    /// The value, lowercased.
    let text: String
    /// `text` as UTF-8.
    let bytes: [UInt8]

    init(_ value: String) {
        text = value.lowercased()
        bytes = Array(text.utf8)
    }

    static func == (l: FoldedText, r: FoldedText) -> Bool { l.text == r.text }

    /// True when `s` equals the value, ignoring case.
    func equals(_ s: String) -> Bool { search(s, .equal) }

    /// True when `s` starts with the value, ignoring case.
    func isPrefix(of s: String) -> Bool { search(s, .prefix) }

    /// True when `s` contains the value, ignoring case.
    func isContained(in s: String) -> Bool { search(s, .contains) }

    private enum Mode { case equal, prefix, contains }

    private func search(_ s: String, _ mode: Mode) -> Bool {
        let fast = bytes.withUnsafeBufferPointer { n in
            s.utf8.withContiguousStorageIfAvailable { h in FoldedText.find(n, in: h, mode, fold: true) }
        }
        switch fast {
        case .found?: return true
        case .notFound?: return false
        case .notFoundNonASCII?, nil:
            // Non-ASCII text (or a string without contiguous UTF-8): lowercase it in full.
            var lower = s.lowercased()
            lower.makeContiguousUTF8()
            let slow = bytes.withUnsafeBufferPointer { n in
                lower.utf8.withContiguousStorageIfAvailable { h in FoldedText.find(n, in: h, mode, fold: false) }
            }
            return slow == .found
        }
    }

    private enum Outcome { case found, notFound, notFoundNonASCII }

    @inline(__always)
    private static func lower(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }

    private static func find(_ n: UnsafeBufferPointer<UInt8>, in h: UnsafeBufferPointer<UInt8>,
                             _ mode: Mode, fold: Bool) -> Outcome {
        let nc = n.count, hc = h.count
        var found = false
        if nc <= hc {
            switch mode {
            case .equal: found = nc == hc && same(n, h, at: 0, fold)
            case .prefix: found = same(n, h, at: 0, fold)
            case .contains:
                if nc == 0 { return .found }
                let first = n[0]
                var i = 0
                while i <= hc - nc {
                    let b = fold ? lower(h[i]) : h[i]
                    if b == first && same(n, h, at: i, fold) { found = true; break }
                    i += 1
                }
            }
        }
        if found { return .found }
        if fold {
            for b in h where b >= 0x80 { return .notFoundNonASCII }
        }
        return .notFound
    }

    @inline(__always)
    private static func same(_ n: UnsafeBufferPointer<UInt8>, _ h: UnsafeBufferPointer<UInt8>, at start: Int, _ fold: Bool) -> Bool {
        var j = 0
        while j < n.count {
            let b = fold ? lower(h[start + j]) : h[start + j]
            if b != n[j] { return false }
            j += 1
        }
        return true
    }
}
