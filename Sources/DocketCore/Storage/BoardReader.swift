import Foundation

/// Reads the board file with `JSONScanner`: the header, stages, releases, people, labels,
/// items and activity, in any key order and layout. Unknown keys are skipped (a newer
/// format's additions survive as far as reading goes; such a board opens read-only).
/// Throws `BoardFileError` with the line and column of the first problem.
///
/// With `defects` (the repair-tolerant read of `docket check`), two items with one id and
/// invalid ranks are let through and noted there instead: the later item of an id gets a
/// fresh one (derived from the id and its line, the same on every read), an invalid rank is
/// kept as it is for `BoardCheck.fix`.
enum BoardReader {
    /// Said after the two problems `docket check --fix` repairs.
    static let repairHint = ": run `docket check --fix` to repair"

    static func read(_ data: Data, path: String) throws -> LoadedBoard {
        try read(data, path: path, tolerant: false).board
    }

    /// The board and, when `tolerant`, what was let through (see the type's comment).
    /// With `readAhead` false the canonical layout's lines are not read on every core
    /// (`BoardReader+Lines`); the result is the same.
    /// With `giveBack`, the file's bytes are given back as the lines are read (`ReleaseBehind`).
    static func read(_ data: Data, path: String, tolerant: Bool, readAhead: Bool = true,
                     giveBack: ReleaseBehind? = nil) throws -> (board: LoadedBoard, defects: ReadDefects) {
        try data.withUnsafeBytes { raw in
            var s = JSONScanner(raw.bindMemory(to: UInt8.self))
            do {
                var defects = ReadDefects()
                let board = try read(&s, data: readAhead ? data : nil, tolerant: tolerant, giveBack: giveBack, defects: &defects)
                if tolerant { defects.invalidTextLines = ReadDefects.linesNotUTF8(s.bytes) }
                return (board, defects)
            } catch let f as JSONScanner.Failure {
                let (line, column) = s.position(of: f.offset)
                throw BoardFileError(path: path, line: line, column: column, message: f.message)
            }
        }
    }

