/// The moment a query runs at, in the user's time zone: what `today`, `yesterday`, `2d`
/// and `age:` mean.
public struct QueryTime: Sendable {
    /// Seconds since epoch.
    public var now: Timestamp
    public var calendar: LocalCalendar
    /// `now`'s day in `calendar` (`YYYY-MM-DD`).
    public var today: String

    public init(now: Timestamp, calendar: LocalCalendar) {
        self.now = now; self.calendar = calendar; today = calendar.day(of: now)
    }

    /// A day only (no clock): noon UTC of `today`, for callers that know just the day.
    public init(today: String) {
        now = (ISODate.parse(today) ?? 0) + 43200
        calendar = .utc
        self.today = today
    }
}

extension Query {
    /// Whether `item` matches the query. `board` resolves `stage:` terms (like
    /// `Board.stage(named:)`: an id or name ignoring case, else a unique prefix; an unknown or
    /// ambiguous stage matches nothing, see `validate(against:)`) and stage kinds for
    /// `is:open`; `today` (`YYYY-MM-DD`) is what `due:today` means. An item without points
    /// (or without a due date) satisfies no `points:` (`due:`) term, so `-points:>3` includes
    /// unestimated items; labels, assignees and releases match whole, ignoring case.
    ///
    /// Cost: the query was compiled once by `parse` (values lowercased, a flat program);
    /// a call allocates nothing for ASCII text. Parse once, then call this for every item;
    /// to test a whole board use `count(in:today:)` or `filter(ids:in:today:)`, which read
    /// items in place instead of copying them.
    public func matches(_ item: Item, in board: Board, today: String) -> Bool {
        matches(item, in: board, time: QueryTime(today: today))
    }

    /// A test of items of `board` at `time` that reads the activity log once (for `moved:`,
    /// `age:`, `is:stale`), however many items it is then called for.
    public func matcher(for board: Board, time: QueryTime) -> (Item) -> Bool {
        let stages = board.stages
        let context = program.context(board, time)
        let program = self.program
        return { item in program.withStages(stages) { program.matches(program.view(item), stages, $0, context) } }
    }

    /// `matches(_:in:today:)` at a moment in the user's time zone (for `updated:`, `age:`…).
    /// For one item only: the context (stage ages, goals) is built on every call, so test many
    /// items with one `matcher(for:time:)`.
    public func matches(_ item: Item, in board: Board, time: QueryTime) -> Bool {
        matcher(for: board, time: time)(item)
    }

    /// How many of the board's items (archived ones included) match; see `matches`.
    /// The fastest way to test every item of a board (100,000 items: about 15 ms on the
    /// 2-core development machine, see DocketBench).
    public func count(in board: Board, today: String) -> Int { count(in: board, time: QueryTime(today: today)) }

    /// `count(in:today:)` at a moment in the user's time zone.
    public func count(in board: Board, time: QueryTime) -> Int {
        if isEmpty { return board.items.count }
        let stages = board.stages
        let today = program.context(board, time)
        return program.withStages(stages) { resolved in
            var n = 0
            // Each item lent where the store keeps it (`ItemShard.forEach`), and only the fields
            // the query reads taken from it: a copy of an item retains every string and array
            // in it, which costs more than the tests.
            for shard in board.items.allShards {
                shard.forEach { item in
                    if let pre = program.prefilter, !pre.matches(pre.view(item), stages, resolved, today) { return }
                    if program.matches(program.view(item), stages, resolved, today) { n += 1 }
                }
            }
            return n
        }
    }

    /// The ids in `ids` (for instance a column, `Board.column(_:)`) whose items match, in
    /// the same order; ids of no item are dropped. Reads items in place like `count`.
    public func filter(ids: [String], in board: Board, today: String) -> [String] {
        filter(ids: ids, in: board, time: QueryTime(today: today))
    }

    /// `filter(ids:in:today:)` at a moment in the user's time zone.
    public func filter(ids: [String], in board: Board, time: QueryTime) -> [String] {
        let stages = board.stages
        let today = program.context(board, time)
        return program.withStages(stages) { resolved in
            var out: [String] = []
            for id in ids {
                guard board.items[id] != nil else { continue }
                if let pre = program.prefilter, !pre.matches(pre.view(board.items[id]!), stages, resolved, today) { continue }
                let view = program.view(board.items[id]!)
                if program.matches(view, stages, resolved, today) { out.append(id) }
            }
            return out
        }
    }

