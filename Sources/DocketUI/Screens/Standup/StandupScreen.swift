import DocketCore

/// The daily standup on a shared screen (`S` on the board, `docket standup`): walks the work
/// right to left (blocked, then oldest first) or the people one by one, with count-up timers,
/// a strip of what changed since the last standup, a parking lot, and edits made in place.
/// Ending it writes one `standup` entry to the activity log.
public struct StandupScreen: Feature {
    public static let id = "standup"
    public static let title = "Standup"

    public enum Walk: String, Equatable, Sendable { case work, people }
    /// What is being asked, if anything.
    public enum Ask: Equatable, Sendable {
        case blockReason(LineEditor)
        case assign(LineEditor)
        case end
    }

    public var walk: Walk = .work
    /// The work walk as it was when the standup began (stage id, item ids), so items moved in
    /// place do not reshuffle the walk under the room.
    public var workOrder: [(stage: String, items: [String])] = []
    /// The people walk, shuffled with the environment's seed (or in the board's order).
    public var peopleOrder: [String] = []
    public var shuffled = true
    /// The page shown: an index into the walk's pages (the last page is the parking lot).
    public var position = 0
    /// The selected row of the parking lot.
    public var parkedRow = 0
    public var parked: [String] = []
    /// People whose page was shown, in order.
    public var spoke: [String] = []
    /// "Since the last standup": seconds since epoch.
    public var since: Timestamp
    public var digest: StandupDigest
    public var ages: StageAges
    public var ask: Ask?
    /// Seconds since epoch: when the standup began, the latest tick, and when the current
    /// speaker (or stage) began.
    public var started: Timestamp
    public var clock: Timestamp
    public var speakerStarted: Timestamp
    /// Paused since (nil when running), and the seconds paused so far.
    public var pausedAt: Timestamp?
    public var pausedSeconds: Timestamp = 0
    /// Timeboxes in seconds: the meeting and each speaker (or stage). Past them the timer turns
    /// to a warning style; it never stops the meeting.
    public var meetingTimebox: Timestamp
    public var speakerTimebox: Timestamp

    /// A standup of `state`'s board starting at `now`; `seed` shuffles the people walk.
    public init(_ state: AppState, now: Timestamp, seed: UInt64) {
        let board = state.board
        since = SinceLastStandup.start(board, now: now, calendar: state.calendar)
        digest = StandupDigest(board, since: since, lastStandup: StandupRecord.last(in: board))
        ages = StageAges(board)
        workOrder = StandupWalk.work(board, ages: ages).map { ($0.stage.id, $0.items) }
        peopleOrder = StandupWalk.people(board, since: since, shuffleSeed: seed)
        started = now; clock = now; speakerStarted = now
        let boxes = StandupTimeboxes(board)
        meetingTimebox = boxes.meeting; speakerTimebox = boxes.speaker

    }

    public var isFullScreen: Bool { true }
    public var tickInterval: Int? { pausedAt == nil ? 1000 : nil }

    public var editor: LineEditor? {
        get {
            switch ask {
            case .blockReason(let e)?, .assign(let e)?: return e
            default: return nil
            }
        }
        set {
            guard let e = newValue else { return }
            switch ask {
            case .blockReason?: ask = .blockReason(e)
            case .assign?: ask = .assign(e)
            default: break
            }
        }
    }

    /// The items of the work walk in order.
    public var workItems: [String] { workOrder.flatMap(\.items) }
    /// How many pages the walk has before the parking lot.
    public var pageCount: Int { walk == .work ? workItems.count : peopleOrder.count }
    public var onParkingLot: Bool { position >= pageCount }
    /// The item shown (work walk), if any.
    public var currentItem: String? {
        if onParkingLot { return parked.indices.contains(parkedRow) ? parked[parkedRow] : nil }
        return walk == .work ? workItems[position] : nil
    }
    public var currentPerson: String? { walk == .people && !onParkingLot ? peopleOrder[position] : nil }
    /// The stage of the current page of the work walk.
    public var currentStage: String? {
        guard walk == .work, !onParkingLot else { return nil }
        var n = position
        for s in workOrder { if n < s.items.count { return s.stage }; n -= s.items.count }
        return nil
    }

    /// Seconds the meeting has run at the latest tick, pauses left out (never negative).
    public var meetingSeconds: Timestamp { max(0, (pausedAt ?? clock) - started - pausedSeconds) }
    /// Seconds the current speaker (or stage) has had.
    public var speakerSeconds: Timestamp { max(0, (pausedAt ?? clock) - speakerStarted) }

    public mutating func tick(_ app: inout AppState, now: Timestamp) -> Step {
        clock = max(clock, now)
        return .stay
    }

    /// The board changed (an edit in place, a teammate's edit merged from disk).
    public mutating func boardChanged(_ app: AppState) {
        ages = StageAges(app.board)
        digest = StandupDigest(app.board, since: since, lastStandup: digest.lastStandup)
    }
}

/// The board's standup timeboxes (board key `standup`, e.g. `{"meeting": 900, "speaker": 120}`;
/// defaults 15 and 2 minutes). Set with `:standup timebox 15m 2m`.
public struct StandupTimeboxes: Equatable, Sendable {
    public var meeting: Timestamp = 900
    public var speaker: Timestamp = 120

    public init(meeting: Timestamp = 900, speaker: Timestamp = 120) { self.meeting = meeting; self.speaker = speaker }

    /// Reads the board's setting (defaults when absent or unreadable).
    public init(_ board: Board) {
        guard let raw = board.extra["standup"] else { return }
        func number(_ key: String) -> Timestamp? {
            guard let r = raw.range(of: "\"\(key)\"") else { return nil }
            let rest = raw[r.upperBound...].drop { $0 == " " || $0 == ":" }
            return Timestamp(String(rest.prefix { $0.isNumber }))
        }
        meeting = number("meeting").map { max(60, $0) } ?? 900
        speaker = number("speaker").map { max(10, $0) } ?? 120
    }

    /// The board setting's JSON text.
    public var json: String { "{\"meeting\": \(meeting), \"speaker\": \(speaker)}" }

    /// `15m`, `90s`, `1h`, or plain seconds; nil for anything else.
    public static func seconds(_ text: String) -> Timestamp? {
        let t = text.lowercased()
        let unit: Timestamp = t.hasSuffix("h") ? 3600 : t.hasSuffix("m") ? 60 : 1
        let digits = t.hasSuffix("h") || t.hasSuffix("m") || t.hasSuffix("s") ? String(t.dropLast()) : t
        guard let n = Timestamp(digits), n > 0, n < 100_000 else { return nil }
        return n * unit
    }
}