    /// With `preview` (a number of cards), the preview read of `BoardReader+Preview`; with
    /// `checked` (the way out should a line not read as checked), the checked read of
    /// `BoardReader+Checked`. Both throw
    /// `NotPreviewable` for a file they cannot read so.
    static func read(_ s: inout JSONScanner, data: Data?, tolerant: Bool, preview: Int? = nil, checked: WrongRecord? = nil,
                     giveBack: ReleaseBehind? = nil, defects: inout ReadDefects) throws -> LoadedBoard {
        var format: String?, version: Int?, name = ""
        var stages: [Stage]?, releases: [Release] = [], people: [Person] = [], labels: [Label] = []
        var items = ItemStore(), activity = ActivityLog()
        var scoring = ScoringModel.none, filters: [SavedFilter] = []
        var extra: [String: String] = [:]
        var currency: String?, roadmap = RoadmapSettings(), amounts = PlanningCoding.RawAmounts()
        var strategy = Strategy()
        var ahead: ReadAhead?
        var activityFromLines = false
        // A list given twice (a hand edit, a bad merge): the full read takes both in its way;
        // such a file is never read lazily nor recorded as one.
        var itemLists = 0, activityLists = 0
        var previewed: (columns: PreviewColumns, lines: [Range<Int>])?
        let start = s.offset
        try s.object("the board") { s, key in
            switch key {
            case "format": format = try s.string()
            case "version":
                let at = s.mark()
                let v = try s.number()
                guard v == v.rounded(), v >= 1, v < 1e6 else { throw s.fail("\"version\" must be a whole number ≥ 1", at: at) }
                version = Int(v)
            case "name": name = try s.string()
            case "scoring":
                let at = s.mark()
                let text = try s.string()
                guard let m = ScoringModel(rawValue: text) else { throw s.fail("\"scoring\" must be none, rice or wsjf", at: at) }
                scoring = m
            case "filters": filters = try list(&s, "filters", savedFilter)
            case "stages":
                let at = s.mark()
                let found = try list(&s, "stages", stage)
                var seenStages = Set<String>()
                for st in found where !seenStages.insert(st.id).inserted {
                    throw s.fail("two stages have the id '\(st.id)'", at: at)
                }
                stages = found
            case "releases":
                let read = try list(&s, "releases", release)
                releases = read.map(\.0)
                amounts.budgets = read.map(\.1)
            case "currency":
                let at = s.mark()
                let text = try s.string()
                guard let code = try? Currency.validated(text), code == text else {
                    throw s.fail("\"currency\" must be an ISO 4217 code in capitals such as EUR", at: at)
                }
                currency = code
            case "costModel": try PlanningCoding.readCostModel(&s, into: &amounts)
            case "roadmap": roadmap = try PlanningCoding.readRoadmap(&s)
            case _ where StrategyCoding.keys.contains(key): try StrategyCoding.read(&s, key, into: &strategy)
            case "people": people = try list(&s, "people", person)
            case "labels": labels = try list(&s, "labels", label)
            case "items":
                itemLists += 1
                if checked != nil, itemLists > 1 { throw NotPreviewable() }
                if tolerant { try tolerantItems(&s, into: &items, defects: &defects); break }
                if let checked {
                    let read = try checkedItems(checked, s.bytes, itemsAt: s.mark())
                    items = read.store
                    s.jump(to: read.end)
                    break
                }
                if let preview {
                    guard let data, !showsAges(extra) else { throw NotPreviewable() }
                    let read = try previewColumns(data, s.bytes, itemsAt: s.mark(), top: preview)
                    previewed = (read.columns, read.lines)
                    s.jump(to: read.end)
                    break
                }
                if let data, let read = readAhead(data, s.bytes, itemsAt: s.mark(), release: giveBack) {
                    items = read.items
                    s.jump(to: read.itemsEnd)
                    ahead = read
                    break
                }
                // Bytes given back read as zeros: the ordinary read cannot follow them.
                if giveBack?.happened == true { throw ReleaseBehind.ReadAgain() }
                try s.array("items") { s, n in
                    let at = s.mark()
                    let item = try self.item(&s, n, tolerant: false)
                    let before = items.count
                    items[item.id] = item
                    if items.count == before { throw s.fail("two items have the id '\(item.id)'" + repairHint, at: at) }
                }
            case "activity":
                activityLists += 1
                if checked != nil, activityLists > 1 { throw NotPreviewable() }
                if let checked {
                    let read = try checkedActivity(checked, s.bytes, at: s.mark())
                    activity = read.log
                    s.jump(to: read.end)
                } else if preview != nil {
                    // The preview has no log: its lines are stepped over, not read.
                    var end = s.mark()
                    guard CanonicalLines.skipList(s.bytes, &end) else { throw NotPreviewable() }
                    s.jump(to: end)
                } else if let ahead, let at = ahead.activityAt, s.mark() == at {
                    activity = ahead.activity
                    s.jump(to: ahead.activityEnd)
                    activityFromLines = true
                } else {
                    activity = ActivityLog(try list(&s, "activity", entry))
                }
            default: extra[key] = try s.rawValue()
            }
        }
        try s.end()
        guard format == "docket" else { throw s.fail("not a Docket board: expected \"format\": \"docket\"", at: start) }
        guard let version else { throw s.fail("missing \"version\"", at: start) }
        guard let stages else { throw s.fail("missing \"stages\"", at: start) }
        // Every byte is read: what the parts left of the file's buffer (its first and last
        // blocks, those at the parts' edges) goes now, before the board's index is built.
        giveBack?.release(0..<s.bytes.count)
        items.forgetChanges()
        var board = Board(name: name, stages: stages, releases: releases, people: people, labels: labels,
                          store: items, activity: activity)
        items = ItemStore()  // the board's store is then its own (a preview changes it below)
        board.scoring = scoring
        board.savedFilters = filters
        board.extra = extra
        board.strategy = strategy
        let exponent = Currency.exponent(currency)
        for (k, budget) in amounts.budgets.enumerated() { board.releases[k].budget = budget.flatMap { Money.fromMajor($0, exponent: exponent) } }
        board.planning = PlanningSettings(currency: currency, costModel: PlanningCoding.costModel(amounts, exponent: exponent), roadmap: roadmap)
        if preview != nil {
            guard let data, let previewed else { throw NotPreviewable() }
            try fillTops(&board, previewed.columns, previewed.lines, data)
        }

        var loaded = LoadedBoard(board: board, version: version)
        loaded.linesAreItems = activityFromLines && ahead?.idsOnLines == true && itemLists == 1 && activityLists == 1
        return loaded
    }

