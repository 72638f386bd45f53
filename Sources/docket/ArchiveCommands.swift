import ArgumentParser
import DocketCore
import Foundation

/// The items an archive or restore command acts on: the ids given (each by id, unique prefix
/// or short id) and, with `--query`, every item matching it (archived ones included).
/// Throws `ValidationError` when neither is given, `QueryFailure` for a bad query, and
/// `DocketError` for an unknown or ambiguous id.
struct ItemSelection: ParsableArguments {
    @Argument(help: "Item ids (or unique prefixes, or the short ids cards show).") var ids: [String] = []
    @Option(help: "Every item matching this filter query (e.g. 'label:old -is:archived').") var query: String?

    func resolve(in board: Board) throws -> [Item] {
        guard !ids.isEmpty || query != nil else { throw ValidationError("name at least one item id, or --query QUERY") }
        var out: [Item] = []
        var seen = Set<String>()
        for id in ids {
            let item = try board.item(matching: id)
            if seen.insert(item.id).inserted { out.append(item) }
        }
        if let query {
            let parsed: Query
            do throws(QueryError) { parsed = try Query.parse(query); try parsed.validate(against: board) } catch { throw QueryFailure(text: query, error: error) }
            // One matcher for every item; days and ages in the user's time zone, as `docket list`.
            let env = DocketEnvironment.live()
            let matches = parsed.matcher(for: board, time: QueryTime(now: env.now, calendar: env.calendar))
            // Tested where the items are stored (only lines that may match are read); the matches in board order.
            for item in board.itemsInBoardOrder(includeArchived: true, where: matches, prefilter: LinePrefilter(parsed)) {
                if seen.insert(item.id).inserted { out.append(item) }
            }
        }
        return out
    }
}

/// `docket archive ID… [--query Q] [--reason TEXT]`: archives items (kept in the file,
/// off the board; `docket list is:archived` lists them, `docket restore` brings them back).
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "archive",
        abstract: "Archive items (off the board, kept in the file; bring back with docket restore).")

    @OptionGroup var selection: ItemSelection
    @Option(help: "Why (kept on the item; shown by docket show and docket list is:archived).") var reason: String?
    @OptionGroup var options: BoardOptions

    func run() throws {
        let (_, done) = try options.update { board -> [Item] in
            let items = try selection.resolve(in: board).filter { !$0.archived }
            let now = nowTimestamp()
            for item in items { try board.archive(item.id, reason: reason, by: CurrentUser.name, at: now) }
            return items
        }
        if done.isEmpty { printError("nothing to archive: the items named are archived already") }
        for item in done { TerminalSafe.print("archived \(item.id)  \(TerminalSafe.oneLine(item.title))") }
    }
}

/// `docket restore ID… [--query Q]`: puts archived items back on the board, in their stage
/// (at their rank), or in the first stage when theirs is not on the board, and says so.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore",
        abstract: "Restore archived items to their stage (the first stage when theirs is gone).")

    @OptionGroup var selection: ItemSelection
    @OptionGroup var options: BoardOptions

    func run() throws {
        let (_, done) = try options.update { board -> [(Item, String, String?)] in
            let items = try selection.resolve(in: board).filter(\.archived)
            let now = nowTimestamp()
            return try items.map { item in
                let restored = try board.restore(item.id, by: CurrentUser.name, at: now)
                let stage = board.items[item.id].flatMap { i in board.stages.first { $0.id == i.stage }?.name } ?? "?"
                let note = restored.movedTo.map { _ in
                    "its stage \(item.archivedList.map { "“\($0)” (archived in the source)" } ?? "“\(item.stage)”") is not on the board"
                }
                return (item, stage, note)
            }
        }
        if done.isEmpty { printError("nothing to restore: the items named are not archived") }
        let out = TerminalSafe.oneLine
        for (item, stage, note) in done {
            TerminalSafe.print("restored \(item.id) → \(out(stage))" + (note.map { " (\(out($0)): put in the first stage)" } ?? ""))
        }
    }
}

/// `docket comment ID TEXT`: adds a comment (by `$DOCKET_USER`, now) to an item.
struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "comment", abstract: "Add a comment to an item.")

    @Argument(help: "The item's id (or a unique prefix, or its short id).") var id: String
    @Argument(help: "The comment's text.") var text: String
    @OptionGroup var options: BoardOptions

    func run() throws {
        let (_, item) = try options.update { board -> Item in
            let item = try board.item(matching: id)
            try board.addComment(item.id, text: text, by: CurrentUser.name, at: nowTimestamp())
            return item
        }
        TerminalSafe.print("commented on \(item.id)")
    }
}
