import ArgumentParser
import DocketCore
import DocketUI
import Foundation

/// `docket add TITLE`: adds an item. TITLE is a quick-add line (`QuickAdd`): `#label`,
/// `@person`, `!priority`, `~points`, `^release`, `>stage`, `due:YYYY-MM-DD`, the other words
/// are the title. `--stage`, `--priority` and `--points` override the markers; `--literal`
/// takes TITLE as the title, markers and all. The item goes to the first stage unless a stage
/// is given. Prints the new id on stdout and, on stderr, the labels, people and release it
/// created (`created label billing, person alice`).
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an item.",
        discussion: """
            TITLE may set fields with quick-add markers: #label @person !priority (must, should, \
            could, wont or m, s, c, w) ~points ^release >stage due:YYYY-MM-DD. Every other word \
            is the title; a backslash keeps a marker literal (\\#1 is #1, \\\\ is \\). Unknown \
            labels, people and releases are created.
            """)

    @Argument(help: "The item's title, with optional quick-add markers (#label @person !must ~5 ^v2.1 >ready due:2026-12-15).")
    var title: String
    @Option(help: "The stage (name, id or a unique prefix); default: the first stage. Overrides >stage.") var stage: String?
    @Option(help: "MoSCoW priority: must, should, could, wont. Overrides !priority.") var priority: String?
    @Option(help: "Story points (a number ≥ 0). Overrides ~points.") var points: Double?
    @Flag(help: "Take TITLE literally: no quick-add markers.") var literal = false
    @OptionGroup var options: BoardOptions

    /// `args` (the command line without the program name) with, when it is an `add` command,
    /// a title that starts with `-` and holds a space (`"- [ ] write the report"`) moved after
    /// `--`: no option has a space in its name, and swift-argument-parser would otherwise read
    /// it as short options (`-h` among them, printing the usage). Values of the options that
    /// take one stay where they are; other commands are returned as they are.
    static func arrange(_ args: [String]) -> [String] {
        guard args.first == "add", !args.contains("--") else { return args }
        let valueOptions: Set<String> = ["--stage", "--priority", "--points", "-b", "--board"]
        var kept: [String] = [], titles: [String] = []
        var k = 0
        while k < args.count {
            let a = args[k]
            if k > 0, valueOptions.contains(args[k - 1]) { kept.append(a) }
            else if a.hasPrefix("-"), a.contains(where: \.isWhitespace) { titles.append(a) }
            else { kept.append(a) }
            k += 1
        }
        return titles.isEmpty ? args : kept + ["--"] + titles
    }

    func run() throws {
        var draft = literal ? QuickAddDraft(title: title) : try QuickAdd.parse(title)
        if let stage { draft.stage = stage; draft.stageOffset = nil }
        if let priority {
            guard let v = Priority(word: priority) else {
                throw DocketError.invalidValue(field: "priority", value: priority, expected: "must, should, could or wont")
            }
            draft.priority = v
        }
        if let points { draft.points = points }
        let (_, (item, created)) = try options.update { board in
            guard let first = board.stages.first else { throw BoardStoreError("the board has no stages") }
            let (item, _, created) = try draft.apply(to: &board, defaultStage: first.id, by: CurrentUser.name, at: nowTimestamp())
            return (item, created)
        }
        print(item.id)
        if !created.isEmpty { printError("created " + created.joined(separator: ", ")) }
    }
}

/// `docket move ID STAGE`: moves an item to a stage.
struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move an item to a stage.")

    @Argument(help: "The item's id (or a unique prefix, or its short id).") var id: String
    @Argument(help: "The stage (name, id or a unique prefix).") var stage: String
    @OptionGroup var options: BoardOptions

    func run() throws {
        let (_, (item, target)) = try options.update { board in
            let item = try board.item(matching: id)
            let target = try board.stage(named: stage)
            try board.move(item.id, toStage: target.id, by: CurrentUser.name, at: nowTimestamp())
            return (item, target)
        }
        TerminalSafe.print("\(item.id) → \(target.name)")
    }
}