    /// The items of the tolerant read: the later item of a duplicate id gets a fresh id (made
    /// after every item is read, so it cannot clash with a later one); invalid ranks are kept.
    private static func tolerantItems(_ s: inout JSONScanner, into items: inout ItemStore, defects: inout ReadDefects) throws {
        var firstAt: [String: Int] = [:]
        var twins: [(item: Item, at: Int)] = []
        var badRanks: [(item: Item, at: Int)] = []
        try s.array("items") { s, n in
            let at = s.mark()
            var item = try self.item(&s, n, tolerant: true)
            if items[item.id] != nil {
                twins.append((item, at))
                item.id = ""  // renamed below
            } else {
                firstAt[item.id] = at
                items[item.id] = item
            }
            if !Rank.isValid(item.rank) { badRanks.append((item, at)) }
        }
        let lines = s.lines(of: twins.map(\.at) + twins.compactMap { firstAt[$0.item.id] } + badRanks.map(\.at))
        var renamedAt: [Int: String] = [:]
        for (twin, at) in twins {
            var renamed = twin
            // Derived from the id and the copy's place in the file, so `check` names the id that
            // `check --fix` will give (a random one would differ from run to run).
            var n = 0
            repeat {
                renamed.id = ItemID.derived(from: "\(twin.id)\u{1}\(lines[at] ?? at)\u{1}\(n)")
                n += 1
            } while items[renamed.id] != nil
            items[renamed.id] = renamed
            renamedAt[at] = renamed.id
            defects.duplicateIDs.append(.init(id: twin.id, newID: renamed.id, title: twin.title, line: lines[at] ?? 0,
                                              keptTitle: items[twin.id]?.title ?? "", keptLine: firstAt[twin.id].flatMap { lines[$0] } ?? 0))
        }
        defects.invalidRanks = badRanks.map { item, at in
            .init(id: renamedAt[at] ?? item.id, rank: item.rank, title: item.title, line: lines[at] ?? 0)
        }
    }

    private static func list<T>(_ s: inout JSONScanner, _ what: String,
                                _ one: (inout JSONScanner, () -> String) throws -> T) throws -> [T] {
        var out: [T] = []
        try s.array(what) { s, n in out.append(try one(&s, { "\(what)[\(n)]" })) }
        return out
    }

    private static func required<T>(_ value: T?, _ key: String, in what: @autoclosure () -> String, _ s: JSONScanner, at: Int) throws -> T {
        guard let value else { throw s.fail("\(what()): missing \"\(key)\"", at: at) }
        return value
    }

    private static func optionalString(_ s: inout JSONScanner) throws -> String? { s.null() ? nil : try s.string() }

    private static func stage(_ s: inout JSONScanner, _ what: () -> String) throws -> Stage {
        let at = s.mark()
        var id: String?, name: String?, kind = StageKind.todo, wip: Int?, exit: String?, phase: StagePhase?
        var hidden = false, sla: Int?
        try s.object("an object", path: what) { s, key in
            switch key {
            case "id": id = try s.string()
            case "name": name = try s.string()
            case "kind":
                let k0 = s.mark()
                let text = try s.string()
                guard let k = StageKind(rawValue: text) else { throw s.fail("expected inbox, todo, doing or done", at: k0) }
                kind = k
            case "wipLimit":
                if s.null() { wip = nil } else {
                    let w0 = s.mark()
                    let v = try s.number()
                    guard v >= 0, v == v.rounded(), v < 1e9 else { throw s.fail("expected a whole number ≥ 0", at: w0) }
                    wip = Int(v)
                }
            case "exitCriterion": exit = try optionalString(&s)
            case "phase":
                let p0 = s.mark()
                if let text = try optionalString(&s) {
                    guard let p = StagePhase(rawValue: text) else { throw s.fail("expected discovery, delivery or launch", at: p0) }
                    phase = p
                }
            case "hidden": hidden = try s.bool()
            case "slaDays":
                if s.null() { sla = nil } else {
                    let d0 = s.mark()
                    let v = try s.number()
                    guard v >= 1, v == v.rounded(), v < 1e6 else { throw s.fail("expected a whole number of days ≥ 1", at: d0) }
                    sla = Int(v)
                }
            default: try s.skipValue()
            }
        }
        var stage = Stage(id: try required(id, "id", in: what(), s, at: at), name: try required(name, "name", in: what(), s, at: at),
                          kind: kind, wipLimit: wip, exitCriterion: exit, phase: phase)
        stage.hidden = hidden
        stage.slaDays = sla
        return stage
    }

