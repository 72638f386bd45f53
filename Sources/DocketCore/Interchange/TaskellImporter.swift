import Foundation

/// Reads a taskell board (`taskell.md`) or a plain Markdown checklist into an `ImportedBoard`.
///
/// How the Markdown maps onto Docket:
/// - A `# Title` heading (before the first list) names the board (else the file name does).
///   Leading blank lines and HTML comments (`<!-- … -->`, e.g. an SPDX header) are skipped.
/// - Each `## List` heading (any level from 2 down) is a **stage**, kept when empty; its kind
///   is guessed from the name (`StageNaming`), its id made from the name.
/// - Each unindented `- card` / `* card` / `+ card` line is an **item** (id from `ItemID.derived`,
///   ranks spread per stage in file order). Items before any `##` heading go to a stage
///   named `Items`.
/// - Indented lines under an item (taskell writes four spaces):
///   `* [x] text` / `* [ ] text` (or `-`) are **acceptance criteria**; `> text` lines are the
///   **description**, joined with line breaks; `@ YYYY-MM-DD` is the **due date** (only on its
///   own indented line: an `@` inside a title, such as `@NaturalId`, stays in the title); a
///   plain nested bullet (`  * text`) is an item of its own whose `parent` is the item above.
///   Docket's own sub-lines (`MarkdownExport`): `~ name` is a sprint, `% TIME AUTHOR: text` a comment.
/// - Plain Markdown checklists: `- [ ] task` is an open item; `- [x] task` is a **done item,
///   kept under its heading and archived** (so the board shows what is left, and the done
///   ones stay in history and in `--archived` listings).
/// - Other text (paragraphs, `Last updated:` lines) is not imported; each such line is named
///   with its number in the summary's `details`.
public enum TaskellImport {
    /// Parses the Markdown in `data`. `path` names the file in error messages and gives the
    /// board its name when the file has no `# Title`.
    ///
    /// Throws `BoardFileError` when the bytes are not UTF-8 (the line of the first bad byte)
    /// or the text has no headings and no list items.
    public static func parse(_ data: Data, path: String = "taskell.md") throws -> ImportedBoard {
        guard var text = String(data: data, encoding: .utf8) else {
            throw BoardFileError(path: path, line: JiraCSVImport.firstInvalidUTF8Line(data), column: 0,
                                 message: CSVText.notUTF8)
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)

        var name: String?
        var stages: [Stage] = []
        var stageTaken: Set<String> = []
        var items: [Item] = []
        var ids = ImportIDs()
        var currentStage: String?
        var current: Int?           // index in items of the item sub-lines belong to
        var topItem: Int?           // the last unindented item (parent of nested bullets)
        var inComment = false
        var skippedLines = 0
        var details: [String] = []
        var lineNumber = 0
        /// Notes an ignored line: counted, and named with its number and start.
        func skip(_ line: Substring) {
            skippedLines += 1
            let text = line.trimmingCharacters(in: .whitespaces)
            details.append("line \(lineNumber): \"\(text.count > 40 ? text.prefix(39) + "…" : text)\" ignored (not a heading, an item or an item's sub-line)")
        }
        var nested = 0, checklist = 0
        var plainMarkdown = false
        var described: Set<Int> = []   // items that have had a `>` line

        func addStage(_ stageName: String) -> String {
            let id = StageNaming.id(forName: stageName, avoiding: stageTaken)
            stageTaken.insert(id)
            stages.append(Stage(id: id, name: stageName, kind: StageNaming.kind(forName: stageName, isFirst: stages.isEmpty)))
            return id
        }
        func addItem(_ title: String, archived: Bool, parent: String?) -> Int {
            let stage = currentStage ?? { let id = addStage("Items"); currentStage = id; return id }()
            // Markdown has no keys: the id is derived from the list and the title (and how many
            // cards before had both), so importing the same file again finds the same items.
            let id = ids.derived("\(stage)\u{1}\(title)")
            var item = Item(id: id, title: title.isEmpty ? "(untitled)" : title, stage: stage, rank: "",
                            archived: archived, created: 0)
            item.parent = parent
            items.append(item)
            return items.count - 1
        }

        for raw in lines {
            lineNumber += 1
            var line = Substring(raw)
            if inComment {
                if let end = line.range(of: "-->") { inComment = false; line = line[end.upperBound...] } else { continue }
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("<!--") {
                if !trimmed.contains("-->") { inComment = true }
                continue
            }
            let indented = line.first == " " || line.first == "\t"
            if !indented, let (level, heading) = heading(trimmed) {
                if level == 1 && stages.isEmpty && name == nil { name = heading; continue }
                currentStage = addStage(heading)
                current = nil; topItem = nil
                continue
            }
            if !indented, let rest = bullet(trimmed) {
                if let (done, title) = checkbox(rest) {
                    checklist += 1; plainMarkdown = true
                    current = addItem(title, archived: done, parent: nil)
                } else {
                    if trimmed.first != "-" { plainMarkdown = true }
                    current = addItem(rest, archived: false, parent: nil)
                }
                topItem = current
                continue
            }
            guard indented, let i = current else { skip(line); plainMarkdown = true; continue }
            if trimmed.hasPrefix(">") {
                // The line as written after `> ` (trailing spaces kept).
                var body = line[line.index(after: line.firstIndex(of: ">")!)...]
                if body.first == " " { body = body.dropFirst() }
                if described.insert(i).inserted {
                    items[i].description = String(body)
                } else {
                    items[i].description += "\n" + body
                }
            } else if trimmed.hasPrefix("@"), let due = dueDate(trimmed) {
                items[i].due = due
            } else if trimmed.hasPrefix("~ ") {
                items[i].sprints.append(String(trimmed.dropFirst(2)))
            } else if trimmed.hasPrefix("% "), let comment = ItemListJSON.comment(fromText: String(trimmed.dropFirst(2))) {
                items[i].comments.append(comment)
            } else if let rest = bullet(trimmed) {
                if let (done, text) = checkbox(rest) {
                    items[i].criteria.append(Criterion(text: text, done: done))
                } else if let top = topItem {
                    plainMarkdown = true; nested += 1
                    current = addItem(rest, archived: false, parent: items[top].id)
                } else {
                    skip(line)
                }
            } else {
                skip(line); plainMarkdown = true
            }
        }

        if stages.isEmpty && items.isEmpty {
            throw BoardFileError(path: path, line: 1, column: 1,
                                 message: "not a taskell board or Markdown checklist: no `## ` headings and no `- ` items")
        }
        // Ranks spread per stage, in file order.
        for s in stages {
            let indices = items.indices.filter { items[$0].stage == s.id }
            for (i, rank) in zip(indices, Rank.spread(indices.count)) { items[i].rank = rank }
        }
        let ordered = stages.flatMap { s in items.filter { $0.stage == s.id } }

        let source = plainMarkdown ? "Markdown" : "taskell"
        var notes: [String] = []
        if checklist > 0 { notes.append("Checked `- [x]` items are imported archived, under their heading.") }
        if nested > 0 { notes.append("\(nested) nested \(nested == 1 ? "bullet is an item" : "bullets are items") with the item above as parent.") }
        let archived = ordered.filter(\.archived).count
        var summary = ImportSummary(source: source, stages: stages.count, closedStages: 0, items: ordered.count,
                                    archivedItems: archived, labelUses: [:], people: 0,
                                    notImported: skippedLines == 0 ? [] : ["\(skippedLines) \(skippedLines == 1 ? "line" : "lines") of other text"],
                                    notes: notes,
                                    itemWords: plainMarkdown ? ("item", "items") : ("card", "cards"),
                                    stageWords: plainMarkdown ? ("heading", "headings") : ("list", "lists"))
        summary.details = details
        let boardName = name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return ImportedBoard(name: boardName, stages: stages, items: ordered, labels: [], people: [], summary: summary,
                             sourceFields: SourceField.basic.union([.due, .parent, .sprints, .comments]))
    }

    /// `(level, text)` for an ATX heading (`## Name`), nil otherwise.
    static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("#") { text.removeLast() }   // closing hashes: `## Name ##`
        return (hashes, text.trimmingCharacters(in: .whitespaces))
    }

