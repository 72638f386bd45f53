import Foundation

/// The canonical layout's lists (`BoardEncoder`: one item, one activity entry per line), found
/// by scanning for newlines: what `BoardSplice` copies from and `BoardReader+Lines` reads on
/// every core.
enum CanonicalLines {
    /// The lines of a canonical list whose `[` is at `at`: `[]`, or `[` then `\n` + line for the
    /// first value, `,\n` + line for the others, then `\n]`; a line is `{…}` without a newline.
    /// Moves `at` after the `]`; nil for any other layout.
    static func list(_ b: UnsafeBufferPointer<UInt8>, _ at: inout Int) -> [Range<Int>]? {
        var lines: [Range<Int>] = []
        return walk(b, &at) { lines.append($0) } ? lines : nil
    }

    /// Moves `at` after the `]` of the canonical list whose `[` is at `at`, as `list` does,
    /// without keeping its lines; false for any other layout.
    static func skipList(_ b: UnsafeBufferPointer<UInt8>, _ at: inout Int) -> Bool {
        walk(b, &at) { _ in }
    }

    /// Calls `line` with each line of the canonical list at `at` (see `list`) and moves `at`
    /// after its `]`; false (with `at` unmoved) for any other layout.
    private static func walk(_ b: UnsafeBufferPointer<UInt8>, _ at: inout Int, _ line: (Range<Int>) -> Void) -> Bool {
        guard at + 1 < b.count, b[at] == 91 else { return false }
        if b[at + 1] == 93 { at += 2; return true }
        var k = at + 1
        while true {
            guard k < b.count, b[k] == 10 else { return false }
            let start = k + 1
            guard start < b.count, b[start] == 123, let end = newline(b, from: start) else { return false }
            // The line ends `}` (the last value) or `},` (more follow).
            let more = b[end - 1] == 44
            let close = more ? end - 1 : end
            guard close > start, b[close - 1] == 125 else { return false }
            line(start..<close)
            k = close
            if !more {
                guard k + 1 < b.count, b[k + 1] == 93 else { return false }
                at = k + 2
                return true
            }
            k += 1
        }
    }

    /// The offset of the first newline at or after `from`, nil when there is none.
    static func newline(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < b.count, let base = b.baseAddress,
              let found = memchr(base + from, 10, b.count - from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `b` holds `prefix` at `at`.
    static func starts(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ prefix: [UInt8]) -> Bool {
        guard at >= 0, at + prefix.count <= b.count else { return false }
        return prefix.withUnsafeBufferPointer { p in p.isEmpty || memcmp(b.baseAddress! + at, p.baseAddress!, p.count) == 0 }
    }

    /// How an item line of the canonical layout starts: `{"id": "`, then the id.
    static let idOpening = Array("{\"id\": \"".utf8)

    /// Whether `line` of `b` starts `{"id": "ID"` with this id.
    static func line(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, startsWithID id: String) -> Bool {
        var id = id
        let at = line.lowerBound + idOpening.count
        return starts(b, line.lowerBound, idOpening) && id.withUTF8 { i in
            at + i.count < line.upperBound && (i.isEmpty || memcmp(b.baseAddress! + at, i.baseAddress!, i.count) == 0) && b[at + i.count] == 34
        }
    }

    /// Where the id of each item line is (the bytes after `{"id": "` up to the next `"`), when
    /// every line starts so and no id has an escape; whether the ids increase strictly as bytes
    /// (`byteOrdered`), and whether every id is ASCII (byte order is then the order of the ids
    /// as strings, the order `BoardEncoder` writes them in). Nil otherwise.
    static func idRanges(_ b: UnsafeBufferPointer<UInt8>, _ lines: [Range<Int>]) -> (ids: [Range<Int>], byteOrdered: Bool, ascii: Bool)? {
        let prefix = idOpening
        var out: [Range<Int>] = []
        out.reserveCapacity(lines.count)
        var ascii = true, ordered = true
        for line in lines {
            guard starts(b, line.lowerBound, prefix) else { return nil }
            let start = line.lowerBound + prefix.count
            var k = start
            while k < line.upperBound, b[k] != 34 {
                if b[k] == 92 { return nil }
                if b[k] >= 0x80 { ascii = false }
                k += 1
            }
            guard k < line.upperBound, k > start else { return nil }
            if ordered, let last = out.last, compare(b, last, b, start..<k) >= 0 { ordered = false }
            out.append(start..<k)
        }
        return (out, ordered, ascii)
    }

    /// Orders the bytes at `a` in `x` against those at `b` in `y` (as `memcmp`, a prefix first):
    /// negative, 0 or positive.
    static func compare(_ x: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ y: UnsafeBufferPointer<UInt8>, _ b: Range<Int>) -> Int {
        let n = min(a.count, b.count)
        let c = n == 0 ? 0 : Int(memcmp(x.baseAddress! + a.lowerBound, y.baseAddress! + b.lowerBound, n))
        return c != 0 ? c : a.count - b.count
    }

    /// The first of `ids` (byte ranges in `b`, increasing) whose bytes are at least `id`'s: its
    /// index, and whether they are equal.
    static func lowerBound(_ b: UnsafeBufferPointer<UInt8>, _ ids: [Range<Int>], _ id: String) -> (index: Int, found: Bool) {
        var id = id
        return id.withUTF8 { wanted in
            var lo = 0, hi = ids.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if compare(b, ids[mid], wanted, 0..<wanted.count) < 0 { lo = mid + 1 } else { hi = mid }
            }
            return (lo, lo < ids.count && compare(b, ids[lo], wanted, 0..<wanted.count) == 0)
        }
    }
}
