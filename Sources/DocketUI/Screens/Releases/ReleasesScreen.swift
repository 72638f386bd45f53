import DocketCore

/// The releases screen (`r` on the board, `releases` in the palette): one row per release in
/// the board's order with its state, dates, a progress bar (done ÷ planned points), planned
/// points against the capacity, money planned / spent / budget, and what is over; below, every
/// field of the selected release, editable in place. Numbers come from `ReleasePlan`, so they
/// match the backlog list, the report and `docket release list`.
public struct ReleasesScreen: Feature, ShowsForecasts {
    public static let id = "releases"
    public static let title = "Releases"

    /// The fields of a release the screen edits, in the order ←/→ walks them (the keys of
    /// `ReleaseField` plus the name).
    public static let fields = ["name", "start", "target", "capacity", "budget", "state", "notes"]

    /// Index of the selected release in `board.releases`.
    public var row = 0
    /// Index of the first row shown.
    public var scroll = 0
    /// Index of the selected field in `fields`.
    public var field = 0
    /// What is being typed: a field's new value, or the name of a new release.
    public var ask: Ask?
    /// The plan of the board, recomputed when the board changes (never per frame).
    public var plan: ReleasePlan

    /// What the line editor is for.
    public enum Ask: Equatable, Sendable {
        /// A new value of `field` (one of `fields`) of the release named `release`.
        case edit(release: String, field: String, LineEditor)
        /// The name of a release to add.
        case add(LineEditor)
    }

    public init(_ state: AppState) {
        plan = ReleasePlan(state.board)
    }

    /// Each open release's forecast (a background job; empty until it arrives).
    public internal(set) var forecasts = ForecastCache()

    /// Opens the screen on `state`, its forecasts computed off the key path.
    public static func open(_ state: AppState, now: Timestamp) -> Step {
        opening(ReleasesScreen(state), state, now: now)
    }


    public var isFullScreen: Bool { true }

    public var editor: LineEditor? {
        get {
            switch ask {
            case .edit(_, _, let e)?, .add(let e)?: return e
            case nil: return nil
            }
        }
        set {
            guard let e = newValue else { return }
            switch ask {
            case .edit(let r, let f, _)?: ask = .edit(release: r, field: f, e)
            case .add?: ask = .add(e)
            case nil: break
            }
        }
    }

    /// The selected release's name (nil on a board with none).
    func selectedName(_ board: Board) -> String? { board.releases.indices.contains(row) ? board.releases[row].name : nil }

    public mutating func boardChanged(_ app: AppState) {
        plan = ReleasePlan(app.board)
        forecasts.invalidate()
        row = min(max(0, row), max(0, app.board.releases.count - 1))
    }
}

/// The keys of the releases screen.
public enum ReleasesAction: String, FeatureAction {
    case up, down, top, bottom, previousField = "previous-field", nextField = "next-field"
    case edit, add, moveUp = "move-up", moveDown = "move-down", items, undo, redo, close, quit

    public var summary: String {
        switch self {
        case .up: return "select the release above"
        case .down: return "select the release below"
        case .top: return "first release"
        case .bottom: return "last release"
        case .previousField: return "select the previous field (name start target capacity budget state notes)"
        case .nextField: return "select the next field"
        case .edit: return "edit the selected field in place (Enter saves, Esc cancels)"
        case .add: return "add a release after the others (type its name)"
        case .moveUp: return "move the release earlier in the order"
        case .moveDown: return "move the release later in the order"
        case .items: return "the release's items: move them to another release"
        case .undo: return "undo"
        case .redo: return "redo"
        case .close: return "back to the board"
        case .quit: return "quit (the board is already saved)"
        }
    }

    public var hint: String? {
        switch self {
        case .edit: return "edit"
        case .nextField: return "field"
        case .add: return "add"
        case .items: return "items"
        case .moveDown: return "reorder"
        case .close: return "back"
        default: return nil
        }
    }

    public var edits: Bool { [.edit, .add, .moveUp, .moveDown, .undo, .redo].contains(self) }
}

extension ReleasesScreen {
    public static let hintOrder: [ReleasesAction] = [.edit, .nextField, .add, .items, .moveDown, .close]

    public static let defaultKeys: [(Key, ReleasesAction)] = [
        (.up, .up), (.char("k"), .up), (.down, .down), (.char("j"), .down),
        (.home, .top), (.char("g"), .top), (.end, .bottom), (.char("G"), .bottom),
        (.left, .previousField), (.char("h"), .previousField), (.right, .nextField), (.char("l"), .nextField),
        (.enter, .edit), (.char("e"), .edit), (.char("a"), .add),
        (.char("K"), .moveUp), (.shiftUp, .moveUp), (.char("J"), .moveDown), (.shiftDown, .moveDown),
        (.char("i"), .items), (.char("u"), .undo), (.ctrl("r"), .redo),
        (.escape, .close), (.char("r"), .close), (.char("q"), .quit),
    ]
}
