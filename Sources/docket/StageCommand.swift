import ArgumentParser
import DocketCore
import Foundation

/// `docket stage …`: lists and manages the board's stages. Every change is one undoable edit
/// (logged as a `stage` entry) and merges by stage id through git like any other change.
struct StageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stage",
        abstract: "List the stages, or add, rename, move, remove, hide, show one, or set its WIP limit, kind or SLA.",
        subcommands: [StageList.self, StageAdd.self, StageRename.self, StageMove.self, StageRemove.self, StageHide.self,
                      StageShow.self, StageWIP.self, StageKindCommand.self, StageSLA.self],
        defaultSubcommand: StageList.self)
}

/// Runs one stage change under the board's lock and prints what it did.
private func changeStage(_ options: BoardOptions, _ stage: String, _ summary: @escaping (Stage) -> String,
                         _ body: @escaping (inout BoardHeader, Stage) throws -> Void) throws {
    let (_, said) = try options.update { board -> String in
        let s = try board.stage(named: stage)
        let text = summary(s)
        try board.changeStages(text, by: CurrentUser.name, at: nowTimestamp()) { try body(&$0, s) }
        return text
    }
    TerminalSafe.print(said)
}

/// `docket stage list`: one line per stage: id, name, kind, items, WIP limit, SLA, hidden.
struct StageList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the stages in order (tab-separated).")
    @OptionGroup var options: BoardOptions

    func run() throws {
        let board = try options.load().1.board
        let out = TerminalSafe.oneLine
        for s in board.stages {
            let cols = [out(s.id), out(s.name), s.kind.rawValue, "\(board.column(s.id).count) items",
                        s.wipLimit.map { "wip \($0)" } ?? "-", s.slaDays.map { "sla \($0)d" } ?? "-", s.hidden ? "hidden" : "shown"]
            TerminalSafe.print(cols.joined(separator: "\t"))
        }
        for id in board.unknownStageIDs(includeArchived: true) {
            TerminalSafe.print("\(out(id))\t(unknown stage: run `docket check --fix`)")
        }
    }
}

struct StageAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a stage (before the first done stage, or at --at).")
    @Argument(help: "The new stage's name.") var name: String
    @Option(help: "Its position, 1 for first.") var at: Int?
    @Option(help: "inbox, todo, doing or done (default: doing).") var kind: StageKind?
    @OptionGroup var options: BoardOptions

    func run() throws {
        let (_, stage) = try options.update { board -> Stage in
            var added: Stage?
            try board.changeStages("added the stage \(name)", by: CurrentUser.name, at: nowTimestamp()) { h in
                let s = try h.addStage(named: name)
                if let kind { try h.setStageKind(s.id, kind) }
                if let at { try h.moveStage(s.id, to: at - 1) }
                added = s
            }
            return added!
        }
        TerminalSafe.print("added the stage \(TerminalSafe.oneLine(name)) (id \(stage.id))")
    }
}

struct StageRename: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a stage (its id stays).")
    @Argument(help: "The stage (name, id or a unique prefix).") var stage: String
    @Argument(help: "The new name.") var name: String
    @OptionGroup var options: BoardOptions
    func run() throws {
        try changeStage(options, stage, { "renamed \($0.name) to \(name)" }) { h, s in try h.renameStage(s.id, to: name) }
    }
}

