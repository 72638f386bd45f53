/// Everything a key can do on the board. `rawValue` is the action's name in `keys.toml`,
/// `docket keys` and the palette.
public enum BoardAction: String, FeatureAction {
    case left, right, up, down, top, bottom, pageUp = "page-up", pageDown = "page-down"
    case moveLeft = "move-left", moveRight = "move-right", rankUp = "rank-up", rankDown = "rank-down"
    case add, editTitle = "edit-title", editDescription = "edit-description", archive
    case rerankByScore = "rerank-by-score"
    case openDetail = "open-detail"
    case backlog, triage, filter, savedFilters = "saved-filters"
    case search, searchNext = "search-next", searchPrevious = "search-previous"
    case undo, redo, clearMessage = "clear-message", quit
    case standup, toggleAges = "toggle-ages", metrics
    case archived, stageMenu = "stage-menu", stageLeft = "stage-left", stageRight = "stage-right", hideStage = "hide-stage"
    case goals, feedbackInbox = "feedback-inbox"
    case releases, roadmap

    public var summary: String {
        switch self {
        case .left: return "select the column to the left"
        case .right: return "select the column to the right"
        case .up: return "select the card above"
        case .down: return "select the card below"
        case .top: return "first card of the column"
        case .bottom: return "last card of the column"
        case .pageUp: return "a screen up"
        case .pageDown: return "a screen down"
        case .moveLeft: return "move the item to the previous stage"
        case .moveRight: return "move the item to the next stage"
        case .rankUp: return "rank the item higher (up)"
        case .rankDown: return "rank the item lower (down)"
        case .add: return "add an item to this column"
        case .editTitle: return "edit the title"
        case .editDescription: return "edit the description in $VISUAL / $EDITOR"
        case .archive: return "archive the item (undo with u)"
        case .rerankByScore: return "re-rank this column by score (RICE or WSJF)"
        case .search: return "search titles, descriptions and ids as you type"
        case .searchNext: return "next match of the last search"
        case .searchPrevious: return "previous match of the last search"
        case .filter: return "filter the board with a query (label:bug @alice points:>3 …)"
        case .savedFilters: return "pick a saved filter"
        case .triage: return "triage the Inbox one item at a time"
        case .backlog: return "the ranked backlog list (Tab again: back to the board)"
        case .openDetail: return "open the item's details (every field, editable)"
        case .undo: return "undo"
        case .redo: return "redo"
        case .clearMessage: return "clear the status message"
        case .quit: return "quit (the board is already saved)"
        case .standup: return "run the daily standup (also docket standup)"
        case .toggleAges: return "show or hide each card's age in its stage"
        case .metrics: return "flow metrics and forecasts: cycle time, throughput, cumulative flow, burn-up, aging, forecast"
        case .archived: return "the archive: archived items newest first, search, restore"
        case .stageMenu: return "the stage menu: rename, kind, WIP, SLA, hide, move, remove the selected stage"
        case .stageLeft: return "move the selected stage (the whole column) one place left"
        case .stageRight: return "move the selected stage (the whole column) one place right"
        case .hideStage: return "hide the selected stage (folded to a strip; h/l land on it) or show it again"
        case .goals: return "the vision and goals: key results' progress, the items serving each, unaligned work"
        case .feedbackInbox: return "the feedback inbox: link unlinked customer notes to items, or make them items"
        case .releases: return "the releases: progress, capacity, money; edit, add, reorder"
        case .roadmap: return "the roadmap: Now / Next / Later lanes and the timeline"
        }
    }

    public var hint: String? {
        switch self {
        case .quit: return "quit"
        case .add: return "add"
        case .moveRight: return "move"
        case .undo: return "undo"
        case .search: return "search"
        case .backlog: return "backlog"
        default: return nil
        }
    }

    /// Whether the action changes the board (refused on a read-only board).
    public var edits: Bool {
        switch self {
        case .moveLeft, .moveRight, .rankUp, .rankDown, .add, .editTitle, .editDescription, .archive, .undo, .redo,
             .rerankByScore, .stageLeft, .stageRight, .hideStage: return true
        default: return false
        }
    }
}

extension BoardScreen {
    public static let hintOrder: [BoardAction] = [.quit, .add, .moveRight, .undo, .search, .backlog]

    /// The built-in board keys.
    public static let defaultKeys: [(Key, BoardAction)] = [
        (.left, .left), (.char("h"), .left), (.right, .right), (.char("l"), .right),
        (.up, .up), (.char("k"), .up), (.down, .down), (.char("j"), .down),
        (.char("g"), .top), (.home, .top), (.char("G"), .bottom), (.end, .bottom),
        (.pageUp, .pageUp), (.pageDown, .pageDown),
        (.char("H"), .moveLeft), (.shiftLeft, .moveLeft), (.char("L"), .moveRight), (.shiftRight, .moveRight),
        (.char("K"), .rankUp), (.shiftUp, .rankUp), (.char("J"), .rankDown), (.shiftDown, .rankDown),
        (.char("a"), .add), (.enter, .openDetail), (.char("o"), .openDetail), (.char("e"), .editTitle),
        (.char("E"), .editDescription),
        (.char("d"), .archive), (.char("R"), .rerankByScore), (.char("u"), .undo), (.ctrl("r"), .redo),
        (.tab, .backlog), (.char("t"), .triage), (.char("f"), .filter), (.char("F"), .savedFilters),
        (.char("/"), .search), (.char("n"), .searchNext), (.char("N"), .searchPrevious),
        (.char("S"), .standup), (.char("A"), .toggleAges), (.char("M"), .metrics),
        (.char("D"), .archived), (.char("s"), .stageMenu), (.char("<"), .stageLeft), (.char(">"), .stageRight), (.char("z"), .hideStage),
        (.char("O"), .goals), (.char("I"), .feedbackInbox),
        (.char("r"), .releases), (.char("m"), .roadmap),
        (.escape, .clearMessage), (.char("q"), .quit),
    ]
}
