/// Whether the terminal's background is light or dark, from what the terminal says:
/// `COLORFGBG` (set by rxvt, Konsole and others) or its answer to an OSC 11 query.
public enum TerminalBackground: String, Equatable, Sendable {
    case light, dark

    /// From `COLORFGBG` (`fg;bg` or `fg;default;bg`, colour numbers): background 7 or 9–15
    /// is light, 0–6 and 8 dark; nil when unset, `default` or unreadable.
    public init?(colorFGBG value: String?) {
        guard let last = value?.split(separator: ";").last, let bg = Int(last.trimmingCharacters(in: .whitespaces)),
              (0...15).contains(bg) else { return nil }
        self = bg == 7 || bg >= 9 ? .light : .dark
    }

    /// From a terminal's answer to `ESC ] 11 ; ? ST` somewhere in `bytes`:
    /// `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` (1–4 hex digits a channel) ended by BEL or ESC \.
    /// Light when the colour's relative luminance (ITU-R BT.709 weights) is above 0.5; nil
    /// when there is no such answer.
    public init?(osc11Reply bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let start = text.range(of: "\u{1B}]11;rgb:") else { return nil }
        let rest = text[start.upperBound...]
        let body = rest.prefix { $0 != "\u{7}" && $0 != "\u{1B}" }
        guard body.endIndex < rest.endIndex else { return nil }  // not ended yet
        let channels = body.split(separator: "/")
        guard channels.count == 3 else { return nil }
        var values: [Double] = []
        for c in channels {
            guard (1...4).contains(c.count), let v = Int(c, radix: 16) else { return nil }
            values.append(Double(v) / Double((1 << (4 * c.count)) - 1))
        }
        let luminance = 0.2126 * values[0] + 0.7152 * values[1] + 0.0722 * values[2]
        self = luminance > 0.5 ? .light : .dark
    }
}
