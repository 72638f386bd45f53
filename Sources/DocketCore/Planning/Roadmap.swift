/// The board as a product roadmap: Now / Next / Later lanes of cards (epics and items not in
/// an epic), epic roll-ups, the timeline of releases and epics, and the stages by phase.
///
/// Lanes, for open items (not archived, not in a done stage): Now takes the items in the
/// stages or releases of `RoadmapSettings.now` (default: the stages of kind doing); Next those
/// of `.next` (default: the next release, the first one neither shipped nor cancelled, and
/// the "ready" stage, the last todo stage before the first doing stage); Later the rest. An
/// epic's card goes to the earliest lane of its open children (its own lane with none).
public struct Roadmap: Equatable, Sendable {
    /// A roadmap lane, ordered now < next < later.
    public enum Lane: String, CaseIterable, Comparable, Sendable {
        case now, next, later
        public static func < (a: Lane, b: Lane) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
        /// "Now", "Next", "Later".
        public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    /// A card in a lane: an epic (with its roll-up) or an item not in an open epic.
    public struct Card: Equatable, Sendable {
        public var id: String
        public var title: String
        public var type: ItemType
        public var stage: String
        public var release: String?
        public var points: Double?
        public var blocked: Bool
        /// Set for an epic.
        public var epic: EpicRollup?
    }

    /// An epic's children (items whose `parent` is the epic; archived ones only when done)
    /// rolled up. Points are story points; progress is done ÷ planned points, or done ÷ all
    /// children when none is estimated; money in minor units (nil without a cost model).
    public struct EpicRollup: Equatable, Sendable {
        public var id: String
        public var title: String
        public var children: [String]
        public var doneChildren: [String]
        public var unestimated: [String]
        public var plannedPoints: Double
        public var donePoints: Double
        public var progress: Double
        public var plannedCost: Money?
        public var spentCost: Money?
        /// Names of the releases the children are in, in the board's release order.
        public var releases: [String]
        /// The earliest start and latest target of those releases (nil: none set).
        public var start: String?
        public var target: String?
    }

    /// A bar of the timeline: a release or an epic from `start` to `target` (`YYYY-MM-DD`).
    public struct Bar: Equatable, Sendable {
        public enum Kind: String, Sendable { case release, epic }
        public var kind: Kind
        /// The release name or the epic's title.
        public var name: String
        /// The epic's id (nil for a release).
        public var id: String?
        /// The start, else (a release) the previous release's target, else the target.
        public var start: String?
        public var target: String?
        public var progress: Double
        /// For a release: its state (shipped ones are drawn dimmed).
        public var state: ReleaseState?
        /// Open and past its target as of `today`.
        public var late: Bool
        public var overCapacity: Bool
    }

    /// The stages of one phase, in board order.
    public struct Phase: Equatable, Sendable {
        public var phase: StagePhase
        public var stages: [Stage]
    }

    /// The three lanes in order, each with its cards in board order.
    /// (Computed from `cards` on each use: a screen that reads it often keeps a copy.)
    public var lanes: [(lane: Lane, cards: [Card])] {
        var byLane: [Lane: [Card]] = [:]
        for card in cards { if let l = laneOf[card.id] { byLane[l, default: []].append(card) } }
        return Lane.allCases.map { ($0, byLane[$0] ?? []) }
    }
    /// Every card in lane order, then rank order.
    public var cards: [Card]
    /// Card id → lane.
    public var laneOf: [String: Lane]
    /// Every epic that is not archived (done ones too), in board order.
    public var epics: [EpicRollup]
    /// Releases in board order, then open epics that have a target.
    public var timeline: [Bar]
    /// Phases that name at least one stage, in the order discovery, delivery, launch.
    public var phases: [Phase]
    /// The date the roadmap is as of (`YYYY-MM-DD`, the user's time zone).
    public var today: String

    public static func == (a: Roadmap, b: Roadmap) -> Bool {
        a.cards == b.cards && a.laneOf == b.laneOf && a.epics == b.epics && a.timeline == b.timeline && a.phases == b.phases && a.today == b.today
    }