    /// A release and its budget in major units (made minor units once the currency is known).
    private static func release(_ s: inout JSONScanner, _ what: () -> String) throws -> (Release, Double?) {
        let at = s.mark()
        var name: String?, budget: Double?
        var r = Release(name: "")
        try s.object("an object", path: what) { s, key in
            switch key {
            case "name": name = try s.string()
            case "start": r.start = try day(&s)
            case "target": r.target = try optionalString(&s)
            case "capacity": r.capacity = s.null() ? nil : try s.number()
            case "budget": budget = s.null() ? nil : try PlanningCoding.amount(&s)
            case "state":
                let s0 = s.mark()
                let text = try s.string()
                guard let state = ReleaseState(rawValue: text) else { throw s.fail("expected planned, active, shipped or cancelled", at: s0) }
                r.state = state
            case "notes": r.notes = try s.string()
            default: r.extra[key] = try s.rawValue()
            }
        }
        r.name = try required(name, "name", in: what(), s, at: at)
        return (r, budget)
    }

    private static func savedFilter(_ s: inout JSONScanner, _ what: () -> String) throws -> SavedFilter {
        let at = s.mark()
        var name: String?, query: String?
        try s.object("an object", path: what) { s, key in
            switch key {
            case "name": name = try s.string()
            case "query": query = try s.string()
            default: try s.skipValue()
            }
        }
        return SavedFilter(name: try required(name, "name", in: what(), s, at: at), query: try required(query, "query", in: what(), s, at: at))
    }

    private static func person(_ s: inout JSONScanner, _ what: () -> String) throws -> Person {
        let at = s.mark()
        var handle: String?, name: String?
        try s.object("an object", path: what) { s, key in
            switch key {
            case "handle": handle = try s.string()
            case "name": name = try optionalString(&s)
            default: try s.skipValue()
            }
        }
        return Person(handle: try required(handle, "handle", in: what(), s, at: at), name: name)
    }

    private static func label(_ s: inout JSONScanner, _ what: () -> String) throws -> Label {
        let at = s.mark()
        var name: String?, color: String?
        try s.object("an object", path: what) { s, key in
            switch key {
            case "name": name = try s.string()
            case "color": color = try optionalString(&s)
            default: try s.skipValue()
            }
        }
        return Label(name: try required(name, "name", in: what(), s, at: at), color: color)
    }

    private static func time(_ s: inout JSONScanner, _ what: String) throws -> Timestamp {
        let at = s.mark()
        // A date has no escapes: read from the file's bytes, without making a string.
        let t = try s.plainString().map { ISODate.parse(bytes: $0) } ?? ISODate.parse(try s.string())
        guard let t else { throw s.fail("expected a date like 2026-11-29T14:05:00Z", at: at) }
        return t
    }

    /// A calendar date `YYYY-MM-DD`, or null.
    private static func day(_ s: inout JSONScanner) throws -> String? {
        let at = s.mark()
        guard let text = try optionalString(&s) else { return nil }
        guard CalendarDay.isValid(text) else { throw s.fail("expected a date like 2026-12-15", at: at) }
        return text
    }

    /// A list of strings. Lists of labels and people repeat from item to item, so a short
    /// list's bytes are looked up in the scanner's `lists` first: items that share one share
    /// its storage (less memory, fewer allocations), each list as it is written.
    private static func strings(_ s: inout JSONScanner, _ what: String) throws -> [String] {
        let start = s.mark()
        if let end = s.shortListEnd(from: start) {
            let key = s.written(start..<end)
            if let known = s.lists[key] { s.jump(to: end); return known }
            let out = try plainStrings(&s, what)
            if s.offset == end, s.lists.count < 4096 { s.lists[key] = out }
            return out
        }
        return try plainStrings(&s, what)
    }

    private static func plainStrings(_ s: inout JSONScanner, _ what: String) throws -> [String] {
        var out: [String] = []
        try s.array(what) { s, _ in out.append(try s.string()) }
        return out
    }

