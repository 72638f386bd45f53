/// Why a quick-add line was refused, and where.
///
/// `offset` counts characters (grapheme clusters, as a line editor's cursor does) from the
/// start of the line, from 0, to the first character of the offending token; `column` is the
/// same position counted from 1, as editors show it. An empty title is reported at offset 0.
public struct QuickAddError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What went wrong.
    public enum Kind: Equatable, Sendable {
        /// A marker (`#`, `@`, `!`, `~`, `^`, `>`, `due:`) with nothing after it.
        case bareMarker
        /// `!word` where the word is not must/should/could/wont or m/s/c/w.
        case badPriority
        /// `~value` where the value is not a number ≥ 0 (digits with an optional `.`).
        case badPoints
        /// `due:value` where the value is not a real date `YYYY-MM-DD`.
        case badDate
        /// Nothing is left for the title once the markers are taken out.
        case emptyTitle
        /// A field that holds one value (priority, points, release, stage, due) given twice.
        case repeated
        /// `>stage` names no stage of the board, or several (found by `QuickAddDraft.apply`).
        case badStage
    }

    public var kind: Kind
    /// Character offset of the offending token in the line, from 0.
    public var offset: Int
    /// The offending token as typed (empty for an empty title).
    public var token: String
    /// A sentence for the user, without the position.
    public var message: String

    public init(kind: Kind, offset: Int, token: String, message: String) {
        self.kind = kind; self.offset = offset; self.token = token; self.message = message
    }

    /// The position counted from 1 (`offset + 1`).
    public var column: Int { offset + 1 }

    /// `column N: message`.
    public var description: String { "column \(column): \(message)" }
}
