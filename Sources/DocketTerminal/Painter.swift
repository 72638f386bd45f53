import CNcurses
import DocketUI

/// Turns style roles into ncurses attributes and colour pairs (one pair per role), and
/// draws single cells with the wide-character API.
struct Painter {
    private var attrs: [StyleRole: (attr_t, Int32)] = [:]

    /// `colors` is the terminal's colour count, 0 for none (`NO_COLOR` or a mono terminal).
    init(theme: Theme, colors: Int) {
        for (i, role) in StyleRole.allCases.enumerated() {
            let style = theme.style(role).adapted(colors: colors)
            var a = docket_a_normal()
            if style.bold { a |= docket_a_bold() }
            if style.underline { a |= docket_a_underline() }
            if style.reverse { a |= docket_a_reverse() }
            if style.dim { a |= docket_a_dim() }
            if style.italic { a |= docket_a_italic() }
            var pair: Int32 = 0
            if colors > 0, style.fg != .default || style.bg != .default {
                pair = Int32(i + 1)
                init_extended_pair(pair, Painter.number(style.fg, colors), Painter.number(style.bg, colors))
            }
            attrs[role] = (a, pair)
        }
    }

    private static func number(_ c: TermColor, _ colors: Int) -> Int32 {
        switch c {
        case .default: return -1
        case .index(let n): return Int32(n < colors ? n : n % 8)
        }
    }

    /// Draws one cell: a grapheme cluster of at most 5 scalars (base + combining marks). A
    /// cluster of several spacing characters (a flag: two regional indicators, 1 column each
    /// to ncurses and the terminal) is drawn one character per column, so ncurses' idea of the
    /// columns matches the Canvas's.
    func put(_ cell: Canvas.Cell, x: Int, y: Int) {
        let (a, pair) = attrs[cell.role] ?? (docket_a_normal(), 0)
        var column = x
        for part in Painter.columns(of: cell.text) {
            var wide = part.scalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
            wide.append(0)
            _ = docket_put_cell(Int32(y), Int32(column), wide, a, pair)
            column += part.width
        }
    }

    /// `text` split where each spacing character starts (its marks stay with it), with the
    /// columns each part takes; one space for empty text.
    static func columns(of text: String) -> [(scalars: [Unicode.Scalar], width: Int)] {
        var parts: [(scalars: [Unicode.Scalar], width: Int)] = []
        for s in text.unicodeScalars {
            let w = DisplayWidth.of(s)
            if w > 0 || parts.isEmpty { parts.append(([s], w)) } else { parts[parts.count - 1].scalars.append(s) }
        }
        return parts.isEmpty ? [([" "], 1)] : parts
    }
}