    static func item(_ s: inout JSONScanner, _ n: Int, tolerant: Bool) throws -> Item {
        let at = s.mark()
        var id: String?, title: String?, stage: String?, rank: String?
        var item = Item(id: "", title: "", stage: "", rank: "", created: 0)
        var updated: Timestamp?
        // The item's path ("items[12]") is only spelled out when something is wrong.
        try s.object("an item", path: { "items[\(n)]" }) { s, key in
            switch key {
            case "id": id = try s.string()
            case "title": title = try s.string()
            case "stage": stage = try s.string()
            case "rank":
                let r0 = s.mark()
                rank = try s.string()
                guard tolerant || Rank.isValid(rank!) else {
                    throw s.fail("rank must be digits and lowercase letters, not ending in 0" + repairHint, at: r0)
                }
            case "description": item.description = try s.string()
            case "type":
                let t0 = s.mark()
                let text = try s.string()
                guard let t = ItemType(rawValue: text) else {
                    throw s.fail("expected \(ItemType.allCases.map(\.rawValue).joined(separator: ", "))", at: t0)
                }
                item.type = t
            case "priority":
                if s.null() { item.priority = nil } else {
                    let p0 = s.mark()
                    let text = try s.string()
                    guard let p = Priority(rawValue: text) else { throw s.fail("expected must, should, could or wont", at: p0) }
                    item.priority = p
                }
            case "points":
                if s.null() { item.points = nil } else {
                    let p0 = s.mark()
                    let v = try s.number()
                    guard v >= 0, v.isFinite else { throw s.fail("expected a number ≥ 0", at: p0) }
                    item.points = v
                }
            case "labels": item.labels = try strings(&s, "a list of labels")
            case "assignees": item.assignees = try strings(&s, "a list of people")
            // (The cases are tried in order: the common keys first, in the file's order.)
            case "created": item.created = try time(&s, "created")
            case "updated": updated = try time(&s, "updated")
            case "release": item.release = try optionalString(&s)
            case "blocked": item.blocked = try s.bool()
            case "blockedReason": item.blockedReason = try s.string()
            case "archived": item.archived = try s.bool()
            case "requester": item.requester = try optionalString(&s)
            case "votes":
                let v0 = s.mark()
                let v = try s.number()
                guard v >= 0, v == v.rounded(), v < 1e15 else { throw s.fail("expected a whole number ≥ 0", at: v0) }
                item.votes = Int(v)
            case "due": item.due = try day(&s)
            case "snoozedUntil": item.snoozedUntil = try day(&s)
            case "parent": item.parent = try optionalString(&s)
            case "duplicateOf": item.duplicateOf = try optionalString(&s)
            case "reach", "impact", "confidence", "effort", "value", "criticality", "risk", "size":
                let v0 = s.mark()
                let v = s.null() ? nil : try s.number()
                if let v, !(v >= 0) || !v.isFinite { throw s.fail("expected a number ≥ 0", at: v0) }
                _ = item.scores.set(key, v)
            case "criteria":
                try s.array("a list of criteria") { s, _ in
                    var c = Criterion(text: "")
                    try s.object("a criterion") { s, k in
                        switch k {
                        case "text": c.text = try s.string()
                        case "done": c.done = try s.bool()
                        default: try s.skipValue()
                        }
                    }
                    item.criteria.append(c)
                }
            case "links":
                try s.array("a list of links") { s, _ in
                    var l = Link(url: "")
                    try s.object("a link") { s, k in
                        switch k {
                        case "url": l.url = try s.string()
                        case "title": l.title = try s.string()
                        default: try s.skipValue()
                        }
                    }
                    item.links.append(l)
                }
            case "archivedReason": item.archivedReason = try optionalString(&s)
            case "archivedList": item.archivedList = try optionalString(&s)
            case "sprints": item.sprints = try strings(&s, "a list of sprints")
            case "comments":
                try s.array("a list of comments") { s, _ in
                    let c0 = s.mark()
                    var c = Comment(author: "", at: 0, text: "")
                    var hasText = false
                    try s.object("a comment") { s, k in
                        switch k {
                        case "by": c.author = try s.string()
                        case "at": c.at = try time(&s, "at")
                        case "text": c.text = try s.string(); hasText = true
                        default: try s.skipValue()
                        }
                    }
                    guard hasText else { throw s.fail("a comment: missing \"text\"", at: c0) }
                    item.comments.append(c)
                }
            default: item.extra[key] = try s.rawValue()
            }
        }
        let what = { "items[\(n)]" }
        item.id = try required(id, "id", in: what(), s, at: at)
        item.title = try required(title, "title", in: what(), s, at: at)
        item.stage = try required(stage, "stage", in: what(), s, at: at)
        item.rank = try required(rank, "rank", in: what(), s, at: at)
        item.updated = updated ?? item.created
        return item
    }

    static func entry(_ s: inout JSONScanner, _ what: () -> String) throws -> Activity {
        let at = s.mark()
        var a = Activity(at: 0, by: "", item: nil, action: "")
        var action: String?
        try s.object("an object", path: what) { s, key in
            switch key {
            case "at": a.at = try time(&s, "at")
            case "by": a.by = try s.string()
            case "item": a.item = try optionalString(&s)
            case "action": action = try s.string()
            case "field": a.field = try optionalString(&s)
            case "from": a.from = try optionalString(&s)
            case "to": a.to = try optionalString(&s)
            default: try s.skipValue()
            }
        }
        a.action = try required(action, "action", in: what(), s, at: at)
        return a
    }
}
