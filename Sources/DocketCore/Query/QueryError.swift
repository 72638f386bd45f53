/// Why a filter query does not parse, and where.
///
/// `offset` and `length` count characters (grapheme clusters, as Swift's `Character` and the
/// board's line editor count them) from the start of the query text; `length` is at least 1,
/// so the bad part can always be underlined. `message` is meant for the user.
public struct QueryError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What is wrong.
    public enum Kind: Equatable, Sendable {
        /// `name:` where `name` is not a field of the query language.
        case unknownField(String)
        /// A field with nothing after it (`label:`, `@`, `points:>`).
        case missingValue(field: String)
        /// A field that takes a number got something else (`points:>x`, `votes:-1`).
        case badNumber(String)
        /// A field that takes a date got something that is not a real `YYYY-MM-DD` date nor `today`.
        case badDate(String)
        /// A value outside a field's fixed set (`priority:urgent`, `type:task`, `is:closed`);
        /// `expected` lists what works.
        case badValue(field: String, value: String, expected: String)
        /// A comparison (`>`, `>=`, `<`, `<=`, `=`) on a field that does not compare
        /// (only `points`, `votes` and `due` do).
        case badComparison(field: String, comparison: String)
        /// A quote that is never closed.
        case unclosedQuote
        /// A `(` that is never closed.
        case unclosedParenthesis
        /// A `)` with no `(` before it.
        case unmatchedParenthesis
        /// `or` with no term on one of its sides.
        case danglingOr
        /// `-` with no term right after it.
        case danglingNot
        /// `()`: a group with nothing in it.
        case emptyGroup
        /// Parentheses nested deeper than `Query.maxDepth`.
        case tooDeep
        /// `stage:NAME` names no stage of the board (found by `Query.validate(against:)`).
        case noSuchStage(String)
        /// `stage:NAME` is a prefix of several stages (found by `Query.validate(against:)`).
        case ambiguousStage(String, [String])
    }

    /// What is wrong.
    public let kind: Kind
    /// Where the bad part starts, in characters from the start of the query.
    public let offset: Int
    /// How many characters the bad part spans (at least 1).
    public let length: Int

    /// An error about the characters `offset ..< offset + length` of the query (a negative
    /// offset is taken as 0, a length below 1 as 1).
    public init(_ kind: Kind, offset: Int, length: Int) {
        self.kind = kind; self.offset = max(0, offset); self.length = max(1, length)
    }

    /// The message for the user, without the position.
    public var message: String {
        switch kind {
        case .unknownField(let name):
            return "unknown field '\(name)': use \(QueryField.allNames) (or quote the words to search for them)"
        case .missingValue(let field): return "'\(field)' needs a value"
        case .badNumber(let text): return "'\(text)' is not a number (a number ≥ 0, like 3 or 0.5)"
        case .badDate(let text): return "'\(text)' is not a date: use YYYY-MM-DD (like 2026-12-31) or today"
        case .badValue(let field, let value, let expected): return "\(field) '\(value)' is not one of \(expected)"
        case .badComparison(let field, let comparison):
            return "\(field) cannot be compared with '\(comparison)': only points, votes and due compare"
        case .unclosedQuote: return "this quote is never closed"
        case .unclosedParenthesis: return "this '(' is never closed"
        case .unmatchedParenthesis: return "this ')' has no '(' before it"
        case .danglingOr: return "'or' needs a term on both sides"
        case .danglingNot: return "'-' needs a term right after it (like -label:bug)"
        case .emptyGroup: return "empty parentheses: put a term inside or remove them"
        case .tooDeep: return "parentheses nested more than \(Query.maxDepth) deep"
        case .noSuchStage(let name): return "no stage named '\(name)'"
        case .ambiguousStage(let name, let matches):
            return "stage '\(name)' is ambiguous: \(matches.joined(separator: ", "))"
        }
    }

    /// `column N: message`, with N counted from 1.
    public var description: String { "column \(offset + 1): \(message)" }
}
