/// Makes text from boards and imports safe and predictable to draw: nothing in it can reach
/// the terminal as a control sequence, and every cluster has the width `DisplayWidth` says.
///
/// - C0 controls and DEL become their Unicode control pictures (ESC → `␛`, newline → `␊`,
///   tab → `␉`), so an escape sequence in a title shows as `␛[31m` instead of colouring the screen.
/// - C1 controls, bidi overrides and isolates (U+202A–202E, U+2066–2069) and lone surrogate
///   replacements become `�`; bidi marks (U+200E, U+200F, U+061C) are dropped; the line and
///   paragraph separators (U+2028, U+2029) become `␤`.
/// - Variation selectors (VS15/VS16) are dropped: terminals disagree on the width of `❤️`.
/// - Zero-width joiner sequences are split into their parts (👩‍💻 shows as 👩💻, as tmux draws it).
/// - A skin-tone modifier (U+1F3FB–1F3FF) after the emoji it colours is dropped (👍🏽 shows as
///   👍): terminals disagree on whether the pair takes 2 columns or 4, and a row drawn on the
///   wrong guess loses its column separators. A modifier on its own is kept (2 columns).
/// - A combining mark with no base gets a space to sit on.
public enum SafeText {
    /// The safe form of `text` as a string.
    public static func clean(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        var atClusterStart = true
        for s in text.unicodeScalars {
            let v = s.value
            switch v {
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + v)!); atClusterStart = false; continue
            case 0x7F: out.append("\u{2421}"); atClusterStart = false; continue
            case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0xFFFE, 0xFFFF:
                out.append("\u{FFFD}"); atClusterStart = false; continue
            case 0x2028, 0x2029: out.append("\u{2424}"); atClusterStart = false; continue
            case 0xFE0E, 0xFE0F, 0x200E, 0x200F, 0x061C: continue
            case 0x200D: continue  // the parts of a joined emoji then draw one by one
            case 0x1F3FB...0x1F3FF where out.last?.properties.isEmojiModifierBase == true: continue
            default: break
            }
            if DisplayWidth.of(s) == 0 && out.isEmpty && atClusterStart { out.append(" ") }
            out.append(s)
            atClusterStart = false
        }
        return String(out)
    }

    /// The safe form of `text`, cut to at most `width` columns. When it is cut, the last
    /// column shows `…`.
    /// Only the start of `text` is looked at (`prefix(_:columns:)`), so a 1 MB title costs
    /// no more than a short one.
    public static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        let cut = prefix(text, columns: width + 1)
        if cut.endIndex < text.endIndex { return fit(String(cut), width: width) }
        // Fast path for printable ASCII: one column per byte.
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            if utf8.count <= width { return text }
            return String(decoding: utf8.prefix(width - 1), as: UTF8.self) + "…"
        }
        let safe = clean(text)
        var used = 0
        var out = ""
        for c in safe {
            let w = DisplayWidth.of(c)
            if used + w > width {
                // Cut: make room for the ellipsis.
                while used + 1 > width, let last = out.popLast() { used -= DisplayWidth.of(last) }
                return out + "…"
            }
            out.append(c)
            used += w
        }
        return out
    }

    /// `fit` of `text` on one line (line breaks and tabs as spaces): for a row of a card,
    /// list or pane. Like `fit`, it only looks at the start of `text`.
    public static func fitLine(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        return fit(flattened(String(prefix(text, columns: width + 1))), width: width)
    }

    /// The start of `text` that can fill at most `columns` columns: its first
    /// `columns × 4 + 16` Unicode scalars (room for combining marks and joiners), or all of it.
    /// Drawing only this much keeps the cost of a line independent of the length of the text.
    public static func prefix(_ text: String, columns: Int) -> Substring {
        let scalars = text.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: max(0, columns) * 4 + 16, limitedBy: scalars.endIndex) ?? scalars.endIndex
        return text[..<end]
    }

    /// `text` on one line, whole: line breaks and tabs become spaces before cleaning (for
    /// messages and commit summaries; views use `fitLine`, which looks only at what shows).
    public static func oneLine(_ text: String) -> String { clean(flattened(text)) }

    /// `text` with line breaks and tabs as spaces (nothing else changed).
    public static func flattened(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 }) else { return text }
        return String(text.map { $0 == "\n" || $0 == "\r\n" || $0 == "\t" || $0 == "\r" ? " " : $0 })
    }
}
