import Foundation

/// The board file's JSON shape, for decoding. Optional lists may be absent; unknown keys are
/// ignored, so a file from a newer minor format still opens (read-only, see `LoadedBoard`).
struct FileDTO: Decodable {
    var format: String
    var version: Int
    var name: String
    var stages: [Stage]
    var releases: [Release]?
    var people: [Person]?
    var labels: [Label]?
    var items: [ItemDTO]
    var activity: [ActivityDTO]?
}

struct ItemDTO: Decodable {
    var item: Item

    enum K: String, CodingKey {
        case id, title, type, stage, rank, priority, points, labels, assignees, release, blocked, blockedReason,
             archived, created, updated, description
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: K.self)
        let id = try c.decode(String.self, forKey: .id)
        let created = try Self.timeOf(c, .created) ?? 0
        item = Item(
            id: id,
            title: try c.decode(String.self, forKey: .title),
            description: try c.decodeIfPresent(String.self, forKey: .description) ?? "",
            type: try c.decodeIfPresent(ItemType.self, forKey: .type) ?? .story,
            stage: try c.decode(String.self, forKey: .stage),
            rank: try c.decode(String.self, forKey: .rank),
            priority: try c.decodeIfPresent(Priority.self, forKey: .priority),
            points: try c.decodeIfPresent(Double.self, forKey: .points),
            labels: try c.decodeIfPresent([String].self, forKey: .labels) ?? [],
            assignees: try c.decodeIfPresent([String].self, forKey: .assignees) ?? [],
            release: try c.decodeIfPresent(String.self, forKey: .release),
            blocked: try c.decodeIfPresent(Bool.self, forKey: .blocked) ?? false,
            blockedReason: try c.decodeIfPresent(String.self, forKey: .blockedReason) ?? "",
            archived: try c.decodeIfPresent(Bool.self, forKey: .archived) ?? false,
            created: created,
            updated: try Self.timeOf(c, .updated) ?? created)
        guard Rank.isValid(item.rank) else {
            throw DecodingError.dataCorruptedError(forKey: .rank, in: c,
                                                   debugDescription: "rank must be digits and lowercase letters, not ending in 0")
        }
        if let p = item.points, !(p >= 0) {
            throw DecodingError.dataCorruptedError(forKey: .points, in: c, debugDescription: "points must be a number ≥ 0")
        }
    }

}

struct ActivityDTO: Decodable {
    var activity: Activity

    enum K: String, CodingKey { case at, by, item, action, field, from, to }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: K.self)
        activity = Activity(at: try ItemDTO.timeOf(c, .at) ?? 0, by: try c.decodeIfPresent(String.self, forKey: .by) ?? "",
                            item: try c.decodeIfPresent(String.self, forKey: .item),
                            action: try c.decode(String.self, forKey: .action),
                            field: try c.decodeIfPresent(String.self, forKey: .field),
                            from: try c.decodeIfPresent(String.self, forKey: .from),
                            to: try c.decodeIfPresent(String.self, forKey: .to))
    }
}

extension ItemDTO {
    static func timeOf<Key: CodingKey>(_ c: KeyedDecodingContainer<Key>, _ key: Key) throws -> Timestamp? {
        guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let t = ISODate.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "expected a date like 2026-11-29T14:05:00Z")
        }
        return t
    }
}