    /// The text after a `- `, `* ` or `+ ` bullet, nil when the line is not a bullet.
    static func bullet(_ line: String) -> String? {
        guard let f = line.first, f == "-" || f == "*" || f == "+" else { return nil }
        let rest = line.dropFirst()
        if rest.isEmpty { return "" }
        guard rest.first == " " || rest.first == "\t" else { return nil }
        return String(rest.dropFirst())
    }

    /// `(done, text)` when `text` starts with `[ ]`, `[x]` or `[X]` then a space or the end.
    static func checkbox(_ text: String) -> (Bool, String)? {
        let c = Array(text.prefix(4))
        guard c.count >= 3, c[0] == "[", c[2] == "]", c[1] == " " || c[1] == "x" || c[1] == "X" else { return nil }
        guard c.count == 3 || c[3] == " " else { return nil }
        return (c[1] != " ", String(text.dropFirst(c.count)))
    }

    /// The day of an `@ YYYY-MM-DD` line (taskell may add a time: `@ 2020-01-01 12:00`),
    /// nil when what follows the `@` is not a date.
    static func dueDate(_ line: String) -> String? {
        let rest = line.dropFirst().trimmingCharacters(in: .whitespaces)
        let day = String(rest.prefix(10))
        guard day.count == 10, ISODate.parse(day) != nil else { return nil }
        return day
    }
}
