import Foundation

/// Reads a GitHub REST issues list (`GET /repos/{owner}/{repo}/issues?state=all`, one page or
/// several pages' arrays joined into one) into an `ImportedBoard`.
///
/// How GitHub maps onto Docket:
/// - Entries with a `pull_request` object are pull requests and are skipped (counted).
/// - Two stages: **Open** (todo) and **Closed** (done), only those that have issues.
/// - **Issues → items** with id `gh-<number>`: title, body → description (CRLF made LF),
///   label names → labels (type bug when a label is named bug, defect…), assignee logins →
///   assignees and people, milestone title → release (its `due_on` → target date),
///   `created_at`/`updated_at`, `html_url` → a link. Ranks follow the file's order.
public enum GitHubIssuesImport {
    /// Parses the JSON in `data`. `path` names the file in error messages.
    ///
    /// Throws `BoardFileError` with the line and column when the JSON is truncated or
    /// corrupt, or says "not a GitHub issues list" when the top level is not an array of
    /// issues.
    public static func parse(_ data: Data, path: String = "GitHub issues") throws -> ImportedBoard {
        let issues: [Issue]
        do {
            issues = try JSONDecoder().decode([Issue].self, from: data)
        } catch let error as DecodingError {
            switch error {
            case .typeMismatch(_, let ctx) where ctx.codingPath.isEmpty:
                throw BoardFileError(path: path, line: 1, column: 1,
                                     message: "not a GitHub issues list: expected a JSON array of issues")
            case .keyNotFound(let key, let ctx) where ctx.codingPath.count == 1:
                throw BoardFileError(path: path, line: 0, column: 0,
                                     message: "not a GitHub issues list: entry \(ctx.codingPath[0].intValue ?? 0) has no \"\(key.stringValue)\"")
            default:
                throw BoardDecoder.describe(error, data: data, path: path)
            }
        }
        return convert(issues)
    }

    struct Issue: Decodable {
        struct Named: Decodable { var name: String? }
        struct User: Decodable { var login: String }
        struct Milestone: Decodable { var title: String; var due_on: String? }
        struct Present: Decodable {}
        var number: Int
        var title: String
        var body: String?
        var state: String
        var labels: [Named]?
        var assignees: [User]?
        var assignee: User?
        var milestone: Milestone?
        var pull_request: Present?
        var created_at: String?
        var updated_at: String?
        var html_url: String?
    }

    private static func convert(_ all: [Issue]) -> ImportedBoard {
        let issues = all.filter { $0.pull_request == nil }
        let open = Stage(id: "open", name: "Open", kind: .todo)
        let closed = Stage(id: "closed", name: "Closed", kind: .done)
        let stages = [open, closed].filter { s in issues.contains { stageID($0) == s.id } }

        var labels: [Label] = []
        var people: [Person] = []
        var releases: [Release] = []
        var labelUses: [String: Int] = [:]
        var items: [Item] = []
        var taken: Set<String> = []
        for s in stages {
            let list = issues.filter { stageID($0) == s.id }
            for (issue, rank) in zip(list, Rank.spread(list.count)) {
                let id = "gh-\(issue.number)"
                guard !taken.contains(id) else { continue }  // the same issue on two pages
                taken.insert(id)
                var names: [String] = []
                for l in issue.labels ?? [] {
                    guard let n = l.name, !n.isEmpty, !names.contains(n) else { continue }
                    names.append(n)
                    labelUses[n, default: 0] += 1
                    if !labels.contains(where: { $0.name == n }) { labels.append(Label(name: n)) }
                }
                var assignees: [String] = []
                for u in (issue.assignees ?? []) + (issue.assignee.map { [$0] } ?? []) where !assignees.contains(u.login) {
                    assignees.append(u.login)
                    if !people.contains(where: { $0.handle == u.login }) { people.append(Person(handle: u.login)) }
                }
                if let m = issue.milestone, !releases.contains(where: { $0.name == m.title }) {
                    releases.append(Release(name: m.title, target: m.due_on.flatMap(ISODate.parse).map(ISODate.formatDay)))
                }
                let created = issue.created_at.flatMap(ISODate.parse) ?? 0
                let title = issue.title.trimmingCharacters(in: .whitespacesAndNewlines)
                var item = Item(id: id, title: title.isEmpty ? "(untitled issue)" : title,
                                description: (issue.body ?? "").replacingOccurrences(of: "\r\n", with: "\n"),
                                type: names.contains { TrelloImport.bugLabels.contains($0.lowercased()) } ? .bug : .story,
                                stage: s.id, rank: rank, labels: names, assignees: assignees,
                                release: issue.milestone?.title, created: created,
                                updated: issue.updated_at.flatMap(ISODate.parse) ?? created)
                if let url = issue.html_url { item.links = [Link(url: url, title: "GitHub #\(issue.number)")] }
                items.append(item)
            }
        }
        let prs = all.count - issues.count
        let summary = ImportSummary(source: "GitHub", stages: stages.count, closedStages: 0, items: items.count,
                                    archivedItems: 0, labelUses: labelUses, people: people.count,
                                    notImported: prs == 0 ? [] : ["\(prs) pull \(prs == 1 ? "request" : "requests")"],
                                    releases: releases.count, itemWords: ("issue", "issues"), stageWords: ("stage", "stages"))
        return ImportedBoard(name: "GitHub issues", stages: stages, items: items, labels: labels, people: people,
                             releases: releases, summary: summary,
                             sourceFields: SourceField.basic.union([.labels, .assignees, .release, .links]))
    }

    private static func stageID(_ issue: Issue) -> String { issue.state == "closed" ? "closed" : "open" }
}