    /// Checks the query's `stage:` and `goal:` terms against `board`. Throws `QueryError`
    /// (`.noSuchStage` or `.ambiguousStage`; `.badValue` for a goal) for the first that names
    /// no stage (or goal) or several stages, with the term's
    /// position in `text`, so a caller can say so instead of showing nothing.
    public func validate(against board: Board) throws(QueryError) {
        // Stage terms are found again in the text so the error points at the right place.
        var lexer = QueryLexer(text)
        while let token = try? lexer.next() {
            guard case .field(let f) = token.kind, !f.value.isEmpty else { continue }
            if QueryField(name: f.name) == .goal {
                let v = f.value.lowercased()
                if !board.strategy.goals.contains(where: { $0.id.hasPrefix(v) || $0.objective.lowercased().contains(v) }) {
                    throw QueryError(.badValue(field: "goal", value: f.value, expected: "a goal's id or words of its objective (docket goal list)"),
                                     offset: f.valueOffset, length: f.valueLength)
                }
                continue
            }
            guard QueryField(name: f.name) == .stage else { continue }
            do {
                _ = try board.stage(named: f.value)
            } catch DocketError.ambiguousStage(_, let names) {
                throw QueryError(.ambiguousStage(f.value, names), offset: f.valueOffset, length: f.valueLength)
            } catch {
                throw QueryError(.noSuchStage(f.value), offset: f.valueOffset, length: f.valueLength)
            }
        }
    }
}

/// A query compiled for speed: a flat list of plain-data instructions run in a loop
/// (no recursion, nothing reference-counted), with every value's lowercased UTF-8 in one
/// byte pool. `r` holds the last result; `and` and `or` short-circuit by jumping past the
/// rest of their group. Immutable after `init`, so it is safe to share.
///
/// An item is tested through a `View` of only the fields the program reads: copying a
/// whole `Item` retains every string and array in it, which costs more than the tests.
final class QueryProgram: @unchecked Sendable {
    /// A slice of `pool`.
    struct Bytes { let start: Int; let count: Int }

    enum Op {
        case label(Bytes), assignee(Bytes), sprint(Bytes), release(Bytes), requester(Bytes), id(Bytes), text(Bytes)
        /// `slot`: where `withStages` puts the index of the stage it names.
        case stage(slot: Int)
        case priority(Priority), type(ItemType), blocked, archived, open
        case points(QueryComparison, Double), votes(QueryComparison, Double)
        case due(QueryComparison, Bytes), dueToday(QueryComparison)
        case time(QueryMoment, QueryComparison, QueryWhen), age(QueryComparison, Int64), stale
        case negate
        case jumpIfFalse(Int), jumpIfTrue(Int)
        /// Terms answered by `StrategyLookup` (`goal` by slot, like `stage`).
        case goal(slot: Int), hasGoal, hasFeedback
        case feedback(QueryComparison, Double), customers(QueryComparison, Double)
    }

    /// Which of an item's fields the program reads.
    struct Needs: OptionSet {
        let rawValue: UInt32
        static let labels = Needs(rawValue: 1 << 0), assignees = Needs(rawValue: 1 << 1)
        static let release = Needs(rawValue: 1 << 2), stage = Needs(rawValue: 1 << 3)
        static let requester = Needs(rawValue: 1 << 4), id = Needs(rawValue: 1 << 5)
        static let title = Needs(rawValue: 1 << 6), description = Needs(rawValue: 1 << 7)
        static let due = Needs(rawValue: 1 << 8)
        static let priority = Needs(rawValue: 1 << 9), type = Needs(rawValue: 1 << 10)
        static let points = Needs(rawValue: 1 << 11), votes = Needs(rawValue: 1 << 12)
        static let blocked = Needs(rawValue: 1 << 13), archived = Needs(rawValue: 1 << 14)
        static let sprints = Needs(rawValue: 1 << 15)
        static let created = Needs(rawValue: 1 << 16), updated = Needs(rawValue: 1 << 17)
        /// When items entered their stage (read from the activity log, once per call).
        static let entered = Needs(rawValue: 1 << 18)
    }

    /// What a call of `matches` needs besides the item: the moment, and when time terms
    /// read the activity log, when each item entered its stage and each stage's age limit.
    struct Context {
        let time: QueryTime
        let ages: StageAges?
        /// Stage id → days past which an item is stale.
        let limits: [String: Double]
        /// Goals and feedback, when a term reads them (`goal:`, `has:goal`, `feedback:`…).
        var strategy: StrategyLookup? = nil
    }

