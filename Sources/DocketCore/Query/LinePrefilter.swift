import Foundation

/// What a query needs to find in an item's line of a board file before the item is worth
/// reading (`docket list QUERY` on a lazily read board, `ItemStore.forEachItem(mayMatch:)`):
/// the values of its plain positive terms (`label:bug`, `priority:must`, a word of text…),
/// which every item it matches has somewhere in its line, ignoring ASCII case.
///
/// A line is ruled out only when it is ASCII, has no `\u` escape (which could spell any
/// letter) and lacks one of the values; every other line is read and tested by the query
/// itself, so the prefilter never changes an answer (`LinePrefilterTests`).
public struct LinePrefilter: Sendable {
    /// The values, folded (lowercase ASCII, none with `"`, `\`, `/` or a control character).
    let needles: [[UInt8]]

    /// The prefilter of `query`: nil when no term of an `and` at its top (or its one term)
    /// gives a value to look for (negated terms, `or` groups and comparisons give none).
    public init?(_ query: Query) {
        let terms: [QueryNode]
        switch query.root {
        case .and(let nodes)?: terms = nodes
        case let node?: terms = [node]
        case nil: return nil
        }
        let needles = terms.compactMap(LinePrefilter.needle)
        guard !needles.isEmpty else { return nil }
        self.needles = needles
    }

    /// The value a matching item's line must hold for one term, nil when there is none to use.
    private static func needle(_ node: QueryNode) -> [UInt8]? {
        guard case .term(let term) = node else { return nil }
        let value: [UInt8]
        switch term {
        case .label(let v), .assignee(let v), .sprint(let v), .release(let v), .requester(let v), .text(let v): value = v.bytes
        case .priority(let p): value = Array(p.rawValue.utf8)
        // Not `type:`: an item without a "type" key is a story, with no "story" in its line.
        default: return nil
        }
        // Bytes a JSON string writes as they are (the file's text is then the value's text).
        let plain = value.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 34 && $0 != 92 && $0 != 47 }
        return plain && !value.isEmpty ? value.map(Fold.lower) : nil
    }

    /// Whether `line` (an item's line of a board file) may hold an item the query matches.
    func mayMatch(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        if LineNeedles.hasUnicodeEscape(line) { return true }
        for needle in needles {
            let outcome = needle.withUnsafeBufferPointer { Fold.find($0, in: line, .contains, fold: true) }
            if outcome == .notFound { return false }
        }
        return true
    }
}
