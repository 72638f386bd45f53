/// Turns the bytes a terminal sends into events: keys, Alt keys, pastes and mouse reports.
/// Pure: no terminal and no clock of its own. The caller feeds each `read(2)` with the time
/// it arrived (`feed(_:at:)`, milliseconds on any monotonic clock) and calls `expire(at:)`
/// once `deadline(at:)` has passed, which decides what was held back (a lone Esc, the start of
/// a sequence, a burst of text that may be a paste).
///
/// What it reads (xterm, tmux, screen, rxvt and the Linux console):
/// - CSI (`ESC [ … final`) and SS3 (`ESC O final`) sequences are always read whole. Known ones
///   become one key: arrows (Shift-, Ctrl-, Alt-modified `ESC [ 1 ; 2 C`, rxvt `ESC [ c`,
///   `ESC O c`), Home/End (`ESC [ H`, `ESC O H`, `ESC [ 1 ~`, `ESC [ 7 ~`, `ESC [ 4 ~`,
///   `ESC [ 8 ~`), Insert, Delete, PgUp/PgDn, F1–F20 (`ESC O P`, `ESC [ 11 ~`, `ESC [ [ A`,
///   `ESC [ 1 ; 2 P`), Shift-Tab, keypad keys in application mode. Unknown ones are dropped
///   whole: a sequence never turns into letters. A byte that cannot belong to a sequence ends
///   it (the sequence so far is dropped, the byte is read on its own).
/// - OSC and DCS strings (`ESC ] 11 ; … BEL`, `ESC P 1 $ r … ESC \`: a terminal's answers)
///   are dropped whole.
/// - Mouse reports, X10 (`ESC [ M b x y`, mode 1000) and SGR (`ESC [ < b ; x ; y M`, mode
///   1006): left press and wheel up/down become `.mouse`; releases, drags and other buttons
///   are dropped.
/// - Bracketed paste (`ESC [ 200 ~ … ESC [ 201 ~`) becomes one `.paste`, line breaks as `\n`.
/// - Esc followed by a character in the same read is Alt plus that character (`.alt("d")`);
///   Esc followed by Backspace is `Key.altBackspace`; Esc followed by a whole sequence is that
///   sequence's key. A lone Esc is `.escape` once `escapeTimeout` passes with nothing after it,
///   or at once when the next read cannot continue a sequence (Esc, then a key typed after).
/// - A burst of text (printable characters, Enter, Tab; three or more) with a line break
///   followed by more text, arriving in one read (or reads less than `burstWindow` apart), is a paste from a
///   terminal without bracketed paste: one `.paste`, never keys. A burst that only ends with
///   line breaks is held for `burstWindow` in case more lines of a paste follow.
/// - UTF-8, also split across reads; invalid bytes are dropped. Control bytes: Enter (CR, LF,
///   CR LF), Tab, Backspace (BS, DEL), Ctrl-letter; NUL and 0x1C–0x1F are dropped.
public struct KeyDecoder: Sendable {
    /// How long (ms) a lone Esc, or the start of a sequence, waits for the rest.
    public static let escapeTimeout = 25
    /// Reads of text closer than this (ms) count as one burst (one paste).
    public static let burstWindow = 8
    /// A bracketed paste whose end marker never comes ends after this much silence (ms).
    public static let pasteTimeout = 500
    /// Longest sequence kept (bytes); a longer one is dropped.
    static let maxSequence = 256
    /// Longest OSC/DCS string kept (bytes); a longer one is dropped.
    static let maxString = 1 << 16
    /// Longest paste kept (bytes); what comes after is dropped.
    static let maxPaste = 16 << 20

    /// Bytes that may still be the start of something (a sequence, a UTF-8 character).
    private var pending: [UInt8] = []
    /// The bytes of a bracketed paste in progress.
    private var paste: [UInt8]?
    /// A burst of text ending in a line break, held for `burstWindow`: its keys, text and time.
    private var held: (events: [Event], text: String, at: Int)?
    /// When the last unbracketed paste read arrived.
    private var lastPasteAt: Int?
    private var lastByteAt = 0

    public init() {}

    /// True when nothing is held back: every byte fed has been decided.
    public var isIdle: Bool { pending.isEmpty && paste == nil && held == nil }

    /// Decodes `bytes` (one read, at `now` ms) and returns the events it completes.
    public mutating func feed<C: Collection>(_ bytes: C, at now: Int) -> [Event] where C.Element == UInt8 {
        guard !bytes.isEmpty else { return [] }
        lastByteAt = now
        var events: [Event] = []
        // Esc alone (or Esc Esc), then a read that cannot continue a sequence: each Esc,
        // then that read (Alt is Esc and the character in one read).
        if !pending.isEmpty, pending.allSatisfy({ $0 == 0x1B }), let first = bytes.first,
           ![0x5B, 0x4F, 0x5D, 0x50, 0x1B].contains(first) {
            events += pending.map { _ in .key(.escape) }
            pending = []
        }
        let input = pending + bytes
        pending = []
        let escape = events
        events = []
        decode(input, final: false, into: &events)
        return escape + burst(events, at: now)
    }

