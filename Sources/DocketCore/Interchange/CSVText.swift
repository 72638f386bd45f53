import CSV
import Foundation

/// Reads CSV files for the importers (Jira, generic CSV) with the CSV.swift library: UTF-8
/// with an optional BOM, `,` `;` or tab delimiters (from the first line), quoted cells with
/// line breaks (CRLF inside a cell read as LF), blank lines skipped, and the first line of
/// every record kept for messages.
///
/// A large file (over `parallelThreshold` bytes) is cut at record boundaries into one part
/// per processor and the parts are read at the same time; when the parts do not add up to
/// the records found (only possible for malformed quoting), it is read again in one piece.
enum CSVText {
    /// The message of an import error for bytes that are not UTF-8 (the importers share it).
    static let notUTF8 = "the file is not valid UTF-8 text"

    /// Files larger than this (bytes) are read in parallel parts.
    static let parallelThreshold = 4_000_000

    /// The header (cells trimmed of spaces) and the other records with their first line.
    ///
    /// Throws `BoardFileError` when the bytes are not UTF-8 (the line of the first bad byte),
    /// a quoted cell is never closed (the line where it opens), or the file is empty.
    /// `parallelAbove` (bytes) is for tests.
    static func read(_ data: Data, path: String,
                     parallelAbove: Int = parallelThreshold) throws -> (header: [String], rows: [(line: Int, cells: [String])]) {
        guard var text = String(data: data, encoding: .utf8) else {
            throw BoardFileError(path: path, line: JiraCSVImport.firstInvalidUTF8Line(data), column: 0, message: notUTF8)
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let delimiter = JiraCSVImport.detectDelimiter(text)
        let starts = try JiraCSVImport.recordStarts(text, delimiter: delimiter, path: path)
        let parts = data.count > parallelAbove ? max(2, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
        var records: [[String]]
        if parts > 1, starts.offsets.count > parts * 2,
           let split = try? readInParts(text, offsets: starts.offsets, parts: parts, delimiter: delimiter),
           split.count == starts.offsets.count {
            records = split
        } else {
            records = try readPart(Substring(text), delimiter: delimiter, path: path)
        }
        guard !records.isEmpty else {
            throw BoardFileError(path: path, line: 1, column: 1, message: "the file is empty")
        }
        let header = records[0].map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [(line: Int, cells: [String])] = []
        rows.reserveCapacity(records.count - 1)
        for index in 1..<records.count {
            let row = records[index]
            if row.count == 1, row[0].isEmpty { continue }
            let line = index < starts.lines.count ? starts.lines[index] : index + 1
            rows.append((line, row))
        }
        records = []
        return (header, rows)
    }

    /// `rows` without those whose cell count differs from the header's (a truncated file, a
    /// stray delimiter), and one phrase per dropped row for the summary's "not imported":
    /// `line 7: 3 cells, the header has 8`.
    static func dropRagged(_ rows: [(line: Int, cells: [String])], headerCount: Int)
        -> (rows: [(line: Int, cells: [String])], skipped: [String]) {
        guard rows.contains(where: { $0.cells.count != headerCount }) else { return (rows, []) }
        var kept: [(line: Int, cells: [String])] = [], skipped: [String] = []
        for r in rows {
            if r.cells.count == headerCount { kept.append(r); continue }
            skipped.append("line \(r.line): \(r.cells.count) \(r.cells.count == 1 ? "cell" : "cells"), the header has \(headerCount)")
        }
        return (kept, skipped)
    }

    /// The summary phrase for skipped rows (`2 rows skipped (line 3: …; line 9: …)`), nil for none.
    static func skippedPhrase(_ skipped: [String]) -> String? {
        skipped.isEmpty ? nil : "\(skipped.count) \(skipped.count == 1 ? "row" : "rows") skipped (" + skipped.joined(separator: "; ") + ")"
    }

    /// Every record of `text` as its cells (CRLF inside a cell made LF). Throws
    /// `BoardFileError` when the library fails.
    private static func readPart(_ text: Substring, delimiter: UnicodeScalar, path: String) throws -> [[String]] {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: String(text), hasHeaderRow: false, delimiter: delimiter)
        } catch {
            throw BoardFileError(path: path, line: 1, column: 1, message: "cannot read the CSV: \(error)")
        }
        var out: [[String]] = []
        while var row = reader.next() {
            for i in row.indices where row[i].utf8.contains(13) { row[i] = row[i].replacingOccurrences(of: "\r\n", with: "\n") }
            out.append(row)
        }
        if let error = reader.error {
            throw BoardFileError(path: path, line: 0, column: 0, message: "cannot read the CSV: \(error)")
        }
        return out
    }

    /// Reads `text` as `parts` pieces cut at record starts (`offsets`, UTF-8), at the same time.
    static func readInParts(_ text: String, offsets: [Int], parts: Int, delimiter: UnicodeScalar) throws -> [[String]] {
        let total = text.utf8.count
        // Cut at the first record starting after each k/parts of the bytes.
        var cuts = [0]
        var r = 0
        for k in 1..<parts {
            while r < offsets.count, offsets[r] < total * k / parts { r += 1 }
            if r < offsets.count, offsets[r] > cuts.last! { cuts.append(offsets[r]) }
        }
        cuts.append(total)
        let utf8 = text.utf8
        let pieces = (0..<cuts.count - 1).map { k in
            Substring(utf8[utf8.index(utf8.startIndex, offsetBy: cuts[k])..<utf8.index(utf8.startIndex, offsetBy: cuts[k + 1])])
        }
        let results = Parallel.map(pieces.count, minimumPerPart: 1) { k in
            Result { try readPart(pieces[k], delimiter: delimiter, path: "") }
        }
        return try results.flatMap { try $0.get() }
    }
}
