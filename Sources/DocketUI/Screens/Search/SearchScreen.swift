import DocketCore
import Foundation

/// Incremental search (`/`): as the text changes the selection jumps to the first item, in
/// board order from the one selected when the search began, whose title, description or id
/// contains it (`Board.search`). Enter keeps the selection and remembers the text for `n` /
/// `N`; Esc goes back to where the search began.
public struct SearchScreen: Feature {
    public static let id = "search"
    public static let title = "Search"
    public static let defaultKeys: [(Key, PromptAction)] = []

    public var text = LineEditor()
    /// The item selected when the search began.
    public var origin: String?
    public init(origin: String?) { self.origin = origin }

    public var editor: LineEditor? {
        get { text }
        set { if let e = newValue { text = e } }
    }

    public mutating func perform(_ action: PromptAction, _ app: inout AppState, now: Timestamp) -> Step { .stay }

    public mutating func cancel(_ app: inout AppState) -> Step {
        if let origin { app.select(itemID: origin) }
        app.status = StatusMessage("search cancelled")
        return .pop
    }

    public mutating func submit(_ app: inout AppState, now: Timestamp) -> Step {
        app.lastSearch = text.text.isEmpty ? app.lastSearch : text.text
        if let q = app.lastSearch { app.status = StatusMessage("/\(q) — n next, N previous") }
        return .pop
    }

    public mutating func editorChanged(_ app: inout AppState, now: Timestamp) {
        if let hit = app.board.search(text.text, from: origin, includeStart: true) {
            app.select(itemID: hit)
            app.status = nil
        } else if !text.text.isEmpty {
            app.status = StatusMessage("no match for \(text.text)", isError: true)
        }
    }

    public func draw(_ app: AppState, into canvas: inout Canvas) {
        let bottom = canvas.height - 1
        if bottom > 0 { StatusLine.drawMessage(app, into: &canvas, y: bottom - 1) }
        PromptLine.draw(label: "/", editor: text, in: Rect(x: 0, y: bottom, width: canvas.width, height: 1), into: &canvas)
    }
}

extension AppState {
    /// `n` / `N`: the next or previous match of the last search.
    mutating func searchAgain(backwards: Bool) {
        guard let q = lastSearch else { status = StatusMessage("no search yet: / to search"); return }
        if let hit = board.search(q, from: selectedItemID, backwards: backwards) {
            select(itemID: hit)
            status = StatusMessage("/\(q)")
        } else {
            status = StatusMessage("no match for \(q)", isError: true)
        }
    }
}
