import CSV
import Foundation

/// Reads a Jira CSV export (Jira Cloud "Export issues → CSV (all fields)"), in English or
/// Spanish, into an `ImportedBoard`.
///
/// How Jira maps onto Docket:
/// - **Columns are found by header name**, English or Spanish (`Summary`/`Resumen`,
///   `Issue key`/`Clave de incidencia`, `Status`/`Estado`…). Repeated headers (`Labels` ×4,
///   `Sprint` ×3, `Fix Version/s`) are all read. Story points come from the first column whose
///   header says `Story Points` or `Story point estimate`.
/// - **Statuses → stages**, ordered by status category (to do → in progress → done), within
///   a category in first-seen order, statuses named like a later step (review, QA, test,
///   approval: `laterStep`) after the others. The kind comes from
///   `Status Category` / `Categoría de estado` when present (To Do, In Progress, Done), else
///   from the name (`StageNaming.kind`, plus Spanish "en curso", "hecho", "listo"…).
/// - **Issues → items**: summary → title, description, issue type (Bug → bug, Epic → epic,
///   Story/Historia → story, Task/Subtask/Tarea/Subtarea → chore), priority (`priorityMap`),
///   assignee → assignees, reporter → requester, CRLF inside cells made LF, created/updated/due dates, labels (a cell
///   holding `a,b` gives two labels), the last fix version → release, parent key → parent
///   when the parent is an epic in the same file. The issue key is the item id when
///   `ItemID.isValid` accepts it (else an id derived from the key, or from the summary when
///   there is no key), so a re-import updates the same items.
/// - A row with more or fewer cells than the header (a truncated file) is skipped and listed.
/// - `Sprint` columns → `sprints` (each cell one name, commas kept); `Comment` columns
///   (`date;author;text`) → comments, the author's account id named from the Assignee/
///   Reporter/Creator (Id) columns when it can be.
/// - **Not kept**, named in `ImportSummary.notImported`: parents that are not epics of the
///   file, rows without a summary, points that are not a number (the field only) and comments
///   not in the `date;author;text` form (by line number and key).
public enum JiraCSVImport {
    /// Jira priority name (lower case, English) → MoSCoW priority.
    public static let priorityMap: [(jira: String, priority: Priority)] = [
        ("highest", .must), ("high", .must), ("medium", .should), ("low", .could), ("lowest", .wont),
    ]

    /// The mapping of priorities as printed in the summary.
    public static let priorityNote = "Priorities: Highest, High → must; Medium → should; Low → could; Lowest → won't."

    /// Parses the CSV text in `data`. `path` names the file in error messages.
    ///
    /// Throws `BoardFileError` (path, line, message) when the bytes are not UTF-8, a quoted
    /// cell is never closed (the line where it opens), or the header row lacks a summary or
    /// issue key column ("not a Jira CSV export").
    public static func parse(_ data: Data, path: String = "Jira export") throws -> ImportedBoard {
        // Reading (UTF-8, BOM, delimiter, quotes, line numbers) is shared with the generic CSV import.
        let (header, rows) = try GenericCSVImport.read(data, path: path)
        let columns = Columns(header: header)
        guard columns.summary != nil, columns.key != nil else {
            throw BoardFileError(path: path, line: 1, column: 1,
                                 message: "not a Jira CSV export: the first line has no Summary/Resumen and Issue key/Clave de incidencia columns")
        }
        let (kept, ragged) = CSVText.dropRagged(rows, headerCount: header.count)
        var board = convert(rows: kept, columns: columns, ragged: ragged)
        board.history = JiraHistory.entries(header: header, rows: kept, board: board)
        return board
    }

    // MARK: - Columns

    /// Column indices found by header name (English and Spanish).
    struct Columns {
        var summary, key, type, status, category, priority, assignee, reporter, description: Int?
        var created, updated, due, points, parent: Int?
        /// (name column, account id column) pairs, to name comment authors.
        var accounts: [(name: Int, id: Int)] = []
        var labels: [Int] = [], sprints: [Int] = [], fixVersions: [Int] = [], comments: [Int] = []

