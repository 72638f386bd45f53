import Foundation

/// What `docket export` writes: the canonical board JSON, CSV (one row per item), taskell
/// Markdown, a Markdown report for stakeholders, or a self-contained HTML roadmap page.
public enum ExportFormat: String, CaseIterable, Sendable {
    case json, csv, markdown, report, html
}

/// The options of one export: the format, an optional filter query, the report's period and
/// the current time.
public struct ExportRequest: Sendable {
    public var format: ExportFormat
    /// Only items matching this query are exported (nil: every item).
    public var query: Query?
    /// The report's "what changed" period, in seconds before `now`.
    public var since: ExportPeriod
    /// Seconds since epoch (UTC): the report's "now".
    public var now: Timestamp
    /// Today's date (`YYYY-MM-DD`), for `due:today` in queries.
    public var today: String
    /// The locale money is formatted in (see `MoneyFormat.locale(from:)`).
    public var locale: Locale

    public init(format: ExportFormat, query: Query? = nil, since: ExportPeriod = .week, now: Timestamp, today: String? = nil,
                locale: Locale = Locale(identifier: "en_US_POSIX")) {
        self.format = format; self.query = query; self.since = since; self.now = now
        self.today = today ?? ISODate.formatDay(now)
        self.locale = locale
    }
}

/// Turns a board into the bytes of an export (see `ExportFormat`).
public enum BoardExport {
    /// The export's bytes. With a query, only matching items are exported (archived items only
    /// when the query mentions `is:archived`); for `json` that is a board holding only those
    /// items (and only their activity plus board-level entries). Without a query `json` and
    /// `csv` hold every item, archived ones too, while `markdown` and `report` show open items.
    /// Throws when the CSV writer fails.
    public static func render(_ board: Board, _ request: ExportRequest) throws -> [UInt8] {
        switch request.format {
        case .json:
            return BoardEncoder.encode(request.query == nil ? board : filteredBoard(board, request.query!, today: request.today))
        case .csv:
            let items = selectedItems(board, request.query, today: request.today, archivedByDefault: true)
            return Array(try ItemListCSV.encode(items, board: board).utf8)
        case .markdown:
            let items = selectedItems(board, request.query, today: request.today, archivedByDefault: false)
            return Array(MarkdownExport.render(board, items: items).utf8)
        case .report:
            let items = selectedItems(board, request.query, today: request.today, archivedByDefault: false)
            return Array(ReportExport.render(board, items: items, now: request.now, since: request.since, locale: request.locale).utf8)
        case .html:
            return Array(HTMLExport.render(board, today: request.today, now: request.now, locale: request.locale).utf8)
        }
    }

    /// The items to export, in board order: those matching `query` (archived ones only when
    /// it mentions `is:archived`), or every item (archived ones when `archivedByDefault`).
    public static func selectedItems(_ board: Board, _ query: Query?, today: String, archivedByDefault: Bool) -> [Item] {
        guard let query, !query.isEmpty else { return board.itemsInBoardOrder(includeArchived: archivedByDefault) }
        return board.itemsInBoardOrder(includeArchived: query.mentionsArchived)
            .filter(query.matcher(for: board, time: QueryTime(today: today)))
    }

    /// `board` with only the items matching `query` (and the activity of those items, plus
    /// board-level entries); stages, releases, people, labels and settings are kept. An epic
    /// (`parent`) or `duplicateOf` naming an item left out is dropped, so the exported board
    /// passes `docket check`.
    public static func filteredBoard(_ board: Board, _ query: Query, today: String) -> Board {
        var items = selectedItems(board, query, today: today, archivedByDefault: true)
        let ids = Set(items.map(\.id))
        for k in items.indices {
            if let p = items[k].parent, !ids.contains(p) { items[k].parent = nil }
            if let d = items[k].duplicateOf, !ids.contains(d) { items[k].duplicateOf = nil }
        }
        var out = Board(name: board.name, stages: board.stages, releases: board.releases, people: board.people,
                        labels: board.labels, items: items,
                        activity: board.activity.filter { $0.item.map(ids.contains) ?? true })
        out.scoring = board.scoring
        out.savedFilters = board.savedFilters
        out.extra = board.extra
        out.planning = board.planning
        return out
    }
}

/// A period such as `7d`, `2w` or `24h`: a whole number followed by `h` (hours), `d` (days)
/// or `w` (weeks).
public struct ExportPeriod: Equatable, Sendable, CustomStringConvertible {
    /// The length in seconds.
    public var seconds: Timestamp
    /// As it was written (`7d`).
    public var text: String

    /// Seven days.
    public static let week = ExportPeriod(seconds: 7 * 86_400, text: "7d")

    init(seconds: Timestamp, text: String) { self.seconds = seconds; self.text = text }

    /// Parses `7d`, `2w`, `24h`; nil for anything else (no number, zero, another unit).
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = t.last, let n = Timestamp(t.dropLast()), n > 0, n < 100_000 else { return nil }
        switch unit {
        case "h": seconds = n * 3_600
        case "d": seconds = n * 86_400
        case "w": seconds = n * 7 * 86_400
        default: return nil
        }
        self.text = t
    }

    /// Says the period in words (`7 days`, `2 weeks`, `24 hours`).
    public var description: String {
        let n = text.dropLast()
        let unit: String
        switch text.last {
        case "h": unit = "hour"
        case "w": unit = "week"
        default: unit = "day"
        }
        return "\(n) \(unit)\(n == "1" ? "" : "s")"
    }
}
