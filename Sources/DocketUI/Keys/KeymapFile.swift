import Foundation
import TOMLKit

/// A `keys.toml` that cannot be used: where (`file:line`) and why. Docket then exits 1
/// without opening the board.
public struct KeymapFileError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var line: Int?
    public var message: String
    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

/// Reads the user's key overrides (TOML, with TOMLKit), one table per screen:
///
///     [board]
///     move-right = ["L", "shift-right"]
///     quit = "Q"
///
/// An action listed gets exactly the keys given (its built-in keys are replaced); screens and
/// actions are those of `docket keys`; key names are `KeyName`'s. Throws `KeymapFileError`
/// for invalid TOML, an unknown screen, action or key name, a key bound to two actions of
/// one screen, or a `[global]` key that a screen binds to something else (the screen's key
/// wins there, so the global action would be out of reach on that screen).
public enum KeymapFile {
    /// Where the file is: `$DOCKET_KEYS`, else `$XDG_CONFIG_HOME/docket/keys.toml`, else
    /// `~/.config/docket/keys.toml`.
    public static func path(environment: [String: String]) -> String {
        if let p = environment["DOCKET_KEYS"], !p.isEmpty { return p }
        if let x = environment["XDG_CONFIG_HOME"], !x.isEmpty { return x + "/docket/keys.toml" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/docket/keys.toml"
    }

    /// The keymaps in force: the built-in ones with the file at `path(environment:)` applied
    /// (the built-in ones when there is no file; `DOCKET_KEYS` naming a missing file is an error).
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Keymaps {
        let file = path(environment: environment)
        guard let data = FileManager.default.contents(atPath: file) else {
            if environment["DOCKET_KEYS"].map({ !$0.isEmpty }) == true {
                throw KeymapFileError(file: file, line: nil, message: "no such file (DOCKET_KEYS names it)")
            }
            return .standard
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw KeymapFileError(file: file, line: nil, message: "not UTF-8 text")
        }
        return try apply(text, file: file, to: .standard)
    }

    /// Applies the overrides in `text` to `keymaps`.
    public static func apply(_ text: String, file: String, to keymaps: Keymaps) throws -> Keymaps {
        let root: TOMLTable
        do { root = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw KeymapFileError(file: file, line: e.source.begin.line, message: "invalid TOML: \(e.description)")
        }
        var result = keymaps
        let lines = LineFinder(text)
        for screen in root.keys.sorted(by: { lines.line(section: $0, key: nil) ?? 0 < lines.line(section: $1, key: nil) ?? 0 }) {
            let at = lines.line(section: screen, key: nil)
            guard var table = result.tables[screen] else {
                throw KeymapFileError(file: file, line: at, message: "unknown screen [\(screen)] (screens: \(keymaps.ordered.map(\.screen).joined(separator: ", ")))")
            }
            guard let overrides = root[screen]?.table else {
                throw KeymapFileError(file: file, line: at, message: "\(screen) must be a table: [\(screen)] then action = [\"key\", …]")
            }
            for action in overrides.keys {
                let line = lines.line(section: screen, key: action) ?? at
                guard table.actions.contains(where: { $0.name == action }) else {
                    throw KeymapFileError(file: file, line: line,
                        message: "unknown action \(action) in [\(screen)] (actions: \(table.actions.map(\.name).joined(separator: ", ")))")
                }
                let names: [String]
                if let one = overrides[action]?.string { names = [one] }
                else if let list = overrides[action]?.array, list.allSatisfy({ $0.string != nil }) { names = list.compactMap { $0.string } }
                else { throw KeymapFileError(file: file, line: line, message: "\(action): expected a key name or a list of them, e.g. [\"L\", \"shift-right\"]") }
                var keys: [Key] = []
                for name in names {
                    guard let key = KeyName.parse(name) else {
                        throw KeymapFileError(file: file, line: line,
                            message: "unknown key \"\(name)\" for \(action) (a character, or enter, esc, tab, space, up, shift-right, ctrl-r, page-down, f5 …)")
                    }
                    keys.append(key)
                }
                table.rebind(action, to: keys)
            }
            var seen: [Key: String] = [:]
            for b in table.bindings {
                if let other = seen[b.key], other != b.action {
                    let line = lines.line(section: screen, key: b.action) ?? lines.line(section: screen, key: other) ?? at
                    throw KeymapFileError(file: file, line: line,
                        message: "key \(KeyName.name(of: b.key)) is bound to both \(other) and \(b.action) in [\(screen)]")
                }
                seen[b.key] = b.action
            }
            result.tables[screen] = table
        }
        let added = shadows(in: result).subtracting(shadows(in: keymaps))
        if let s = added.min(by: { ($0.screen, $0.key) < ($1.screen, $1.key) }) {
            let line = lines.line(section: GlobalKeys.id, key: s.global) ?? lines.line(section: s.screen, key: s.action)
            throw KeymapFileError(file: file, line: line,
                message: "key \(s.key) is bound to \(s.global) in [global] and to \(s.action) in [\(s.screen)]: the screen's key wins there, so \(s.global) would be out of reach")
        }
        return result
    }

    /// The keys a screen binds to something other than what `[global]` binds them to, as
    /// (key name, global action, screen, screen action).
    private static func shadows(in keymaps: Keymaps) -> Set<Shadow> {
        guard let global = keymaps.tables[GlobalKeys.id] else { return [] }
        var out: Set<Shadow> = []
        for (screen, table) in keymaps.tables where screen != GlobalKeys.id && screen != EditorKeys.id {
            for b in global.bindings {
                if let action = table.action(for: b.key), action != b.action {
                    out.insert(Shadow(key: KeyName.name(of: b.key), global: b.action, screen: screen, action: action))
                }
            }
        }
        return out
    }

    private struct Shadow: Hashable { var key, global, screen, action: String }
}

/// Finds the line of a `[section]` or of `key =` inside it, for error messages (TOMLKit
/// does not say where a key was).
private struct LineFinder {
    var lines: [Substring]
    init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }

    func line(section: String, key: String?) -> Int? {
        var inSection = false
        for (i, raw) in lines.enumerated() {
            let t = raw.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("[") {
                let name = t.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
                inSection = name == section
                if inSection, key == nil { return i + 1 }
                continue
            }
            guard inSection, let key else { continue }
            let k = t.prefix { $0 != "=" }.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            if k == key { return i + 1 }
        }
        return nil
    }
}
