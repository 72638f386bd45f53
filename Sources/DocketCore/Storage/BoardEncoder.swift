/// Writes a board in its canonical form: a header (format, version, name, stages, releases,
/// people, labels; one stage/release/person/label per line), then one item per line in id
/// order with keys in a fixed order, then the activity log, one entry per line. The output is
/// valid UTF-8 JSON that ends with a newline; the same board always gives the same bytes.
public enum BoardEncoder {
    public static func encode(_ board: Board) -> [UInt8] {
        var j = JSONText(capacity: 256 + board.items.count * 220 + board.activity.count * 100)
        j.raw("{\"format\": \"docket\", \"version\": \(Board.formatVersion),\n\"name\": ")
        j.string(board.name)
        j.raw(",\n\"stages\": [")
        list(&j, board.stages) { j, s in
            j.object([("id", .string(s.id)), ("name", .string(s.name)), ("kind", .string(s.kind.rawValue)),
                      ("wipLimit", s.wipLimit.map { .int(Int64($0)) }), ("exitCriterion", s.exitCriterion.map { .string($0) })])
        }
        j.raw(",\n\"releases\": [")
        list(&j, board.releases) { j, r in
            j.object([("name", .string(r.name)), ("target", r.target.map { .string($0) }), ("capacity", r.capacity.map { .number($0) })])
        }
        j.raw(",\n\"people\": [")
        list(&j, board.people) { j, p in j.object([("handle", .string(p.handle)), ("name", p.name.map { .string($0) })]) }
        j.raw(",\n\"labels\": [")
        list(&j, board.labels) { j, l in j.object([("name", .string(l.name)), ("color", l.color.map { .string($0) })]) }
        j.raw(",\n\"items\": [")
        list(&j, board.items.keys.sorted().map { board.items[$0]! }) { j, item in encodeItem(&j, item) }
        j.raw(",\n\"activity\": [")
        list(&j, board.activity) { j, a in
            j.object([("at", .string(ISODate.format(a.at))), ("by", .string(a.by)), ("item", a.item.map { .string($0) }),
                      ("action", .string(a.action)), ("field", a.field.map { .string($0) }),
                      ("from", a.from.map { .string($0) }), ("to", a.to.map { .string($0) })])
        }
        j.raw("\n}\n")
        return j.bytes
    }

    private static func list<T>(_ j: inout JSONText, _ values: [T], _ write: (inout JSONText, T) -> Void) {
        for (i, v) in values.enumerated() {
            j.raw(i == 0 ? "\n" : ",\n")
            write(&j, v)
        }
        j.raw(values.isEmpty ? "]" : "\n]")
    }

    static func encodeItem(_ j: inout JSONText, _ item: Item) {
        j.object([
            ("id", .string(item.id)),
            ("title", .string(item.title)),
            ("type", .string(item.type.rawValue)),
            ("stage", .string(item.stage)),
            ("rank", .string(item.rank)),
            ("priority", item.priority.map { .string($0.rawValue) }),
            ("points", item.points.map { .number($0) }),
            ("labels", item.labels.isEmpty ? nil : .strings(item.labels)),
            ("assignees", item.assignees.isEmpty ? nil : .strings(item.assignees)),
            ("release", item.release.map { .string($0) }),
            ("blocked", item.blocked ? .bool(true) : nil),
            ("blockedReason", item.blockedReason.isEmpty ? nil : .string(item.blockedReason)),
            ("archived", item.archived ? .bool(true) : nil),
            ("created", .string(ISODate.format(item.created))),
            ("updated", .string(ISODate.format(item.updated))),
            ("description", item.description.isEmpty ? nil : .string(item.description)),
        ])
    }
}
