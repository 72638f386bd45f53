import Foundation

/// `docket feedback import FILE.csv --map …`: feedback notes from a support tool's CSV export.
/// The map names the column of each field: `text=Body,from=Company,date=Created,importance=Priority,item=Ticket,by=Agent`
/// (`text` is required; the others are optional). A row is skipped, and named with its line
/// and why, when its text is empty, its source is empty (and no default is given), its date
/// is not `YYYY-MM-DD…`, its importance is not one of the three, or it names an unknown item.
public struct FeedbackImport: Sendable {
    /// The fields a map may name.
    public static let fields = ["text", "from", "date", "importance", "item", "by"]

    /// The notes made (not yet on the board) and the skipped rows (`line 7: no text`).
    public var notes: [FeedbackNote] = []
    public var skipped: [String] = []

    /// Parses `text=Body,from=Company` into field → column. Throws `DocketError.invalidValue`
    /// naming an unknown field, a pair without `=`, or a map without `text`.
    public static func parseMap(_ text: String) throws -> [String: String] {
        var map: [String: String] = [:]
        for pair in text.split(separator: ",") {
            guard let eq = pair.firstIndex(of: "=") else {
                throw DocketError.invalidValue(field: "--map", value: String(pair), expected: "FIELD=COLUMN (fields: \(fields.joined(separator: ", ")))")
            }
            let field = pair[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            guard fields.contains(field) else {
                throw DocketError.invalidValue(field: "--map field", value: field, expected: fields.joined(separator: ", "))
            }
            map[field] = pair[pair.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        }
        guard map["text"] != nil else { throw DocketError.invalidValue(field: "--map", value: text, expected: "a text=COLUMN pair") }
        return map
    }

    /// Reads `data` (CSV with a header line) with `map`; rows without a source take `from`,
    /// without a date `today`, without importance `importance`; `by` records who imported.
    /// Throws `BoardFileError` when the CSV does not parse and `DocketError.invalidValue` naming
    /// a mapped column the header does not have; rows are otherwise skipped, never fatal.
    public init(_ data: Data, path: String, map: [String: String], board: Board, from: String?, importance: Importance,
                today: String, by user: String) throws {
        let (header, rows) = try CSVText.read(data, path: path)
        var column: [String: Int] = [:]
        for (field, name) in map {
            guard let i = header.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
                throw DocketError.invalidValue(field: "--map \(field)", value: name, expected: "a column of \(path) (\(header.joined(separator: ", ")))")
            }
            column[field] = i
        }
        var taken = Set<String>()
        for (line, cells) in rows {
            func cell(_ f: String) -> String {
                guard let i = column[f], cells.indices.contains(i) else { return "" }
                return cells[i].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            do {
                guard !cell("text").isEmpty else { throw DocketError.invalidValue(field: "text", value: "", expected: "some text") }
                let level: Importance
                if cell("importance").isEmpty { level = importance } else {
                    guard let l = Importance(word: cell("importance")) else {
                        throw DocketError.invalidValue(field: "importance", value: cell("importance"), expected: "nice, important or critical")
                    }
                    level = l
                }
                let date = cell("date").isEmpty ? today : String(cell("date").prefix(10))
                let items = cell("item").split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
                let by = cell("by").isEmpty ? user : cell("by")
                let note = try board.makeFeedback(cell("text"), from: cell("from").isEmpty ? (from ?? "") : cell("from"),
                                                  importance: level, date: date, items: items, by: by, avoiding: taken)
                taken.insert(note.id)
                notes.append(note)
            } catch {
                skipped.append("line \(line): \(error)")
            }
        }
    }
}
