import Foundation

/// A query value folded once, for matching item text without caring about case or Unicode
/// normal form, and without allocating per item.
///
/// One normal form everywhere (search, filters, `docket list`, stage names): text is
/// lowercased, then put in NFC (`fold`), so `Cafe\u{301}` (NFD) and `Café` (NFC) match alike.
/// Item text is compared byte by byte in UTF-8 with ASCII letters folded to lowercase; only
/// when that finds nothing and the item text has non-ASCII bytes (`É`, `İ`, the Kelvin sign…)
/// is the item text lowercased in full (Unicode rules) and searched again. Matching is on
/// UTF-8 bytes: UTF-8 is self-synchronising, so a needle never matches half a character,
/// and CJK text matches as typed.
public struct FoldedText: Equatable, Sendable {
    /// The value, folded (`fold`).
    public let text: String
    /// `text` as UTF-8.
    let bytes: [UInt8]

    public init(_ value: String) {
        text = FoldedText.fold(value)
        bytes = Array(text.utf8)
    }

    /// `s` lowercased (Unicode rules) and in NFC: the one form text is compared in.
    public static func fold(_ s: String) -> String {
        let lower = s.lowercased()
        return lower.utf8.allSatisfy { $0 < 0x80 } ? lower : lower.precomposedStringWithCanonicalMapping
    }

    public static func == (l: FoldedText, r: FoldedText) -> Bool { l.text == r.text }

    /// True when `s` equals the value, ignoring case and normal form.
    public func equals(_ s: String) -> Bool { bytes.withUnsafeBufferPointer { Fold.search(s, $0, .equal) } }

    /// True when `s` starts with the value, ignoring case and normal form.
    public func isPrefix(of s: String) -> Bool { bytes.withUnsafeBufferPointer { Fold.search(s, $0, .prefix) } }

    /// True when `s` contains the value, ignoring case and normal form.
    public func isContained(in s: String) -> Bool { bytes.withUnsafeBufferPointer { Fold.search(s, $0, .contains) } }
}

/// Case- and normal-form-insensitive search of item text for a folded UTF-8 needle (see
/// `FoldedText`). A match found byte by byte in text with non-ASCII bytes is confirmed on the
/// folded text, so `cafe` matches neither `Café` nor `Cafe\u{301}`.
enum Fold {
    enum Mode { case equal, prefix, contains }

    @inline(__always)
    static func search(_ s: String, _ needle: UnsafeBufferPointer<UInt8>, _ mode: Mode) -> Bool {
        switch fastSearch(s, needle, mode) {
        case .found: return s.utf8.allSatisfy { $0 < 0x80 } || slowSearch(s, needle, mode)
        case .notFound: return false
        case .notFoundNonASCII: return slowSearch(s, needle, mode)
        }
    }

    /// The byte-for-byte search with ASCII folding; `.notFoundNonASCII` when only full
    /// lowercasing can tell (or the string has no contiguous UTF-8).
    @inline(__always)
    static func fastSearch(_ s: String, _ needle: UnsafeBufferPointer<UInt8>, _ mode: Mode) -> Outcome {
        s.utf8.withContiguousStorageIfAvailable { find(needle, in: $0, mode, fold: true) } ?? .notFoundNonASCII
    }

    /// The search with `s` folded in full (lowercased by Unicode rules, NFC).
    @inline(never)
    static func slowSearch(_ s: String, _ needle: UnsafeBufferPointer<UInt8>, _ mode: Mode) -> Bool {
        var lower = FoldedText.fold(s)
        lower.makeContiguousUTF8()
        return lower.utf8.withContiguousStorageIfAvailable { find(needle, in: $0, mode, fold: false) } == .found
    }

    /// -1, 0 or 1 as `s` sorts before, equal to or after `t`, byte by byte (for ASCII dates).
    @inline(__always)
    static func compare(_ s: String, _ t: UnsafeBufferPointer<UInt8>) -> Int {
        s.utf8.withContiguousStorageIfAvailable { a in
            let n = min(a.count, t.count)
            var i = 0
            while i < n { if a[i] != t[i] { return a[i] < t[i] ? -1 : 1 }; i += 1 }
            return a.count == t.count ? 0 : (a.count < t.count ? -1 : 1)
        } ?? slowCompare(s, t)
    }

    @inline(never)
    private static func slowCompare(_ s: String, _ t: UnsafeBufferPointer<UInt8>) -> Int {
        var s = s
        s.makeContiguousUTF8()
        return compare(s, t)
    }

    enum Outcome { case found, notFound, notFoundNonASCII }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }

    @inline(__always)
    static func find(_ n: UnsafeBufferPointer<UInt8>, in h: UnsafeBufferPointer<UInt8>, _ mode: Mode, fold: Bool) -> Outcome {
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
    static func same(_ n: UnsafeBufferPointer<UInt8>, _ h: UnsafeBufferPointer<UInt8>, at start: Int, _ fold: Bool) -> Bool {
        var j = 0
        while j < n.count {
            let b = fold ? lower(h[start + j]) : h[start + j]
            if b != n[j] { return false }
            j += 1
        }
        return true
    }
}
