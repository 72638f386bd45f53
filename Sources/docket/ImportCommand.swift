import ArgumentParser
import DocketCore
import Foundation

/// `docket import FILE`: imports a Trello board JSON export, a Jira CSV export, a GitHub
/// REST issues list or Projects CSV, or a taskell / Markdown checklist file into the current board (or the one
/// `--into`/`-b` names), or into a new board with `--new FILE`. The
/// format is detected from the content unless `--from` names it; `--dry-run` prints the
/// summary and writes nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import",
        abstract: "Import a Trello board export (JSON), a Jira CSV export, a GitHub issues list (JSON) or Projects CSV, a taskell/Markdown checklist or any CSV (--map) into this board, or a new one with --new.")

    /// The formats `--from` accepts.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case trello, jira, github, taskell, markdown, csv
    }

    @Argument(help: "The export file.") var file: String
    @Option(help: "The format: trello, jira, github, taskell, markdown or csv (default: detected from the content).") var from: Format?
    @Option(help: "For a generic CSV: Docket field = column header, e.g. title=Name,stage=Status,labels=Tags,points=Estimate.") var map: String?
    @Option(name: .customLong("new"), help: "Create this new board file from the export instead.") var newBoard: String?
    @Option(name: .customLong("into"), help: "The board to import into (the same as -b/--board).") var into: String?
    @Flag(name: .customLong("dry-run"), help: "Print what would be imported; write nothing.") var dryRun = false
    @Option(help: "Write the full list of what was left out (every row, column and value, with its line or id) to this file.") var report: String?
    @Option(help: "The decimal mark of numbers in a CSV: . or , (default: , when the file is ;-separated).") var decimal: String?
    @OptionGroup var options: BoardOptions

    func validate() throws {
        if let into, let board = options.board, into != board {
            throw ValidationError("--into \(into) and --board \(board) name two boards: give one")
        }
        if let newBoard, let other = into ?? options.board {
            throw ValidationError("--new \(newBoard) makes a new board; --into/--board \(other) names an existing one: give one")
        }
    }

    func run() throws {
        var options = options
        if let into { options.board = into }
        let data = try readFile(file)
        let fieldMap = try map.map(GenericCSVImport.parseMap) ?? [:]
        let format = try from ?? Self.detect(data, file: file, hasMap: !fieldMap.isEmpty)
        let imported: ImportedBoard
        switch format {
        case .trello: imported = try TrelloImport.parse(data, path: file)
        case .jira: imported = try JiraCSVImport.parse(data, path: file)
        case .github:
            // A JSON list is the REST API's; anything else is read as a Projects CSV export.
            let first = String(decoding: data.prefix(1024), as: UTF8.self).first { !$0.isWhitespace && $0 != "\u{FEFF}" }
            imported = first == "[" || first == "{" ? try GitHubIssuesImport.parse(data, path: file)
                : try GitHubProjectsCSVImport.parse(data, path: file)
        case .taskell, .markdown: imported = try TaskellImport.parse(data, path: file)
        case .csv:
            guard decimal == nil || decimal == "," || decimal == "." else {
                throw ValidationError("--decimal \(decimal!): use , or .")
            }
            imported = try GenericCSVImport.parse(data, path: file, map: fieldMap, decimalComma: decimal.map { $0 == "," })
        }
        let user = CurrentUser.name
        let now = nowTimestamp()
        if let report {
            do { try Data(imported.summary.report.utf8).write(to: URL(fileURLWithPath: report)) } catch {
                throw BoardStoreError("cannot write the report \(report): \(error.localizedDescription)")
            }
        }
        if dryRun {
            TerminalSafe.print("dry run: nothing written\n\(imported.summary.text)")
            return
        }
        if let newBoard {
            let url = URL(fileURLWithPath: newBoard).standardizedFileURL
            guard !FileManager.default.fileExists(atPath: url.path) else {
                throw BoardStoreError("\(url.path) already exists: import into it with `docket import \(file) -b \(newBoard)`")
            }
            try BoardStore.create(imported.makeBoard(by: user, at: now), at: url)
            TerminalSafe.print("created \(url.path)\n\(imported.summary.text)")
        } else {
            let (url, edit) = try options.update { board in
                let merged = imported.merge(into: board, by: user, at: now)
                board = merged.board
                return merged.edit
            }
            // The edit's summary says how many items were new and how many updated (a re-import).
            TerminalSafe.print("\(edit.summary) into \(url.path)\n\(imported.summary.text)")
        }
    }

    /// The format of `data`: a JSON array whose first entry has `number` and `html_url` (or
    /// `title` and `state`) →
    /// github; a JSON object with `lists` or `cards` → trello; text whose first line names the
    /// Summary/Resumen and Issue key/Clave de incidencia columns → jira; text that starts
    /// (after blank lines and HTML comments) with `# ` or `## ` → markdown. Only the first 64 KB
    /// are looked at, so a truncated file is still recognised (and its error reported by the
    /// importer).
    ///
    /// A CSV whose header is Docket's own export header (`docket export --format csv`) → csv
    /// (imported losslessly); any other CSV with `--map` → csv (generic); a CSV whose header
    /// is a GitHub Projects export's (Title, Status and URL/Repository/Assignees/Milestone) →
    /// github; a CSV without a map that is none of these → an error listing the header's columns.
    static func detect(_ data: Data, file: String, hasMap: Bool = false) throws -> Format {
        let head = String(decoding: data.prefix(65536), as: UTF8.self)
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.first == "[" {
            let firstEntry = trimmed.prefix(16384)
            // The REST API's list has html_url; other tools' lists (github-csv-tools…) have
            // number, title and state.
            if firstEntry.contains("\"number\"") && (firstEntry.contains("\"html_url\"")
                || (firstEntry.contains("\"title\"") && firstEntry.contains("\"state\""))) { return .github }
            throw BoardStoreError("\(file) is a JSON array but not a GitHub issues list (no \"number\" and \"html_url\"): use --from to name the format")
        }
        if trimmed.first == "{" {
            if head.contains("\"lists\"") || head.contains("\"cards\"") { return .trello }
            throw BoardStoreError("\(file) is a JSON object but not a Trello board export (no \"lists\" or \"cards\"): use --from to name the format")
        }
        var text = Substring(trimmed)
        while text.hasPrefix("<!--") {
            guard let end = text.range(of: "-->") else { break }
            text = text[end.upperBound...].drop { $0.isWhitespace }
        }
        if text.hasPrefix("# ") || text.hasPrefix("## ") { return .markdown }
        let firstLine = trimmed.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }.lowercased()
        if (firstLine.contains("summary") || firstLine.contains("resumen"))
            && (firstLine.contains("issue key") || firstLine.contains("clave de incidencia")) {
            return .jira
        }
        if GenericCSVImport.isDocketCSV(data) || hasMap { return .csv }
        if let header = try? GenericCSVImport.headerRow(data), GitHubProjectsCSVImport.isProjectsCSV(header: header) { return .github }
        if let header = try? GenericCSVImport.headerRow(data), header.count > 1 {
            throw BoardStoreError("\(file) is a CSV file but not a Jira, GitHub Projects or Docket export: pass --map title=COLUMN,stage=COLUMN,… to name its columns (they are: \(GenericCSVImport.describe(header: header)))")
        }
        throw BoardStoreError("\(file): unknown format (not a Trello JSON export, a Jira CSV export, a GitHub issues list, Markdown starting with a heading or a CSV): use --from trello|jira|github|taskell|markdown|csv")
    }
}
