/// Writes a board in its canonical form: a header (format, version, name, stages, releases,
/// people, labels; one stage/release/person/label per line), then one item per line in id
/// order with keys in a fixed order, then the activity log, one entry per line. The output is
/// valid UTF-8 JSON that ends with a newline; the same board always gives the same bytes.
public enum BoardEncoder {
    public static func encode(_ board: Board) -> [UInt8] {
        var j = JSONText(capacity: 256 + board.items.count * 220 + board.activity.count * 100)
        encodeHeader(&j, board)
        j.raw(itemsOpening)
        list(&j, board.items.keys.sorted().map { board.items[$0]! }) { j, item in encodeItem(&j, item) }
        j.raw(activityOpening)
        list(&j, board.activity) { j, a in encodeActivity(&j, a) }
        j.raw(ending)
        return j.bytes
    }

    /// What opens the items' list, closes the header; what opens the activity log; what ends
    /// the file (`BoardSplice` finds the parts of a file by them).
    static let itemsOpening = ",\n\"items\": [", activityOpening = ",\n\"activity\": [", ending = "\n}\n"

    /// Everything before the items: format, version, name, settings, stages, releases,
    /// people, labels.
    static func encodeHeader(_ j: inout JSONText, _ board: Board) {
        j.raw("{\"format\": \"docket\", \"version\": \(Board.formatVersion),\n\"name\": ")
        j.string(board.name)
        if board.scoring != .none { j.raw(",\n\"scoring\": "); j.string(board.scoring.rawValue) }
        if !board.savedFilters.isEmpty {
            j.raw(",\n\"filters\": [")
            list(&j, board.savedFilters) { j, f in j.object([("name", .string(f.name)), ("query", .string(f.query))]) }
        }
        PlanningCoding.encodeSettings(&j, board.planning)
        StrategyCoding.encode(&j, board.strategy)
        for key in board.extra.keys.sorted() { j.raw(",\n"); j.string(key); j.raw(": "); j.raw(board.extra[key]!) }
        j.raw(",\n\"stages\": [")
        list(&j, board.stages) { j, s in
            j.object([("id", .string(s.id)), ("name", .string(s.name)), ("kind", .string(s.kind.rawValue)),
                      ("wipLimit", s.wipLimit.map { .int(Int64($0)) }), ("exitCriterion", s.exitCriterion.map { .string($0) }),
                      ("phase", s.phase.map { .string($0.rawValue) }),
                      ("hidden", s.hidden ? .bool(true) : nil), ("slaDays", s.slaDays.map { .int(Int64($0)) })])
        }
        j.raw(",\n\"releases\": [")
        list(&j, board.releases) { j, r in PlanningCoding.encodeRelease(&j, r, exponent: board.planning.exponent) }
        j.raw(",\n\"people\": [")
        list(&j, board.people) { j, p in j.object([("handle", .string(p.handle)), ("name", p.name.map { .string($0) })]) }
        j.raw(",\n\"labels\": [")
        list(&j, board.labels) { j, l in j.object([("name", .string(l.name)), ("color", l.color.map { .string($0) })]) }
    }

    /// One activity entry as one line.
    static func encodeActivity(_ j: inout JSONText, _ a: Activity) {
        j.object([("at", .string(ISODate.format(a.at))), ("by", .string(a.by)), ("item", a.item.map { .string($0) }),
                  ("action", .string(a.action)), ("field", a.field.map { .string($0) }),
                  ("from", a.from.map { .string($0) }), ("to", a.to.map { .string($0) })])
    }

    static func list<C: Collection>(_ j: inout JSONText, _ values: C, _ write: (inout JSONText, C.Element) -> Void) {
        for (i, v) in values.enumerated() {
            j.raw(i == 0 ? "\n" : ",\n")
            write(&j, v)
        }
        j.raw(values.isEmpty ? "]" : "\n]")
    }

    /// One item as one line, keys in a fixed order, empty and default fields left out.
    static func encodeItem(_ j: inout JSONText, _ item: Item) {
        var first = true
        j.raw("{")
        j.key("id", &first); j.string(item.id)
        j.key("title", &first); j.string(item.title)
        j.key("type", &first); j.string(item.type.rawValue)
        j.key("stage", &first); j.string(item.stage)
        j.key("rank", &first); j.string(item.rank)
        if let p = item.priority { j.key("priority", &first); j.string(p.rawValue) }
        if let p = item.points { j.key("points", &first); j.raw(p.pointsText) }
        if !item.labels.isEmpty { j.key("labels", &first); j.list(item.labels) }
        if !item.assignees.isEmpty { j.key("assignees", &first); j.list(item.assignees) }
        if let r = item.release { j.key("release", &first); j.string(r) }
        if item.blocked { j.key("blocked", &first); j.raw("true") }
        if !item.blockedReason.isEmpty { j.key("blockedReason", &first); j.string(item.blockedReason) }
        if item.archived { j.key("archived", &first); j.raw("true") }
        if let r = item.requester { j.key("requester", &first); j.string(r) }
        if item.votes != 0 { j.key("votes", &first); j.raw(String(item.votes)) }
        if let d = item.due { j.key("due", &first); j.string(d) }
        if let p = item.parent { j.key("parent", &first); j.string(p) }
        if let d = item.duplicateOf { j.key("duplicateOf", &first); j.string(d) }
        if let d = item.snoozedUntil { j.key("snoozedUntil", &first); j.string(d) }
        if let r = item.archivedReason { j.key("archivedReason", &first); j.string(r) }
        if let l = item.archivedList { j.key("archivedList", &first); j.string(l) }
        if !item.sprints.isEmpty { j.key("sprints", &first); j.list(item.sprints) }
        for (name, value) in item.scores.fields { if let value { j.key(name, &first); j.raw(value.pointsText) } }
        if !item.criteria.isEmpty {
            j.key("criteria", &first)
            j.raw("[")
            for (k, c) in item.criteria.enumerated() {
                if k > 0 { j.raw(", ") }
                j.raw("{\"text\": "); j.string(c.text); j.raw(c.done ? ", \"done\": true}" : "}")
            }
            j.raw("]")
        }
        if !item.links.isEmpty {
            j.key("links", &first)
            j.raw("[")
            for (k, l) in item.links.enumerated() {
                if k > 0 { j.raw(", ") }
                j.raw("{\"url\": "); j.string(l.url)
                if !l.title.isEmpty { j.raw(", \"title\": "); j.string(l.title) }
                j.raw("}")
            }
            j.raw("]")
        }
        if !item.comments.isEmpty {
            j.key("comments", &first)
            j.raw("[")
            for (k, c) in item.comments.enumerated() {
                if k > 0 { j.raw(", ") }
                j.raw("{\"by\": "); j.string(c.author); j.raw(", \"at\": "); j.time(c.at)
                j.raw(", \"text\": "); j.string(c.text); j.raw("}")
            }
            j.raw("]")
        }
        j.key("created", &first); j.time(item.created)
        j.key("updated", &first); j.time(item.updated)
        if !item.description.isEmpty { j.key("description", &first); j.string(item.description) }
        for key in item.extra.keys.sorted() { j.key(key, &first); j.raw(item.extra[key]!) }
        j.raw("}")
    }
}
