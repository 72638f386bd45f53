import ArgumentParser
import DocketCore
import Foundation

/// `docket add TITLE`: adds an item (to the first stage unless `--stage` says otherwise).
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an item.")

    @Argument(help: "The item's title.") var title: String
    @Option(help: "The stage (name, id or a unique prefix); default: the first stage.") var stage: String?
    @Option(help: "MoSCoW priority: must, should, could, wont.") var priority: String?
    @Option(help: "Story points (a number ≥ 0).") var points: Double?
    @OptionGroup var options: BoardOptions

    func run() throws {
        var (url, board) = try options.loadForEditing()
        guard let first = board.stages.first else { throw BoardStoreError("the board has no stages") }
        let stageID = try stage.map { try board.stage(named: $0).id } ?? first.id
        let prio = try priority.map { p -> Priority in
            guard let v = Priority(word: p) else { throw DocketError.invalidValue(field: "priority", value: p, expected: "must, should, could or wont") }
            return v
        }
        let (item, _) = try board.addItem(title: title, stage: stageID, priority: prio, points: points,
                                          by: CurrentUser.name, at: nowTimestamp())
        try BoardStore.save(board, to: url)
        print(item.id)
    }
}

/// `docket move ID STAGE`: moves an item to a stage.
struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move an item to a stage.")

    @Argument(help: "The item's id (or a unique prefix).") var id: String
    @Argument(help: "The stage (name, id or a unique prefix).") var stage: String
    @OptionGroup var options: BoardOptions

    func run() throws {
        var (url, board) = try options.loadForEditing()
        let item = try board.item(matching: id)
        let target = try board.stage(named: stage)
        try board.move(item.id, toStage: target.id, by: CurrentUser.name, at: nowTimestamp())
        try BoardStore.save(board, to: url)
        print("\(item.id) → \(target.name)")
    }
}

/// `docket show ID`: prints every field of an item.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an item.")

    @Argument(help: "The item's id (or a unique prefix).") var id: String
    @Flag(help: "Print the item as JSON.") var json = false
    @OptionGroup var options: BoardOptions

    func run() throws {
        let (_, loaded) = try options.load()
        let board = loaded.board
        let item = try board.item(matching: id)
        if json { print(ItemListJSON.encode([item], board: board), terminator: ""); return }
        let stage = board.stages.first { $0.id == item.stage }?.name ?? item.stage
        let out = TerminalSafe.isTerminal ? TerminalSafe.clean : { $0 }
        var lines = [
            "\(item.id)  \(out(item.title))",
            "type:      \(item.type.rawValue)",
            "stage:     \(out(stage))",
            "rank:      \(item.rank)",
            "priority:  \(item.priority?.rawValue ?? "-")",
            "points:    \(item.points?.pointsText ?? "-")",
            "labels:    \(item.labels.isEmpty ? "-" : out(item.labels.joined(separator: ", ")))",
            "assignees: \(item.assignees.isEmpty ? "-" : out(item.assignees.joined(separator: ", ")))",
            "release:   \(out(item.release ?? "-"))",
            "blocked:   \(item.blocked ? "yes" + (item.blockedReason.isEmpty ? "" : ": " + out(item.blockedReason)) : "no")",
            "archived:  \(item.archived ? "yes" : "no")",
            "created:   \(ISODate.format(item.created))",
            "updated:   \(ISODate.format(item.updated))",
        ]
        if !item.description.isEmpty { lines += ["", out(item.description)] }
        print(lines.joined(separator: "\n"))
    }
}
