import DocketCore

/// The archive (`D` on the board, `archived` in the palette): every archived item, newest
/// first, with when, by whom and why it was put away. `/` searches as you type (Enter keeps
/// the search, Esc drops it); `r` restores the selected item to its stage (an undoable edit);
/// Enter opens its details; Esc goes back to the board.
public struct ArchiveScreen: Feature {
    public static let id = "archive"
    public static let title = "Archive"

    /// Every archived item, newest first (recomputed when the board changes, not per key).
    public var entries: [ArchiveEntry] = []
    /// The entries that match the search, as indices into `entries`.
    public var shown: [Int] = []
    /// Index of the selected row in `shown`.
    public var row = 0
    /// The search text (kept after Enter, so the list stays narrowed).
    public var query = LineEditor()
    /// True while the search line has the focus (typing goes to it).
    public var searching = false

    public init() {}

    /// The archive of `state`'s board, newest first.
    public init(_ state: AppState) { refresh(state, keep: nil) }

    public var isFullScreen: Bool { true }

    /// The selected entry, if any row is shown.
    public var selected: ArchiveEntry? { shown.indices.contains(row) ? entries[shown[row]] : nil }

    public var editor: LineEditor? {
        get { searching ? query : nil }
        set { if let e = newValue { query = e } }
    }

    /// The board changed (a restore, an undo, a merge from disk): the list is recomputed,
    /// keeping the selected item selected while it is still archived.
    public mutating func boardChanged(_ app: AppState) { refresh(app, keep: selected?.id) }
}

/// The archive's actions: ↑↓ (k j), g/G, PgUp/PgDn select; `/` search; `r` restore;
/// Enter (o) details; u / Ctrl-R undo and redo; Esc (q, D) back to the board.
public enum ArchiveAction: String, FeatureAction {
    case up, down, top, bottom, pageUp = "page-up", pageDown = "page-down"
    case search, restore, openDetail = "open-detail", undo, redo, close

    public var summary: String {
        switch self {
        case .up: return "select the row above"
        case .down: return "select the row below"
        case .top: return "first row"
        case .bottom: return "last row"
        case .pageUp: return "a screen up"
        case .pageDown: return "a screen down"
        case .search: return "search the archive as you type (Enter keeps it, Esc drops it)"
        case .restore: return "restore the item to its stage, at the end of its rank (undo with u)"
        case .openDetail: return "open the item's details"
        case .undo: return "undo"
        case .redo: return "redo"
        case .close: return "back to the board"
        }
    }

    public var hint: String? {
        switch self {
        case .search: return "search"
        case .restore: return "restore"
        case .openDetail: return "details"
        case .close: return "board"
        default: return nil
        }
    }

    public var edits: Bool { [.restore, .undo, .redo].contains(self) }
}

extension ArchiveScreen {
    public static let defaultKeys: [(Key, ArchiveAction)] = [
        (.up, .up), (.char("k"), .up), (.down, .down), (.char("j"), .down),
        (.home, .top), (.char("g"), .top), (.end, .bottom), (.char("G"), .bottom),
        (.pageUp, .pageUp), (.pageDown, .pageDown),
        (.char("/"), .search), (.char("r"), .restore), (.enter, .openDetail), (.char("o"), .openDetail),
        (.char("u"), .undo), (.ctrl("r"), .redo),
        (.escape, .close), (.char("q"), .close), (.char("D"), .close),
    ]
}