        init(header: [String]) {
            let lower = header.map { $0.lowercased() }
            func first(_ names: String...) -> Int? { lower.firstIndex { names.contains($0) } }
            func all(_ names: String...) -> [Int] { lower.indices.filter { names.contains(lower[$0]) } }
            summary = first("summary", "resumen")
            key = first("issue key", "clave de incidencia", "clave de la incidencia")
            type = first("issue type", "tipo de incidencia")
            status = first("status", "estado")
            category = first("status category", "categoría de estado")
            priority = first("priority", "prioridad")
            assignee = first("assignee", "persona asignada")
            reporter = first("reporter", "informador")
            description = first("description", "descripción")
            created = first("created", "creada")
            updated = first("updated", "actualizada")
            due = first("due date", "due", "fecha de vencimiento", "fecha límite")
            parent = first("parent key", "clave principal", "epic link", "enlace de épica")
            labels = all("labels", "etiquetas")
            sprints = all("sprint")
            fixVersions = all("fix version/s", "fix versions", "versiones de corrección", "versión de corrección")
            comments = all("comment", "comentario")
            points = lower.firstIndex { $0.contains("story points") || $0.contains("story point estimate") }
            for role in ["assignee", "reporter", "creator"] {
                if let n = first(role), let i = first(role + " id") { accounts.append((n, i)) }
            }
        }
    }

    // MARK: - Conversion

