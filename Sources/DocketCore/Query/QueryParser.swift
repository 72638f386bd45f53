extension Query {
    /// Parses a query (see `Query` for the language). Whitespace-only text gives the empty
    /// query, which matches everything.
    ///
    /// Throws `QueryError` with the position of the first bad part: an unknown field, a
    /// missing value, a bad number or date, a value outside a field's set, a comparison on a
    /// field that does not compare, an unclosed quote, an unbalanced parenthesis, a dangling
    /// `or` or `-`, an empty group, or parentheses nested deeper than `maxDepth`. Never traps,
    /// whatever the text; time and memory are linear in its length.
    public static func parse(_ text: String) throws(QueryError) -> Query {
        var parser = QueryParser(text)
        return Query(text: text, root: try parser.parseQuery())
    }
}

/// A recursive-descent parser over `QueryLexer`'s tokens:
///
///     query := or?
///     or    := and ("or" and)*
///     and   := unary+
///     unary := "-"* (term | "(" or ")")
struct QueryParser {
    private var lexer: QueryLexer
    private var peeked: QueryToken??
    private var depth = 0

    init(_ text: String) { lexer = QueryLexer(text) }

    private mutating func peek() throws(QueryError) -> QueryToken? {
        if let peeked { return peeked }
        let token = try lexer.next()
        peeked = .some(token)
        return token
    }

    private mutating func take() throws(QueryError) -> QueryToken? {
        let token = try peek()
        peeked = nil
        return token
    }

    mutating func parseQuery() throws(QueryError) -> QueryNode? {
        guard try peek() != nil else { return nil }
        let node = try parseOr()
        if let extra = try peek() {
            // parseOr stops only at the end or at a `)`.
            throw QueryError(.unmatchedParenthesis, offset: extra.offset, length: extra.length)
        }
        return node
    }

    private mutating func parseOr() throws(QueryError) -> QueryNode {
        if let first = try peek(), first.kind == .or { throw QueryError(.danglingOr, offset: first.offset, length: first.length) }
        var nodes = [try parseAnd()]
        while let token = try peek(), token.kind == .or {
            _ = try take()
            let next = try peek()
            if next == nil || next?.kind == .close || next?.kind == .or {
                throw QueryError(.danglingOr, offset: token.offset, length: token.length)
            }
            nodes.append(try parseAnd())
        }
        return nodes.count == 1 ? nodes[0] : .or(nodes)
    }

    /// One or more unary terms; the caller has checked that one starts here.
    private mutating func parseAnd() throws(QueryError) -> QueryNode {
        var nodes: [QueryNode] = []
        while let token = try peek(), token.kind != .or, token.kind != .close {
            nodes.append(try parseUnary())
        }
        if nodes.isEmpty, let token = try peek() {
            // Only a `)` at the very start of the query gets here.
            throw QueryError(.unmatchedParenthesis, offset: token.offset, length: token.length)
        }
        return nodes.count == 1 ? nodes[0] : .and(nodes)
    }

    private mutating func parseUnary() throws(QueryError) -> QueryNode {
        // A run of `-` is read in a loop, not by recursion, so `------…x` cannot overflow the stack.
        var negated = false
        var token = try take()!
        while token.kind == .not {
            let next = try peek()
            if next == nil || next?.kind == .close || next?.kind == .or {
                throw QueryError(.danglingNot, offset: token.offset, length: token.length)
            }
            negated.toggle()
            token = try take()!
        }
        let node: QueryNode
        switch token.kind {
        case .open:
            guard let next = try peek() else { throw QueryError(.unclosedParenthesis, offset: token.offset, length: 1) }
            if next.kind == .close {
                throw QueryError(.emptyGroup, offset: token.offset, length: next.offset + 1 - token.offset)
            }
            depth += 1
            if depth > Query.maxDepth { throw QueryError(.tooDeep, offset: token.offset, length: 1) }
            let inner = try parseOr()
            depth -= 1
            guard let close = try take(), close.kind == .close else {
                throw QueryError(.unclosedParenthesis, offset: token.offset, length: 1)
            }
            node = inner
        case .word(let text, _):
            node = .term(.text(FoldedText(text)))
        case .field(let field):
            node = .term(try QueryParser.term(field, token))
        case .close, .or, .not:
            // Unreachable: parseAnd stops at `)` and `or`, and the loop above eats `-`.
            throw QueryError(.unmatchedParenthesis, offset: token.offset, length: token.length)
        }
        return negated ? .not(node) : node
    }

