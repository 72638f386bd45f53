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
        at + prefix.count <= b.count && UnsafeBufferPointer(rebasing: b[at..<(at + prefix.count)]).elementsEqual(prefix)
    }
}