    /// The context of one call: `StageAges` is read only when the query has `moved:`,
    /// `age:` or `is:stale`.
    func context(_ board: Board, _ time: QueryTime) -> Context {
        let strategy = usesStrategy ? StrategyLookup(board, goalNames: goalNames) : nil
        guard needs.contains(.entered) else { return Context(time: time, ages: nil, limits: [:], strategy: strategy) }
        let ages = StageAges(board)
        var limits: [String: Double] = [:]
        for stage in board.stages { limits[stage.id] = ages.threshold(stage.id, fallback: board.stageSLA(stage.id)) }
        return Context(time: time, ages: ages, limits: limits, strategy: strategy)
    }

    /// The fields of an item that the program reads (the others nil or zero: they cost
    /// nothing to copy, and the memory they sit in is not read).
    struct View {
        let labels: [String]?, assignees: [String]?, sprints: [String]?
        let release: String?, requester: String?, due: String?
        let stage: String?, id: String?, title: String?, description: String?
        let priority: Priority?, type: ItemType, points: Double?, votes: Int
        let blocked: Bool, archived: Bool
        let created: Timestamp, updated: Timestamp
    }

    private let ops: UnsafeMutableBufferPointer<Op>
    private let pool: UnsafeMutableBufferPointer<UInt8>
    private let needs: Needs
    /// The stage names of `stage:` terms, lowercased, by slot.
    private let stageNames: [[UInt8]]
    /// The values of `goal:` terms, lowercased, by slot; and whether any term needs a `StrategyLookup`.
    let goalNames: [String]
    let usesStrategy: Bool
    /// When the query is an `and` of tests of plain fields and tests that read text: the
    /// plain ones alone. An item that fails them fails the query, and is ruled out without
    /// reading (or retaining) any of its text.
    let prefilter: QueryProgram?

    init(_ root: QueryNode?) {
        var ops: [Op] = [], pool: [UInt8] = [], needs: Needs = [], stageNames: [[UInt8]] = []
        var goalNames: [String] = [], usesStrategy = false
        func bytes(_ v: FoldedText) -> Bytes {
            defer { pool += v.bytes }
            return Bytes(start: pool.count, count: v.bytes.count)
        }
        /// 0 for a test of a plain field, 1 for one that reads text, 2 for a group.
        func cost(_ node: QueryNode) -> Int {
            switch node {
            case .not(let inner): return cost(inner)
            case .and, .or: return 2
            case .term(let term):
                switch term {
                case .priority, .type, .blocked, .archived, .points, .votes: return 0
                default: return 1
                }
            }
        }
        func emit(_ node: QueryNode) {
            switch node {
            case .not(let inner): emit(inner); ops.append(.negate)
            case .and(let unordered), .or(let unordered):
                var isAnd = false
                if case .and = node { isAnd = true }
                // Cheap tests first (no side effects, so the order does not change the answer):
                // a filter then mostly stops before it reads any text.
                let nodes = unordered.enumerated().sorted { (cost($0.element), $0.offset) < (cost($1.element), $1.offset) }.map(\.element)
                var jumps: [Int] = []
                for (i, n) in nodes.enumerated() {
                    emit(n)
                    if i < nodes.count - 1 { jumps.append(ops.count); ops.append(.negate) }  // patched below
                }
                for j in jumps { ops[j] = isAnd ? .jumpIfFalse(ops.count) : .jumpIfTrue(ops.count) }
            case .term(let term):
                switch term {
                case .label(let v): ops.append(.label(bytes(v))); needs.insert(.labels)
                case .assignee(let v): ops.append(.assignee(bytes(v))); needs.insert(.assignees)
                case .sprint(let v): ops.append(.sprint(bytes(v))); needs.insert(.sprints)
                case .release(let v): ops.append(.release(bytes(v))); needs.insert(.release)
                case .stage(let v): ops.append(.stage(slot: stageNames.count)); stageNames.append(v.bytes); needs.insert(.stage)
                case .requester(let v): ops.append(.requester(bytes(v))); needs.insert(.requester)
                case .id(let v): ops.append(.id(bytes(v))); needs.insert(.id)
                case .text(let v): ops.append(.text(bytes(v))); needs.formUnion([.title, .id, .description])
                case .priority(let p): ops.append(.priority(p)); needs.insert(.priority)
                case .type(let t): ops.append(.type(t)); needs.insert(.type)
                case .blocked: ops.append(.blocked); needs.insert(.blocked)
                case .archived: ops.append(.archived); needs.insert(.archived)
                case .open: ops.append(.open); needs.formUnion([.stage, .archived])
                case .points(let c, let n): ops.append(.points(c, n)); needs.insert(.points)
                case .votes(let c, let n): ops.append(.votes(c, n)); needs.insert(.votes)
                case .due(let c, .date(let d)): ops.append(.due(c, bytes(FoldedText(d)))); needs.insert(.due)
                case .due(let c, .today): ops.append(.dueToday(c)); needs.insert(.due)
                case .time(let m, let c, let w):
                    ops.append(.time(m, c, w))
                    switch m {
                    case .updated: needs.insert(.updated)
                    case .created: needs.insert(.created)
                    case .moved: needs.formUnion([.entered, .id, .created])
                    }
                case .age(let c, let n): ops.append(.age(c, n)); needs.formUnion([.entered, .id, .created])
                case .stale: ops.append(.stale); needs.formUnion([.entered, .id, .created, .stage])
                case .goal(let v): ops.append(.goal(slot: goalNames.count)); goalNames.append(v.text.lowercased()); needs.insert(.id); usesStrategy = true
                case .hasGoal: ops.append(.hasGoal); needs.insert(.id); usesStrategy = true
                case .hasFeedback: ops.append(.hasFeedback); needs.insert(.id); usesStrategy = true
                case .feedback(let c, let n): ops.append(.feedback(c, n)); needs.insert(.id); usesStrategy = true
                case .customers(let c, let n): ops.append(.customers(c, n)); needs.insert(.id); usesStrategy = true
                }
            }
        }
        if let root { emit(root) }
        if case .and(let nodes)? = root {
            let plain = nodes.filter { cost($0) == 0 }
            prefilter = plain.isEmpty || plain.count == nodes.count ? nil
                : QueryProgram(plain.count == 1 ? plain[0] : .and(plain))
        } else {
            prefilter = nil
        }
        self.needs = needs
        self.stageNames = stageNames
        self.goalNames = goalNames
        self.usesStrategy = usesStrategy
        self.ops = .allocate(capacity: ops.count)
        _ = self.ops.initialize(from: ops)
        self.pool = .allocate(capacity: max(pool.count, 1))
        _ = self.pool.initialize(from: pool)
    }

