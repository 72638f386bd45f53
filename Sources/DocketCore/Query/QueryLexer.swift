/// A token of a query, with its place in the text (in characters).
struct QueryToken: Equatable {
    enum Kind: Equatable {
        case open, close, not, or
        /// A free word, or a quoted phrase (`quoted`).
        case word(String, quoted: Bool)
        case field(QueryFieldToken)
    }

    let kind: Kind
    let offset: Int
    let length: Int
}

/// `name:value`, `name:>value`, `name:"quoted value"`, `@value` as written, not yet checked.
struct QueryFieldToken: Equatable {
    /// As typed (`@` for `@alice`).
    let name: String
    let nameOffset: Int
    let nameLength: Int
    let comparison: QueryComparison?
    let comparisonOffset: Int
    let comparisonLength: Int
    /// The value without quotes and escapes.
    let value: String
    let quoted: Bool
    /// Where the value is in the text (with its quotes when quoted; length 0 when missing).
    let valueOffset: Int
    let valueLength: Int
}

/// Splits a query into tokens, one at a time, so errors come out in the order of the text.
///
/// - `(` and `)` anywhere outside quotes;
/// - `-` right before a term (not before a space or the end: that is an error);
/// - `"…"` a phrase (`\"` and `\\` are a quote and a backslash);
/// - `or` (any case) alone;
/// - `@value` and `name:value` where `name` is ASCII letters; after the colon an optional
///   comparison (`>=`, `<=`, `>`, `<`, `=`) and a bare or quoted value;
/// - anything else up to a space, a parenthesis or a quote is a free word.
struct QueryLexer {
    private let chars: [Character]
    private var pos = 0

    init(_ text: String) { chars = Array(text) }

    private func isBreak(_ c: Character) -> Bool { c.isWhitespace || c == "(" || c == ")" || c == "\"" }

    private static func isFieldLetter(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return (a >= 65 && a <= 90) || (a >= 97 && a <= 122)
    }

    mutating func next() throws(QueryError) -> QueryToken? {
        while pos < chars.count, chars[pos].isWhitespace { pos += 1 }
        guard pos < chars.count else { return nil }
        let start = pos
        switch chars[pos] {
        case "(": pos += 1; return QueryToken(kind: .open, offset: start, length: 1)
        case ")": pos += 1; return QueryToken(kind: .close, offset: start, length: 1)
        case "-":
            pos += 1
            if pos == chars.count || chars[pos].isWhitespace { throw QueryError(.danglingNot, offset: start, length: 1) }
            return QueryToken(kind: .not, offset: start, length: 1)
        case "\"":
            let text = try quoted()
            return QueryToken(kind: .word(text, quoted: true), offset: start, length: pos - start)
        case "@":
            pos += 1
            return try field(name: "@", nameOffset: start, nameLength: 1, start: start)
        default: break
        }
        // `name:` — ASCII letters then a colon.
        var end = pos
        while end < chars.count, QueryLexer.isFieldLetter(chars[end]) { end += 1 }
        if end > pos, end < chars.count, chars[end] == ":" {
            let name = String(chars[pos..<end])
            pos = end + 1
            return try field(name: name, nameOffset: start, nameLength: end - start, start: start)
        }
        while pos < chars.count, !isBreak(chars[pos]) { pos += 1 }
        let word = String(chars[start..<pos])
        if word.lowercased() == "or" { return QueryToken(kind: .or, offset: start, length: pos - start) }
        return QueryToken(kind: .word(word, quoted: false), offset: start, length: pos - start)
    }

    /// The comparison and value after `name:` (or `@`).
    private mutating func field(name: String, nameOffset: Int, nameLength: Int, start: Int) throws(QueryError) -> QueryToken {
        let compStart = pos
        var comparison: QueryComparison?
        if pos < chars.count {
            let next: Character? = pos + 1 < chars.count ? chars[pos + 1] : nil
            switch chars[pos] {
            case ">": comparison = next == "=" ? .greaterOrEqual : .greater
            case "<": comparison = next == "=" ? .lessOrEqual : .less
            case "=": comparison = .equal
            default: break
            }
        }
        if let comparison { pos += comparison.rawValue.count }
        let compLength = pos - compStart
        let valueStart = pos
        let value: String, quoted: Bool
        if pos < chars.count, chars[pos] == "\"" {
            value = try self.quoted(); quoted = true
        } else {
            while pos < chars.count, !isBreak(chars[pos]) { pos += 1 }
            value = String(chars[valueStart..<pos]); quoted = false
        }
        let token = QueryFieldToken(name: name, nameOffset: nameOffset, nameLength: nameLength,
                                    comparison: comparison, comparisonOffset: compStart, comparisonLength: compLength,
                                    value: value, quoted: quoted, valueOffset: valueStart, valueLength: pos - valueStart)
        return QueryToken(kind: .field(token), offset: start, length: pos - start)
    }

    /// A quoted string starting at `pos` (a `"`); leaves `pos` after the closing quote.
    private mutating func quoted() throws(QueryError) -> String {
        let open = pos
        pos += 1
        var out = ""
        while pos < chars.count {
            let c = chars[pos]
            if c == "\"" { pos += 1; return out }
            if c == "\\", pos + 1 < chars.count, chars[pos + 1] == "\"" || chars[pos + 1] == "\\" {
                out.append(chars[pos + 1]); pos += 2; continue
            }
            out.append(c); pos += 1
        }
        throw QueryError(.unclosedQuote, offset: open, length: chars.count - open)
    }
}
