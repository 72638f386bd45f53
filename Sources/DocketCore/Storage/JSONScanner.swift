import Foundation

/// A strict JSON reader over UTF-8 bytes that hands values to its caller one by one instead
/// of building a tree. The board file is read with it because Foundation's JSON readers on
/// Linux take seconds for a 100,000-item board (about 4 s for 30 MB, against about 0.2 s
/// here); other JSON (imports, exports) still goes through Foundation.
///
/// Errors are `JSONScanner.Failure` with the byte offset where reading stopped; `position`
/// turns an offset into a 1-based line and column (in characters).
struct JSONScanner {
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    /// The text; the caller keeps it alive while the scanner is used.
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A UTF-8 byte-order mark is allowed before the value.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
    }

    var offset: Int { i }

    /// Lists already read, by their bytes as written (see `BoardReader.strings`): one scanner
    /// reads one part of one file, so this stays small. Bytes, not a `String`: strings that
    /// differ only in Unicode normal form are equal as `String`s, and a list written in one
    /// form must not come back in the other.
    var lists: [ShortBytes: [String]] = [:]

    /// The bytes between two offsets (at most `ShortBytes.capacity`), as written.
    func written(_ range: Range<Int>) -> ShortBytes { ShortBytes(UnsafeBufferPointer(rebasing: bytes[range])) }

    /// The text between two offsets, as written.
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The end (after `]`) of a list of at most `ShortBytes.capacity` bytes starting at `from` whose text has no
    /// backslash, and no bracket or brace outside its strings, so that equal texts are equal
    /// lists; nil otherwise.
    func shortListEnd(from: Int) -> Int? {
        guard from < bytes.count, bytes[from] == 91 else { return nil }
        var k = from + 1, quoted = false
        while k < bytes.count, k - from < ShortBytes.capacity {
            switch bytes[k] {
            case 92: return nil
            case 34: quoted.toggle()
            case 93 where !quoted: return k + 1
            case 91 where !quoted, 123 where !quoted, 125 where !quoted: return nil
            default: break
            }
            k += 1
        }
        return nil
    }

    /// The next string's bytes (consumed) when it has no escape and no control character, as
    /// a view into the text (nothing is copied); nil, with nothing consumed, otherwise.
    mutating func plainString() throws -> UnsafeBufferPointer<UInt8>? {
        skipWhitespace()
        guard i < bytes.count, bytes[i] == 34 else { throw fail("expected text in quotes") }
        var k = i + 1
        while k < bytes.count {
            let c = bytes[k]
            if c == 34 {
                let out = UnsafeBufferPointer(rebasing: bytes[(i + 1)..<k])
                i = k + 1
                return out
            }
            if c == 92 || c < 32 { return nil }
            k += 1
        }
        return nil
    }

    /// Moves to `offset` (a place an earlier scan found, such as the start of a line).
    mutating func jump(to offset: Int) { i = min(max(0, offset), bytes.count) }

    /// Skips blanks and returns the offset of the next value (for error positions).
    mutating func mark() -> Int { skipWhitespace(); return i }

    mutating func skipWhitespace() {
        while i < bytes.count {
            let c = bytes[i]
            if c == 32 || c == 10 || c == 13 || c == 9 { i += 1 } else { return }
        }
    }

    /// The next non-blank byte, not consumed (nil at the end).
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return i < bytes.count ? bytes[i] : nil
    }

    func fail(_ message: String, at offset: Int? = nil) -> Failure { Failure(offset: offset ?? i, message: message) }

    /// Consumes the byte `c`; `what` (built only on failure) says what was expected.
    mutating func expect(_ c: UInt8, _ what: @autoclosure () -> String) throws {
        skipWhitespace()
        guard i < bytes.count else { throw fail("unexpected end of file: expected \(what())") }
        guard bytes[i] == c else { throw fail("expected \(what()), found \(describe(bytes[i]))") }
        i += 1
    }

    private func describe(_ c: UInt8) -> String {
        c >= 32 && c < 127 ? "'\(Character(UnicodeScalar(c)))'" : String(format: "byte 0x%02X", c)
    }

    /// Reads `{ "key": value, … }`, calling `member` with each key; `member` must read the value.
    /// With a non-empty `path`, a failure inside a member is prefixed with `path.key: `.
    mutating func object(_ what: String, path: () -> String = { "" }, _ member: (inout JSONScanner, String) throws -> Void) throws {
        try expect(123, what == "an object" ? what : "\(what) (an object)")
        if peek() == 125 { i += 1; return }
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == 34 else {
                throw i < bytes.count ? fail("expected a key in quotes, found \(describe(bytes[i]))") : fail("unexpected end of file inside \(what)")
            }
            let key = try string()
            try expect(58, "':' after \"\(key)\"")
            do { try member(&self, key) } catch var f as Failure {
                let p = path()
                if !p.isEmpty, !f.message.hasPrefix(p) { f.message = "\(p).\(key): " + f.message }
                throw f
            }
            guard let c = peek() else { throw fail("unexpected end of file inside \(what)") }
            i += 1
            if c == 125 { return }
            if c != 44 { i -= 1; throw fail("expected ',' or '}' in \(what), found \(describe(c))") }
        }
    }

    /// Reads `[ value, … ]`, calling `element` with each index; `element` must read the value.
    mutating func array(_ what: String, _ element: (inout JSONScanner, Int) throws -> Void) throws {
        try expect(91, "\(what) (an array)")
        if peek() == 93 { i += 1; return }
        var n = 0
        while true {
            try element(&self, n)
            n += 1
            guard let c = peek() else { throw fail("unexpected end of file inside \(what)") }
            i += 1
            if c == 93 { return }
            if c != 44 { i -= 1; throw fail("expected ',' or ']' in \(what), found \(describe(c))") }
        }
    }

    /// True (and consumed) when the next value is `null`.
    mutating func null() -> Bool {
        skipWhitespace()
        if i + 4 <= bytes.count, bytes[i] == 110, bytes[i + 1] == 117, bytes[i + 2] == 108, bytes[i + 3] == 108 {
            i += 4
            return true
        }
        return false
    }

    mutating func string() throws -> String {
        if let plain = try plainString() { return String(decoding: plain, as: UTF8.self) }
        // Escapes (or a control character, refused below): decode byte by byte.
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let c = bytes[i]
            if c == 34 { i += 1; return String(decoding: out, as: UTF8.self) }
            if c < 32 { throw fail("a control character inside text must be escaped") }
            if c != 92 { out.append(c); i += 1; continue }
            i += 1
            guard i < bytes.count else { break }
            let e = bytes[i]
            i += 1
            switch e {
            case 34, 92, 47: out.append(e)
            case 98: out.append(8)
            case 102: out.append(12)
            case 110: out.append(10)
            case 114: out.append(13)
            case 116: out.append(9)
            case 117:
                var v = try hex4()
                if (0xD800..<0xDC00).contains(v), i + 1 < bytes.count, bytes[i] == 92, bytes[i + 1] == 117 {
                    i += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) { v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00) } else { v = 0xFFFD }
                }
                let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: throw fail("unknown escape '\\\(Character(UnicodeScalar(e)))'", at: i - 2)
            }
        }
        throw fail("unexpected end of file inside text")
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("unexpected end of file in a \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 65...70: d = UInt32(c - 55)
            case 97...102: d = UInt32(c - 87)
            default: throw fail("expected 4 hex digits after \\u")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    mutating func number() throws -> Double {
        skipWhitespace()
        let start = i
        while i < bytes.count {
            let c = bytes[i]
            if (c >= 48 && c <= 57) || c == 45 || c == 43 || c == 46 || c == 101 || c == 69 { i += 1 } else { break }
        }
        // Whole numbers of up to 15 digits (story points, votes, versions: nearly every number
        // in a board) are exact in a Double: made from the digits without a string.
        if i > start, i - start <= 15, bytes[start] != 48 || i - start == 1 {
            var v: Int64 = 0, digits = true
            for k in start..<i {
                let c = bytes[k]
                guard c >= 48 && c <= 57 else { digits = false; break }
                v = v * 10 + Int64(c - 48)
            }
            if digits { return Double(v) }
        }
        guard i > start, let d = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) else {
            i = start
            throw fail("expected a number")
        }
        return d
    }

    mutating func bool() throws -> Bool {
        skipWhitespace()
        if i + 4 <= bytes.count, bytes[i..<(i + 4)].elementsEqual("true".utf8) { i += 4; return true }
        if i + 5 <= bytes.count, bytes[i..<(i + 5)].elementsEqual("false".utf8) { i += 5; return false }
        throw fail("expected true or false")
    }

    /// How deep unknown values may nest: deeper is refused, so a hostile file cannot
    /// overflow the stack (each level is a few stack frames).
    static let maxDepth = 512

    /// Skips one value of any kind, checking its syntax (nested at most `maxDepth` deep).
    mutating func skipValue() throws {
        try skipValue(depth: 0)
    }

    private mutating func skipValue(depth: Int) throws {
        guard let c = peek() else { throw fail("unexpected end of file: expected a value") }
        if (c == 123 || c == 91) && depth >= JSONScanner.maxDepth {
            throw fail("values nested more than \(JSONScanner.maxDepth) deep")
        }
        switch c {
        case 123: try object("an object") { s, _ in try s.skipValue(depth: depth + 1) }
        case 91: try array("an array") { s, _ in try s.skipValue(depth: depth + 1) }
        // Text without escapes is stepped over (no string made); other text is decoded, which checks its escapes.
        case 34: if try plainString() == nil { _ = try string() }
        case 116, 102: _ = try bool()
        case 110: if !null() { throw fail("expected a value") }
        default: _ = try number()
        }
    }

    /// Skips one value and returns its JSON text exactly as written.
    mutating func rawValue() throws -> String {
        let start = mark()
        try skipValue()
        return text(start..<i)
    }

    /// Fails unless only blanks are left.
    mutating func end() throws {
        if let c = peek() { throw fail("unexpected \(describe(c)) after the end of the board") }
    }

    /// The 1-based line of each byte offset, in one pass over the text (for many offsets,
    /// where `position(of:)` for each would read the text again and again).
    func lines(of offsets: [Int]) -> [Int: Int] {
        var out: [Int: Int] = [:]
        var line = 1, k = 0
        for offset in Set(offsets).sorted() {
            let end = min(offset, bytes.count)
            while k < end { if bytes[k] == 10 { line += 1 }; k += 1 }
            out[offset] = line
        }
        return out
    }

    /// 1-based line and column (in characters) of a byte offset.
    func position(of offset: Int) -> (line: Int, column: Int) {
        let end = min(offset, bytes.count)
        var line = 1, lineStart = 0
        var k = 0
        while k < end {
            if bytes[k] == 10 { line += 1; lineStart = k + 1 }
            k += 1
        }
        return (line, String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), as: UTF8.self).count + 1)
    }
}

/// Up to 48 bytes held in place (a short list's text, `JSONScanner.shortListEnd`), compared and
/// hashed as bytes: a dictionary key made without allocating.
struct ShortBytes: Hashable {
    /// The most bytes a value holds.
    static let capacity = 48
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0, w4: UInt64 = 0, w5: UInt64 = 0
    private var count: Int

    /// The bytes of `b`, which must not hold more than `capacity`.
    init(_ b: UnsafeBufferPointer<UInt8>) {
        precondition(b.count <= ShortBytes.capacity)
        count = b.count
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { raw in
            if let base = b.baseAddress { raw.baseAddress!.copyMemory(from: base, byteCount: b.count) }
        }
        (w0, w1, w2, w3, w4, w5) = words
    }
}
