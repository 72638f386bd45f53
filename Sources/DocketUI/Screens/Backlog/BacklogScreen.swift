import DocketCore

/// The backlog list (Tab): every open item in rank order, one per row.
public struct BacklogScreen: Feature {
    public static let id = "backlog"
    public static let title = "Backlog list"

    /// Ids of the open items in rank order (recomputed when the board changes, not per key).
    public var order: [String] = []
    /// Index of the selected row in `order`.
    public var row = 0
    /// Index of the first row shown.
    public var scroll = 0
    /// Ids marked with Space for a bulk change.
    public var marked: Set<String> = []
    /// Rows grouped under their release.
    public var groupByRelease = false
    /// A bulk change being typed: which field, and the value.
    public var bulk: BulkPrompt?
    /// Planned story points per release name ("" for none) from `ReleasePlan` (open and done
    /// items, as the report and `release list` count them), computed with the order, so
    /// drawing the release headings costs nothing per frame.
    public var plannedByRelease: [String: Double] = [:]

    public init() {}

    /// The list for `state`'s board with the board's selected item selected.
    public init(_ state: AppState) {
        refresh(state, keep: state.selectedItemID)
    }

    public var selectedID: String? { order.indices.contains(row) ? order[row] : nil }

    public var isFullScreen: Bool { true }

    public var editor: LineEditor? {
        get { bulk?.editor }
        set { if let e = newValue { bulk?.editor = e } }
    }

    /// The board changed (an edit, an undo, a merge from disk): the order is recomputed.
    public mutating func boardChanged(_ app: AppState) { refresh(app, keep: selectedID) }
}

/// The value prompt of a bulk change in the backlog list.
public struct BulkPrompt: Equatable, Sendable {
    /// The field set on every marked item: `stage`, `priority`, `release` or `labels` (added).
    public var field: String
    public var editor = LineEditor()
}

/// The actions of the backlog list: ↑↓ (k j), g/G, PgUp/PgDn select; J/K re-rank; Space
/// marks; then for the marked items (or the selected one): `m` move to a stage, `p`
/// priority, `r` release, `l` add a label, `d` archive (one undo step each); `R` re-ranks the
/// whole backlog by score; `b` groups by release; Enter opens the details; Tab or Esc goes
/// back to the board on the same item.
public enum BacklogAction: String, FeatureAction {
    case up, down, top, bottom, pageUp = "page-up", pageDown = "page-down"
    case mark, group, setStage = "set-stage", setPriority = "set-priority", setRelease = "set-release", addLabel = "add-label"
    case archive, rerankByScore = "rerank-by-score", rankUp = "rank-up", rankDown = "rank-down"
    case openDetail = "open-detail", undo, redo, close, quit

    public var summary: String {
        switch self {
        case .up: return "select the row above"
        case .down: return "select the row below"
        case .top: return "first row"
        case .bottom: return "last row"
        case .pageUp: return "a screen up"
        case .pageDown: return "a screen down"
        case .mark: return "mark or unmark the row for a bulk change"
        case .group: return "group the list by release (or ungroup)"
        case .setStage: return "move the marked items (or the selected one) to a stage"
        case .setPriority: return "set the priority of the marked items"
        case .setRelease: return "set the release of the marked items"
        case .addLabel: return "add a label to the marked items"
        case .archive: return "archive the marked items (or the selected one)"
        case .rerankByScore: return "re-rank the whole backlog by score (RICE or WSJF)"
        case .rankUp: return "rank the item higher (up)"
        case .rankDown: return "rank the item lower (down)"
        case .openDetail: return "open the item's details"
        case .undo: return "undo"
        case .redo: return "redo"
        case .close: return "back to the board, on the same item"
        case .quit: return "quit (the board is already saved)"
        }
    }

    public var hint: String? {
        switch self {
        case .mark: return "mark"
        case .openDetail: return "details"
        case .close: return "board"
        default: return nil
        }
    }
    public var edits: Bool {
        [.setStage, .setPriority, .setRelease, .addLabel, .archive, .rerankByScore, .rankUp, .rankDown, .undo, .redo].contains(self)
    }
}

extension BacklogScreen {
    public static let defaultKeys: [(Key, BacklogAction)] = [
        (.up, .up), (.char("k"), .up), (.down, .down), (.char("j"), .down),
        (.home, .top), (.char("g"), .top), (.end, .bottom), (.char("G"), .bottom),
        (.pageUp, .pageUp), (.pageDown, .pageDown),
        (.char(" "), .mark), (.char("b"), .group), (.char("m"), .setStage), (.char("p"), .setPriority),
        (.char("r"), .setRelease), (.char("l"), .addLabel), (.char("d"), .archive), (.char("R"), .rerankByScore),
        (.char("K"), .rankUp), (.shiftUp, .rankUp), (.char("J"), .rankDown), (.shiftDown, .rankDown),
        (.enter, .openDetail), (.char("o"), .openDetail), (.char("u"), .undo), (.ctrl("r"), .redo),
        (.tab, .close), (.escape, .close), (.backTab, .close), (.char("q"), .quit),
    ]
}