    /// Decides what was held back when its time has passed (see `deadline(at:)`): a lone
    /// Esc, an unfinished sequence (dropped), a held burst (keys), a paste whose end never came.
    public mutating func expire(at now: Int) -> [Event] {
        var out: [Event] = []
        if let h = held, now - h.at >= KeyDecoder.burstWindow { out += h.events; held = nil }
        if paste != nil, now - lastByteAt >= KeyDecoder.pasteTimeout {
            out.append(.paste(KeyDecoder.pasteText(paste!)))
            paste = nil
        }
        if !pending.isEmpty, paste == nil, now - lastByteAt >= KeyDecoder.escapeTimeout {
            let input = pending
            pending = []
            decode(input, final: true, into: &out)
        }
        if let last = lastPasteAt, now - last > KeyDecoder.burstWindow { lastPasteAt = nil }
        return out
    }

    /// Milliseconds from `now` until `expire(at:)` has something to decide (0: already),
    /// or nil when nothing is held back.
    public func deadline(at now: Int) -> Int? {
        var times: [Int] = []
        if let h = held { times.append(h.at + KeyDecoder.burstWindow) }
        if paste != nil { times.append(lastByteAt + KeyDecoder.pasteTimeout) }
        else if !pending.isEmpty { times.append(lastByteAt + KeyDecoder.escapeTimeout) }
        return times.min().map { max(0, $0 - now) }
    }

    /// `events` with neighbouring pastes joined into one (a long paste read in many pieces
    /// is inserted once).
    public static func joiningPastes(_ events: [Event]) -> [Event] {
        var out: [Event] = []
        out.reserveCapacity(events.count)
        for e in events {
            if case .paste(let more) = e, case .paste(let text)? = out.last { out[out.count - 1] = .paste(text + more) }
            else { out.append(e) }
        }
        return out
    }

    // MARK: - Bursts (unbracketed pastes)

    /// Turns runs of text with line breaks into pastes (see the type's comment): a run of
    /// three or more text keys with a line break followed by more text is a paste (Enter and
    /// one key read together, typed ahead while the app was busy, stay keys); a run that
    /// ends the read with line breaks only is held for `burstWindow`; text that comes within
    /// `burstWindow` of a paste (or of a held run, with more lines) belongs to it.
    private mutating func burst(_ events: [Event], at now: Int) -> [Event] {
        let window = KeyDecoder.burstWindow
        let continuing = lastPasteAt.map { now - $0 <= window } ?? false
        lastPasteAt = nil
        var out: [Event] = []
        var rest = events[...]
        let leading = rest.prefix(while: KeyDecoder.isText)
        // Line breaks alone (a lone Enter) never continue a paste: they are keys.
        let hasText = leading.contains { if case .key(.char) = $0 { return true } else { return false } }
        if let h = held {
            held = nil
            if now - h.at <= window, hasText, leading.contains(.key(.enter)) {
                out.append(.paste(h.text + KeyDecoder.text(leading)))
                lastPasteAt = now
                rest = rest.dropFirst(leading.count)
            } else {
                out += h.events
            }
        } else if continuing, hasText {
            out.append(.paste(KeyDecoder.text(leading)))
            lastPasteAt = now
            rest = rest.dropFirst(leading.count)
        }
        let canHold = paste == nil && (pending.isEmpty || pending[0] >= 0x80)
        while let first = rest.first {
            guard KeyDecoder.isText(first) else { out.append(first); rest = rest.dropFirst(); continue }
            let run = rest.prefix(while: KeyDecoder.isText)
            rest = rest.dropFirst(run.count)
            let text = KeyDecoder.text(run)
            var body = Substring(text)
            while body.last == "\n" { body.removeLast() }
            if run.count >= 3 && body.contains("\n") {
                out.append(.paste(text))
                lastPasteAt = now
            } else if rest.isEmpty && canHold && run.count >= 2 && text.contains("\n") {
                held = (Array(run), text, now)
            } else {
                out += run
            }
        }
        return out
    }

    private static func isText(_ e: Event) -> Bool {
        switch e {
        case .key(.char), .key(.enter), .key(.tab): return true
        default: return false
        }
    }

    private static func text<S: Sequence>(_ events: S) -> String where S.Element == Event {
        var s = ""
        for e in events {
            switch e {
            case .key(.char(let c)): s.append(c)
            case .key(.enter): s.append("\n")
            case .key(.tab): s.append("\t")
            default: break
            }
        }
        return s
    }