    private static func convert(rows: [(line: Int, cells: [String])], columns c: Columns, ragged: [String]) -> ImportedBoard {
        @Sendable func cell(_ row: [String], _ i: Int?) -> String {
            guard let i, i < row.count else { return "" }
            return CellText.trimmed(row[i])
        }
        @Sendable func cells(_ row: [String], _ idx: [Int]) -> [String] {
            idx.map { cell(row, $0) }.filter { !$0.isEmpty }
        }

        var skipped = ragged
        var kept: [(line: Int, cells: [String])] = []
        for r in rows {
            if cell(r.cells, c.summary).isEmpty { skipped.append("line \(r.line): no summary") } else { kept.append(r) }
        }

        // Stages: by status category (to do → in progress → done), first-seen order within one.
        var statusNames: [String] = []
        var kindOf: [String: StageKind] = [:]
        for r in kept {
            let name = cell(r.cells, c.status).isEmpty ? "No status" : cell(r.cells, c.status)
            if kindOf[name] == nil {
                statusNames.append(name)
                kindOf[name] = kind(status: name, category: cell(r.cells, c.category))
            }
        }
        let categoryOrder: [StageKind: Int] = [.inbox: 0, .todo: 0, .doing: 1, .done: 2]
        let key = { (n: Int, name: String) in (categoryOrder[kindOf[name]!]!, laterStep(name) ? 1 : 0, n) }
        statusNames = statusNames.enumerated().sorted { key($0.offset, $0.element) < key($1.offset, $1.element) }.map(\.element)
        var stages: [Stage] = []
        var stageID: [String: String] = [:]
        for name in statusNames {
            let stage = Stage(id: StageNaming.id(forName: name, avoiding: Set(stages.map(\.id))), name: name, kind: kindOf[name]!)
            stages.append(stage)
            stageID[name] = stage.id
        }

        // Keys and types first, to know which parents are epics of this file.
        var idMaker = ImportIDs()
        var ids: [String] = [], types: [ItemType] = []
        var typeOfKey: [String: ItemType] = [:]
        ids.reserveCapacity(kept.count); types.reserveCapacity(kept.count)
        typeOfKey.reserveCapacity(kept.count)
        for r in kept {
            // Stable ids: the key, one derived from it when it is not a valid id, or one
            // derived from the summary when the row has no key.
            let key = cell(r.cells, c.key)
            ids.append(key.isEmpty ? idMaker.derived("summary\u{1}\(cell(r.cells, c.summary))") : idMaker.id(forKey: key))
            let type = itemType(cell(r.cells, c.type))
            types.append(type)
            typeOfKey[key] = type
        }

        var people: [Person] = []
        var labels: [Label] = []
        var releases: [Release] = []
        var labelUses: [String: Int] = [:]
        var droppedParents = 0
        var dropped: [String] = []
        // Jira account id → display name, for comment authors.
        var accountName: [String: String] = [:]
        for r in kept {
            for (n, i) in c.accounts where !cell(r.cells, i).isEmpty && !cell(r.cells, n).isEmpty {
                accountName[cell(r.cells, i)] = cell(r.cells, n)
            }
        }
        let authorNames = accountName
        func person(_ name: String) -> String? {
            guard !name.isEmpty else { return nil }
            let handle = handleFor(name)
            if !people.contains(where: { $0.handle == handle }) {
                people.append(Person(handle: handle, name: handle == name ? nil : name))
            }
            return handle
        }

        // Each row's item is built in parallel (nothing shared is written); labels, releases and
        // people are then registered in row order, as before.
        struct Built: Sendable { var item: Item; var assignee: String; var versions: [String]; var problems: [String]; var droppedParent: Bool }
        let rows = kept, rowIDs = ids, rowTypes = types, stageOf = stageID, epicKeys = typeOfKey
        let built = Parallel.map(rows.count) { n -> Built in
            let row = rows[n].cells, id = rowIDs[n]
            let status = cell(row, c.status).isEmpty ? "No status" : cell(row, c.status)
            var names: [String] = []
            for raw in cells(row, c.labels) {
                for part in raw.split(separator: ",") {
                    let name = CellText.trimmed(part)
                    if !name.isEmpty, !names.contains(name) { names.append(name) }
                }
            }
            let versions = cells(row, c.fixVersions)
            let created = JiraDate.parse(cell(row, c.created)) ?? 0
            let updated = JiraDate.parse(cell(row, c.updated)) ?? created
            var problems: [String] = []
            let pointsText = cell(row, c.points)
            let pts = DecimalText.points(pointsText, decimalComma: true)
            if pts == nil, !pointsText.isEmpty { problems.append("line \(rows[n].line) (\(id)): points \"\(pointsText)\" is not a number ≥ 0, left empty") }
            let prioText = cell(row, c.priority).lowercased()
            let prio = priorityMap.first { $0.jira == prioText }?.priority
            let assignee = cell(row, c.assignee)
            var item = Item(id: id, title: cell(row, c.summary), description: cell(row, c.description),
                            type: rowTypes[n], stage: stageOf[status]!, rank: "",
                            priority: prio, points: pts, labels: names,
                            assignees: assignee.isEmpty ? [] : [handleFor(assignee)],
                            release: versions.last, created: created, updated: updated)
            item.requester = cell(row, c.reporter).isEmpty ? nil : cell(row, c.reporter)
            item.due = JiraDate.parse(cell(row, c.due)).map(ISODate.formatDay)
            item.sprints = cells(row, c.sprints)
            for text in cells(row, c.comments) {
                if let comment = comment(text, names: authorNames) { item.comments.append(comment) } else {
                    problems.append("line \(rows[n].line) (\(id)): a comment not in the form date;author;text")
                }
            }
            item.comments = Item.sortedComments(item.comments)
            let parentKey = cell(row, c.parent)
            var dropped = false
            if !parentKey.isEmpty {
                if epicKeys[parentKey] == .epic, ItemID.isValid(parentKey), parentKey != id { item.parent = parentKey } else { dropped = true }
            }
            return Built(item: item, assignee: assignee, versions: versions,
                         problems: problems, droppedParent: dropped)
        }
        var byStage: [String: [Item]] = [:]
        for b in built {
            for name in b.item.labels {
                labelUses[name, default: 0] += 1
                if labelUses[name] == 1 { labels.append(Label(name: name)) }
            }
            for v in b.versions where !releases.contains(where: { $0.name == v }) { releases.append(Release(name: v)) }
            dropped += b.problems
            if b.droppedParent { droppedParents += 1 }
            _ = person(b.assignee)
            byStage[b.item.stage, default: []].append(b.item)
        }
        var items: [Item] = []
        for s in stages {
            let list = byStage[s.id] ?? []
            for (var item, rank) in zip(list, Rank.spread(list.count)) { item.rank = rank; items.append(item) }
        }

        var notImported = [
            droppedParents == 0 ? nil : "\(droppedParents) \(droppedParents == 1 ? "parent link" : "parent links") to issues that are not epics of the file",
        ].compactMap { $0 }
        if let phrase = CSVText.skippedPhrase(skipped) { notImported.append(phrase) }
        if !dropped.isEmpty { notImported.append("\(dropped.count) \(dropped.count == 1 ? "value" : "values") left out") }
        var summary = ImportSummary(source: "Jira", stages: stages.count, closedStages: 0, items: items.count,
                                    archivedItems: 0, labelUses: labelUses, people: people.count, notImported: notImported,
                                    releases: releases.count, notes: [priorityNote],
                                    itemWords: ("issue", "issues"), stageWords: ("status", "statuses"))
        summary.details = skipped + dropped
        // A re-import refreshes what the export has columns for.
        let present: [(Int?, SourceField)] = [(c.type, .type), (c.priority, .priority), (c.points, .points),
                                              (c.assignee, .assignees), (c.reporter, .requester), (c.due, .due),
                                              (c.parent, .parent), (c.labels.first, .labels), (c.fixVersions.first, .release),
                                              (c.sprints.first, .sprints), (c.comments.first, .comments)]
        let fields = SourceField.basic.union(present.compactMap { $0.0 == nil ? nil : $0.1 })
        return ImportedBoard(name: "Jira import", stages: stages, items: items, labels: labels, people: people,
                             releases: releases, summary: summary, sourceFields: fields)
    }

