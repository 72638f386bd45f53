import DocketCore
import Foundation

/// What the screen is doing besides showing the board.
public enum Mode: Equatable, Sendable {
    case board
    /// The inline prompt at the bottom: adding an item, or editing a title.
    case prompt(Prompt)
    /// The help overlay, scrolled by `scroll` lines.
    case help(scroll: Int)
    /// The item detail pane.
    case detail(DetailState)
    /// The backlog list.
    case backlog(BacklogState)
    /// Typing a search (`/`).
    case search(SearchState)
    /// Triage of the Inbox (`t`).
    case triage(TriageState)
    /// The command palette (`:`).
    case palette(PaletteState)
    /// Typing a filter query (`f`).
    case filter(FilterPrompt)
    /// Picking a saved filter (`F`): the selected row.
    case savedFilters(choice: Int)
}

/// An inline prompt: what it is for, and the text being edited.
public struct Prompt: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case addItem(stageID: String)
        case editTitle(itemID: String)
    }
    public var purpose: Purpose
    public var editor: LineEditor
    /// The item as it was when the edit began, to notice a change made elsewhere meanwhile.
    public var base: Item?
    public init(purpose: Purpose, editor: LineEditor, base: Item? = nil) {
        self.purpose = purpose; self.editor = editor; self.base = base
    }
}

/// A message in the status line; `isError` shows it in the error style.
public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
}

/// The whole state of the app: the board, the undo history and the UI. A plain value:
/// `update` changes it, `render` draws it.
public struct AppState: Sendable {
    public var board: Board
    public var history = UndoHistory()
    /// Who is editing (`$DOCKET_USER` or the login name), for the activity log.
    public var user: String
    /// The board's file, as shown in the status line.
    public var fileLabel: String
    /// Why the board may not be changed (nil when it may).
    public var readOnly: String?
    public var mode: Mode = .board
    /// Index of the selected stage in `board.stages`.
    public var column = 0
    /// Per stage id, the selected card's index in that column.
    public var rows: [String: Int] = [:]
    /// Per stage id, the index of the first card shown.
    public var scrolls: [String: Int] = [:]
    /// Index of the first stage shown when the columns do not all fit.
    public var columnOffset = 0
    public var size: Size
    public var status: StatusMessage?
    public var saveState: SaveState = .saved
    /// Days in the user's time zone (`DocketEnvironment.calendar`): what "today" is for due
    /// dates, snoozes and filters. UTC unless the session sets the user's.
    public var calendar: LocalCalendar = .utc
    /// The moment of the last `Event.tick` (seconds since 1970 UTC), nil before the first: the
    /// time a screen that asked for ticks shows (a timer), so views never read the clock.
    public var lastTick: Timestamp?
    public var keymap = Keymap.standard
    /// The last search text, for `n` / `N`.
    public var lastSearch: String?
    /// The filter in force (`f`), if any.
    public var filter: ActiveFilter?

    public init(board: Board, user: String, fileLabel: String, readOnly: String? = nil, size: Size) {
        self.board = board; self.user = user; self.fileLabel = fileLabel; self.readOnly = readOnly; self.size = size
        if let readOnly { saveState = .readOnly(readOnly) }
    }

    /// The selected stage, if the board has any.
    public var selectedStage: Stage? { board.stages.indices.contains(column) ? board.stages[column] : nil }

    /// The selected card's row in the selected column (clamped to the column).
    public var selectedRow: Int {
        guard let stage = selectedStage else { return 0 }
        let count = column(stage.id).count
        return count == 0 ? 0 : min(max(0, rows[stage.id] ?? 0), count - 1)
    }

    /// The selected item's id, if the selected column has items.
    public var selectedItemID: String? {
        guard let stage = selectedStage else { return nil }
        let col = column(stage.id)
        return col.isEmpty ? nil : col[selectedRow]
    }

    /// Selects an item: its column and its row.
    public mutating func select(itemID: String) {
        guard let item = board.items[itemID], !item.archived, let c = board.stageIndex(id: item.stage),
              let r = column(item.stage).firstIndex(of: itemID) else { return }
        column = c
        rows[item.stage] = r
    }
}
