import Foundation

/// String values an item must have, as its line of a board file spells them, so that a command
/// asking for one column's ranks (`DeferredColumnIndex`) skims only the lines that may hold an
/// item of that stage (issue 16: `docket add` and `move` skimmed every line for stage and rank).
///
/// A value is looked for as its JSON string, quotes included (`"backlog"`, exact bytes). A line
/// is ruled out only when it lacks one of them and nothing in it could spell one another way: a
/// `\u` escape, or one of the three characters Swift's string equality takes for an ASCII one
/// (U+037E for `;`, U+1FEF for a grave accent, U+212A KELVIN SIGN for `K`: canonically
/// equivalent). So the lines it keeps are a superset of the items that have those values, and a
/// caller tests what it skims as it tests every item (`LineNeedlesTests` compares it with that
/// rule applied line by line).
struct LineNeedles: Sendable {
    /// Each value as a JSON string, quotes included.
    let needles: [[UInt8]]

    /// The needles of `values`; nil when a value is empty or not plain ASCII (a `"`, `\`, `/`,
    /// a control or non-ASCII character: another spelling or equality could hide it).
    init?(_ values: [String]) {
        var made: [[UInt8]] = []
        for value in values {
            let bytes = Array(value.utf8)
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 34 && $0 != 92 && $0 != 47 }) else { return nil }
            made.append([34] + bytes + [34])
        }
        needles = made
    }

    /// The indices of the lines of `part` (of `lines`, in file order, within `bytes`) that may
    /// hold every value (see the type's comment). The part's bytes, from its first line to its
    /// last, are read once (`scan`) for the needle whose rarest byte is the least common in them
    /// (counted in their first 64 KiB), for `\u` escapes and for look-alikes; the lines that
    /// hold that needle are then checked for the others. What is found in the `,\n` between
    /// lines, or across a line's end, counts for no line.
    func candidates(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: [Range<Int>], _ part: Range<Int>) -> [Int] {
        guard !part.isEmpty else { return [] }
        guard !needles.isEmpty else { return Array(part) }
        let from = lines[part.lowerBound].lowerBound
        let counts = LineNeedles.byteCounts(UnsafeBufferPointer(rebasing: bytes[from..<min(from + (64 << 10), lines[part.upperBound - 1].upperBound)]))
        let pivots = needles.map { LineNeedles.pivot($0, counts) }
        let order = needles.indices.sorted { counts[Int(needles[$0][pivots[$0]])] < counts[Int(needles[$1][pivots[$1]])] }
        var keep = [Bool](repeating: false, count: part.count)
        var found: [Int] = []
        LineNeedles.scan(bytes, lines, part, needles[order[0]], pivot: pivots[order[0]]) { line, respelt in
            if respelt { keep[line] = true } else if found.last != line { found.append(line) }
        }
        for line in found {
            let text = UnsafeBufferPointer(rebasing: bytes[lines[part.lowerBound + line]])
            if order.dropFirst().allSatisfy({ LineNeedles.has(text, needles[$0], pivot: pivots[$0]) }) { keep[line] = true }
        }
        return keep.indices.filter { keep[$0] }.map { part.lowerBound + $0 }
    }

    /// How many times each byte value occurs in `sample`.
    static func byteCounts(_ sample: UnsafeBufferPointer<UInt8>) -> [Int] {
        var counts = [Int](repeating: 0, count: 256)
        for b in sample { counts[Int(b)] += 1 }
        return counts
    }

    /// One pass over the bytes of `part`'s lines, eight at a time: a word holding `needle`'s
    /// pivot byte, a `\` or a byte from 0x80 is looked at byte by byte. Calls `mark` with the
    /// index (from 0 at the part's first line) of the line holding each place of `needle`
    /// (`respelt` false), each `\u` escape (an escaped backslash is stepped over, as
    /// `hasUnicodeEscape` does) and each look-alike (`respelt` true), in order.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: [Range<Int>], _ part: Range<Int>,
                             _ needle: [UInt8], pivot p: Int, _ mark: (Int, Bool) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let from = lines[part.lowerBound].lowerBound, to = lines[part.upperBound - 1].upperBound
        var line = part.lowerBound, escapedUntil = from
        // The line holding byte `at` (found going forward only), when `start..<start + count` is inside it.
        func place(_ at: Int, _ start: Int, _ count: Int, _ respelt: Bool) {
            while lines[line].upperBound <= at { line += 1 }
            if lines[line].lowerBound <= start, start + count <= lines[line].upperBound { mark(line - part.lowerBound, respelt) }
        }
        func holds(_ text: [UInt8], at start: Int) -> Bool {
            start >= from && start + text.count <= to && text.indices.allSatisfy { bytes[start + $0] == text[$0] }
        }
        let pivot = needle[p]
        func look(_ j: Int) {
            let b = bytes[j]
            if b == pivot, holds(needle, at: j - p) { place(j, j - p, needle.count, false) }
            switch b {
            case 92:
                guard j >= escapedUntil, j + 1 < to else { return }
                escapedUntil = j + 2
                if bytes[j + 1] == 117 { place(j, j, 2, true) }
            case 0xCD, 0xE1, 0xE2:
                if let alike = lookalikes.first(where: { $0[0] == b }), holds(alike, at: j) { place(j, j, alike.count, true) }
            default: break
            }
        }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let backslashes = ones &* 92, pivots = ones &* UInt64(pivot)
        // Nonzero when the word at `at` holds a byte from 0x80, a `\` or the pivot (a zero byte
        // of `v ^ c` is a byte equal to c: exact for the word as a whole).
        func flags(_ at: Int) -> UInt64 {
            let v = UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self)
            let s = v ^ backslashes, q = v ^ pivots
            return (v | ((s &- ones) & ~s) | ((q &- ones) & ~q)) & highs
        }
        var i = from
        while i + 32 <= to {
            if flags(i) | flags(i + 8) | flags(i + 16) | flags(i + 24) != 0 {
                for w in stride(from: i, to: i + 32, by: 8) where flags(w) != 0 { for j in w..<(w + 8) { look(j) } }
            }
            i += 32
        }
        while i < to { look(i); i += 1 }
    }

    /// U+037E, U+1FEF and U+212A in UTF-8: characters Swift's string equality takes for `;`,
    /// a grave accent and `K`.
    static let lookalikes: [[UInt8]] = [[0xCD, 0xBE], [0xE1, 0xBF, 0xAF], [0xE2, 0x84, 0xAA]]

    /// Whether `line` holds `\u` (a backslash that is not itself escaped, then `u`).
    static func hasUnicodeEscape(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = line.baseAddress, line.count >= 2 else { return false }
        var k = 0
        while k < line.count - 1, let found = memchr(base + k, 92, line.count - 1 - k) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if line[at + 1] == 117 { return true }
            k = at + 2  // the escaped byte is stepped over (`\\u` is a backslash, then `u`)
        }
        return false
    }

    /// Whether `line` holds `bytes`: each place of their byte at `p` (best the least common in
    /// the text, `pivot`) is found with `memchr` and the rest compared.
    static func has(_ line: UnsafeBufferPointer<UInt8>, _ bytes: [UInt8], pivot p: Int) -> Bool {
        guard let base = line.baseAddress, !bytes.isEmpty, line.count >= bytes.count else { return false }
        // The pivot's places where the whole needle fits: p ... line.count - bytes.count + p.
        let lastPlace = line.count - bytes.count + p
        var k = p
        while k <= lastPlace, let found = memchr(base + k, Int32(bytes[p]), lastPlace - k + 1) {
            let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - p
            if bytes.indices.allSatisfy({ line[start + $0] == bytes[$0] }) { return true }
            k = start + p + 1
        }
        return false
    }

    /// The index of the byte of `bytes` that `counts` (occurrences of each byte value in a
    /// sample of the text searched) says is least common: the one `memchr` looks for.
    static func pivot(_ bytes: [UInt8], _ counts: [Int]) -> Int {
        bytes.indices.min { counts[Int(bytes[$0])] < counts[Int(bytes[$1])] } ?? 0
    }
}
