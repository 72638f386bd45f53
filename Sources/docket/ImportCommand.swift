import ArgumentParser
import DocketCore
import Foundation

/// `docket import FILE`: imports a Trello board JSON export into the current board, or into
/// a new board with `--new FILE`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import",
        abstract: "Import a Trello board export (JSON) into this board, or a new one with --new.")

    @Argument(help: "The export file.") var file: String
    @Option(name: .customLong("new"), help: "Create this new board file from the export instead.") var newBoard: String?
    @OptionGroup var options: BoardOptions

    func run() throws {
        let data = try readFile(file)
        let first = data.first { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }
        guard first == UInt8(ascii: "{") else {
            throw BoardStoreError("\(file) is not a Trello board export (JSON): only Trello exports can be imported so far")
        }
        let imported = try TrelloImport.parse(data, path: file)
        let user = CurrentUser.name
        let now = nowTimestamp()
        if let newBoard {
            let url = URL(fileURLWithPath: newBoard).standardizedFileURL
            guard !FileManager.default.fileExists(atPath: url.path) else {
                throw BoardStoreError("\(url.path) already exists: import into it with `docket import \(file) -b \(newBoard)`")
            }
            try BoardStore.save(imported.makeBoard(by: user, at: now), to: url)
            print("created \(url.path)\n\(imported.summary.text)")
        } else {
            var (url, board) = try options.loadForEditing()
            board = imported.merge(into: board, by: user, at: now).board
            try BoardStore.save(board, to: url)
            print("imported into \(url.path)\n\(imported.summary.text)")
        }
    }
}