    /// The roadmap of `board` as of `today` (`YYYY-MM-DD`); `plan` when already computed.
    public init(_ board: Board, today: String, plan: ReleasePlan? = nil) {
        let plan = plan ?? ReleasePlan(board)
        self.today = today
        let done = Set(board.stages.filter { $0.kind == .done }.map(\.id))
        let (nowSource, nextSource) = Self.sources(board)
        func lane(_ item: Item) -> Lane { Self.lane(of: item, now: nowSource, next: nextSource) }
        let all = board.itemsInBoardOrder(includeArchived: true)
        let counted = all.filter { !$0.archived || done.contains($0.stage) }
        let parents = Set(counted.compactMap(\.parent))
        let epicItems = all.filter { !$0.archived && ($0.type == .epic || parents.contains($0.id)) }
        let children = Dictionary(grouping: counted.filter { $0.parent != nil }, by: { $0.parent! })
        epics = epicItems.map { Self.rollup($0, children[$0.id] ?? [], done: done, board: board) }
        let openEpics = Set(epicItems.filter { !done.contains($0.stage) }.map(\.id))
        var laneOf: [String: Lane] = [:]
        var cards: [Card] = []
        let rollups = Dictionary(epics.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for item in all where !item.archived && !done.contains(item.stage) {
            if let p = item.parent, openEpics.contains(p) { continue }
            var l = lane(item)
            if openEpics.contains(item.id) {
                let open = (children[item.id] ?? []).filter { !$0.archived && !done.contains($0.stage) }
                l = open.map(lane).min() ?? l
            }
            laneOf[item.id] = l
            cards.append(Card(id: item.id, title: item.title, type: item.type, stage: item.stage, release: item.release,
                              points: item.points, blocked: item.blocked, epic: openEpics.contains(item.id) ? rollups[item.id] : nil))
        }
        self.cards = cards.enumerated().sorted { (laneOf[$0.element.id]!, $0.offset) < (laneOf[$1.element.id]!, $1.offset) }.map(\.element)
        self.laneOf = laneOf
        timeline = Self.releaseBars(board, plan, today: today) + epics.filter { openEpics.contains($0.id) && $0.target != nil }.map {
            Bar(kind: .epic, name: $0.title, id: $0.id, start: $0.start ?? $0.target, target: $0.target, progress: $0.progress,
                state: nil, late: ($0.target ?? "9999") < today, overCapacity: false)
        }
        phases = StagePhase.allCases.compactMap { p in
            let stages = board.stages.filter { $0.phase == p }
            return stages.isEmpty ? nil : Phase(phase: p, stages: stages)
        }
    }

    /// What feeds Now and Next: the board's settings, or the defaults (see the type).
    public static func sources(_ board: Board) -> (now: LaneSource, next: LaneSource) {
        let settings = board.planning.roadmap
        let now = settings.now ?? LaneSource(stages: board.stages.filter { $0.kind == .doing }.map(\.id))
        if let next = settings.next { return (now, next) }
        let firstDoing = board.stages.firstIndex { $0.kind == .doing } ?? board.stages.count
        let ready = board.stages[..<firstDoing].last { $0.kind == .todo }
        let nextRelease = board.releases.first { !$0.state.isClosed }
        return (now, LaneSource(stages: ready.map { [$0.id] } ?? [], releases: nextRelease.map { [$0.name] } ?? []))
    }

    /// The lane an open item's own stage and release put it in, given what feeds Now and Next
    /// (`sources`): Now when a Now stage or release feeds it, else Next when a Next one does,
    /// else Later. (An epic's card is in the earliest lane of its open children: see
    /// `lane(ofCard:in:)`.)
    public static func lane(of item: Item, now: LaneSource, next: LaneSource) -> Lane {
        if now.stages.contains(item.stage) || item.release.map(now.releases.contains) == true { return .now }
        if next.stages.contains(item.stage) || item.release.map(next.releases.contains) == true { return .next }
        return .later
    }

    /// The lane of card `id` in the roadmap of `board` (what `Roadmap(board, …).laneOf[id]`
    /// gives) without building the roadmap: nil when `id` is no card (not on the board,
    /// archived, in a done stage, or a child of an open epic). Costs one pass over the items
    /// (for the open children that decide an epic's lane).
    public static func lane(ofCard id: String, in board: Board) -> Lane? {
        let done = Set(board.stages.filter { $0.kind == .done }.map(\.id))
        func isOpen(_ item: Item) -> Bool { !item.archived && !done.contains(item.stage) }
        guard let item = board.items[id], isOpen(item) else { return nil }
        // An open item with an open child is an open epic, and its children are not cards.
        if let p = item.parent, let parent = board.items[p], isOpen(parent) { return nil }
        let (now, next) = sources(board)
        var earliest: Lane?
        board.items.forEachItem { child in
            guard child.parent == id, isOpen(child) else { return }
            let l = lane(of: child, now: now, next: next)
            earliest = min(earliest ?? l, l)
        }
        return earliest ?? lane(of: item, now: now, next: next)
    }

    /// An epic's name in groupings: its title and id (`Online payments (k3x9a0b2)`).
    public static func epicName(_ epic: Item) -> String { "\(epic.title) (\(epic.id))" }

    private static func rollup(_ epic: Item, _ kids: [Item], done: Set<String>, board: Board) -> EpicRollup {
        let doneKids = kids.filter { done.contains($0.stage) }
        let planned = kids.reduce(0) { $0 + ($1.points ?? 0) }, donePoints = doneKids.reduce(0) { $0 + ($1.points ?? 0) }
        let progress = planned > 0 ? donePoints / planned : (kids.isEmpty ? 0 : Double(doneKids.count) / Double(kids.count))
        let names = Set(kids.compactMap(\.release))
        let releases = board.releases.filter { names.contains($0.name) }
        let model = board.planning.costModel
        return EpicRollup(id: epic.id, title: epic.title, children: kids.map(\.id), doneChildren: doneKids.map(\.id),
                          unestimated: kids.filter { $0.points == nil }.map(\.id), plannedPoints: planned, donePoints: donePoints,
                          progress: progress, plannedCost: model?.cost(ofPoints: planned), spentCost: model?.cost(ofPoints: donePoints),
                          releases: releases.map(\.name), start: releases.compactMap { $0.start ?? $0.target }.min(),
                          target: releases.compactMap(\.target).max())
    }

    private static func releaseBars(_ board: Board, _ plan: ReleasePlan, today: String) -> [Bar] {
        var previousTarget: String?
        var out: [Bar] = []
        for release in board.releases {
            let line = plan.line(named: release.name)
            let start = release.start ?? previousTarget ?? release.target
            out.append(Bar(kind: .release, name: release.name, id: nil, start: start, target: release.target,
                           progress: line?.progress ?? 0, state: release.state,
                           late: !release.state.isClosed && (release.target.map { $0 < today } ?? false),
                           overCapacity: line?.overCapacityBy != nil))
            if release.target != nil { previousTarget = release.target }
        }
        return out
    }
}
