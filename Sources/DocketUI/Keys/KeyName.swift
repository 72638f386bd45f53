/// Key names as `keys.toml` and `docket keys` write them: a character as itself (`L`, `?`),
/// or a name: `enter`, `esc`, `tab`, `shift-tab`, `space`, `backspace`, `delete`, `home`,
/// `end`, `page-up`, `page-down`, `up`, `down`, `left`, `right`, `shift-up` … `shift-right`,
/// `ctrl-a` … `ctrl-z`, `f1` … `f12`, `insert`, `ctrl-left`, `ctrl-right`, `alt-x` (Alt plus a
/// character, which keeps its case), `alt-backspace`. Names ignore case; a single character does not.
public enum KeyName {
    private static let named: [(String, Key)] = [
        ("enter", .enter), ("esc", .escape), ("escape", .escape), ("tab", .tab), ("shift-tab", .backTab),
        ("space", .char(" ")), ("backspace", .backspace), ("delete", .delete), ("home", .home), ("end", .end),
        ("page-up", .pageUp), ("pgup", .pageUp), ("page-down", .pageDown), ("pgdn", .pageDown),
        ("up", .up), ("down", .down), ("left", .left), ("right", .right),
        ("shift-up", .shiftUp), ("shift-down", .shiftDown), ("shift-left", .shiftLeft), ("shift-right", .shiftRight),
        ("insert", .insert), ("ctrl-left", .ctrlLeft), ("ctrl-right", .ctrlRight), ("alt-backspace", Key.altBackspace),
    ]

    /// The key a name stands for; nil for an unknown name.
    public static func parse(_ text: String) -> Key? {
        if text.count == 1, let c = text.first, !c.isWhitespace, !(c.asciiValue.map { $0 < 32 || $0 == 127 } ?? false) {
            return .char(c)
        }
        let lower = text.lowercased()
        if let k = named.first(where: { $0.0 == lower })?.1 { return k }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isLetter, c.isASCII { return .ctrl(c) }
        if lower.hasPrefix("alt-"), text.count == 5, let c = text.last, !c.isWhitespace { return .alt(c) }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) { return .function(n) }
        return nil
    }

    /// The name `parse` reads back for `key`.
    public static func name(of key: Key) -> String {
        if case .char(let c) = key { return c == " " ? "space" : String(c) }
        if case .ctrl(let c) = key { return "ctrl-\(c)" }
        if case .function(let n) = key { return "f\(n)" }
        if case .alt(let c) = key, key != Key.altBackspace { return "alt-\(c)" }
        return named.first { $0.1 == key }?.0 ?? key.label
    }
}
