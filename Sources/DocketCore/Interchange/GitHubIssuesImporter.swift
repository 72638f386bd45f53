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
/// - `milestone` may be an object (the REST API), a string or a number (other tools' lists).
/// - An issue closed with `state_reason: not_planned` is archived, its reason kept.
/// - `comments` given as a list (author/user, body, createdAt/created_at) become comments;
///   the REST API's comment count is not comments and is ignored.
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
        var board = convert(issues)
        board.history = GitHubHistory.entries(data, board: board)
        return board
    }

    struct Issue: Decodable {
        struct Named: Decodable { var name: String? }
        struct User: Decodable { var login: String }
        /// A milestone as the REST API writes it (an object with `title` and `due_on`) or as
        /// other tools do (github-csv-tools: a string or a number, its title).
        struct Milestone: Decodable {
            var title: String
            var due_on: String?
            private enum Keys: String, CodingKey { case title, due_on }
            init(from decoder: Decoder) throws {
                if let one = try? decoder.singleValueContainer() {
                    if let text = try? one.decode(String.self) { title = text; return }
                    if let n = try? one.decode(Double.self) { title = n.pointsText; return }
                }
                let c = try decoder.container(keyedBy: Keys.self)
                title = try c.decode(String.self, forKey: .title)
                due_on = try c.decodeIfPresent(String.self, forKey: .due_on)
            }
        }
        /// Comments as an export may hold them (`gh issue list --json comments`: author, body,
        /// createdAt; or REST-like user, body, created_at). The REST API's count is ignored.
        struct IssueComment: Decodable {
            struct Author: Decodable { var login: String? }
            var author: Author?
            var user: Author?
            var body: String?
            var createdAt: String?
            var created_at: String?
        }
        enum Comments: Decodable {
            case list([IssueComment]), other
            init(from decoder: Decoder) throws {
                if let list = try? [IssueComment](from: decoder) { self = .list(list) } else { self = .other }
            }
        }
        struct Present: Decodable {}
        var number: Int
        var title: String
        var body: String?
        var state: String
        var labels: [Named]?
        var assignees: [User]?
        var assignee: User?
        var milestone: Milestone?
        var state_reason: String?
        var comments: Comments?
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
        var details: [String] = []
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
                if issue.state_reason == "not_planned" {
                    item.archived = true
                    item.archivedReason = "closed as not planned on GitHub"
                }
                if case .list(let list)? = issue.comments {
                    for (k, c) in list.enumerated() {
                        guard let body = c.body, !body.isEmpty else { continue }
                        guard let at = (c.createdAt ?? c.created_at).flatMap(ISODate.parse) else {
                            details.append("#\(issue.number): comment \(k + 1) has no readable time, left out"); continue
                        }
                        item.comments.append(Comment(author: c.author?.login ?? c.user?.login ?? "unknown", at: at,
                                                     text: body.replacingOccurrences(of: "\r\n", with: "\n")))
                    }
                    item.comments = Item.sortedComments(item.comments)
                }
                items.append(item)
            }
        }
        let prs = all.count - issues.count
        for issue in all where issue.pull_request != nil { details.append("#\(issue.number): a pull request, not an issue") }
        var summary = ImportSummary(source: "GitHub", stages: stages.count, closedStages: 0, items: items.count,
                                    archivedItems: items.filter(\.archived).count, labelUses: labelUses, people: people.count,
                                    notImported: prs == 0 ? [] : ["\(prs) pull \(prs == 1 ? "request" : "requests")"],
                                    releases: releases.count, itemWords: ("issue", "issues"), stageWords: ("stage", "stages"))
        summary.details = details
        return ImportedBoard(name: "GitHub issues", stages: stages, items: items, labels: labels, people: people,
                             releases: releases, summary: summary,
                             sourceFields: SourceField.basic.union([.labels, .assignees, .release, .links, .comments]))
    }

    private static func stageID(_ issue: Issue) -> String { issue.state == "closed" ? "closed" : "open" }
}
