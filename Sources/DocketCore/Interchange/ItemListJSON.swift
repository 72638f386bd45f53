/// The item list that `docket list --json` prints for scripts: a JSON array, one object per
/// item in board order, with the keys `id`, `title`, `stage` (the stage's name), `stageId`,
/// `rank`, `type`, `priority` (must/should/could/wont or null), `points` (story points or
/// null), `labels`, `assignees`, `release` (or null), `blocked`, `blockedReason`, `archived`,
/// `created`, `updated` (ISO 8601 UTC), `description`, `due` (YYYY-MM-DD or null),
/// `requester`, `votes`, `parent` (the epic's id), `duplicateOf`, `snoozedUntil`, `criteria`
/// (`"[x] text"` / `"[ ] text"`), `links` (`"URL title"`), `sprints` (names), `comments`
/// (`"2026-12-01T10:00:00Z alice: text"`, oldest first), `archivedReason` and `archivedList`
/// (why it was archived, the archived source list; or null), the score inputs `reach`, `impact`, `confidence`, `effort`, `value`,
/// `criticality`, `risk`, `size` (or null) and `score` (null when the board scores nothing).
/// `fields(of:board:)` gives the same keys and values to other formats (`docket list --format csv`).
public enum ItemListJSON {
    /// One value of an item in the list.
    public enum Value: Equatable, Sendable {
        case string(String), number(Double), int(Int64), bool(Bool), strings([String]), null
    }

    /// The keys of every object, in order.
    public static let keys: [String] = fields(of: Item(id: "", title: "", stage: "", rank: "", created: 0),
                                              board: Board(name: "", stages: [])).map(\.key)

    /// The keys and values of `item`, in the order of `keys`. `stageNames` (stage id → name)
    /// saves looking the stage up for every item; without it the board's stages are searched.
    public static func fields(of item: Item, board: Board, stageNames: [String: String]? = nil) -> [(key: String, value: Value)] {
        let stage = stageNames?[item.stage] ?? board.stages.first { $0.id == item.stage }?.name ?? item.stage
        return [
            ("id", .string(item.id)),
            ("title", .string(item.title)),
            ("stage", .string(stage)),
            ("stageId", .string(item.stage)),
            ("rank", .string(item.rank)),
            ("type", .string(item.type.rawValue)),
            ("priority", item.priority.map { .string($0.rawValue) } ?? .null),
            ("points", item.points.map { .number($0) } ?? .null),
            ("labels", .strings(item.labels)),
            ("assignees", .strings(item.assignees)),
            ("release", item.release.map { .string($0) } ?? .null),
            ("blocked", .bool(item.blocked)),
            ("blockedReason", .string(item.blockedReason)),
            ("archived", .bool(item.archived)),
            ("created", .string(ISODate.format(item.created))),
            ("updated", .string(ISODate.format(item.updated))),
            ("description", .string(item.description)),
            ("due", item.due.map { .string($0) } ?? .null),
            ("requester", item.requester.map { .string($0) } ?? .null),
            ("votes", .int(Int64(item.votes))),
            ("parent", item.parent.map { .string($0) } ?? .null),
            ("duplicateOf", item.duplicateOf.map { .string($0) } ?? .null),
            ("snoozedUntil", item.snoozedUntil.map { .string($0) } ?? .null),
            ("criteria", .strings(item.criteria.map { ($0.done ? "[x] " : "[ ] ") + $0.text })),
            ("links", .strings(item.links.map { $0.title.isEmpty ? $0.url : "\($0.url) \($0.title)" })),
            ("sprints", .strings(item.sprints)),
            ("comments", .strings(item.comments.map(commentText))),
            ("archivedReason", item.archivedReason.map { .string($0) } ?? .null),
            ("archivedList", item.archivedList.map { .string($0) } ?? .null),
        ] + item.scores.fields.map { ($0.0, $0.1.map { .number($0) } ?? .null) }
          + [("score", board.score(item).map { .number($0) } ?? .null)]
    }

    /// A comment as the list writes it: `2026-12-01T10:00:00Z alice: text` (`Comment`).
    public static func commentText(_ c: Comment) -> String { "\(ISODate.format(c.at)) \(c.author): \(c.text)" }

    /// Reads `commentText`'s form back; nil when `text` does not start with a time and `AUTHOR: `.
    public static func comment(fromText text: String) -> Comment? {
        guard let sp = text.firstIndex(of: " "), let at = ISODate.parse(String(text[..<sp])) else { return nil }
        let rest = text[text.index(after: sp)...]
        guard let colon = rest.range(of: ": ") else { return nil }
        return Comment(author: String(rest[..<colon.lowerBound]), at: at, text: String(rest[colon.upperBound...]))
    }

    /// The stage id → name table for `fields(of:board:stageNames:)`.
    public static func stageNames(_ board: Board) -> [String: String] {
        Dictionary(board.stages.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The JSON text: an array with one object per item, in the order given, ending in a line break.
    public static func encode(_ items: [Item], board: Board) -> String {
        var j = JSONText(capacity: items.count * 300)
        j.raw("[")
        let names = stageNames(board)
        for (i, item) in items.enumerated() {
            j.raw(i == 0 ? "\n  " : ",\n  ")
            j.object(fields(of: item, board: board, stageNames: names).map { field -> (String, JSONText.Value?) in
                let v: JSONText.Value
                switch field.value {
                case .string(let s): v = .string(s)
                case .number(let d): v = .number(d)
                case .int(let n): v = .int(n)
                case .bool(let b): v = .bool(b)
                case .strings(let a): v = .strings(a)
                case .null: v = .null
                }
                return (field.key, v)
            })
        }
        j.raw(items.isEmpty ? "]\n" : "\n]\n")
        return String(decoding: j.bytes, as: UTF8.self)
    }
}
