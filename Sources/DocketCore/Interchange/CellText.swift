import Foundation

/// The text of an imported cell (CSV cell, label part): surrounding white space and line
/// breaks dropped. Most cells have none, so they are returned without Foundation's slower
/// trimming (an export of 100,000 rows has a million cells).
enum CellText {
    /// `text` without leading and trailing white space and line breaks.
    static func trimmed<S: StringProtocol>(_ text: S) -> String where S.UTF8View: BidirectionalCollection {
        let u = text.utf8
        guard let first = u.first, let last = u.last else { return "" }
        // ASCII bytes above the space are never white space; a non-ASCII edge may be (NBSP…).
        if first > 32 && first < 128 && last > 32 && last < 128 { return String(text) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
