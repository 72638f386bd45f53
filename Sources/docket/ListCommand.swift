import ArgumentParser
import DocketCore
import DocketUI
import Foundation

/// `docket list [QUERY…]`: the items that match a filter query, in board order, as a table,
/// JSON or CSV. Archived items are left out unless the query says `is:archived`.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List items, filtered by a query (for scripts: --format json|csv).",
        discussion: """
            QUERY is the board's filter language; its words are joined with spaces. Terms: \
            label:bug, @alice or assignee:alice, priority:must (or m/s/c/w), points:>3 \
            (> >= < <= =), stage:ready, release:v2.1, type:bug, is:blocked|archived|open, \
            due:<2026-12-31 or due:today, votes:>3, requester:acme, id:k3v, sprint:"Sprint 12", free words and \
            "quoted phrases". Adjacent terms must all match; `or` between terms; `-` negates; \
            parentheses group. Quote the whole query in the shell when it has quotes or \
            parentheses: docket list 'label:"needs design" (@alice or @bob)'. \
            Archived items are listed only when the query says is:archived.
            """)

    @Argument(help: "The filter query (e.g. label:bug -is:blocked).")
    var query: [String] = []
    @Option(help: "Only this stage (name, id or a unique prefix).") var stage: String?
    @Option(help: "table (tab-separated: id, stage, priority, points, title; an archived item adds when, by whom and why), json or csv.") var format: ListFormat = .table
    @Flag(help: "Same as --format json.") var json = false
    @Flag(help: "Also list archived items (like adding `or is:archived`).") var archived = false
    @OptionGroup var options: BoardOptions

    enum ListFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    /// `list`'s options that take a value, and those that do not.
    static let valueOptions: Set = ["--stage", "--format", "--board", "-b"]
    static let flagOptions: Set = ["--json", "--archived", "-h", "--help"]

    /// `args` (the command line without the program name) with, when it is a `list`
    /// command, the options first and `--` before the query words: a negated term such as
    /// `-is:blocked` or `-label:bug` would otherwise be read as the short options `-i -s …
    /// -b` (`-b` takes the board file). Other commands are returned as they are.
    static func arrange(_ args: [String]) -> [String] {
        guard args.first == "list" else { return args }
        var options: [String] = [], words: [String] = []
        var k = 1
        while k < args.count {
            let a = args[k]
            if a == "--" {
                words += args[(k + 1)...]
                break
            } else if valueOptions.contains(a) {
                options.append(a)
                if k + 1 < args.count { options.append(args[k + 1]); k += 1 }
            } else if flagOptions.contains(a) || valueOptions.contains(where: { a.hasPrefix($0 + "=") }) {
                options.append(a)
            } else {
                words.append(a)
            }
            k += 1
        }
        return ["list"] + options + (words.isEmpty ? [] : ["--"] + words)
    }

    func run() throws {
        let text = query.joined(separator: " ")
        let parsed: Query
        do {
            parsed = try Query.parse(text)
        } catch {
            throw QueryFailure(text: text, error: error)
        }
        let (_, loaded) = try options.load()
        let board = loaded.board
        do {
            try parsed.validate(against: board)
        } catch {
            throw QueryFailure(text: text, error: error)
        }
        let stageID = try stage.map { try board.stage(named: $0).id }
        // Days (`due:today`, `updated:yesterday`) and ages in the user's time zone (`TZ`).
        let env = DocketEnvironment.live()
        let matches = parsed.isEmpty ? nil : parsed.matcher(for: board, time: QueryTime(now: env.now, calendar: env.calendar))
        // The stage and the query are tested where the items are stored; only what they keep is ordered.
        let keep: ((Item) -> Bool)? = stageID == nil && matches == nil ? nil
            : { item in (stageID == nil || item.stage == stageID) && (matches?(item) ?? true) }
        let items = board.itemsInBoardOrder(includeArchived: archived || parsed.mentionsArchived, where: keep,
                                             prefilter: LinePrefilter(parsed))
        switch json ? .json : format {
        case .json: print(ItemListJSON.encode(items, board: board), terminator: "")
        case .csv:
            let clean: ((String) -> String)? = TerminalSafe.isTerminal ? { SafeText.clean($0) } : nil
            print(try ItemListCSV.encode(items, board: board, clean: clean), terminator: "")
        case .table:
            let names = ItemListJSON.stageNames(board)
            let out = TerminalSafe.oneLine
            for item in items {
                var cols = [out(item.id), out(names[item.stage] ?? item.stage), item.priority?.rawValue ?? "-",
                            item.points?.pointsText ?? "-", out(item.title)]
                // An archived item says when, by whom and why (a declined item's reason).
                if item.archived { cols.append("archived" + (ArchiveText.details(item, board).map { " " + out($0) } ?? "")) }
                TerminalSafe.print(cols.joined(separator: "\t"))
            }
        }
    }
}

/// A query that does not parse (or names no stage): printed as the query with a caret line
/// under the bad part, then the message, on stderr; the exit code is 1.
struct QueryFailure: Error, CustomStringConvertible {
    let text: String
    let error: QueryError

    var description: String {
        "bad query, column \(error.offset + 1): \(error.message)\n" + QueryFailure.pointer(text, error)
    }

    /// Two lines: the query (made safe for the terminal) and `^` under the bad part, both
    /// indented by two spaces. Columns are display columns, so CJK and emoji line up.
    static func pointer(_ text: String, _ error: QueryError) -> String {
        let chars = Array(text)
        let start = min(error.offset, chars.count)
        let end = min(start + error.length, chars.count)
        let before = DisplayWidth.of(SafeText.clean(String(chars[..<start])))
        let width = max(1, DisplayWidth.of(SafeText.clean(String(chars[start..<end]))))
        return "  " + SafeText.clean(text) + "\n  " + String(repeating: " ", count: before) + String(repeating: "^", count: width)
    }
}

/// Today's date in the user's time zone (`TZ` honoured), `YYYY-MM-DD` (what `due:today` means).
func localToday() -> String { DocketEnvironment.live().today }
