/// Byte-level mutations of an input, as a fuzzer makes them: each call returns a new variant
/// of `input` made with one to four random edits (truncation, byte flips, insertion of JSON or
/// CSV punctuation, deletions, duplicated runs, a deep nest of brackets).
public enum Mutations {
    /// Bytes that upset parsers: quotes, brackets, separators, escapes, line ends, a lone
    /// UTF-8 lead byte, a continuation byte, NUL and ESC.
    public static let punctuation: [UInt8] = Array("\"{}[],:;\\\n\r\t".utf8) + [0x00, 0x1B, 0xC3, 0x80, 0xFF, 0xE2]

    /// A mutated copy of `input`.
    public static func mutate(_ input: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var b = input
        for _ in 0...rng.below(4) {
            switch rng.below(7) {
            case 0: if !b.isEmpty { b.removeLast(rng.below(b.count) + 1) }           // truncate
            case 1: if !b.isEmpty { b[rng.below(b.count)] ^= UInt8(1 << rng.below(8)) }  // flip a bit
            case 2: b.insert(rng.pick(punctuation), at: rng.below(b.count + 1))
            case 3:                                                                       // delete a run
                if !b.isEmpty {
                    let at = rng.below(b.count)
                    b.removeSubrange(at..<min(b.count, at + 1 + rng.below(16)))
                }
            case 4:                                                                       // duplicate a run
                if !b.isEmpty {
                    let at = rng.below(b.count)
                    let run = b[at..<min(b.count, at + 1 + rng.below(64))]
                    b.insert(contentsOf: Array(run), at: rng.below(b.count + 1))
                }
            case 5: b.insert(contentsOf: Array(repeating: rng.pick(Array("[{\"".utf8)), count: 1 + rng.below(2000)),
                             at: rng.below(b.count + 1))                                  // a deep nest
            default: if !b.isEmpty { b[rng.below(b.count)] = UInt8(truncatingIfNeeded: rng.next()) }
            }
        }
        return b
    }

    /// `count` random bytes, biased towards `punctuation` and ASCII letters.
    public static func randomBytes(_ count: Int, _ rng: inout SeededRandom) -> [UInt8] {
        (0..<count).map { _ in
            switch rng.below(3) {
            case 0: return rng.pick(punctuation)
            case 1: return UInt8(97 + rng.below(26))
            default: return UInt8(truncatingIfNeeded: rng.next())
            }
        }
    }
}
