import CSV
import Foundation

/// Reads any CSV into an `ImportedBoard`, either through a column map (`docket import FILE
/// --map title=Name,stage=Status,…`) or, when the header is exactly Docket's own export header
/// (`ItemListJSON.keys`, as written by `docket export --format csv` / `docket list --format
/// csv`), losslessly without a map.
///
/// With a map (Docket field → column header):
/// - `title` is required; the other fields are those of `ItemFieldSetter.fields` plus `id`.
/// - Stages come from the `stage` column in first-seen order (one `Imported` stage without it).
/// - Ids are stable, so importing the same file again updates the items it made: the `id`
///   column's key when it is a valid id (`ItemID.isValid`), else an id derived from the key;
///   without a key, an id derived from the title and how many rows before had that title.
/// - A row with more or fewer cells than the header (a truncated file) is skipped and listed.
/// - Values are checked as `docket set` checks them (`ItemFieldSetter`): a bad value (points,
///   date, priority…) leaves only that field empty and is named with its line in the
///   summary's `details`; a row without a title is skipped. Lists (labels, assignees) are
///   split on commas. Numbers take a decimal comma (`1,5`) when the file is `;`-separated
///   or `decimalComma` says so (`--decimal ,`).
/// - A header named twice: the description joins every such column's cells (blank lines
///   between), labels and assignees join theirs; for other fields the first column is read
///   and the others are named. Every column not read is named in `details`.
///
/// Reading is as for Jira (`JiraCSVImport`): UTF-8 with an optional BOM, `,` `;` or tab
/// delimiters, quoted cells with line breaks, an error naming the line of an unclosed quote.
public enum GenericCSVImport {
    /// The fields a map may name.
    public static let mappableFields = ["id"] + ItemFieldSetter.fields.filter { $0 != "parent" }

    /// Parses `data` with `map` (field → column header). With an empty map the header must be
    /// Docket's export header. Throws `BoardFileError` for unreadable CSV, a map naming a
    /// column that is not in the header (the title column included), or an unknown field.
    public static func parse(_ data: Data, path: String = "CSV file", map: [String: String],
                             decimalComma: Bool? = nil) throws -> ImportedBoard {
        let (header, rows) = try read(data, path: path)
        if isDocketHeader(header) {
            return try docketCSV(header: header, rows: rows, path: path)
        }
        guard !map.isEmpty else {
            throw BoardFileError(path: path, line: 1, column: 1,
                                 message: "not Docket's CSV export: pass --map title=COLUMN,… naming the columns (the header has: \(describe(header: header)))")
        }
        // A `;`-separated file is a European spreadsheet's: its decimal mark is a comma.
        let comma = decimalComma ?? (JiraCSVImport.detectDelimiter(String(decoding: data.prefix(65536), as: UTF8.self)) == ";")
        return try mapped(header: header, rows: rows, path: path, map: map, decimalComma: comma)
    }

    /// True when the first line of `data` is Docket's export header.
    public static func isDocketCSV(_ data: Data) -> Bool {
        guard let header = try? headerRow(data) else { return false }
        return isDocketHeader(header)
    }

    /// Docket's export header: its keys in order, or an older export's (without some of the
    /// keys added since, such as `sprints`): `id` first, `title` and `created` present, every
    /// column a key.
    static func isDocketHeader(_ header: [String]) -> Bool {
        header == ItemListJSON.keys || (header.first == "id" && header.contains("title") && header.contains("created")
            && Set(header).count == header.count && Set(header).isSubset(of: ItemListJSON.keys))
    }

