/// Escape sequences: what the bytes after an ESC mean (see `KeyDecoder`).
extension KeyDecoder {
    private static let lbracket: UInt8 = 0x5B, letterO: UInt8 = 0x4F

    /// ESC at `i`: a sequence, an OSC/DCS string, Alt plus a character, or a lone Esc.
    static func escape(_ b: [UInt8], _ i: Int, final: Bool) -> Step {
        guard i + 1 < b.count else { return final ? .event(.key(.escape), 1) : .need }
        let c = b[i + 1]
        switch c {
        case lbracket: return csi(b, i, final: final)
        case letterO: return ss3(b, i, final: final)
        case 0x1B:
            // Esc Esc [ / Esc Esc O: Alt plus a sequence (rxvt's Alt-arrows) is that
            // sequence's key. Otherwise the first Esc is an Esc of its own.
            guard i + 2 < b.count else { return final ? .event(.key(.escape), 1) : .need }
            guard b[i + 2] == lbracket || b[i + 2] == letterO else { return .event(.key(.escape), 1) }
            switch escape(b, i + 1, final: final) {
            case .need: return .need
            case .event(let e, let n): return .event(e, n + 1)
            case .pasteStart(let n): return .pasteStart(n + 1)
            case .text: return .event(nil, 1)
            }
        case 0x5D, 0x50:  // ESC ] (OSC), ESC P (DCS): a terminal's answer, or Alt-] / Alt-P
            guard i + 2 < b.count else { return final ? .event(.key(.alt(Character(Unicode.Scalar(c)))), 2) : .need }
            let next = b[i + 2]
            let isString = c == 0x5D ? (0x30...0x39).contains(next)
                                     : (0x30...0x39).contains(next) || [0x3E, 0x2B, 0x21, 0x7C, 0x24].contains(next)
            return isString ? string(b, i, final: final) : .event(.key(.alt(Character(Unicode.Scalar(c)))), 2)
        case 0x7F, 0x08: return .event(.key(Key.altBackspace), 2)
        case 0x20..<0x7F: return .event(.key(.alt(Character(Unicode.Scalar(c)))), 2)
        case 0x00..<0x20: return .event(nil, 2)  // Ctrl-Alt-x, Alt-Enter: not bound, dropped
        default:
            switch utf8(b, i + 1, final: final) {
            case .need: return .need
            case .invalid: return .event(.key(.escape), 1)
            case .scalar(let s, let n): return .event(.key(.alt(Character(s))), n + 1)
            }
        }
    }

    /// An OSC or DCS string from `i` (ESC ] / ESC P), ended by BEL or ESC \; dropped whole.
    private static func string(_ b: [UInt8], _ i: Int, final: Bool) -> Step {
        var k = i + 2
        while k < b.count {
            if k - i > maxString { return .event(nil, k - i) }
            switch b[k] {
            case 0x07: return .event(nil, k + 1 - i)
            case 0x1B:
                guard k + 1 < b.count else { return final ? .event(nil, b.count - i) : .need }
                return .event(nil, b[k + 1] == 0x5C ? k + 2 - i : k - i)
            default: k += 1
            }
        }
        return final ? .event(nil, b.count - i) : .need
    }

    /// CSI: `ESC [` parameters (0x30–0x3F), intermediates (0x20–0x2F), a final byte
    /// (0x40–0x7E, or rxvt's `$`). Also `ESC [ [ A` (Linux console F1–F5) and `ESC [ M b x y`.
    private static func csi(_ b: [UInt8], _ i: Int, final: Bool) -> Step {
        let j = i + 2
        guard j < b.count else { return final ? .event(.key(.alt("[")), 2) : .need }
        if b[j] == lbracket {
            guard j + 1 < b.count else { return final ? .event(nil, 3) : .need }
            let f = b[j + 1]
            if (0x41...0x45).contains(f) { return .event(.key(.function(Int(f) - 0x40)), 4) }
            return .event(nil, (0x40...0x7E).contains(f) ? 4 : 3)
        }
        if b[j] == 0x4D {  // X10 mouse: ESC [ M and three bytes
            guard j + 3 < b.count else { return final ? .event(nil, b.count - i) : .need }
            return .event(x10Mouse(b[j + 1], b[j + 2], b[j + 3]).map(Event.mouse), 6)
        }
        var k = j
        while k < b.count {
            let x = b[k]
            if k - i > maxSequence { return .event(nil, k - i) }
            if (0x30...0x3F).contains(x) || ((0x20...0x2F).contains(x) && x != 0x24) { k += 1; continue }
            guard (0x40...0x7E).contains(x) || x == 0x24 else { return .event(nil, k - i) }  // broken: drop it
            let params = Array(b[j..<k])
            if x == 0x7E, params == [0x32, 0x30, 0x30] { return .pasteStart(k + 1 - i) }
            return .event(csiEvent(params, final: x), k + 1 - i)
        }
        return final ? .event(nil, b.count - i) : .need
    }

    /// SS3: `ESC O` (parameters) and a final byte: application-mode cursor keys, F1–F4 and
    /// keypad keys; rxvt's Ctrl-arrows (`ESC O a`…).
    private static func ss3(_ b: [UInt8], _ i: Int, final: Bool) -> Step {
        var k = i + 2
        guard k < b.count else { return final ? .event(.key(.alt("O")), 2) : .need }
        while k < b.count {
            let x = b[k]
            if k - i > maxSequence { return .event(nil, k - i) }
            if (0x30...0x3F).contains(x) { k += 1; continue }
            guard (0x40...0x7E).contains(x) else { return .event(nil, k - i) }
            let params = numbers(Array(b[(i + 2)..<k]))
            return .event(ss3Key(final: x, modifier: params.last ?? 1).map(Event.key), k + 1 - i)
        }
        return final ? .event(nil, b.count - i) : .need
    }

