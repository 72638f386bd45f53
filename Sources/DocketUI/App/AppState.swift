import DocketCore
import Foundation

/// A message in the status line; `isError` shows it in the error style.
public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
}

/// The whole state of the app: the board, the undo history and the UI. A plain value:
/// `update` changes it, `render` draws it.
public struct AppState: Sendable {
    public var board: Board { didSet { revision &+= 1 } }
    /// Counts changes to `board` (every edit, undo and merge from disk). Caches — the filter's
    /// matches, the backlog list's order — remember the revision they were computed at, so
    /// they can never go stale.
    public private(set) var revision = 0
    /// The revision the open screens were last brought up to date with.
    var screensRevision = 0
    public var history = UndoHistory()
    /// Who is editing (`$DOCKET_USER` or the login name), for the activity log.
    public var user: String
    /// The board's file, as shown in the status line.
    public var fileLabel: String
    /// Why the board may not be changed (nil when it may).
    public var readOnly: String?
    /// The route stack: the board at the bottom, the screen the user sees on top. Opening a
    /// screen pushes it; Esc pops back to exactly where the user was.
    public var routes: [any Feature] = [BoardScreen()]
    /// Index of the selected stage in `board.stages`.
    public var column = 0
    /// Per stage id, the selected card's index in that column.
    public var rows: [String: Int] = [:]
    /// Per stage id, the index of the first card shown.
    public var scrolls: [String: Int] = [:]
    /// Index of the first stage shown when the columns do not all fit.
    public var columnOffset = 0
    public var size: Size
    /// The user's calendar: days (today, due dates, snoozes) in their local time zone.
    public var calendar: LocalCalendar = .utc
    /// The locale money is shown in (`MoneyFormat.locale(from:)` of the environment).
    public var moneyLocale = Locale(identifier: "en_US_POSIX")
    /// Seed for shuffles (the standup's people walk); from `DocketEnvironment`.
    public var seed: UInt64 = 1
    /// The time of the latest event (seconds since epoch), for views that show ages.
    public internal(set) var now: Timestamp = 0
    /// Whether charts tell series apart by pattern as well as colour (NO_COLOR, the mono theme).
    public var chartsPatterned = false
    /// Whether cards show their age in their stage (`A`); the standup always shows ages.
    public var showAges = false
    /// Ages in stage, kept while `showAges` is on (recomputed when the board changes).
    public internal(set) var ages: StageAges?
    /// While a session that opened on a preview waits for the whole board (`PendingBoard`):
    /// how many keys, pastes and clicks wait for it (the status line says so); nil otherwise.
    public var readingWholeBoard: Int?
    public var status: StatusMessage?
    public var saveState: SaveState = .saved
    /// The moment of the last `Event.tick` (seconds since 1970 UTC), nil before the first: the
    /// time a screen that asked for ticks shows (a timer), so views never read the clock.
    public var lastTick: Timestamp?
    /// The keymaps in force (built-in, with the user's `keys.toml` applied).
    public var keymaps = Keymaps.standard
    /// The last search text, for `n` / `N`.
    public var lastSearch: String?
    /// The filter in force (`f`), if any.
    public var filter: ActiveFilter?

    public init(board: Board, user: String, fileLabel: String, readOnly: String? = nil, size: Size) {
        self.board = board; self.user = user; self.fileLabel = fileLabel; self.readOnly = readOnly; self.size = size
        if let readOnly { saveState = .readOnly(readOnly) }
        status = AppState.unknownStageWarning(board)
    }

    /// The selected stage, if the board has any.
    public var selectedStage: Stage? {
        let stages = shownStages
        return stages.indices.contains(column) ? stages[column] : nil
    }

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

    /// The screen on top of the route stack.
    public var top: any Feature { routes.last ?? BoardScreen() }

    /// The top screen as `type`, if it is one.
    public func top<F: Feature>(as type: F.Type) -> F? { routes.last as? F }

    /// True when no screen is open over the board.
    public var isOnBoard: Bool { routes.count <= 1 }

    /// Opens `screen` on top.
    public mutating func push(_ screen: any Feature) { routes.append(screen) }

    /// Closes the top screen (never the board).
    public mutating func pop() { if routes.count > 1 { routes.removeLast() } }

    /// Closes every screen over the board.
    public mutating func popToBoard() { routes = [routes.first ?? BoardScreen()] }

    /// Selects an item: its column and its row.
    public mutating func select(itemID: String) {
        guard let item = board.items[itemID], let c = shownStages.firstIndex(where: { $0.id == item.stage }),
              let r = column(item.stage).firstIndex(of: itemID) else { return }
        column = c
        rows[item.stage] = r
    }
}
