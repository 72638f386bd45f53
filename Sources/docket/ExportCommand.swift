import ArgumentParser
import DocketCore
import Foundation

/// `docket export`: the board (or the items matching a query) as JSON, CSV, taskell Markdown
/// or a Markdown report, on stdout (made safe when it is a terminal) or into a file written
/// atomically.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export the board as json, csv, markdown (taskell) or a Markdown report.",
        discussion: """
            json is the board file's canonical form; csv has one row per item with the keys of \
            `docket list --json`; markdown is taskell's format (## stages, - items); report is a \
            page for stakeholders: stages, releases against capacity, blocked items and the \
            changes of the last --since period (7d, 2w, 24h); html is one self-contained page \
            (roadmap timeline, lanes, releases with budget, blocked items). With --query only \
            matching items are exported.
            """)

    @Option(help: "json, csv, markdown, report or html.") var format: ExportFormat = .json
    @Option(help: "Only items matching this query (see `docket list --help`).") var query: String?
    @Option(name: [.customShort("o"), .long], help: "Write to this file (atomically) instead of stdout.") var output: String?
    @Option(help: "The report's period of changes: 7d, 2w, 24h.") var since: String = "7d"
    @OptionGroup var options: BoardOptions

    func run() throws {
        guard let period = ExportPeriod(since) else {
            throw ValidationError("--since must be a number followed by h, d or w (7d, 2w, 24h), not '\(since)'")
        }
        var parsed: Query?
        if let query, !query.trimmingCharacters(in: .whitespaces).isEmpty {
            do { parsed = try Query.parse(query) } catch { throw QueryFailure(text: query, error: error) }
        }
        let (boardURL, loaded) = try options.load()
        if let parsed, let query {
            do { try parsed.validate(against: loaded.board) } catch { throw QueryFailure(text: query, error: error) }
        }
        let request = ExportRequest(format: format, query: parsed, since: period, now: nowTimestamp(), today: localToday(),
                                    locale: moneyLocale())
        let bytes = try BoardExport.render(loaded.board, request)
        if let output {
            try ExportFile.write(bytes, to: URL(fileURLWithPath: output), board: boardURL)
        } else if TerminalSafe.isTerminal {
            // On a terminal, text from the board must not reach it raw (files and pipes get it as is).
            TerminalSafe.print(String(decoding: bytes, as: UTF8.self), terminator: "")
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
