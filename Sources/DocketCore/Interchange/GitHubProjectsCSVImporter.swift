import Foundation

/// Reads a GitHub Projects CSV ("Export view" of a project table: `Title,URL,Assignees,
/// Status,Labels,Linked pull requests,Milestone,Repository`, plus the project's custom fields
/// such as `Estimate`, `Size`, `Priority`, `Iteration`) into an `ImportedBoard`.
///
/// How a project maps onto Docket (columns are found by name, any case, in any order):
/// - **Status → stages** in first-seen order (`No Status` when empty), kinds from the names
///   (`StageNaming`).
/// - **Rows → items**: title; labels and assignees split on commas (a label named bug,
///   defect… makes a bug); milestone → release; URL → a link and the id; linked pull
///   requests → links; `Estimate` / `Story points` / `Points` → points; `Priority` →
///   MoSCoW when it is a MoSCoW word, Jira's Highest…Lowest, Urgent or P0–P3.
/// - **Ids match the REST importer's** (`GitHubIssuesImport`): `gh-N` for the issue or pull
///   request number at the end of the URL, so a Projects CSV and a REST issues list of the
///   same repository update the same items. A draft (no URL) gets an id derived from its
///   title; the same number from a second repository an id derived from its URL.
/// - Rows with no title, or more or fewer cells than the header, are skipped and listed;
///   other columns (`Iteration`, `Size`, `Repository`…) are named in "not imported".
public enum GitHubProjectsCSVImport {
    /// The mapping of priorities as printed in the summary (when the export has a Priority column).
    public static let priorityNote = "Priorities: Urgent, P0, Highest, High → must; P1, Medium → should; P2, Low → could; P3, Lowest → won't."

    /// True when `header` (a CSV's first row) looks like a GitHub Projects export: it has
    /// `Title` and `Status` and at least one of `URL`, `Repository`, `Assignees`, `Milestone`.
    public static func isProjectsCSV(header: [String]) -> Bool {
        let lower = Set(header.map { $0.lowercased() })
        return lower.contains("title") && lower.contains("status")
            && !lower.isDisjoint(with: ["url", "repository", "assignees", "milestone"])
    }

