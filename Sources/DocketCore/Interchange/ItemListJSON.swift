/// The item list that `docket list --json` prints for scripts: a JSON array, one object per
/// item in board order, with the keys `id`, `title`, `stage` (the stage's name), `stageId`,
/// `rank`, `type`, `priority` (must/should/could/wont or null), `points` (story points or
/// null), `labels`, `assignees`, `release` (or null), `blocked`, `blockedReason`, `archived`,
/// `created`, `updated` (ISO 8601 UTC), `description`, `due` (YYYY-MM-DD or null),
/// `requester`, `votes`, the score inputs `reach`, `impact`, `confidence`, `effort`, `value`,
/// `criticality`, `risk`, `size` (or null) and `score` (null when the board scores nothing).
public enum ItemListJSON {
    public static func encode(_ items: [Item], board: Board) -> String {
        var j = JSONText(capacity: items.count * 300)
        j.raw("[")
        let stageNames = Dictionary(board.stages.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for (i, item) in items.enumerated() {
            j.raw(i == 0 ? "\n  " : ",\n  ")
            j.object([
                ("id", .string(item.id)),
                ("title", .string(item.title)),
                ("stage", .string(stageNames[item.stage] ?? item.stage)),
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
            ] + item.scores.fields.map { ($0.0, $0.1.map { .number($0) } ?? .null) }
              + [("score", board.score(item).map { .number($0) } ?? .null)])
        }
        j.raw(items.isEmpty ? "]\n" : "\n]\n")
        return String(decoding: j.bytes, as: UTF8.self)
    }
}
