import CSV
import Foundation

/// `docket list --format csv`: RFC 4180 (comma-separated, CRLF line ends, fields with a
/// comma, quote or line break in double quotes, quotes doubled), a header row with the keys
/// of `ItemListJSON`, then one row per item. Lists (labels, assignees…) are joined with `, `
/// (sprints with `; `);
/// null is an empty field; numbers are written as in the JSON.
public enum ItemListCSV {
    /// The CSV text. `clean`, when given, is applied to every field (the command line passes
    /// one that makes control characters visible for a terminal, which also turns line breaks
    /// inside fields into `␊`). Throws `CSVError` when the writer fails.
    public static func encode(_ items: [Item], board: Board, clean: ((String) -> String)? = nil) throws -> String {
        let names = ItemListJSON.stageNames(board)
        return try rfc4180 { writer in
            try writer.write(row: ItemListJSON.keys)
            for item in items {
                try writer.write(row: ItemListJSON.fields(of: item, board: board, stageNames: names).map { field -> String in
                    let text: String
                    switch field.value {
                    case .string(let s): text = s
                    case .number(let d): text = d.isFinite ? d.pointsText : ""
                    case .int(let n): text = String(n)
                    case .bool(let b): text = b ? "true" : "false"
                    // Sprint names may hold commas (Jira's do): joined with `; ` instead.
                    case .strings(let list): text = list.joined(separator: field.key == "sprints" ? "; " : ", ")
                    case .null: text = ""
                    }
                    return clean?(text) ?? text
                })
            }
        }
    }

    /// The rows `write` gives the writer, as RFC 4180 CSV text (CRLF line ends, a line break
    /// after the last row too). Throws `CSVError` when the writer fails.
    static func rfc4180(_ write: (CSVWriter) throws -> Void) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try write(writer)
        // The writer closes the stream when it goes: read the data while it is alive.
        let written = withExtendedLifetime(writer) { stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data }
        guard let data = written else { throw CSVError.cannotWriteStream }
        // CSVWriter ends rows with a line break only between them; RFC 4180 allows one after
        // the last, and most tools expect it.
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