    /// Whether a status names a later step of its category (review, QA, testing, approval…),
    /// which then goes after the category's other statuses: `In Review` after `In Progress`.
    static func laterStep(_ status: String) -> Bool {
        let lower = status.lowercased()
        return ["review", "qa", "test", "verif", "approv", "staging", "revisión", "prueba"].contains { lower.contains($0) }
    }

    /// A Jira `Comment` cell: `date;author;text` (`13/Mar/26 11:03 AM;712020:…;text`), the
    /// author an account id named by `names` when the export has its name. Nil when the cell
    /// is not in that form.
    static func comment(_ text: String, names: [String: String]) -> Comment? {
        let parts = text.split(separator: ";", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let at = JiraDate.parse(String(parts[0])) else { return nil }
        let author = CellText.trimmed(parts[1])
        return Comment(author: names[author] ?? author, at: at, text: String(parts[2]))
    }

    /// The stage kind for a Jira status: from its status category when the export has one,
    /// else from its name.
    static func kind(status: String, category: String) -> StageKind {
        switch category.lowercased() {
        case "done", "listo", "hecho", "finalizada", "terminado": return .done
        case "in progress", "en curso", "en progreso": return .doing
        case "to do", "por hacer", "tareas por hacer": return .todo
        default: break
        }
        let lower = status.lowercased()
        if ["hecho", "listo", "finalizado", "finalizada", "terminado", "cerrado", "resuelto"].contains(where: lower.contains) { return .done }
        if ["en curso", "en progreso", "en revisión", "revisión"].contains(where: lower.contains) { return .doing }
        let k = StageNaming.kind(forName: status, isFirst: false)
        return k == .inbox ? .todo : k
    }

    /// Jira's issue type (English or Spanish) → Docket's type.
    static func itemType(_ name: String) -> ItemType {
        switch name.lowercased() {
        case "bug", "error", "defect", "defecto": return .bug
        case "epic", "épica", "epica": return .epic
        case "task", "subtask", "sub-task", "tarea", "subtarea", "sub-tarea": return .chore
        case "spike": return .spike
        default: return .story
        }
    }

    /// A handle for a display name: lower case, runs of other characters than letters and
    /// digits as one `-` ("Person 01" → `person-01`).
    static func handleFor(_ name: String) -> String {
        StageNaming.id(forName: name, avoiding: [])
    }

    /// `;` or a tab when the first line has one of them and no comma; else `,`.
    static func detectDelimiter(_ text: String) -> UnicodeScalar {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        if firstLine.contains(",") { return "," }
        if firstLine.contains(";") { return ";" }
        if firstLine.contains("\t") { return "\t" }
        return ","
    }

    /// The 1-based line and the UTF-8 offset at which each record starts (reading quotes as
    /// CSVReader does). Throws when a quoted cell is never closed.
    static func recordStarts(_ text: String, delimiter: UnicodeScalar, path: String) throws -> (lines: [Int], offsets: [Int]) {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let delim = UInt8(delimiter.value)
        var starts: [Int] = [], offsets: [Int] = []
        var line = 1
        var atRecordStart = true, atFieldStart = true, inQuotes = false
        var quoteLine = 0
        var u = Array(text.utf8)
        u.append(0)  // sentinel
        var i = 0
        let n = u.count - 1
        while i < n {
            let b = u[i]
            if atRecordStart { starts.append(line); offsets.append(i); atRecordStart = false }
            if inQuotes {
                if b == quote {
                    let next = u[i + 1]
                    if next == quote { i += 2; continue }
                    if next == delim || next == lf || next == cr || i + 1 == n { inQuotes = false }
                } else if b == lf { line += 1 }
                i += 1
                continue
            }
            if b == quote, atFieldStart { inQuotes = true; quoteLine = line; atFieldStart = false }
            else if b == delim { atFieldStart = true }
            else if b == lf || b == cr {
                if b == cr, u[i + 1] == lf { i += 1 }
                line += 1
                atRecordStart = true; atFieldStart = true
            } else { atFieldStart = false }
            i += 1
        }
        if inQuotes {
            throw BoardFileError(path: path, line: quoteLine, column: 0,
                                 message: "a quoted cell opened on line \(quoteLine) is never closed (missing \")")
        }
        return (starts, offsets)
    }

    /// The line of the first byte that is not valid UTF-8 (1 when unknown).
    static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var it = data.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &it) {
            case .valid(let s): if s.count == 1, s.first == 10 { line += 1 }
            case .error: return line
            case .emptyInput: return line
            }
        }
    }
}

