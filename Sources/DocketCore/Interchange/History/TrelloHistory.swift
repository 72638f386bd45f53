import Foundation

/// Trello's board actions as history: `createCard` → a `create` entry; `updateCard` with
/// `listBefore`/`listAfter` → a `move` of the stage (lists mapped to the import's stages by
/// their current name); `updateCard` that changes `closed` → an `archive`/`restore` entry of
/// the `archived` field. Times are the actions' `date`s; people are the acting member's
/// username (else their id). A Trello export holds at most its newest 1,000 actions, so older
/// moves are missing: the metrics' rules handle a history that starts late.
enum TrelloHistory {
    struct Export: Decodable {
        var lists: [List]?
        var members: [Member]?
        var actions: [Action]?
        struct List: Decodable { var id: String; var name: String }
        struct Member: Decodable { var id: String; var username: String? }
    }
    struct Action: Decodable {
        var type: String?
        var date: String?
        var idMemberCreator: String?
        var data: Payload?
        struct Payload: Decodable {
            var card: Ref?
            var list: Ref?
            var listBefore: Ref?
            var listAfter: Ref?
            var old: Old?
        }
        struct Ref: Decodable { var id: String?; var closed: Bool?; var name: String? }
        struct Old: Decodable { var closed: Bool? }
    }

    /// The entries of `data`'s actions for the items of `board` (empty when the export has no
    /// actions or they do not decode: history is a bonus, never a reason to refuse a file).
    static func entries(_ data: Data, board: ImportedBoard) -> [Activity] {
        guard let export = try? JSONDecoder().decode(Export.self, from: data), let actions = export.actions else { return [] }
        let listName = Dictionary((export.lists ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var stageByName: [String: String] = [:]
        for s in board.stages where stageByName[s.name] == nil { stageByName[s.name] = s.id }
        let stage = { (ref: Action.Ref?) -> String? in ref?.id.flatMap { listName[$0] }.flatMap { stageByName[$0] } }
        let handle = Dictionary((export.members ?? []).map { ($0.id, $0.username ?? $0.id) }, uniquingKeysWith: { a, _ in a })
        let items = Set(board.items.map(\.id))
        var out: [Activity] = []
        for a in actions {
            guard let date = a.date.flatMap(ISODate.parse), let card = a.data?.card?.id, items.contains(card) else { continue }
            let by = a.idMemberCreator.map { handle[$0] ?? $0 } ?? "trello"
            switch a.type {
            case "createCard":
                out.append(Activity(at: date, by: by, item: card, action: "create", to: a.data?.card?.name))
            case "updateCard":
                if let after = stage(a.data?.listAfter) {
                    out.append(Activity(at: date, by: by, item: card, action: "move", field: "stage", from: stage(a.data?.listBefore), to: after))
                }
                if let was = a.data?.old?.closed, let now = a.data?.card?.closed, was != now {
                    out.append(Activity(at: date, by: by, item: card, action: now ? "archive" : "restore", field: "archived",
                                        from: String(was), to: String(now)))
                }
            default: break
            }
        }
        return out.sorted { $0.at < $1.at }
    }
}
