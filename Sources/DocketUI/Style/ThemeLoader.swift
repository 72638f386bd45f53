import Foundation
import TOMLKit

/// A theme file that cannot be used: `file` and `key` (e.g. `roles.card.fg`) say where.
public struct ThemeError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var key: String?
    public var message: String
    public var description: String { "\(file): \(key.map { "\($0): " } ?? "")\(message)" }
}

/// Reads themes from TOML (with TOMLKit). A theme file looks like:
///
///     name = "default"
///     background = "dark"   # optional: the terminal background it is made for
///     [roles.normal]
///     fg = "default"
///     [roles."card.selected"]
///     fg = "black"
///     bg = "cyan"      # or 0–255, "bright-cyan", "#00afaf"
///     bg8 = "cyan"     # optional: the colour on 8-colour terminals
///     bold = true      # also underline, reverse, dim, italic
///
/// Role names are `StyleRole` raw values. Throws `ThemeError` naming the file and key.
public enum ThemeLoader {
    public static func parse(_ toml: String, file: String) throws -> Theme {
        let table: TOMLTable
        do { table = try TOMLTable(string: toml) } catch let e as TOMLParseError {
            throw ThemeError(file: file, key: nil, message: "\(e.description) (line \(e.source.begin.line), column \(e.source.begin.column))")
        }
        let name = table["name"]?.string ?? (file as NSString).lastPathComponent.replacingOccurrences(of: ".toml", with: "")
        for key in table.keys where !["name", "roles", "background"].contains(key) {
            throw ThemeError(file: file, key: key, message: "unknown key (a theme has `name`, `background` and `[roles.ROLE]` tables)")
        }
        var background: TerminalBackground?
        if let value = table["background"] {
            guard let text = value.string, let bg = TerminalBackground(rawValue: text) else {
                throw ThemeError(file: file, key: "background", message: "expected \"light\" or \"dark\" (the terminal background the theme is made for)")
            }
            background = bg
        }
        guard let roles = table["roles"]?.table else {
            throw ThemeError(file: file, key: "roles", message: "missing: a theme needs a [roles.normal] table at least")
        }
        var styles: [StyleRole: Style] = [:]
        for key in roles.keys {
            guard let role = StyleRole(rawValue: key) else {
                throw ThemeError(file: file, key: "roles.\(key)",
                                 message: "unknown role (known: \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let t = roles[key]?.table else { throw ThemeError(file: file, key: "roles.\(key)", message: "expected a table") }
            styles[role] = try style(t, at: "roles.\(key)", file: file)
        }
        return Theme(name: name, styles: styles, background: background)
    }

    private static func style(_ t: TOMLTable, at path: String, file: String) throws -> Style {
        var s = Style()
        for key in t.keys {
            let value = t[key]!
            let where_ = "\(path).\(key)"
            switch key {
            case "fg", "bg", "fg8", "bg8":
                let text: String
                if let str = value.string { text = str } else if let n = value.int { text = String(n) } else {
                    throw ThemeError(file: file, key: where_, message: "expected a colour name, 0–255 or \"#rrggbb\"")
                }
                guard let c = TermColor(parsing: text) else {
                    throw ThemeError(file: file, key: where_, message: "unknown colour '\(text)' (use default, \(TermColor.names.joined(separator: ", ")), bright-NAME, 0–255 or #rrggbb)")
                }
                switch key { case "fg": s.fg = c; case "bg": s.bg = c; case "fg8": s.fg8 = c; default: s.bg8 = c }
            case "bold", "underline", "reverse", "dim", "italic":
                guard let b = value.bool else { throw ThemeError(file: file, key: where_, message: "expected true or false") }
                switch key {
                case "bold": s.bold = b; case "underline": s.underline = b; case "reverse": s.reverse = b
                case "dim": s.dim = b; default: s.italic = b
                }
            default:
                throw ThemeError(file: file, key: where_, message: "unknown key (use fg, bg, fg8, bg8, bold, underline, reverse, dim, italic)")
            }
        }
        return s
    }

    /// Loads a theme by built-in name (`default`, `light`, `high-contrast`, `mono`) or by file path.
    /// Throws `ThemeError` for a missing file or a bad one.
    public static func load(_ nameOrPath: String) throws -> Theme {
        if let text = BuiltinThemes.all[nameOrPath] { return try parse(text, file: "themes/\(nameOrPath).toml") }
        guard let data = FileManager.default.contents(atPath: nameOrPath), let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: nameOrPath, key: nil,
                             message: "no such theme file (built-in themes: \(BuiltinThemes.all.keys.sorted().joined(separator: ", ")))")
        }
        return try parse(text, file: nameOrPath)
    }

    /// The built-in theme for `background` when the user named none: `light` on a light
    /// background, else `default`.
    public static func automatic(for background: TerminalBackground?) -> Theme {
        // Both are built in and tested to load.
        try! load(background == .light ? "light" : "default")
    }
}