    private static func ss3Key(final x: UInt8, modifier: Int) -> Key? {
        switch x {
        case 0x41...0x44: return arrow(x, modifier: modifier)
        case 0x48: return .home
        case 0x46: return .end
        case 0x50...0x53: return .function(Int(x) - 0x4F)
        case 0x61: return .up      // rxvt Ctrl-↑
        case 0x62: return .down    // rxvt Ctrl-↓
        case 0x63: return .ctrlRight
        case 0x64: return .ctrlLeft
        case 0x4D: return .enter   // keypad Enter
        case 0x58: return .char("=")
        case 0x6A...0x79: return .char(Character(Unicode.Scalar(Array("*+,-./0123456789".utf8)[Int(x) - 0x6A])))
        default: return nil
        }
    }

    /// Numbers separated by `;` (empty ones are 1, xterm's default); sub-parameters after `:`
    /// are ignored.
    private static func numbers(_ params: [UInt8]) -> [Int] {
        params.split(separator: 0x3B, omittingEmptySubsequences: false).map { part in
            var n = 0
            for d in part.prefix(while: { $0 != 0x3A }) {
                guard (0x30...0x39).contains(d) else { return -1 }
                n = min(n * 10 + Int(d - 0x30), 1_000_000)
            }
            return part.isEmpty ? 1 : n
        }
    }

    private static func csiEvent(_ params: [UInt8], final x: UInt8) -> Event? {
        if params.first == 0x3C { return (x == 0x4D) ? sgrMouse(Array(params.dropFirst())).map(Event.mouse) : nil }
        if let p = params.first, (0x3C...0x3F).contains(p) { return nil }  // private: not a key
        let p = params.isEmpty ? [] : numbers(params)
        let modifier = p.count >= 2 ? p[1] : 1
        let key: Key?
        switch x {
        case 0x41...0x44: key = arrow(x, modifier: modifier)
        case 0x48: key = .home
        case 0x46: key = .end
        case 0x5A: key = .backTab
        case 0x50...0x53: key = params.isEmpty ? nil : .function(Int(x) - 0x4F)
        case 0x61: key = .shiftUp      // rxvt Shift-arrows
        case 0x62: key = .shiftDown
        case 0x63: key = .shiftRight
        case 0x64: key = .shiftLeft
        case 0x7E, 0x24, 0x5E, 0x40: key = params.isEmpty ? nil : tildeKey(p[0])
        default: key = nil
        }
        return key.map(Event.key)
    }

    /// `ESC [ n ~` (and rxvt's `$ ^ @` forms): the key numbered `n` (modifiers ignored).
    private static func tildeKey(_ n: Int) -> Key? {
        switch n {
        case 1, 7: return .home
        case 2: return .insert
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(n - 10)
        case 17...21: return .function(n - 11)
        case 23...26: return .function(n - 12)
        case 28, 29: return .function(n - 13)
        case 31...34: return .function(n - 14)
        default: return nil
        }
    }

    /// An arrow (`A`–`D`) with xterm's modifier parameter (1 + Shift 1 + Alt 2 + Ctrl 4):
    /// Shift-arrows are their own keys, Ctrl-←/→ move by words, Alt is ignored.
    private static func arrow(_ x: UInt8, modifier: Int) -> Key {
        let bits = max(0, modifier - 1)
        let ctrl = bits & 4 != 0, shift = bits & 1 != 0
        switch x {
        case 0x41: return shift && !ctrl ? .shiftUp : .up
        case 0x42: return shift && !ctrl ? .shiftDown : .down
        case 0x43: return ctrl ? .ctrlRight : shift ? .shiftRight : .right
        default: return ctrl ? .ctrlLeft : shift ? .shiftLeft : .left
        }
    }

    /// X10 report bytes (each + 32; columns and rows from 1).
    private static func x10Mouse(_ cb: UInt8, _ cx: UInt8, _ cy: UInt8) -> MouseEvent? {
        guard cb >= 32, cx >= 33, cy >= 33 else { return nil }
        return mouse(button: Int(cb) - 32, x: Int(cx) - 33, y: Int(cy) - 33)
    }

    /// SGR report parameters `b;x;y` of a press (`M`); columns and rows from 1.
    private static func sgrMouse(_ params: [UInt8]) -> MouseEvent? {
        let p = numbers(params)
        guard p.count == 3, p[1] >= 1, p[2] >= 1, p[0] >= 0 else { return nil }
        return mouse(button: p[0], x: p[1] - 1, y: p[2] - 1)
    }

    /// Left press and wheel up/down; modifiers (4, 8, 16) ignored; motion and others dropped.
    private static func mouse(button: Int, x: Int, y: Int) -> MouseEvent? {
        let b = button & ~(4 | 8 | 16)
        switch b {
        case 0: return MouseEvent(x: x, y: y, kind: .press)
        case 64: return MouseEvent(x: x, y: y, kind: .wheelUp)
        case 65: return MouseEvent(x: x, y: y, kind: .wheelDown)
        default: return nil
        }
    }
}
