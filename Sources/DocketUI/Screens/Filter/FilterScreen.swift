import DocketCore
import Foundation

/// The filter prompt (`f`): the query is checked as it is typed (the bad part is underlined
/// with the reason); Enter applies it (empty: no filter), Esc leaves the filter as it was.
public struct FilterScreen: Feature {
    public static let id = "filter"
    public static let title = "Filter"
    public static let defaultKeys: [(Key, PromptAction)] = []

    public var line: LineEditor
    /// Why the text is not a usable query yet, if it is not.
    public var error: QueryError?

    public init(text: String) { line = LineEditor(text) }

    public var editor: LineEditor? {
        get { line }
        set { if let e = newValue { line = e } }
    }

    public mutating func perform(_ action: PromptAction, _ app: inout AppState, now: Timestamp) -> Step { .stay }

    public mutating func editorChanged(_ state: inout AppState, now: Timestamp) {
        error = checkQuery(line.text, state.board)
        state.status = error.map { StatusMessage($0.message, isError: true) }
    }

    public mutating func cancel(_ state: inout AppState) -> Step {
        state.status = nil
        return .pop
    }

    public mutating func submit(_ state: inout AppState, now: Timestamp) -> Step {
        do {
            try state.applyFilter(line.text, today: state.calendar.day(of: now))
            state.status = StatusMessage(state.filter.map { "filter: \($0.text) — f to change, f then Enter on nothing to clear" } ?? "filter cleared")
            return .pop
        } catch {
            self.error = error
            state.status = StatusMessage(error.message, isError: true)
            return .stay
        }
    }
}

/// Why `text` is not a usable query for `board`, or nil.
func checkQuery(_ text: String, _ board: Board) -> QueryError? {
    do {
        let q = try Query.parse(text)
        try q.validate(against: board)
        return nil
    } catch {
        return error
    }
}