    deinit {
        ops.deallocate()
        pool.deallocate()
    }

    @inline(__always)
    private func slice(_ b: Bytes) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: pool[b.start ..< b.start + b.count])
    }

    /// The view of `item`. Inlined where items are read in place: one expression of field
    /// reads, so the optimiser reads just those fields instead of copying the item first.
    @inline(__always)
    func view(_ item: Item) -> View {
        View(labels: needs.contains(.labels) ? item.labels : nil,
             assignees: needs.contains(.assignees) ? item.assignees : nil,
             sprints: needs.contains(.sprints) ? item.sprints : nil,
             release: needs.contains(.release) ? item.release : nil,
             requester: needs.contains(.requester) ? item.requester : nil,
             due: needs.contains(.due) ? item.due : nil,
             stage: needs.contains(.stage) ? item.stage : nil,
             id: needs.contains(.id) ? item.id : nil,
             title: needs.contains(.title) ? item.title : nil,
             description: needs.contains(.description) ? item.description : nil,
             priority: needs.contains(.priority) ? item.priority : nil,
             type: needs.contains(.type) ? item.type : .story,
             points: needs.contains(.points) ? item.points : nil,
             votes: needs.contains(.votes) ? item.votes : 0,
             blocked: needs.contains(.blocked) ? item.blocked : false,
             archived: needs.contains(.archived) ? item.archived : false,
             created: needs.contains(.created) ? item.created : 0,
             updated: needs.contains(.updated) ? item.updated : 0)
    }

    /// Calls `body` with the index in `stages` of the stage each `stage:` term names (like
    /// `Board.stage(named:)`; -1 for none or several), by slot, in a buffer on the stack.
    func withStages<R>(_ stages: [Stage], _ body: (UnsafeBufferPointer<Int>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: stageNames.count) { buffer in
            for (slot, name) in stageNames.enumerated() {
                buffer.initializeElement(at: slot, to: name.withUnsafeBufferPointer { QueryProgram.stage(named: $0, in: stages) })
            }
            return body(UnsafeBufferPointer(buffer))
        }
    }

    /// Whether the item seen through `item` passes; `resolved` comes from `withStages`.
    /// An empty program passes everything.
    func matches(_ item: borrowing View, _ stages: [Stage], _ resolved: UnsafeBufferPointer<Int>, _ context: Context) -> Bool {
        let today = context.time.today
        var r = true
        var pc = 0
        let end = ops.count
        while pc < end {
            switch ops[pc] {
            case .label(let b):
                r = false
                for label in item.labels ?? [] where Fold.search(label, slice(b), .equal) { r = true; break }
            case .assignee(let b):
                r = false
                for person in item.assignees ?? [] where Fold.search(person, slice(b), .equal) { r = true; break }
            case .sprint(let b):
                r = false
                for sprint in item.sprints ?? [] where Fold.search(sprint, slice(b), .equal) { r = true; break }
            case .release(let b):
                if let release = item.release { r = Fold.search(release, slice(b), .equal) } else { r = false }
            case .stage(let slot):
                let index = resolved[slot]
                r = index >= 0 && stages[index].id == item.stage
            case .requester(let b):
                if let requester = item.requester { r = Fold.search(requester, slice(b), .contains) } else { r = false }
            case .id(let b): r = Fold.search(item.id ?? "", slice(b), .prefix)
            case .text(let b):
                let n = slice(b)
                r = Fold.search(item.title ?? "", n, .contains) || Fold.search(item.id ?? "", n, .contains)
                    || Fold.search(item.description ?? "", n, .contains)
            case .priority(let p): r = item.priority == p
            case .type(let t): r = item.type == t
            case .blocked: r = item.blocked
            case .archived: r = item.archived
            case .open:
                r = !item.archived
                if r { for stage in stages where stage.id == item.stage { r = stage.kind != .done; break } }
            case .points(let c, let n):
                if let points = item.points { r = c.holds(points, n) } else { r = false }
            case .votes(let c, let n): r = c.holds(Double(item.votes), n)
            case .due(let c, let b):
                if let due = item.due { r = c.holds(Fold.compare(due, slice(b)), 0) } else { r = false }
            case .dueToday(let c):
                if let due = item.due { r = c.holds(due, today) } else { r = false }
            case .time(let m, let c, let w):
                let t: Timestamp
                switch m {
                case .updated: t = item.updated
                case .created: t = item.created
                case .moved: t = context.ages?.entered[item.id ?? ""] ?? item.created
                }
                r = QueryProgram.holds(t, c, w, context.time)
            case .age(let c, let seconds):
                let entered = context.ages?.entered[item.id ?? ""] ?? item.created
                let age = max(0, context.time.now - entered)
                r = c == .equal ? age >= seconds : c.holds(age, seconds)
            case .stale:
                let entered = context.ages?.entered[item.id ?? ""] ?? item.created
                if let limit = context.limits[item.stage ?? ""] { r = Double(max(0, context.time.now - entered) / 86400) > limit } else { r = false }
            case .goal(let slot): r = context.strategy?.goals[slot].contains(item.id ?? "") ?? false
            case .hasGoal: r = context.strategy?.anyGoal.contains(item.id ?? "") ?? false
            case .hasFeedback: r = (context.strategy?.impact[item.id ?? ""]?.notes ?? 0) > 0
            case .feedback(let c, let n): r = c.holds(Double(context.strategy?.impact[item.id ?? ""]?.figure ?? 0), n)
            case .customers(let c, let n): r = c.holds(Double(context.strategy?.impact[item.id ?? ""]?.customers ?? 0), n)
            case .negate: r.toggle()
            case .jumpIfFalse(let to): if !r { pc = to; continue }
            case .jumpIfTrue(let to): if r { pc = to; continue }
            }
            pc += 1
        }
        return r
    }

    /// Whether moment `t` satisfies a time term: against a day, the day `t` falls on in the
    /// user's time zone is compared (`>2026-12-01`: a later day); against an age, how long
    /// ago `t` was (`<2d`: less than two days ago; no operator: within the last two days).
    static func holds(_ t: Timestamp, _ c: QueryComparison, _ w: QueryWhen, _ time: QueryTime) -> Bool {
        switch w {
        case .ago(let seconds):
            let ago = max(0, time.now - t)
            return c == .equal ? ago <= seconds : c.holds(ago, seconds)
        case .day(let d): return c.holds(time.calendar.day(of: t), d)
        case .today: return c.holds(time.calendar.day(of: t), time.today)
        case .yesterday: return c.holds(time.calendar.day(of: t), time.calendar.adding(days: -1, to: time.today) ?? time.today)
        }
    }

    /// The index of the stage that `Board.stage(named:)` finds for `name` (lowercased
    /// UTF-8): the first whose id or name equals it ignoring case, else the only one whose
    /// id or name starts with it; -1 when there is none or several.
    static func stage(named name: UnsafeBufferPointer<UInt8>, in stages: [Stage]) -> Int {
        if let i = stages.firstIndex(where: { Fold.search($0.id, name, .equal) || Fold.search($0.name, name, .equal) }) {
            return i
        }
        let prefixed = stages.indices.filter { Fold.search(stages[$0].id, name, .prefix) || Fold.search(stages[$0].name, name, .prefix) }
        return prefixed.count == 1 ? prefixed[0] : -1
    }
}