    /// Parses the CSV in `data`. `path` names the file in error messages.
    ///
    /// Throws `BoardFileError` when the bytes are not UTF-8 or a quoted cell is never closed
    /// (as `CSVText` reads), or when the header is not a GitHub Projects export's.
    public static func parse(_ data: Data, path: String = "GitHub project") throws -> ImportedBoard {
        let (header, allRows) = try CSVText.read(data, path: path)
        let decimalComma = JiraCSVImport.detectDelimiter(String(decoding: data.prefix(65536), as: UTF8.self)) == ";"
        guard isProjectsCSV(header: header) else {
            throw BoardFileError(path: path, line: 1, column: 1,
                                 message: "not a GitHub Projects CSV export: the first line needs Title, Status and URL, Repository, Assignees or Milestone (it has: \(GenericCSVImport.describe(header: header)))")
        }
        let lower = header.map { $0.lowercased() }
        func column(_ names: String...) -> Int? { lower.firstIndex { names.contains($0) } }
        let title = column("title"), status = column("status"), url = column("url"), assignees = column("assignees")
        let labelsColumn = column("labels"), milestone = column("milestone"), prs = column("linked pull requests")
        let points = column("estimate", "story points", "points"), priority = column("priority")
        let used = Set([title, status, url, assignees, labelsColumn, milestone, prs, points, priority].compactMap { $0 })
        let unusedColumns = header.indices.filter { !used.contains($0) && !header[$0].isEmpty }
        let unused = unusedColumns.map { header[$0] }
        var details = unusedColumns.map { "column \($0 + 1) \"\(header[$0])\": not read" }

        let (rows, ragged) = CSVText.dropRagged(allRows, headerCount: header.count)
        var skipped = ragged
        func cell(_ row: [String], _ i: Int?) -> String {
            guard let i, i < row.count else { return "" }
            return CellText.trimmed(row[i])
        }
        var stages: [Stage] = []
        var stageID: [String: String] = [:]
        var labels: [Label] = [], people: [Person] = [], releases: [Release] = []
        var labelUses: [String: Int] = [:]
        var ids = ImportIDs()
        var byStage: [String: [Item]] = [:]
        for r in rows {
            let name = cell(r.cells, title)
            guard !name.isEmpty else { skipped.append("line \(r.line): no title"); continue }
            let stageName = cell(r.cells, status).isEmpty ? "No Status" : cell(r.cells, status)
            if stageID[stageName] == nil {
                let s = Stage(id: StageNaming.id(forName: stageName, avoiding: Set(stages.map(\.id))), name: stageName,
                              kind: StageNaming.kind(forName: stageName, isFirst: stages.isEmpty))
                stages.append(s)
                stageID[stageName] = s.id
            }
            let link = cell(r.cells, url)
            let number = issueNumber(link)
            let id: String
            if let number, !ids.taken.contains("gh-\(number)") { id = ids.id(forKey: "gh-\(number)") }
            else if !link.isEmpty { id = ids.derived("url\u{1}\(link)") }
            else { id = ids.derived("title\u{1}\(name)") }
            let names = GenericCSVImport.splitList(cell(r.cells, labelsColumn))
            for l in names {
                labelUses[l, default: 0] += 1
                if !labels.contains(where: { $0.name == l }) { labels.append(Label(name: l)) }
            }
            let handles = GenericCSVImport.splitList(cell(r.cells, assignees))
            for a in handles where !people.contains(where: { $0.handle == a }) { people.append(Person(handle: a)) }
            let release = cell(r.cells, milestone)
            if !release.isEmpty, !releases.contains(where: { $0.name == release }) { releases.append(Release(name: release)) }
            let pointsText = cell(r.cells, points)
            let pts = DecimalText.points(pointsText, decimalComma: decimalComma)
            if pts == nil, !pointsText.isEmpty { details.append("line \(r.line): points \"\(pointsText)\" is not a number ≥ 0, left empty") }
            var item = Item(id: id, title: name, type: names.contains { TrelloImport.bugLabels.contains($0.lowercased()) } ? .bug : .story,
                            stage: stageID[stageName]!, rank: "", priority: priorityFor(cell(r.cells, priority)),
                            points: pts,
                            labels: names, assignees: handles, release: release.isEmpty ? nil : release, created: 0)
            if !link.isEmpty { item.links = [Link(url: link, title: number.map { "GitHub #\($0)" } ?? "")] }
            for pr in GenericCSVImport.splitList(cell(r.cells, prs)) {
                item.links.append(Link(url: pr, title: issueNumber(pr).map { "PR #\($0)" } ?? ""))
            }
            byStage[item.stage, default: []].append(item)
        }
        var items: [Item] = []
        for s in stages {
            let list = byStage[s.id] ?? []
            for (var item, rank) in zip(list, Rank.spread(list.count)) { item.rank = rank; items.append(item) }
        }
        var notImported: [String] = []
        if !unused.isEmpty { notImported.append("\(unused.count == 1 ? "column" : "columns") " + GenericCSVImport.describe(header: unused)) }
        if let phrase = CSVText.skippedPhrase(skipped) { notImported.append(phrase) }
        let badValues = details.count - unusedColumns.count
        if badValues > 0 { notImported.append("\(badValues) \(badValues == 1 ? "value" : "values")") }
        var summary = ImportSummary(source: "GitHub Projects", stages: stages.count, closedStages: 0, items: items.count,
                                    archivedItems: 0, labelUses: labelUses, people: people.count, notImported: notImported,
                                    releases: releases.count, notes: priority == nil ? [] : [priorityNote],
                                    itemWords: ("item", "items"), stageWords: ("status", "statuses"))
        summary.details = skipped + details
        // A re-import refreshes what the export has columns for.
        let present: [(Int?, SourceField)] = [(assignees, .assignees), (labelsColumn, .labels), (milestone, .release),
                                              (points, .points), (priority, .priority), (url, .links)]
        let fields = SourceField.basic.subtracting([.description])
            .union(present.compactMap { $0.0 == nil ? nil : $0.1 })
        return ImportedBoard(name: "GitHub project", stages: stages, items: items, labels: labels, people: people,
                             releases: releases, summary: summary, sourceFields: fields)
    }

    /// The issue or pull request number at the end of a GitHub URL
    /// (`https://github.com/o/r/issues/12` → 12), nil for other text.
    static func issueNumber(_ url: String) -> Int? {
        let parts = url.split(separator: "/")
        guard parts.count >= 2, parts[parts.count - 2] == "issues" || parts[parts.count - 2] == "pull",
              let n = Int(parts[parts.count - 1]), n > 0 else { return nil }
        return n
    }

    /// MoSCoW for a project's priority value, nil when it is not one we know.
    static func priorityFor(_ text: String) -> Priority? {
        let lower = text.lowercased()
        if lower.isEmpty { return nil }
        if let p = Priority(word: lower) ?? JiraCSVImport.priorityMap.first(where: { $0.jira == lower })?.priority { return p }
        switch lower {
        case "urgent", "critical", "p0": return .must
        case "p1": return .should
        case "p2": return .could
        case "p3", "p4": return .wont
        default: return nil
        }
    }
}