    /// Checks a field token and turns it into a term.
    static func term(_ f: QueryFieldToken, _ token: QueryToken) throws(QueryError) -> QueryTerm {
        let display = f.name == "@" ? "@" : f.name.lowercased()
        guard let field = f.name == "@" ? .assignee : QueryField(name: f.name) else {
            throw QueryError(.unknownField(f.name), offset: f.nameOffset, length: f.nameLength)
        }
        if let c = f.comparison, !field.compares {
            throw QueryError(.badComparison(field: display, comparison: c.rawValue), offset: f.comparisonOffset, length: f.comparisonLength)
        }
        if f.value.isEmpty {
            throw QueryError(.missingValue(field: display), offset: token.offset, length: token.length)
        }
        let comparison = f.comparison ?? .equal
        func badValue(_ expected: String) -> QueryError {
            QueryError(.badValue(field: display, value: f.value, expected: expected), offset: f.valueOffset, length: f.valueLength)
        }
        switch field {
        case .label: return .label(FoldedText(f.value))
        case .assignee: return .assignee(FoldedText(f.value))
        case .priority:
            guard let p = Priority(word: f.value) else { throw badValue("must, should, could, wont (or m, s, c, w)") }
            return .priority(p)
        case .points, .votes:
            guard let n = number(f.value) else {
                throw QueryError(.badNumber(f.value), offset: f.valueOffset, length: f.valueLength)
            }
            return field == .points ? .points(comparison, n) : .votes(comparison, n)
        case .stage: return .stage(FoldedText(f.value))
        case .release: return .release(FoldedText(f.value))
        case .type:
            guard let t = ItemType(rawValue: f.value.lowercased()) else {
                throw badValue(ItemType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return .type(t)
        case .is:
            switch f.value.lowercased() {
            case "blocked": return .blocked
            case "archived": return .archived
            case "open": return .open
            case "stale": return .stale
            default: throw badValue("blocked, archived, open, stale")
            }
        case .due:
            if f.value.lowercased() == "today" { return .due(comparison, .today) }
            guard CalendarDay.isValid(f.value) else {
                throw QueryError(.badDate(f.value), offset: f.valueOffset, length: f.valueLength)
            }
            return .due(comparison, .date(f.value))
        case .requester: return .requester(FoldedText(f.value))
        case .id: return .id(FoldedText(f.value))
        case .sprint: return .sprint(FoldedText(f.value))
        case .updated, .created, .moved:
            guard let when = QueryParser.when(f.value) else {
                throw badValue("a date YYYY-MM-DD, today, yesterday, or an age like 2d, 12h, 3w")
            }
            return .time(QueryMoment(rawValue: field.rawValue)!, comparison, when)
        case .age:
            guard case .ago(let seconds)? = QueryParser.when(f.value) else { throw badValue("an age like 5d, 12h or 2w") }
            return .age(comparison, seconds)
        case .goal: return .goal(FoldedText(f.value))
        case .has:
            switch f.value.lowercased() {
            case "goal", "goals": return .hasGoal
            case "feedback": return .hasFeedback
            default: throw badValue("goal, feedback")
            }
        case .feedback, .customers:
            guard let n = number(f.value) else {
                throw QueryError(.badNumber(f.value), offset: f.valueOffset, length: f.valueLength)
            }
            return field == .feedback ? .feedback(comparison, n) : .customers(comparison, n)
        }
    }

    /// A day or an age as a time term's value; nil for anything else.
    static func when(_ text: String) -> QueryWhen? {
        let t = text.lowercased()
        if t == "today" { return .today }
        if t == "yesterday" { return .yesterday }
        if CalendarDay.isValid(t) { return .day(t) }
        guard let unit = t.last, let n = Int64(t.dropLast()), n >= 0, n < 100_000 else { return nil }
        switch unit {
        case "h": return .ago(n * 3600)
        case "d": return .ago(n * 86400)
        case "w": return .ago(n * 604800)
        default: return nil
        }
    }

    /// A number ≥ 0 as people write it (`3`, `0.5`, `1e3`); nil for anything else,
    /// including `nan`, `inf`, hex and negative numbers.
    static func number(_ text: String) -> Double? {
        guard let first = text.utf8.first, first != UInt8(ascii: "-"), first != UInt8(ascii: "+"),
              text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 101 || $0 == 69 || $0 == 43 || $0 == 45 }),
              let n = Double(text), n.isFinite, n >= 0 else { return nil }
        return n
    }
}
