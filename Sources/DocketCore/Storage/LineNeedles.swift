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
/// caller tests what it skims as it tests every item (`LineNeedlesTests`).
struct LineNeedles: Sendable {
    /// Each value as a JSON string, quotes included.
    let needles: [[UInt8]]
    /// Each needle's rarest byte (`pivot`), the one looked for with `memchr`.
    private let pivots: [Int]

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
        pivots = made.map(LineNeedles.pivot)
    }

    /// Whether `line` may hold every value (see the type's comment).
    func mayHold(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for k in needles.indices where !LineNeedles.has(line, needles[k], pivot: pivots[k]) { return LineNeedles.mayRespell(line) }
        return true
    }

    /// Whether `line` has a `\u` escape or a character equal to an ASCII one under Swift's
    /// string equality (U+037E `CD BE`, U+1FEF `E1 BF AF`, U+212A `E2 84 AA` in UTF-8).
    static func mayRespell(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        hasUnicodeEscape(line) || (!isASCII(line) && lookalikes.contains { has(line, $0, pivot: 0) })
    }

    /// Whether every byte of `line` is below 0x80 (eight at a time).
    static func isASCII(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = line.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var high: UInt64 = 0, k = 0
        while k + 8 <= line.count {
            high |= raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            k += 8
        }
        while k < line.count { high |= UInt64(line[k]); k += 1 }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// U+037E, U+1FEF and U+212A in UTF-8 (see `mayRespell`).
    private static let lookalikes: [[UInt8]] = [[0xCD, 0xBE], [0xE1, 0xBF, 0xAF], [0xE2, 0x84, 0xAA]]

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

    /// Whether `line` holds `bytes`: each place of their rarest byte in English text (`pivot`)
    /// is found with `memchr` and the rest compared (a quote, the first byte, is common in a line).
    static func has(_ line: UnsafeBufferPointer<UInt8>, _ bytes: [UInt8], pivot p: Int? = nil) -> Bool {
        guard let base = line.baseAddress, !bytes.isEmpty, line.count >= bytes.count else { return false }
        let p = p ?? pivot(bytes)
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

    /// The index of the byte of `bytes` least common in English text (the most common letters
    /// first in `LineNeedles.common`; any other byte counts as rarer than every letter but
    /// the last ones, a quote and a space as the most common of all).
    static func pivot(_ bytes: [UInt8]) -> Int {
        func commonness(_ b: UInt8) -> Int {
            if b == 34 || b == 32 { return 100 }
            let lower = b &- 65 < 26 ? b | 0x20 : b
            guard let k = common.firstIndex(of: lower) else { return 5 }
            return common.count - k
        }
        return bytes.indices.min { commonness(bytes[$0]) < commonness(bytes[$1]) } ?? 0
    }

    /// Lowercase letters from the most to the least common in English text.
    private static let common = Array("etaoinshrdlcumwfgypbvkjxqz".utf8)
}