    /// The header row's cells (trimmed), for messages and detection.
    public static func headerRow(_ data: Data) throws -> [String] {
        var text = String(decoding: data.prefix(65536), as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let firstLine = String(text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" })
        let reader = try CSVReader(string: firstLine, hasHeaderRow: false, delimiter: JiraCSVImport.detectDelimiter(firstLine))
        return (reader.next() ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// A header's column names for a message, comma-separated: at most `maxNames` names and
    /// about `maxCharacters` characters (each name cut too), then `…` when more were left out.
    public static func describe(header: [String], maxNames: Int = 10, maxCharacters: Int = 200) -> String {
        var out = ""
        for (n, raw) in header.enumerated() {
            let name = raw.count > 40 ? String(raw.prefix(39)) + "…" : raw
            let next = (n == 0 ? "" : ", ") + name
            if n == maxNames || out.count + next.count > maxCharacters { return out + (n == 0 ? "…" : ", …") }
            out += next
        }
        return out
    }

    /// Parses `title=Name,stage=Status` into field → column. Throws for a part without `=`.
    public static func parseMap(_ text: String) throws -> [String: String] {
        var map: [String: String] = [:]
        for part in text.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, !kv[0].isEmpty, !kv[1].isEmpty else {
                throw DocketError.invalidValue(field: "map", value: String(part), expected: "FIELD=COLUMN pairs separated by commas")
            }
            map[kv[0]] = kv[1]
        }
        return map
    }

    // MARK: - Reading

    /// The header (cells trimmed) and the other records with their first line; see `CSVText.read`.
    public static func read(_ data: Data, path: String) throws -> (header: [String], rows: [(line: Int, cells: [String])]) {
        try CSVText.read(data, path: path)
    }

    // MARK: - Mapped CSV

    /// Fields whose cells, when the mapped header names several columns, are joined (in
    /// column order): the description by blank lines, lists by commas.
    static let joinedFields: [String: String] = ["description": "\n\n", "labels": ",", "assignees": ","]
    /// Fields that hold numbers (a decimal comma is read in them when the file uses one).
    static let numberFields: Set = ["points", "reach", "impact", "confidence", "effort", "value", "criticality", "risk", "size", "votes"]

    private static func mapped(header: [String], rows: [(line: Int, cells: [String])], path: String,
                               map: [String: String], decimalComma: Bool) throws -> ImportedBoard {
        var column: [String: Int] = [:]
        var columns: [String: [Int]] = [:]
        for (field, name) in map.sorted(by: { $0.key < $1.key }) {
            guard mappableFields.contains(field) else {
                throw BoardFileError(path: path, line: 1, column: 1,
                                     message: "--map: unknown field \(field) (fields: \(mappableFields.joined(separator: ", ")))")
            }
            guard let i = header.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
                throw BoardFileError(path: path, line: 1, column: 1,
                                     message: "--map: no column \"\(name)\" for \(field) (the header has: \(describe(header: header)))")
            }
            column[field] = i
            columns[field] = header.indices.filter { header[$0].lowercased() == name.lowercased() }
        }
        // Every column that is not read is named: unmapped ones, and extra copies of a
        // repeated header that a one-value field cannot hold.
        var details: [String] = []
        let used = Set(columns.flatMap { f, idx in joinedFields[f] != nil ? idx : [idx[0]] })
        for i in header.indices where !used.contains(i) {
            let why = columns.first { $0.value.contains(i) }.map { "a second \"\(header[i])\" column; \($0.key) is read from column \($0.value[0] + 1)" }
                ?? "not in --map"
            details.append("column \(i + 1) \"\(header[i])\": \(why)")
        }
        guard column["title"] != nil else {
            throw BoardFileError(path: path, line: 1, column: 1,
                                 message: "--map must name the title column, e.g. title=\(describe(header: Array(header.prefix(1)))) (the header has: \(describe(header: header)))")
        }
        func cell(_ row: [String], _ field: String) -> String {
            guard let i = column[field], i < row.count else { return "" }
            if let glue = joinedFields[field], let all = columns[field], all.count > 1 {
                return all.map { $0 < row.count ? row[$0].trimmingCharacters(in: .whitespacesAndNewlines) : "" }
                    .filter { !$0.isEmpty }.joined(separator: glue)
            }
            let text = row[i].trimmingCharacters(in: .whitespacesAndNewlines)
            if decimalComma, numberFields.contains(field), text.contains(",") {
                return text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
            }
            return text
        }

        let scratch = Board(name: "", stages: [])
        let (rows, ragged) = CSVText.dropRagged(rows, headerCount: header.count)
        var skipped = ragged
        var stages: [Stage] = []
        var stageID: [String: String] = [:]
        var ids = ImportIDs()
        var kept: [(item: Item, stageName: String)] = []
        var labelUses: [String: Int] = [:]
        var labels: [Label] = [], people: [Person] = [], releases: [Release] = []
        for r in rows {
            var item = Item(id: "", title: "", stage: "", rank: "", created: 0)
            guard !cell(r.cells, "title").isEmpty else { skipped.append("line \(r.line): no title"); continue }
            // A bad value leaves only its field empty, and is named.
            for field in column.keys.sorted() where field != "id" && field != "stage" {
                do {
                    try ItemFieldSetter.set(field, to: cell(r.cells, field), on: &item, board: scratch)
                } catch let DocketError.invalidValue(field, value, expected) {
                    details.append("line \(r.line): \(field) \"\(value)\" is not \(expected), left empty")
                } catch {
                    details.append("line \(r.line): \(field): \(error), left empty")
                }
            }
            // Stable ids, so importing the file again updates these items: the key (or an id
            // derived from it), else one derived from the title and its occurrence count.
            let key = cell(r.cells, "id")
            item.id = key.isEmpty ? ids.derived("title\u{1}\(item.title)") : ids.id(forKey: key)
            let stageName = cell(r.cells, "stage").isEmpty ? "Imported" : cell(r.cells, "stage")
            if stageID[stageName] == nil {
                let s = Stage(id: StageNaming.id(forName: stageName, avoiding: Set(stages.map(\.id))), name: stageName,
                              kind: StageNaming.kind(forName: stageName, isFirst: stages.isEmpty))
                stages.append(s)
                stageID[stageName] = s.id
            }
            item.stage = stageID[stageName]!
            for l in item.labels {
                labelUses[l, default: 0] += 1
                if !labels.contains(where: { $0.name == l }) { labels.append(Label(name: l)) }
            }
            for a in item.assignees where !people.contains(where: { $0.handle == a }) { people.append(Person(handle: a)) }
            if let rel = item.release, !releases.contains(where: { $0.name == rel }) { releases.append(Release(name: rel)) }
            kept.append((item, stageName))
        }
        let items = rankByStage(kept.map(\.item), stages: stages)
        var notImported: [String] = []
        if let phrase = CSVText.skippedPhrase(skipped) { notImported.append(phrase) }
        let columnsLeft = details.filter { $0.hasPrefix("column ") }.count, valuesLeft = details.count - columnsLeft
        if columnsLeft > 0 { notImported.append("\(columnsLeft) \(columnsLeft == 1 ? "column" : "columns")") }
        if valuesLeft > 0 { notImported.append("\(valuesLeft) \(valuesLeft == 1 ? "value" : "values")") }
        var summary = ImportSummary(source: "CSV", stages: stages.count, closedStages: 0, items: items.count, archivedItems: 0,
                                    labelUses: labelUses, people: people.count, notImported: notImported,
                                    releases: releases.count, itemWords: ("row", "rows"), stageWords: ("stage", "stages"))
        summary.details = skipped + details
        // A re-import refreshes the mapped fields only (`blockedReason` travels with `blocked`).
        let fields = Set(column.keys.compactMap { SourceField(rawValue: $0 == "blockedReason" ? "blocked" : $0) })
        return ImportedBoard(name: "CSV import", stages: stages, items: items, labels: labels, people: people,
                             releases: releases, summary: summary, sourceFields: fields)
    }

    /// Items stage by stage (stages in order), each stage's items in file order, ranks spread.
    private static func rankByStage(_ list: [Item], stages: [Stage]) -> [Item] {
        var byStage: [String: [Item]] = [:]
        for i in list { byStage[i.stage, default: []].append(i) }
        var out: [Item] = []
        for s in stages {
            let l = byStage[s.id] ?? []
            for (var item, rank) in zip(l, Rank.spread(l.count)) { item.rank = rank; out.append(item) }
        }
        return out
    }

    // MARK: - Docket's own CSV

    /// Splits an exported list cell (joined with `, `) back: before each part that `starts`
    /// accepts. Labels and assignees split on every comma.
    static func splitList(_ text: String, starts: ((Substring) -> Bool)? = nil) -> [String] {
        guard !text.isEmpty else { return [] }
        guard let starts else {
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var parts: [String] = []
        var current = ""
        var rest = Substring(text)
        while let r = rest.range(of: ", ") {
            current += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            if starts(after) { parts.append(current); current = "" } else { current += ", " }
            rest = after
        }
        current += rest
        parts.append(current)
        return parts
    }

    private static func docketCSV(header: [String], rows: [(line: Int, cells: [String])], path: String) throws -> ImportedBoard {
        let col = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var stages: [Stage] = []
        var labels: [Label] = [], people: [Person] = [], releases: [Release] = []
        var labelUses: [String: Int] = [:]
        var items: [Item] = []
        let (rows, ragged) = CSVText.dropRagged(rows, headerCount: header.count)
        var skipped = ragged
        var archived = 0
        var ids = ImportIDs()
        for r in rows {
            func cell(_ key: String) -> String {
                guard let i = col[key], i < r.cells.count else { return "" }
                return r.cells[i]
            }
            func opt(_ key: String) -> String? { cell(key).isEmpty ? nil : cell(key) }
            func fail(_ key: String, _ expected: String) -> String { "line \(r.line): \(key) \"\(cell(key))\" is not \(expected)" }
            var problem: String?
            func number(_ key: String) -> Double? {
                guard let text = opt(key) else { return nil }
                guard let d = Double(text), d.isFinite, d >= 0 else { problem = problem ?? fail(key, "a number ≥ 0"); return nil }
                return d
            }
            guard !cell("title").trimmingCharacters(in: .whitespaces).isEmpty else { skipped.append("line \(r.line): no title"); continue }
            guard let created = ISODate.parse(cell("created")) else { skipped.append(fail("created", "an ISO 8601 time")); continue }
            let updated = ISODate.parse(cell("updated")) ?? created
            guard let type = ItemType(rawValue: cell("type")) else { skipped.append(fail("type", "an item type")); continue }
            var priority: Priority?
            if let p = opt("priority") {
                guard let v = Priority(rawValue: p) ?? Priority(word: p) else { skipped.append(fail("priority", "must, should, could or wont")); continue }
                priority = v
            }
            let stageName = cell("stage"), stageId = opt("stageId") ?? StageNaming.id(forName: stageName, avoiding: [])
            if !stages.contains(where: { $0.id == stageId }) {
                stages.append(Stage(id: stageId, name: stageName.isEmpty ? stageId : stageName,
                                    kind: StageNaming.kind(forName: stageName, isFirst: stages.isEmpty)))
            }
            let id = cell("id").isEmpty ? ids.derived("title\u{1}\(cell("title"))") : ids.id(forKey: cell("id"))
            var item = Item(id: id, title: cell("title"), description: cell("description"), type: type, stage: stageId,
                            rank: cell("rank"), priority: priority, points: number("points"),
                            labels: splitList(cell("labels")), assignees: splitList(cell("assignees")),
                            release: opt("release"), blocked: cell("blocked") == "true", blockedReason: cell("blockedReason"),
                            archived: cell("archived") == "true", created: created, updated: updated)
            if let due = opt("due") {
                guard CalendarDay.isValid(due) else { skipped.append(fail("due", "a date YYYY-MM-DD")); continue }
                item.due = due
            }
            item.requester = opt("requester")
            guard let votes = Int(opt("votes") ?? "0"), votes >= 0 else { skipped.append(fail("votes", "a whole number ≥ 0")); continue }
            item.votes = votes
            item.parent = opt("parent")
            item.duplicateOf = opt("duplicateOf")
            item.snoozedUntil = opt("snoozedUntil")
            item.criteria = splitList(cell("criteria"), starts: { $0.hasPrefix("[x] ") || $0.hasPrefix("[ ] ") }).map {
                Criterion(text: String($0.dropFirst(4)), done: $0.hasPrefix("[x]"))
            }
            item.links = splitList(cell("links"), starts: { s in
                let word = s.prefix { $0 != " " && $0 != "," }
                return word.contains("://") || word.hasPrefix("mailto:")
            }).map { l in
                guard let sp = l.firstIndex(of: " ") else { return Link(url: l) }
                return Link(url: String(l[..<sp]), title: String(l[l.index(after: sp)...]))
            }
            for (key, _) in item.scores.fields { _ = item.scores.set(key, number(key)) }
            item.sprints = cell("sprints").isEmpty ? [] : cell("sprints").components(separatedBy: "; ")
            item.comments = splitList(cell("comments"), starts: { ItemListJSON.comment(fromText: String($0)) != nil })
                .compactMap { ItemListJSON.comment(fromText: $0) }
            item.archivedReason = opt("archivedReason")
            item.archivedList = opt("archivedList")
            if let problem { skipped.append(problem); continue }
            if item.archived { archived += 1 }
            for l in item.labels {
                labelUses[l, default: 0] += 1
                if !labels.contains(where: { $0.name == l }) { labels.append(Label(name: l)) }
            }
            for a in item.assignees where !people.contains(where: { $0.handle == a }) { people.append(Person(handle: a)) }
            if let rel = item.release, !releases.contains(where: { $0.name == rel }) { releases.append(Release(name: rel)) }
            items.append(item)
        }
        // Rows without a rank (hand-written) go after the others of their stage.
        if items.contains(where: { $0.rank.isEmpty }) {
            var byStage: [String: [Int]] = [:]
            for (i, item) in items.enumerated() where item.rank.isEmpty { byStage[item.stage, default: []].append(i) }
            for (stage, idx) in byStage {
                let top = items.filter { $0.stage == stage }.map(\.rank).max() ?? ""
                for (i, rank) in zip(idx, Rank.spread(idx.count)) { items[i].rank = top + rank }
            }
        }
        var notImported: [String] = []
        if let phrase = CSVText.skippedPhrase(skipped) { notImported.append(phrase) }
        var summary = ImportSummary(source: "Docket CSV", stages: stages.count, closedStages: 0, items: items.count,
                                    archivedItems: archived, labelUses: labelUses, people: people.count, notImported: notImported,
                                    releases: releases.count, itemWords: ("item", "items"), stageWords: ("stage", "stages"))
        summary.details = skipped
        return ImportedBoard(name: "CSV import", stages: stages, items: items, labels: labels, people: people,
                             releases: releases, summary: summary, sourceFields: Set(SourceField.allCases))
    }
}
