import ArgumentParser
import DocketUI
import Foundation

/// `docket keys [--json]`: the keymap in force — every screen's keys with the user's
/// `keys.toml` applied — as a table (screen, keys, action, description) or JSON. A bad
/// `keys.toml` is reported with `file:line` and exits 1.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the keys of every screen (with your keys.toml applied).",
        discussion: "Remap keys in $XDG_CONFIG_HOME/docket/keys.toml (default ~/.config/docket/keys.toml; DOCKET_KEYS names another file), e.g.\n[board]\nmove-right = [\"L\", \"shift-right\"]")

    @Flag(help: "Print JSON: a list of {screen, action, keys, description}.")
    var json = false

    @Flag(help: "Print Markdown tables, one per screen (as in the README).")
    var markdown = false

    func run() throws {
        let keymaps: Keymaps
        do { keymaps = try KeymapFile.load() } catch let error as KeymapFileError {
            printError("docket: \(error)")
            throw ExitCode(1)
        }
        let rows = keymaps.ordered.flatMap { table in
            table.actions.map { (table.screen, $0.name, table.keys(for: $0.name).map(KeyName.name(of:)), $0.summary) }
        }
        if markdown { print(KeyReference.markdown(keymaps), terminator: ""); return }
        if json {
            let objects = rows.map { ["screen": $0.0, "action": $0.1, "keys": $0.2, "description": $0.3] as [String: Any] }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        let keyWidth = min(24, rows.map { $0.2.joined(separator: " ").count }.max() ?? 0)
        let actionWidth = rows.map { $0.1.count }.max() ?? 0
        for (screen, table) in Dictionary(grouping: rows, by: { $0.0 }).sorted(by: { a, b in
            keymaps.ordered.firstIndex { $0.screen == a.key }! < keymaps.ordered.firstIndex { $0.screen == b.key }! }) {
            print("[\(screen)]")
            for row in table {
                let keys = row.2.isEmpty ? "(unbound)" : row.2.joined(separator: " ")
                print("  " + keys.padding(toLength: max(keyWidth, keys.count), withPad: " ", startingAt: 0) + "  "
                      + row.1.padding(toLength: actionWidth, withPad: " ", startingAt: 0) + "  " + row.3)
            }
        }
    }
}
