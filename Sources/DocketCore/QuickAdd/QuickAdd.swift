/// The quick-add syntax: one line that sets an item's fields, shared by the board's `a`
/// prompt and `docket add`.
///
/// ```
/// Export invoices as PDF #billing @alice !must ~5 ^v2.1 >ready due:2026-12-15
/// ```
///
/// The line is split at whitespace into words. A word that starts with a marker sets a field:
///
/// | word | field |
/// | --- | --- |
/// | `#label` | adds a label (repeatable) |
/// | `@person` | adds an assignee (repeatable) |
/// | `!priority` | MoSCoW: `must` `should` `could` `wont` or `m` `s` `c` `w`, any case |
/// | `~points` | story points: a number ≥ 0 (`5`, `0.5`) |
/// | `^release` | the release |
/// | `>stage` | the stage: a name, id or unique prefix (`>ready`, `>doing`, `>in`) |
/// | `due:YYYY-MM-DD` | the due date (`due:` in any case) |
///
/// Every other word belongs to the title, in order, joined by single spaces. In a title word
/// a backslash keeps a marker literal: `\#1` is `#1`, `\@`, `\!`, `\~`, `\^`, `\>` likewise,
/// `\due:` is `due:` and `\\` is `\`; any other backslash is kept as typed (`C:\tmp`).
/// Markers count only at the start of a word (`C#` and `a>b` are title words).
public enum QuickAdd {
    /// The characters that start a field word.
    public static let markers: Set<Character> = ["#", "@", "!", "~", "^", ">"]

    /// Parses a quick-add line into a draft. Pure: the board is not consulted (stage names are
    /// resolved by `QuickAddDraft.apply`). Labels and people given twice (ignoring case) are
    /// kept once, first spelling first.
    ///
    /// Throws `QuickAddError` at the first problem from the left: a bare marker, a bad
    /// priority, points or date, a single-valued field given twice; then an empty title.
    public static func parse(_ line: String) throws -> QuickAddDraft {
        var draft = QuickAddDraft(title: "")
        var words: [String] = []
        var firstSeen: [String: Int] = [:]

        func once(_ field: String, _ token: Token) throws {
            if let first = firstSeen[field] {
                throw QuickAddError(kind: .repeated, offset: token.offset, token: token.text,
                                    message: "the \(field) is given twice (first at column \(first + 1))")
            }
            firstSeen[field] = token.offset
        }

        for token in tokens(line) {
            let text = token.text
            let head = text.first!
            if markers.contains(head) {
                let value = String(text.dropFirst())
                guard !value.isEmpty else {
                    throw QuickAddError(kind: .bareMarker, offset: token.offset, token: text,
                                        message: "'\(head)' needs \(fieldName(head)) after it (write \\\(head) for the character itself)")
                }
                switch head {
                case "#":
                    if !draft.labels.contains(where: { sameName($0, value) }) { draft.labels.append(value) }
                case "@":
                    if !draft.assignees.contains(where: { sameName($0, value) }) { draft.assignees.append(value) }
                case "!":
                    guard let p = Priority(word: value) else {
                        throw QuickAddError(kind: .badPriority, offset: token.offset, token: text,
                                            message: "unknown priority '\(text)': use must, should, could or wont (m, s, c, w)")
                    }
                    try once("priority", token)
                    draft.priority = p
                case "~":
                    guard let points = parsePoints(value) else {
                        throw QuickAddError(kind: .badPoints, offset: token.offset, token: text,
                                            message: "invalid points '\(text)': use a number ≥ 0, like ~5 or ~0.5")
                    }
                    try once("points", token)
                    draft.points = points
                case "^":
                    try once("release", token)
                    draft.release = value
                default:  // ">"
                    try once("stage", token)
                    draft.stage = value
                    draft.stageOffset = token.offset
                }
            } else if isDueWord(text) {
                let value = String(text.dropFirst(4))
                guard !value.isEmpty else {
                    throw QuickAddError(kind: .bareMarker, offset: token.offset, token: text,
                                        message: "'\(text)' needs a date YYYY-MM-DD after it (write \\\(text) for the word itself)")
                }
                guard CalendarDay.isValid(value) else {
                    throw QuickAddError(kind: .badDate, offset: token.offset, token: text,
                                        message: "invalid date '\(value)': use a real date YYYY-MM-DD, like due:2026-12-15")
                }
                try once("due date", token)
                draft.due = value
            } else {
                words.append(unescape(text))
            }
        }
        draft.title = words.joined(separator: " ")
        guard !draft.title.isEmpty else {
            throw QuickAddError(kind: .emptyTitle, offset: 0, token: "",
                                message: "the title is empty: write some words besides the markers")
        }
        return draft
    }

    // MARK: - Pieces

    /// A word of the line and the character offset of its first character.
    struct Token: Equatable {
        var text: String
        var offset: Int
    }

    /// Splits a line at whitespace, keeping each word's character offset.
    static func tokens(_ line: String) -> [Token] {
        var out: [Token] = []
        var current = ""
        var start = 0
        for (i, c) in line.enumerated() {
            if c.isWhitespace {
                if !current.isEmpty { out.append(Token(text: current, offset: start)); current = "" }
            } else {
                if current.isEmpty { start = i }
                current.append(c)
            }
        }
        if !current.isEmpty { out.append(Token(text: current, offset: start)) }
        return out
    }

    /// True for a word starting with `due:` in any case.
    static func isDueWord(_ text: String) -> Bool {
        text.utf8.count >= 4 && text.prefix(4).lowercased() == "due:"
    }

    /// Story points: ASCII digits with at most one `.` and at least one digit; nil otherwise.
    static func parsePoints(_ text: String) -> Double? {
        var digits = 0, dots = 0
        for c in text.unicodeScalars {
            switch c {
            case "0"..."9": digits += 1
            case ".": dots += 1
            default: return nil
            }
        }
        guard digits > 0, dots <= 1, let v = Double(text), v.isFinite, v >= 0 else { return nil }
        return v
    }

    /// A title word with its escapes resolved (see the type's documentation).
    static func unescape(_ word: String) -> String {
        guard word.contains("\\") else { return word }
        var chars = Array(word)
        if chars.count > 4, chars[0] == "\\", isDueWord(String(chars[1...])) { chars.removeFirst() }
        var out = ""
        var i = 0
        while i < chars.count {
            if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == "\\" || markers.contains(chars[i + 1]) {
                out.append(chars[i + 1])
                i += 2
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }

    /// What a marker sets, for messages ("a label").
    static func fieldName(_ marker: Character) -> String {
        switch marker {
        case "#": return "a label"
        case "@": return "a person"
        case "!": return "a priority (must, should, could, wont)"
        case "~": return "points"
        case "^": return "a release"
        default: return "a stage"
        }
    }

    /// Names compare ignoring case (labels, people, releases).
    static func sameName(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }
}
