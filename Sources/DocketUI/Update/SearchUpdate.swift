import DocketCore
import Foundation

/// Incremental search (`/`): as the text changes the selection jumps to the first item, in
/// board order from the one selected when the search began, whose title, description or id
/// contains it (ignoring case). Enter keeps the selection and remembers the text for `n`/`N`;
/// Esc goes back to where the search began.
public struct SearchState: Equatable, Sendable {
    public var editor = LineEditor()
    /// The item selected when the search began.
    public var origin: String?
    public init(origin: String?) { self.origin = origin }
}

extension Board {
    /// The open items in board order (stage by stage, by rank).
    func openItemsInBoardOrder() -> [String] { stages.flatMap { column($0.id) } }

    /// The next open item after `start` (in board order, wrapping; `start` itself last when
    /// `includeStart`) whose title, description or id contains `text`, ignoring case.
    /// `backwards` searches the other way. Nil when nothing matches.
    public func search(_ text: String, from start: String?, backwards: Bool = false, includeStart: Bool = false) -> String? {
        let needle = FoldedText(text)
        guard !needle.text.isEmpty else { return nil }
        var order = openItemsInBoardOrder()
        if backwards { order.reverse() }
        guard !order.isEmpty else { return nil }
        let from = start.flatMap { order.firstIndex(of: $0) } ?? (order.count - 1)
        let first = includeStart ? 0 : 1
        for step in first...order.count {
            let id = order[(from + step) % order.count]
            guard let item = items[id] else { continue }
            if needle.isPrefix(of: item.id) || needle.isContained(in: item.title)
                || needle.isContained(in: item.description) { return id }
        }
        return nil
    }
}

func searchKey(_ state: inout AppState, _ search: SearchState, _ key: Key) {
    var s = search
    switch key {
    case .escape, .ctrl("c"):
        if let origin = s.origin { state.select(itemID: origin) }
        state.mode = .board
        state.status = StatusMessage("search cancelled")
        return
    case .enter:
        state.lastSearch = s.editor.text.isEmpty ? state.lastSearch : s.editor.text
        state.mode = .board
        if let q = state.lastSearch { state.status = StatusMessage("/\(q) — n next, N previous") }
        return
    default:
        guard s.editor.handle(key) else { state.mode = .search(s); return }
    }
    state.mode = .search(s)
    runSearch(&state, s)
}

/// Selects the first match of the search text from where the search began.
func runSearch(_ state: inout AppState, _ s: SearchState) {
    if let hit = state.board.search(s.editor.text, from: s.origin, includeStart: true) {
        state.select(itemID: hit)
        state.status = nil
    } else if !s.editor.text.isEmpty {
        state.status = StatusMessage("no match for \(s.editor.text)", isError: true)
    }
}

/// `n` / `N`: the next or previous match of the last search.
func searchAgain(_ state: inout AppState, backwards: Bool) {
    guard let q = state.lastSearch else { state.status = StatusMessage("no search yet: / to search"); return }
    if let hit = state.board.search(q, from: state.selectedItemID, backwards: backwards) {
        state.select(itemID: hit)
        state.status = StatusMessage("/\(q)")
    } else {
        state.status = StatusMessage("no match for \(q)", isError: true)
    }
}
