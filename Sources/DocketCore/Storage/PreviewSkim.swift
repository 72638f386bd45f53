import Foundation

/// The skim of one item line for a preview (`BoardReader+Preview`): the fields that place the
/// item on the board (id, stage, rank, archived, points), every other value stepped over by
/// its brackets and quotes without being read. About a tenth of the work of reading the item.
///
/// It checks only what it needs to find its way: a line it cannot follow, or an id, stage or
/// rank with an escape in it, gives nil (and the board is then not previewed). A value it steps
/// over may still be wrong (a bad escape, a misspelt priority): the full read, which follows
/// every preview, finds that and says where.
enum PreviewSkim {
    /// The placement read from the item on the line `line` (`{` to `}`); nil when the line
    /// cannot be followed (see the type's comment).
    static func placement(_ s: inout JSONScanner, _ line: Range<Int>) -> ItemPlacement? {
        let b = s.bytes
        var i = line.lowerBound
        let end = line.upperBound
        guard i < end, b[i] == 123 else { return nil }
        i += 1
        var id: String?, stage: String?, rank: String?, archived = false, points: Double?
        while true {
            i = blanks(b, i, end)
            guard i < end, b[i] == 34, let key = plain(b, i, end) else { return nil }
            i = colon(b, key.upperBound + 1, end)
            guard i < end else { return nil }
            let which = Key(b, key)
            switch which {
            case .id, .stage, .rank:
                guard let text = plain(b, i, end) else { return nil }
                let value = String(decoding: UnsafeBufferPointer(rebasing: b[text]), as: UTF8.self)
                switch which { case .id: id = value; case .stage: stage = value; default: rank = value }
                i = text.upperBound + 1
            case .archived:
                s.jump(to: i)
                guard let flag = try? s.bool() else { return nil }
                archived = flag
                i = s.offset
            case .points:
                s.jump(to: i)
                if s.null() { points = nil } else {
                    guard let v = try? s.number() else { return nil }
                    points = v
                }
                i = s.offset
            case .other:
                guard let after = skip(b, i, end) else { return nil }
                i = after
            }
            i = blanks(b, i, end)
            guard i < end else { return nil }
            if b[i] == 44 { i += 1; continue }
            guard b[i] == 125, i + 1 == end, let id, let stage, let rank else { return nil }
            return ItemPlacement(id: id, stage: stage, rank: rank, archived: archived, points: points)
        }
    }

    /// The keys the skim reads.
    private enum Key {
        case id, stage, rank, archived, points, other

        init(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) {
            func equals(_ word: StaticString) -> Bool {
                word.utf8CodeUnitCount == r.count && word.withUTF8Buffer { w in
                    var k = 0
                    while k < w.count { if w[k] != b[r.lowerBound + k] { return false }; k += 1 }
                    return true
                }
            }
            switch r.count {
            case 2: self = equals("id") ? .id : .other
            case 4: self = equals("rank") ? .rank : .other
            case 5: self = equals("stage") ? .stage : .other
            case 6: self = equals("points") ? .points : .other
            case 8: self = equals("archived") ? .archived : .other
            default: self = .other
            }
        }
    }

    private static func blanks(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Int {
        var i = from
        while i < end, b[i] == 32 || b[i] == 9 || b[i] == 13 || b[i] == 10 { i += 1 }
        return i
    }

    /// After the blanks and the `:` that follow a key, and the blanks after it (`end` when there is no `:`).
    private static func colon(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Int {
        let i = blanks(b, from, end)
        guard i < end, b[i] == 58 else { return end }
        return blanks(b, i + 1, end)
    }

    /// The text of the string whose `"` is at `at`, when it has no escape (nil otherwise).
    private static func plain(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> Range<Int>? {
        guard at < end, b[at] == 34 else { return nil }
        var k = at + 1
        while k < end {
            let c = b[k]
            if c == 34 { return (at + 1)..<k }
            if c == 92 { return nil }
            k += 1
        }
        return nil
    }

    /// After the value that starts at `at`: a string after its closing quote, an array or
    /// object after its closing bracket (strings inside stepped over whole), anything else (a
    /// number, true, false, null) up to the next `,` `}` `]` or blank. Nil when the line ends first.
    private static func skip(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> Int? {
        guard at < end else { return nil }
        switch b[at] {
        case 34: return afterString(b, at, end)
        case 91, 123:
            var k = at + 1, depth = 1
            while k < end {
                switch b[k] {
                case 34:
                    guard let after = afterString(b, k, end) else { return nil }
                    k = after
                case 91, 123: depth += 1; k += 1
                case 93, 125:
                    depth -= 1; k += 1
                    if depth == 0 { return k }
                default: k += 1
                }
            }
            return nil
        default:
            var k = at
            while k < end, b[k] != 44, b[k] != 125, b[k] != 93, b[k] != 32 { k += 1 }
            return k > at ? k : nil
        }
    }

    /// After the closing quote of the string whose `"` is at `at` (escaped quotes stepped over):
    /// quotes are found with `memchr`, and one is escaped when an odd number of backslashes
    /// precede it.
    private static func afterString(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> Int? {
        guard let base = b.baseAddress else { return nil }
        var k = at + 1
        while k < end {
            guard let found = memchr(base + k, 34, end - k) else { return nil }
            let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            while quote - backslashes - 1 > at, b[quote - backslashes - 1] == 92 { backslashes += 1 }
            if backslashes % 2 == 0 { return quote + 1 }
            k = quote + 1
        }
        return nil
    }
}