/// `docket show ID`: prints every field of an item.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an item.")

    @Argument(help: "The item's id (or a unique prefix, or its short id).") var id: String
    @Flag(help: "Print the item as JSON.") var json = false
    @OptionGroup var options: BoardOptions

    func run() throws {
        let (_, loaded) = try options.load()
        let board = loaded.board
        let item = try board.item(matching: id)
        if json { print(ItemListJSON.encode([item], board: board), terminator: ""); return }
        let stage = board.stages.first { $0.id == item.stage }?.name ?? item.stage
        let out = TerminalSafe.oneLine
        var lines = [
            "\(out(item.id))  \(out(item.title))",
            "type:      \(item.type.rawValue)",
            "stage:     \(out(stage))",
            "rank:      \(item.rank)",
            "priority:  \(item.priority?.rawValue ?? "-")",
            "points:    \(item.points?.pointsText ?? "-")",
            "labels:    \(item.labels.isEmpty ? "-" : out(item.labels.joined(separator: ", ")))",
            "assignees: \(item.assignees.isEmpty ? "-" : out(item.assignees.joined(separator: ", ")))",
            "release:   \(out(item.release ?? "-"))",
            "blocked:   \(item.blocked ? "yes" + (item.blockedReason.isEmpty ? "" : ": " + out(item.blockedReason)) : "no")",
            "archived:  \(item.archived ? "yes" + (ArchiveText.details(item, board).map { " (\(out($0)))" } ?? "") : "no")",
            "due:       \(item.due ?? "-")",
            "requester: \(out(item.requester ?? "-"))",
            "votes:     \(item.votes)",
            "epic:      \(out(item.parent ?? "-"))",
            "created:   \(ISODate.format(item.created))",
            "updated:   \(ISODate.format(item.updated))",
        ]
        if !item.sprints.isEmpty { lines.append("sprints:   \(out(item.sprints.joined(separator: "; ")))") }
        if let d = item.duplicateOf { lines.append("duplicate of: \(out(d))") }
        if let z = item.snoozedUntil { lines.append("snoozed until: \(z)") }
        lines += StrategyText.lines(item, board).map(out)
        let inputs = item.scores.fields.compactMap { name, v in v.map { "\(name) \($0.pointsText)" } }
        if !inputs.isEmpty { lines.append("score:     \(board.score(item).map { ScoreText.format($0) } ?? "-") (\(inputs.joined(separator: ", ")))") }
        if !item.criteria.isEmpty {
            lines.append("acceptance:")
            lines += item.criteria.map { "  [\($0.done ? "x" : " ")] \(out($0.text))" }
        }
        if !item.links.isEmpty {
            lines.append("links:")
            lines += item.links.map { "  \(out($0.title.isEmpty ? $0.url : "\($0.title) <\($0.url)>"))" }
        }
        if !item.comments.isEmpty {
            lines.append("comments (newest first):")
            lines += item.comments.reversed().map { "  \(ISODate.format($0.at)) \(out($0.author)): \(out($0.text))" }
        }
        if !item.description.isEmpty { lines += ["", item.description] }
        TerminalSafe.print(lines.joined(separator: "\n"))
    }
}

/// How the CLI says when, by whom and why an item was archived.
enum ArchiveText {
    /// `2026-12-01T10:00:00Z by alice: not our market; from the list “Old”`, or nil for an
    /// open item without a record, reason or list.
    static func details(_ item: Item, _ board: Board) -> String? {
        guard item.archived else { return nil }
        var parts: [String] = []
        if let r = board.archiveRecord(of: item.id) { parts.append("\(ISODate.format(r.at)) by \(r.by)") }
        if let reason = item.archivedReason { parts.append(parts.isEmpty ? reason : ": " + reason) }
        var text = parts.joined()
        if let list = item.archivedList { text += (text.isEmpty ? "" : "; ") + "from the list “\(list)”" }
        return text.isEmpty ? nil : text
    }
}
