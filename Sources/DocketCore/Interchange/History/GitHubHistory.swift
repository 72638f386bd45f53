import Foundation

/// GitHub issues' history: `created_at` → a `create` entry by the issue's author, and for a
/// closed issue `closed_at` → a `move` from Open to Closed by whoever closed it (`closed_by`,
/// else the author). GitHub's issue list does not say when work started, so imported issues
/// have lead times but no cycle times.
enum GitHubHistory {
    struct Issue: Decodable {
        struct User: Decodable { var login: String }
        struct Present: Decodable {}
        var number: Int
        var user: User?
        var closed_by: User?
        var created_at: String?
        var closed_at: String?
        var pull_request: Present?
    }

    /// The entries for the items of `board` (ids `gh-<number>`); empty when `data` does not
    /// decode as a list of issues.
    static func entries(_ data: Data, board: ImportedBoard) -> [Activity] {
        guard let issues = try? JSONDecoder().decode([Issue].self, from: data) else { return [] }
        let stages = Set(board.stages.map(\.id))
        var byID: [String: Item] = [:]
        for item in board.items { byID[item.id] = item }
        var out: [Activity] = []
        var seen = Set<String>()
        for issue in issues where issue.pull_request == nil {
            let id = "gh-\(issue.number)"
            guard let item = byID[id], seen.insert(id).inserted else { continue }
            let author = issue.user?.login ?? "github"
            if let created = issue.created_at.flatMap(ISODate.parse) {
                out.append(Activity(at: created, by: author, item: id, action: "create", to: item.title))
            }
            if let closed = issue.closed_at.flatMap(ISODate.parse), item.stage == "closed" {
                out.append(Activity(at: closed, by: issue.closed_by?.login ?? author, item: id, action: "move", field: "stage",
                                    from: stages.contains("open") ? "open" : nil, to: "closed"))
            }
        }
        return out
    }
}
