import ArgumentParser
import DocketCore
import Foundation

/// `docket feedback`: customer feedback notes, linked to the items they ask for.
struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback", abstract: "Customer feedback: add, import, link, unlink, list, notify, settings.",
        subcommands: [FeedbackList.self, FeedbackAdd.self, FeedbackImportCommand.self, FeedbackLink.self, FeedbackUnlink.self,
                      FeedbackNotifyCommand.self, FeedbackSettingsCommand.self],
        defaultSubcommand: FeedbackList.self)
}

/// The importance given on the command line, or an error naming it.
func importance(_ text: String) throws -> Importance {
    guard let i = Importance(word: text) else {
        throw DocketError.invalidValue(field: "importance", value: text, expected: "nice, important or critical")
    }
    return i
}

struct FeedbackAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add",
        abstract: "Record a note: docket feedback add \"Exports time out\" --from \"Acme GmbH\" --importance critical [--item ID…].")
    @Argument(help: "What the customer said.") var text: String
    @Option(help: "Who said it: a person, a company, support, sales call.") var from: String
    @Option(help: "nice, important or critical.") var importance: String = "important"
    @Option(help: "The day it was said, YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "Items it asks for (ids). Repeatable.") var item: [String] = []
    @OptionGroup var options: BoardOptions

    func run() throws {
        let level = try DocketCLI.importance(importance)
        let (_, note) = try options.update { board in
            try board.addFeedback(text, from: from, importance: level, date: date ?? localToday(), items: item,
                                  by: CurrentUser.name, at: nowTimestamp()).note
        }
        print(note.id)
    }
}

/// Names for functions shadowed by option names inside commands.
enum DocketCLI {
    static func importance(_ text: String) throws -> Importance { try docket.importance(text) }
}

struct FeedbackImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import",
        abstract: "Import notes from a CSV export: docket feedback import tickets.csv --map text=Body,from=Company,date=Created,importance=Priority,item=Ticket.")
    @Argument(help: "The CSV file (a header line, then one note per row).") var file: String
    @Option(help: "FIELD=COLUMN pairs, comma-separated. Fields: \(FeedbackImport.fields.joined(separator: ", ")); text is required.")
    var map: String
    @Option(help: "The source for rows without one (support, sales call).") var from: String?
    @Option(help: "The importance for rows without one: nice, important or critical.") var importance: String = "important"
    @OptionGroup var options: BoardOptions

    func run() throws {
        let fields = try FeedbackImport.parseMap(map)
        let level = try DocketCLI.importance(importance)
        let data = try readFile(file)
        let (_, result) = try options.update { board -> FeedbackImport in
            let result = try FeedbackImport(data, path: file, map: fields, board: board, from: from, importance: level,
                                            today: localToday(), by: CurrentUser.name)
            if !result.notes.isEmpty {
                try board.changeStrategy("imported \(result.notes.count) feedback notes from \(file)", action: "feedback",
                                         by: CurrentUser.name, at: nowTimestamp()) { $0.notes += result.notes }
            }
            return result
        }
        for s in result.skipped { printError("skipped \(s)") }
        TerminalSafe.print("imported \(result.notes.count) note\(result.notes.count == 1 ? "" : "s")" + (result.skipped.isEmpty ? "" : ", skipped \(result.skipped.count)"))
    }
}

struct FeedbackLink: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "link", abstract: "Link a note to items.")
    @Argument(help: "The note's id (or a unique prefix).") var note: String
    @Argument(help: "Item ids.") var items: [String]
    @OptionGroup var options: BoardOptions

    func run() throws {
        try runLinking(options) { try $0.linkFeedback(note, items: items, by: $1, at: $2) }
    }
}

struct FeedbackUnlink: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unlink", abstract: "Unlink a note from items.")
    @Argument(help: "The note's id (or a unique prefix).") var note: String
    @Argument(help: "Item ids.") var items: [String]
    @OptionGroup var options: BoardOptions

    func run() throws {
        try runLinking(options) { try $0.linkFeedback(note, items: items, link: false, by: $1, at: $2) }
    }
}

struct FeedbackList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List feedback notes (all, those of an item, or the unlinked).")
    @Option(help: "Only the notes linked to this item.") var item: String?
    @Flag(help: "Only notes linked to no item (the inbox).") var unlinked = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var options: BoardOptions

    func run() throws {
        let board = try options.load().1.board
        var notes = board.strategy.notes
        if let item { let id = try board.item(matching: item).id; notes = notes.filter { $0.items.contains(id) } }
        if unlinked { notes = notes.filter { $0.items.isEmpty } }
        if json {
            TerminalSafe.print(FeedbackListOutput.json(notes), terminator: "")
        } else {
            TerminalSafe.print(FeedbackListOutput.text(notes), terminator: "")
        }
    }
}

struct FeedbackNotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notify",
        abstract: "Each customer with the items they asked for that shipped: docket feedback notify --since last [--format markdown].")
    @Option(help: "last (since the previous notify; the first time: since ever), a date YYYY-MM-DD or a time.") var since = "last"
    @Option(help: "text, markdown or json.") var format: String = "text"
    @Flag(name: .customLong("dry-run"), help: "Do not record this run as the last one.") var dryRun = false
    @OptionGroup var options: BoardOptions

    func run() throws {
        guard let fmt = FeedbackNotify.Format(rawValue: format) else {
            throw DocketError.invalidValue(field: "--format", value: format, expected: "text, markdown or json")
        }
        let now = nowTimestamp()
        let sinceTime: (Board) throws -> Timestamp? = { board in
            if since == "last" { return board.strategy.settings.notifiedAt }
            guard let t = ISODate.parse(since) else { throw DocketError.invalidValue(field: "--since", value: since, expected: "last or a date YYYY-MM-DD") }
            return t
        }
        let result: FeedbackNotify
        if dryRun {
            let board = try options.load().1.board
            result = FeedbackNotify(board, since: try sinceTime(board))
        } else {
            result = try options.update { board -> FeedbackNotify in
                let r = FeedbackNotify(board, since: try sinceTime(board))
                try board.changeStrategy("feedback notify", action: "feedback", by: CurrentUser.name, at: now) { $0.settings.notifiedAt = now }
                return r
            }.1
        }
        TerminalSafe.print(result.render(fmt), terminator: "")
    }
}

struct FeedbackSettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "settings",
        abstract: "How the board uses feedback: docket feedback settings cards=on score=reach (reach, value or off).")
    @Argument(help: "KEY=VALUE pairs. cards=on|off shows notes and customers on cards; score=reach|value|off adds the customer-impact figure to RICE reach or WSJF value.")
    var assignments: [String] = []
    @OptionGroup var options: BoardOptions

    func run() throws {
        let pairs = try keyValuePairs(assignments)
        if pairs.isEmpty {
            let s = try options.load().1.board.strategy.settings
            TerminalSafe.print("cards=\(s.cards ? "on" : "off") score=\(s.score?.rawValue ?? "off")")
            return
        }
        try options.update { board in try board.setFeedbackSettings(pairs, by: CurrentUser.name, at: nowTimestamp()) }
        TerminalSafe.print("feedback settings: " + pairs.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
    }
}
