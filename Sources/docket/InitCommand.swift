import ArgumentParser
import DocketCore
import Foundation

/// `docket init [FILE]`: creates a board with the default stages.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init",
        abstract: "Create a board with the stages Inbox, Ideas, Ready, In progress, Review, Done.")

    @Argument(help: "Where to create it (default: ./docket.json).")
    var file: String?

    @Option(help: "The board's name (default: the folder's name).")
    var name: String?

    func run() throws {
        let url = URL(fileURLWithPath: file ?? BoardLocator.fileName).standardizedFileURL
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw BoardStoreError("\(url.path) already exists; nothing changed")
        }
        let boardName = name ?? url.deletingLastPathComponent().lastPathComponent
        let board = Board(name: boardName, stages: Board.defaultStages())
        try BoardStore.create(board, at: url)
        print("created \(url.path)")
    }
}
