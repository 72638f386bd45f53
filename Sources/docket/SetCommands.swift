import ArgumentParser
import DocketCore
import Foundation

/// `docket set ID FIELD=VALUE …`: sets fields of an item (keys of `docket list --json`).
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set",
        abstract: "Set fields of an item: docket set ID points=5 priority=must labels=a,b due=2026-12-15 (empty value clears).")

    @Argument(help: "The item's id (or a unique prefix).") var id: String
    @Argument(help: "FIELD=VALUE pairs. Fields: \(ItemFieldSetter.fields.joined(separator: ", ")).") var assignments: [String]
    @OptionGroup var options: BoardOptions

    func run() throws {
        let pairs = try keyValuePairs(assignments, word: "FIELD")
        let (_, item) = try options.update { board in
            let item = try board.item(matching: id)
            let snapshot = board
            try board.modify(item.id, summary: "set \(pairs.map(\.0).joined(separator: ", ")) of \(item.id)",
                             by: CurrentUser.name, at: nowTimestamp()) { it in
                for (field, value) in pairs { try ItemFieldSetter.set(field, to: value, on: &it, board: snapshot) }
            }
            return item
        }
        TerminalSafe.print(item.id)
    }
}

/// `docket scoring rice|wsjf|none`: chooses how the board scores items.
struct ScoringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scoring",
        abstract: "Choose the board's scoring model: rice, wsjf or none (shows the current one without an argument).")

    @Argument(help: "rice, wsjf or none.") var model: String?
    @OptionGroup var options: BoardOptions

    func run() throws {
        guard let model else {
            let (_, loaded) = try options.load()
            print(loaded.board.scoring.rawValue)
            return
        }
        guard let m = ScoringModel(rawValue: model.lowercased()) else {
            throw ValidationError("unknown scoring model '\(model)': use rice, wsjf or none")
        }
        try options.update { board in
            var header = board.header
            header.scoring = m
            board.upsert([], header: header, action: "scoring", summary: "scoring set to \(m.rawValue)", by: CurrentUser.name, at: nowTimestamp())
        }
        print("scoring: \(m.rawValue)")
    }
}