    /// Paste bytes as text: invalid UTF-8 as U+FFFD, CR LF and CR as `\n`.
    static func pasteText(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Decoding

    private static let pasteEnd: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]

    /// Decodes `input`; what cannot be decided yet (and `final` is false) goes to `pending`.
    private mutating func decode(_ input: [UInt8], final: Bool, into out: inout [Event]) {
        var b = input
        var i = 0
        var run = String.UnicodeScalarView()
        func flushRun() {
            guard !run.isEmpty else { return }
            for c in String(run) { out.append(.key(.char(c))) }
            run = String.UnicodeScalarView()
        }
        while i < b.count {
            if paste != nil {
                let searchFrom = max(0, paste!.count - (KeyDecoder.pasteEnd.count - 1))
                paste! += b[i...]
                guard let end = KeyDecoder.find(KeyDecoder.pasteEnd, in: paste!, from: searchFrom) else {
                    if paste!.count > KeyDecoder.maxPaste + 4096 {
                        paste = Array(paste![..<KeyDecoder.maxPaste]) + paste!.suffix(KeyDecoder.pasteEnd.count - 1)
                    }
                    return
                }
                let rest = Array(paste![(end + KeyDecoder.pasteEnd.count)...])
                out.append(.paste(KeyDecoder.pasteText(Array(paste![..<min(end, KeyDecoder.maxPaste)]))))
                paste = nil
                b = rest
                i = 0
                continue
            }
            switch KeyDecoder.step(b, i, final: final) {
            case .need:
                flushRun()
                pending = Array(b[i...])
                return
            case .text(let s, let n):
                run.append(s)
                i += n
            case .event(let e, let n):
                flushRun()
                if let e { out.append(e) }
                i += n
            case .pasteStart(let n):
                flushRun()
                paste = []
                i += n
            }
        }
        flushRun()
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8], from start: Int) -> Int? {
        guard hay.count >= needle.count else { return nil }
        var i = start
        while i <= hay.count - needle.count {
            if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// What the bytes at `i` are: text, an event (nil: dropped) and how many bytes it took,
    /// the start of a bracketed paste, or `.need` more bytes to tell.
    enum Step: Equatable {
        case text(Unicode.Scalar, Int)
        case event(Event?, Int)
        case pasteStart(Int)
        case need
    }

    static func step(_ b: [UInt8], _ i: Int, final: Bool) -> Step {
        let c = b[i]
        switch c {
        case 0x1B: return escape(b, i, final: final)
        case 0x0D: return .event(.key(.enter), i + 1 < b.count && b[i + 1] == 0x0A ? 2 : 1)
        case 0x0A: return .event(.key(.enter), 1)
        case 0x09: return .event(.key(.tab), 1)
        case 0x08, 0x7F: return .event(.key(.backspace), 1)
        case 1...26: return .event(.key(.ctrl(Character(Unicode.Scalar(c + 96)))), 1)
        case 0, 28...31: return .event(nil, 1)
        case 0x20..<0x7F: return .text(Unicode.Scalar(c), 1)
        default:
            switch utf8(b, i, final: final) {
            case .need: return .need
            case .invalid: return .event(nil, 1)
            case .scalar(let s, let n): return .text(s, n)
            }
        }
    }

    enum UTF8Result { case scalar(Unicode.Scalar, Int), invalid, need }

    /// One UTF-8 character at `i` (RFC 3629: no overlongs, surrogates or values past U+10FFFF).
    static func utf8(_ b: [UInt8], _ i: Int, final: Bool) -> UTF8Result {
        let lead = b[i]
        let n: Int
        var v: UInt32
        switch lead {
        case 0xC2...0xDF: n = 2; v = UInt32(lead & 0x1F)
        case 0xE0...0xEF: n = 3; v = UInt32(lead & 0x0F)
        case 0xF0...0xF4: n = 4; v = UInt32(lead & 0x07)
        default: return .invalid
        }
        for k in 1..<n {
            guard i + k < b.count else { return final ? .invalid : .need }
            let cb = b[i + k]
            guard cb & 0xC0 == 0x80 else { return .invalid }
            if k == 1 {
                if lead == 0xE0 && cb < 0xA0 { return .invalid }
                if lead == 0xED && cb > 0x9F { return .invalid }
                if lead == 0xF0 && cb < 0x90 { return .invalid }
                if lead == 0xF4 && cb > 0x8F { return .invalid }
            }
            v = v << 6 | UInt32(cb & 0x3F)
        }
        guard let s = Unicode.Scalar(v) else { return .invalid }
        return .scalar(s, n)
    }
}
