/// A terminal colour: the terminal's default, or an index into the 256-colour palette
/// (0–7 the basic colours, 8–15 their bright forms, 16–231 the 6×6×6 cube, 232–255 greys).
public enum TermColor: Equatable, Hashable, Sendable {
    case `default`
    case index(Int)

    /// Basic colour names in palette order.
    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `default`, a basic name, `bright-NAME`, a number 0–255 or `#rrggbb`
    /// (mapped to the nearest cube colour); nil otherwise.
    public init?(parsing text: String) {
        let t = text.lowercased()
        if t == "default" || t == "none" { self = .default; return }
        if let i = TermColor.names.firstIndex(of: t) { self = .index(i); return }
        if t.hasPrefix("bright-"), let i = TermColor.names.firstIndex(of: String(t.dropFirst(7))) { self = .index(i + 8); return }
        if let n = Int(t), (0...255).contains(n) { self = .index(n); return }
        if t.hasPrefix("#"), t.count == 7, let v = Int(t.dropFirst(), radix: 16) {
            let cube = { (c: Int) -> Int in c < 48 ? 0 : c < 115 ? 1 : (c - 35) / 40 }
            self = .index(16 + 36 * cube(v >> 16 & 255) + 6 * cube(v >> 8 & 255) + cube(v & 255))
            return
        }
        return nil
    }

    /// The nearest of the 8 basic colours, for terminals that have only those.
    public var basic: TermColor {
        guard case .index(let n) = self, n >= 8 else { return self }
        if n < 16 { return .index(n - 8) }
        let (r, g, b): (Int, Int, Int)
        if n >= 232 { let v = (n - 232) * 10 + 8; (r, g, b) = (v, v, v) }
        else { let c = n - 16; let level = { (k: Int) in k == 0 ? 0 : 55 + k * 40 }; (r, g, b) = (level(c / 36), level(c / 6 % 6), level(c % 6)) }
        // Each basic colour is a corner of the RGB cube: pick by which channels are bright.
        let bright = (r + g + b) / 3
        let bit = { (v: Int) in v > max(64, bright / 2) ? 1 : 0 }
        let idx = bit(r) | bit(g) << 1 | bit(b) << 2
        return .index(idx)
    }
}

/// How cells of one role look: colours and attributes.
public struct Style: Equatable, Sendable {
    public var fg: TermColor = .default
    public var bg: TermColor = .default
    /// Colours to use on 8-colour terminals (nil: derived with `TermColor.basic`).
    public var fg8: TermColor?
    public var bg8: TermColor?
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false
    public var italic = false

    public init(fg: TermColor = .default, bg: TermColor = .default, bold: Bool = false,
                underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.underline = underline; self.reverse = reverse; self.dim = dim
    }

    /// This style for a terminal with `colors` colours (8, 16, 256…), or without colour
    /// (`colors == 0`, also for `NO_COLOR`): attributes only.
    public func adapted(colors: Int) -> Style {
        var s = self
        if colors <= 0 {
            // Without colour, a role that stands out by its background (the selected card,
            // the status line) stands out by reverse video instead.
            if bg != .default { s.reverse = !reverse }
            s.fg = .default; s.bg = .default
            return s
        }
        if colors < 16 { s.fg = fg8 ?? fg.basic; s.bg = bg8 ?? bg.basic }
        else if colors < 256 {
            if case .index(let n) = fg, n >= 16 { s.fg = fg8 ?? fg.basic }
            if case .index(let n) = bg, n >= 16 { s.bg = bg8 ?? bg.basic }
        }
        return s
    }
}

/// A theme: a name and a style for every role. Roles a theme file leaves out look like `normal`.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var styles: [StyleRole: Style]
    /// The terminal background the theme is made for (its roles may set a foreground alone
    /// on it); nil for a theme that works on any (the default theme: colours only as fg and
    /// bg together).
    public var background: TerminalBackground?

    public init(name: String, styles: [StyleRole: Style], background: TerminalBackground? = nil) {
        self.name = name; self.styles = styles; self.background = background
    }

    public func style(_ role: StyleRole) -> Style { styles[role] ?? styles[.normal] ?? Style() }
}