/// Jira's export dates: `05/Mar/26 1:38 PM` (`dd/MMM/yy h:mm a`), with English or Spanish
/// month abbreviations in any case (`10/nov/25 4:51 PM`, `dic`, `ene`, `ago`), read as UTC.
public enum JiraDate {
    static let months: [String: Int64] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
        "ene": 1, "abr": 4, "ago": 8, "set": 9, "dic": 12, "sept": 9,
    ]

    /// Seconds since epoch for `dd/MMM/yy h:mm AM|PM` (also a 4-digit year, a 24-hour time
    /// without AM/PM, or a date alone; `a. m.`/`p. m.` too); nil when it is not such a date.
    public static func parse(_ text: String) -> Timestamp? {
        // Read byte by byte: an export has two or three dates per row, 100,000 rows and more.
        var bytes = Array(text.utf8)
        // Drop spaces and dots (`p. m.`, `sept.`), fold ASCII letters to lower case.
        bytes.removeAll { $0 == 0x2E }
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
        var p = 0
        func skipSpaces() { while p < bytes.count, bytes[p] == 0x20 || bytes[p] == 0x09 { p += 1 } }
        func number(maxDigits: Int) -> (value: Int64, digits: Int)? {
            var v: Int64 = 0, n = 0
            while p < bytes.count, n < maxDigits, bytes[p] >= 0x30, bytes[p] <= 0x39 { v = v * 10 + Int64(bytes[p] - 0x30); p += 1; n += 1 }
            return n == 0 ? nil : (v, n)
        }
        func expect(_ b: UInt8) -> Bool { if p < bytes.count, bytes[p] == b { p += 1; return true }; return false }
        skipSpaces()
        guard let d = number(maxDigits: 2), (1...31).contains(d.value), expect(0x2F) else { return nil }
        let monthStart = p
        while p < bytes.count, bytes[p] >= 0x61, bytes[p] <= 0x7A { p += 1 }
        guard let m = months[String(decoding: bytes[monthStart..<p], as: UTF8.self)], expect(0x2F),
              let yy = number(maxDigits: 4), yy.digits == 2 || yy.digits == 4 else { return nil }
        let y = yy.digits == 2 ? yy.value + 2000 : yy.value
        var secs: Int64 = 0
        skipSpaces()
        if p < bytes.count {
            guard var h = number(maxDigits: 2), expect(0x3A), let mi = number(maxDigits: 2),
                  (0...23).contains(h.value), (0...59).contains(mi.value) else { return nil }
            if expect(0x3A) { guard number(maxDigits: 2) != nil else { return nil } }  // seconds
            skipSpaces()
            if p < bytes.count {  // `AM`, `pm`, `p. m.`
                let pm = bytes[p] == 0x70
                guard bytes[p] == 0x61 || pm, (1...12).contains(h.value) else { return nil }
                p += 1
                skipSpaces()
                guard expect(0x6D) else { return nil }
                skipSpaces()
                guard p == bytes.count else { return nil }
                h.value = h.value % 12 + (pm ? 12 : 0)
            }
            secs = h.value * 3600 + mi.value * 60
        }
        return ISODate.days(y, m, d.value) * 86400 + secs
    }
}
