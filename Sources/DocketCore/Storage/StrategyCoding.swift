/// The board file's vision, goals and feedback: the header keys `vision` (text), `goals`
/// (one goal per line: id, objective, period, owner, state, keyResults, items), `feedback`
/// (one note per line: id, text, from, date, importance, by, items) and `feedbackSettings`
/// (`cards`, `score`, `notifiedAt`). Each is written only when set, so a board without them
/// is written byte for byte as before. Unknown keys inside them are skipped.
enum StrategyCoding {
    static let keys: Set<String> = ["vision", "goals", "feedback", "feedbackSettings"]

    static func encode(_ j: inout JSONText, _ s: Strategy) {
        if !s.vision.isEmpty { j.raw(",\n\"vision\": "); j.string(s.vision) }
        if !s.goals.isEmpty {
            j.raw(",\n\"goals\": [")
            for (i, g) in s.goals.enumerated() {
                j.raw(i == 0 ? "\n" : ",\n")
                j.object([("id", .string(g.id)), ("objective", .string(g.objective)),
                          ("period", g.period.isEmpty ? nil : .string(g.period)), ("owner", g.owner.isEmpty ? nil : .string(g.owner)),
                          ("state", .string(g.state.rawValue)),
                          ("keyResults", g.keyResults.isEmpty ? nil : .raw(keyResults(g.keyResults))),
                          ("items", g.items.isEmpty ? nil : .strings(g.items))])
            }
            j.raw("\n]")
        }
        if !s.notes.isEmpty {
            j.raw(",\n\"feedback\": [")
            for (i, n) in s.notes.enumerated() {
                j.raw(i == 0 ? "\n" : ",\n")
                j.object([("id", .string(n.id)), ("text", .string(n.text)), ("from", .string(n.from)), ("date", .string(n.date)),
                          ("importance", .string(n.importance.rawValue)), ("by", .string(n.by)),
                          ("items", n.items.isEmpty ? nil : .strings(n.items))])
            }
            j.raw("\n]")
        }
        if s.settings != FeedbackSettings() {
            j.raw(",\n\"feedbackSettings\": ")
            j.object([("cards", s.settings.cards ? .bool(true) : nil), ("score", s.settings.score.map { .string($0.rawValue) }),
                      ("notifiedAt", s.settings.notifiedAt.map { .string(ISODate.format($0)) })])
        }
    }

    private static func keyResults(_ krs: [KeyResult]) -> String {
        var j = JSONText(capacity: 64 * krs.count)
        j.raw("[")
        for (i, k) in krs.enumerated() {
            if i > 0 { j.raw(", ") }
            j.object([("metric", .string(k.metric)), ("unit", k.unit.isEmpty ? nil : .string(k.unit)),
                      ("start", .number(k.start)), ("target", .number(k.target)), ("current", .number(k.current))])
        }
        j.raw("]")
        return String(decoding: j.bytes, as: UTF8.self)
    }

    /// Reads the value of header key `key` (one of `keys`) into `s`.
    static func read(_ s: inout JSONScanner, _ key: String, into strategy: inout Strategy) throws {
        switch key {
        case "vision": strategy.vision = try s.string()
        case "goals":
            var goals: [Goal] = []
            try s.array("goals") { s, n in goals.append(try goal(&s, "goals[\(n)]")) }
            strategy.goals = goals
        case "feedback":
            var notes: [FeedbackNote] = []
            try s.array("feedback") { s, n in notes.append(try note(&s, "feedback[\(n)]")) }
            strategy.notes = notes
        default: strategy.settings = try settings(&s)
        }
    }

    private static func strings(_ s: inout JSONScanner, _ what: String) throws -> [String] {
        var out: [String] = []
        try s.array(what) { s, _ in out.append(try s.string()) }
        return out
    }

    private static func goal(_ s: inout JSONScanner, _ what: String) throws -> Goal {
        let at = s.mark()
        var g = Goal(id: "", objective: "")
        try s.object("an object", path: { what }) { s, key in
            switch key {
            case "id": g.id = try s.string()
            case "objective": g.objective = try s.string()
            case "period": g.period = try s.string()
            case "owner": g.owner = try s.string()
            case "state":
                let at = s.mark()
                guard let st = GoalState(rawValue: try s.string()) else { throw s.fail("expected on-track, at-risk, off-track or done", at: at) }
                g.state = st
            case "keyResults": try s.array("key results") { s, _ in g.keyResults.append(try keyResult(&s)) }
            case "items": g.items = try strings(&s, "item ids")
            default: try s.skipValue()
            }
        }
        guard !g.id.isEmpty else { throw s.fail("\(what): missing \"id\"", at: at) }
        return g
    }

    private static func keyResult(_ s: inout JSONScanner) throws -> KeyResult {
        let at = s.mark()
        var k = KeyResult(metric: "", start: .nan, target: .nan)
        try s.object("a key result") { s, key in
            switch key {
            case "metric": k.metric = try s.string()
            case "unit": k.unit = try s.string()
            case "start": k.start = try s.number()
            case "target": k.target = try s.number()
            case "current": k.current = try s.number()
            default: try s.skipValue()
            }
        }
        guard !k.start.isNaN, !k.target.isNaN else { throw s.fail("a key result needs \"start\" and \"target\"", at: at) }
        if k.current.isNaN { k.current = k.start }
        return k
    }

    private static func note(_ s: inout JSONScanner, _ what: String) throws -> FeedbackNote {
        let at = s.mark()
        var n = FeedbackNote(id: "", text: "", from: "", date: "", importance: .nice, by: "")
        try s.object("an object", path: { what }) { s, key in
            switch key {
            case "id": n.id = try s.string()
            case "text": n.text = try s.string()
            case "from": n.from = try s.string()
            case "date": n.date = try s.string()
            case "importance":
                let at = s.mark()
                guard let i = Importance(rawValue: try s.string()) else { throw s.fail("expected nice, important or critical", at: at) }
                n.importance = i
            case "by": n.by = try s.string()
            case "items": n.items = try strings(&s, "item ids")
            default: try s.skipValue()
            }
        }
        guard !n.id.isEmpty else { throw s.fail("\(what): missing \"id\"", at: at) }
        return n
    }

    private static func settings(_ s: inout JSONScanner) throws -> FeedbackSettings {
        var out = FeedbackSettings()
        try s.object("the feedback settings") { s, key in
            switch key {
            case "cards": out.cards = try s.bool()
            case "score":
                let at = s.mark()
                if s.null() { out.score = nil; return }
                guard let v = FeedbackScoreInput(rawValue: try s.string()) else { throw s.fail("expected reach or value", at: at) }
                out.score = v
            case "notifiedAt":
                let at = s.mark()
                guard let t = ISODate.parse(try s.string()) else { throw s.fail("expected a time YYYY-MM-DDTHH:MM:SSZ", at: at) }
                out.notifiedAt = t
            default: try s.skipValue()
            }
        }
        return out
    }
}
