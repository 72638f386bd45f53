import DocketCore

/// The roadmap screen (`m` on the board, `roadmap` in the palette), two layouts one key
/// (Tab) apart: **Now / Next / Later** lanes of cards (epics with their roll-up, items not in
/// an open epic), where H / L move a card to the previous / next lane (see `LaneMove`); and
/// the **Timeline**: releases and epics as bars from start to target on a calendar axis
/// (weeks or months, `z`), scrolling sideways, today marked, shipped releases dimmed, late
/// or over-capacity ones in the warning style. The numbers come from DocketCore's `Roadmap`,
/// the same as `docket roadmap` and the HTML page.
public struct RoadmapScreen: Feature, ShowsForecasts {
    public static let id = "roadmap"
    public static let title = "Roadmap"

    public enum Layout: String, Equatable, Sendable { case lanes, timeline }
    /// The timeline's scale: a cell is a day (weeks) or three days (months).
    public enum Scale: String, Equatable, Sendable {
        case weeks, months
        /// Days per cell.
        var daysPerCell: Int { self == .weeks ? 1 : 3 }
        /// Days one sideways scroll moves.
        var step: Int { self == .weeks ? 7 : 30 }
    }

    public var layout: Layout = .lanes
    public var scale: Scale = .weeks
    /// The roadmap as of the latest event's day (recomputed when the board changes).
    public var roadmap: Roadmap { didSet { laneCards = roadmap.lanes.map(\.cards) } }
    /// `roadmap.lanes`' cards, lane by lane, kept with `roadmap` so a frame or a key does not
    /// regroup every card.
    private(set) var laneCards: [[Roadmap.Card]]
    /// Lanes: the selected lane (0 now, 1 next, 2 later) and the selected card in each.
    public var lane = 0
    public var rows = [0, 0, 0]
    /// A card to select once the board changed (the card just moved).
    public var follow: String?
    /// Timeline: the selected bar, and the days scrolled from the default start (today less
    /// a quarter of the visible days).
    public var bar = 0
    public var offsetDays = 0

    public init(_ state: AppState) {
        roadmap = Roadmap(state.board, today: state.calendar.day(of: state.now))
        laneCards = roadmap.lanes.map(\.cards)
        if let id = state.selectedItemID, let l = roadmap.laneOf[id], let i = Roadmap.Lane.allCases.firstIndex(of: l),
           let r = laneCards[i].firstIndex(where: { $0.id == id }) {
            lane = i; rows[i] = r
        }
    }

    public var isFullScreen: Bool { true }

    /// Each open release's Monte Carlo forecast, shown with the selected release on the
    /// timeline (a background job, as on the releases screen).
    public internal(set) var forecasts = ForecastCache()

    /// Opens the screen on `state`, its forecasts computed off the key path.
    public static func open(_ state: AppState, now: Timestamp) -> Step {
        opening(RoadmapScreen(state), state, now: now)
    }


    /// The cards of lane `i`.
    func cards(_ i: Int) -> [Roadmap.Card] { laneCards.indices.contains(i) ? laneCards[i] : [] }

    /// The selected card, if its lane has any.
    public var selectedCard: Roadmap.Card? {
        let c = cards(lane)
        return c.indices.contains(rows[lane]) ? c[rows[lane]] : nil
    }

    public mutating func boardChanged(_ app: AppState) {
        forecasts.invalidate()
        roadmap = Roadmap(app.board, today: app.calendar.day(of: app.now))
        if let id = follow, let l = roadmap.laneOf[id], let i = Roadmap.Lane.allCases.firstIndex(of: l),
           let r = cards(i).firstIndex(where: { $0.id == id }) {
            lane = i; rows[i] = r
        }
        follow = nil
        for i in rows.indices { rows[i] = min(max(0, rows[i]), max(0, cards(i).count - 1)) }
        bar = min(max(0, bar), max(0, roadmap.timeline.count - 1))
    }
}

/// The keys of the roadmap screen.
public enum RoadmapAction: String, FeatureAction {
    case switchLayout = "switch-layout", left, right, up, down
    case moveEarlier = "move-earlier", moveLater = "move-later", zoom, today, openDetail = "open-detail"
    case undo, redo, close, quit

    public var summary: String {
        switch self {
        case .switchLayout: return "Now / Next / Later lanes ↔ timeline"
        case .left: return "lanes: the lane to the left; timeline: scroll back in time"
        case .right: return "lanes: the lane to the right; timeline: scroll forward in time"
        case .up: return "the card (or bar) above"
        case .down: return "the card (or bar) below"
        case .moveEarlier: return "move the card to the earlier lane (Later → Next → Now)"
        case .moveLater: return "move the card to the later lane (Now → Next → Later)"
        case .zoom: return "timeline: weeks ↔ months"
        case .today: return "timeline: back to today"
        case .openDetail: return "open the card's item (or epic) details"
        case .undo: return "undo"
        case .redo: return "redo"
        case .close: return "back to the board"
        case .quit: return "quit (the board is already saved)"
        }
    }

    public var hint: String? {
        switch self {
        case .switchLayout: return "lanes/timeline"
        case .moveLater: return "later"
        case .moveEarlier: return "earlier"
        case .zoom: return "zoom"
        case .close: return "back"
        default: return nil
        }
    }

    public var edits: Bool { [.moveEarlier, .moveLater, .undo, .redo].contains(self) }
}

extension RoadmapScreen {
    public static let hintOrder: [RoadmapAction] = [.switchLayout, .moveLater, .moveEarlier, .zoom, .close]

    public static let defaultKeys: [(Key, RoadmapAction)] = [
        (.tab, .switchLayout), (.char("v"), .switchLayout),
        (.left, .left), (.char("h"), .left), (.right, .right), (.char("l"), .right),
        (.up, .up), (.char("k"), .up), (.down, .down), (.char("j"), .down),
        (.char("H"), .moveEarlier), (.shiftLeft, .moveEarlier), (.char("L"), .moveLater), (.shiftRight, .moveLater),
        (.char("z"), .zoom), (.char("t"), .today), (.enter, .openDetail), (.char("o"), .openDetail),
        (.char("u"), .undo), (.ctrl("r"), .redo), (.escape, .close), (.char("m"), .close), (.char("q"), .quit),
    ]
}