struct StageMove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move",
        abstract: "Move a stage to a position (1 for first), or --before/--after another stage.")
    @Argument(help: "The stage (name, id or a unique prefix).") var stage: String
    @Argument(help: "The new position, 1 for first.") var position: Int?
    @Option(help: "Put it before this stage.") var before: String?
    @Option(help: "Put it after this stage.") var after: String?
    @OptionGroup var options: BoardOptions

    func validate() throws {
        guard [position != nil, before != nil, after != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("give one of: a position (1 for first), --before STAGE, --after STAGE")
        }
    }

    func run() throws {
        let (_, said) = try options.update { board -> String in
            let s = try board.stage(named: stage)
            var rest = board.stages.filter { $0.id != s.id }
            var index = (position ?? 1) - 1
            if let other = before ?? after {
                let o = try board.stage(named: other)
                guard o.id != s.id else { throw ValidationError("a stage cannot move next to itself") }
                index = rest.firstIndex { $0.id == o.id }! + (after != nil ? 1 : 0)
            }
            index = min(max(0, index), rest.count)
            rest.insert(s, at: index)
            let text = "moved \(s.name) to position \(index + 1): " + rest.map(\.name).joined(separator: " │ ")
            try board.changeStages("moved the stage \(s.name)", by: CurrentUser.name, at: nowTimestamp()) { try $0.moveStage(s.id, to: index) }
            return text
        }
        TerminalSafe.print(TerminalSafe.oneLine(said))
    }
}

struct StageRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove",
        abstract: "Remove a stage: only an empty one, or with --move-to STAGE for its items.")
    @Argument(help: "The stage (name, id or a unique prefix).") var stage: String
    @Option(name: .customLong("move-to"), help: "Move its items (archived ones too) to this stage first.") var moveTo: String?
    @OptionGroup var options: BoardOptions

    func run() throws {
        let (_, edit) = try options.update { board -> Edit in
            let s = try board.stage(named: stage)
            let target = try moveTo.map { try board.stage(named: $0).id }
            return try board.removeStage(s.id, moveTo: target, by: CurrentUser.name, at: nowTimestamp())
        }
        TerminalSafe.print(TerminalSafe.oneLine(edit.summary))
    }
}

struct StageHide: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hide",
        abstract: "Fold a stage's column to a strip with its count (its items stay).")
    @Argument(help: "The stage (name, id or a unique prefix).") var stage: String
    @OptionGroup var options: BoardOptions
    func run() throws {
        try changeStage(options, stage, { "hid \($0.name)" }) { h, s in try h.setStageHidden(s.id, true) }
    }
}

struct StageShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Unfold a hidden stage's column.")
    @Argument(help: "The stage (name, id or a unique prefix).") var stage: String
    @OptionGroup var options: BoardOptions
    func run() throws {
        try changeStage(options, stage, { "showed \($0.name)" }) { h, s in try h.setStageHidden(s.id, false) }
    }
}

struct StageWIP: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wip", abstract: "Set a stage's WIP limit (0: none).")
    @Argument(help: "The stage (name, id or a unique prefix).") var stage: String
    @Argument(help: "The limit in items, 0 for none.") var limit: Int
    @OptionGroup var options: BoardOptions
    func run() throws {
        try changeStage(options, stage, { "WIP limit of \($0.name): \(limit == 0 ? "none" : String(limit))" }) { h, s in
            try h.setStageWIP(s.id, limit)
        }
    }
}

struct StageKindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kind", abstract: "Set a stage's kind: inbox, todo, doing or done.")
    @Argument(help: "The stage (name, id or a unique prefix).") var stage: String
    @Argument(help: "inbox, todo, doing or done.") var kind: StageKind
    @OptionGroup var options: BoardOptions
    func run() throws {
        try changeStage(options, stage, { "\($0.name): kind \(kind.rawValue)" }) { h, s in try h.setStageKind(s.id, kind) }
    }
}

struct StageSLA: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sla",
        abstract: "Set a stage's service level expectation: the age (3d, 2w) an item may reach in it; none to clear.")
    @Argument(help: "The stage (name, id or a unique prefix).") var stage: String
    @Argument(help: "Days like 3d (or 3), weeks like 2w, or none.") var age: String
    @OptionGroup var options: BoardOptions
    func run() throws {
        let days = try BoardHeader.parseSLA(age)
        try changeStage(options, stage, { "SLA of \($0.name): \(days.map { "\($0)d" } ?? "none")" }) { h, s in try h.setStageSLA(s.id, days: days) }
    }
}

extension StageKind: ExpressibleByArgument {}
