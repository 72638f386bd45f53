extension Query {
    /// Whether `item` matches the query. `board` resolves `stage:` terms (like
    /// `Board.stage(named:)`: an id or name ignoring case, else a unique prefix; an unknown or
    /// ambiguous stage matches nothing, see `validate(against:)`) and stage kinds for
    /// `is:open`; `today` (`YYYY-MM-DD`) is what `due:today` means. An item without points
    /// (or without a due date) satisfies no `points:` (`due:`) term, so `-points:>3` includes
    /// unestimated items; labels, assignees and releases match whole, ignoring case.
    ///
    /// Cost: no allocation per item for ASCII text; a query is parsed and its values
    /// lowercased once, so parse once and call this for every item.
    public func matches(_ item: Item, in board: Board, today: String) -> Bool {
        guard let root else { return true }
        return root.matches(item, board, today)
    }

    /// Checks the query's `stage:` terms against `board`. Throws `QueryError` (`.noSuchStage`
    /// or `.ambiguousStage`) for the first that names no stage or several, with the term's
    /// position in `text`, so a caller can say so instead of showing nothing.
    public func validate(against board: Board) throws(QueryError) {
        // Stage terms are found again in the text so the error points at the right place.
        var lexer = QueryLexer(text)
        while let token = try? lexer.next() {
            guard case .field(let f) = token.kind, QueryField(name: f.name) == .stage, !f.value.isEmpty else { continue }
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

extension QueryNode {
    func matches(_ item: Item, _ board: Board, _ today: String) -> Bool {
        switch self {
        case .term(let term): return term.matches(item, board, today)
        case .and(let nodes):
            for node in nodes where !node.matches(item, board, today) { return false }
            return true
        case .or(let nodes):
            for node in nodes where node.matches(item, board, today) { return true }
            return false
        case .not(let node): return !node.matches(item, board, today)
        }
    }
}

extension QueryTerm {
    @inline(__always)
    func matches(_ item: Item, _ board: Board, _ today: String) -> Bool {
        switch self {
        case .label(let v):
            for label in item.labels where v.equals(label) { return true }
            return false
        case .assignee(let v):
            for person in item.assignees where v.equals(person) { return true }
            return false
        case .priority(let p): return item.priority == p
        case .points(let c, let n):
            guard let points = item.points else { return false }
            return c.holds(points, n)
        case .stage(let v): return QueryTerm.stage(v, is: item.stage, in: board.stages)
        case .release(let v):
            guard let release = item.release else { return false }
            return v.equals(release)
        case .type(let t): return item.type == t
        case .blocked: return item.blocked
        case .archived: return item.archived
        case .open:
            if item.archived { return false }
            for stage in board.stages where stage.id == item.stage { return stage.kind != .done }
            return true
        case .due(let c, let day):
            guard let due = item.due else { return false }
            switch day {
            case .date(let d): return c.holds(due, d)
            case .today: return c.holds(due, today)
            }
        case .votes(let c, let n): return c.holds(Double(item.votes), n)
        case .requester(let v):
            guard let requester = item.requester else { return false }
            return v.isContained(in: requester)
        case .id(let v): return v.isPrefix(of: item.id)
        case .text(let v):
            return v.isContained(in: item.title) || v.isContained(in: item.id) || v.isContained(in: item.description)
        }
    }

    /// Whether the stage that `Board.stage(named:)` finds for `name` has the id `stageID`:
    /// the first stage whose id or name equals `name` (ignoring case), else the only stage
    /// whose id or name starts with it. Decided without allocating: a stage that is not
    /// even a candidate is ruled out before the whole list is looked at.
    static func stage(_ name: FoldedText, is stageID: String, in stages: [Stage]) -> Bool {
        guard let own = stages.firstIndex(where: { $0.id == stageID }) else { return false }
        let mine = stages[own]
        let exact = name.equals(mine.id) || name.equals(mine.name)
        if !exact && !(name.isPrefix(of: mine.id) || name.isPrefix(of: mine.name)) { return false }
        // The first exact match wins.
        for (i, s) in stages.enumerated() where name.equals(s.id) || name.equals(s.name) { return i == own }
        // No exact match anywhere: the prefix must be unique.
        for (i, s) in stages.enumerated() where i != own && (name.isPrefix(of: s.id) || name.isPrefix(of: s.name)) {
            return false
        }
        return true
    }
}
