@testable import DocketUI
import DocketTestSupport
import XCTest

/// The key decoder over what real terminals send (xterm, tmux/screen, rxvt, the Linux
/// console), split reads, timeouts, pastes, mouse reports and invalid bytes.
final class KeyDecoderTests: XCTestCase {
    /// Everything `bytes` decodes to when it arrives in one read and then nothing more.
    private func decode(_ bytes: [UInt8]) -> [Event] {
        var d = KeyDecoder()
        var out = d.feed(bytes, at: 0)
        out += d.expire(at: 10_000)
        XCTAssertTrue(d.isIdle, "the decoder holds nothing after the timeouts")
        return out
    }

    private func decode(_ text: String) -> [Event] { decode(Array(text.utf8)) }

    private let esc = "\u{1B}"

    /// (terminal, bytes, key): the keys the issue names in the forms terminals send them.
    private var table: [(String, String, Key)] {
        [
            ("xterm normal", "\u{1B}[A", .up), ("xterm normal", "\u{1B}[B", .down),
            ("xterm normal", "\u{1B}[C", .right), ("xterm normal", "\u{1B}[D", .left),
            ("xterm application", "\u{1B}OA", .up), ("xterm application", "\u{1B}OD", .left),
            ("xterm", "\u{1B}[H", .home), ("xterm", "\u{1B}[F", .end),
            ("xterm application", "\u{1B}OH", .home), ("xterm application", "\u{1B}OF", .end),
            ("tmux/screen/linux", "\u{1B}[1~", .home), ("tmux/screen/linux", "\u{1B}[4~", .end),
            ("rxvt", "\u{1B}[7~", .home), ("rxvt", "\u{1B}[8~", .end),
            ("all", "\u{1B}[2~", .insert), ("all", "\u{1B}[3~", .delete),
            ("all", "\u{1B}[5~", .pageUp), ("all", "\u{1B}[6~", .pageDown),
            ("xterm", "\u{1B}[1;2A", .shiftUp), ("xterm", "\u{1B}[1;2B", .shiftDown),
            ("xterm", "\u{1B}[1;2C", .shiftRight), ("xterm", "\u{1B}[1;2D", .shiftLeft),
            ("xterm", "\u{1B}[1;5C", .ctrlRight), ("xterm", "\u{1B}[1;5D", .ctrlLeft),
            ("xterm", "\u{1B}[1;5A", .up), ("xterm Alt", "\u{1B}[1;3C", .right),
            ("xterm Ctrl-Shift", "\u{1B}[1;6D", .ctrlLeft),
            ("rxvt Shift", "\u{1B}[a", .shiftUp), ("rxvt Shift", "\u{1B}[c", .shiftRight),
            ("rxvt Ctrl", "\u{1B}Oc", .ctrlRight), ("rxvt Ctrl", "\u{1B}Od", .ctrlLeft),
            ("rxvt Alt (Esc + sequence)", "\u{1B}\u{1B}[C", .right),
            ("xterm", "\u{1B}OP", .function(1)), ("xterm", "\u{1B}OQ", .function(2)),
            ("xterm", "\u{1B}OR", .function(3)), ("xterm", "\u{1B}OS", .function(4)),
            ("xterm Shift-F1", "\u{1B}[1;2P", .function(1)),
            ("rxvt/old xterm", "\u{1B}[11~", .function(1)), ("rxvt", "\u{1B}[14~", .function(4)),
            ("all", "\u{1B}[15~", .function(5)), ("all", "\u{1B}[17~", .function(6)),
            ("all", "\u{1B}[18~", .function(7)), ("all", "\u{1B}[19~", .function(8)),
            ("all", "\u{1B}[20~", .function(9)), ("all", "\u{1B}[21~", .function(10)),
            ("all", "\u{1B}[23~", .function(11)), ("all", "\u{1B}[24~", .function(12)),
            ("xterm Ctrl-F5", "\u{1B}[15;5~", .function(5)), ("rxvt Shift-Delete", "\u{1B}[3$", .delete),
            ("rxvt Ctrl-PgUp", "\u{1B}[5^", .pageUp),
            ("linux console", "\u{1B}[[A", .function(1)), ("linux console", "\u{1B}[[B", .function(2)),
            ("linux console", "\u{1B}[[E", .function(5)),
            ("all", "\u{1B}[Z", .backTab),
            ("keypad application", "\u{1B}OM", .enter), ("keypad application", "\u{1B}Oq", .char("1")),
            ("Alt-d", "\u{1B}d", .alt("d")), ("Alt-H", "\u{1B}H", .alt("H")), ("Alt-J", "\u{1B}J", .alt("J")),
            ("Alt-Backspace (DEL)", "\u{1B}\u{7F}", Key.altBackspace), ("Alt-Backspace (BS)", "\u{1B}\u{8}", Key.altBackspace),
            ("Alt-é", "\u{1B}é", .alt("é")),
            ("Enter CR", "\r", .enter), ("Enter LF", "\n", .enter), ("Enter CR LF", "\r\n", .enter),
            ("Tab", "\t", .tab), ("Backspace DEL", "\u{7F}", .backspace), ("Backspace BS", "\u{8}", .backspace),
            ("Ctrl-R", "\u{12}", .ctrl("r")), ("Ctrl-C", "\u{3}", .ctrl("c")),
            ("lone Esc", "\u{1B}", .escape), ("Alt-[ (timeout)", "\u{1B}[", .alt("[")), ("Alt-O (timeout)", "\u{1B}O", .alt("O")),
            ("CJK", "日", .char("日")), ("flag", "🇩🇪", .char("🇩🇪")), ("emoji", "🚀", .char("🚀")),
        ]
    }

    func testRealTerminalSequencesAreOneKeyEach() {
        for (terminal, bytes, key) in table {
            XCTAssertEqual(decode(bytes), [.key(key)], "\(terminal): \(bytes.debugDescription)")
        }
    }

    func testEverySequenceIsOneKeyWhenSplitAtEveryByte() {
        // Not Alt-letter: Esc and a letter in two reads are two keys (tested below).
        let altLetter = { (k: Key) -> Bool in if case .alt(let c) = k { return c != "[" && c != "O" }; return false }
        for (terminal, bytes, key) in table where bytes.utf8.count > 1 && bytes != "\r\n" && bytes != "🇩🇪" && !altLetter(key) {
            var d = KeyDecoder()
            var out: [Event] = []
            for (t, b) in Array(bytes.utf8).enumerated() { out += d.feed([b], at: t * 3) }
            out += d.expire(at: 10_000)
            XCTAssertEqual(out, [.key(key)], "\(terminal) split byte by byte: \(bytes.debugDescription)")
        }
    }

    /// Issue 14 case 1: `ESC O H` under tmux is Home, not Esc, O, H; `ESC [ [ A` in a prompt
    /// is F1, not A; `ESC O F` is End.
    func testIssueCaseOneSequencesAreNeverLetters() {
        XCTAssertEqual(decode([0x1B, 0x4F, 0x48]), [.key(.home)])
        XCTAssertEqual(decode("X\u{1B}[[AY"), [.key(.char("X")), .key(.function(1)), .key(.char("Y"))])
        XCTAssertEqual(decode("\u{1B}OF"), [.key(.end)])
    }

    func testUnknownSequencesAreDroppedWhole() {
        for unknown in ["\u{1B}[99~", "\u{1B}[1;2;3;4;5X", "\u{1B}[?1;2c", "\u{1B}[>0;95;0c", "\u{1B}[I", "\u{1B}[O",
                        "\u{1B}Oz", "\u{1B}[[Z", "\u{1B}[E", "\u{1B}]11;rgb:ffff/ffff/ffff\u{7}",
                        "\u{1B}]11;rgb:0000/0000/0000\u{1B}\\", "\u{1B}P1$r0m\u{1B}\\", "\u{1B}[<0;10;5m",
                        "\u{1B}[<35;3;4M", "\u{1B}[M#!!"] {
            XCTAssertEqual(decode(unknown + "k"), [.key(.char("k"))], "\(unknown.debugDescription) is dropped whole")
        }
    }

    func testABrokenSequenceIsDroppedAndTheByteAfterItReadAlone() {
        XCTAssertEqual(decode("\u{1B}[12\u{3}"), [.key(.ctrl("c"))])
        XCTAssertEqual(decode("\u{1B}[1;\u{1B}[A"), [.key(.up)])
    }

    /// Issue 14 case 2: Esc and a letter in one write is Alt-letter, never Esc then the letter.
    func testEscAndALetterInOneReadIsAltLetter() {
        for letter in ["d", "H", "L", "J", "q", "u"] {
            XCTAssertEqual(decode("\u{1B}" + letter), [.key(.alt(Character(letter)))])
        }
        var d = KeyDecoder()
        XCTAssertEqual(d.feed([0x1B], at: 0), [], "a lone Esc waits")
        XCTAssertEqual(d.deadline(at: 10), KeyDecoder.escapeTimeout - 10)
        XCTAssertEqual(d.expire(at: 10), [], "not yet")
        XCTAssertEqual(d.expire(at: KeyDecoder.escapeTimeout), [.key(.escape)])
        XCTAssertNil(d.deadline(at: 100))
        XCTAssertEqual(d.feed(Array("d".utf8), at: 200), [.key(.char("d"))], "a key typed after the Esc was decided")
        // Esc in one read and a letter in the next: Esc, then the letter (not Alt).
        d = KeyDecoder()
        XCTAssertEqual(d.feed([0x1B], at: 0) + d.feed(Array("q".utf8), at: 5), [.key(.escape), .key(.char("q"))])
        XCTAssertEqual(d.feed([0x1B], at: 0) + d.feed([0x1B], at: 1) + d.feed(Array("?".utf8), at: 2),
                       [.key(.escape), .key(.escape), .key(.char("?"))], "Esc, Esc, ? in three reads")
        XCTAssertEqual(decode("\u{1B}\u{1B}?"), [.key(.escape), .key(.alt("?"))], "Esc, then Alt-? in one read")
        XCTAssertEqual(decode("\u{1B}\u{1B}"), [.key(.escape), .key(.escape)])
        // But a sequence split after its Esc is still one key.
        XCTAssertEqual(d.feed([0x1B], at: 10) + d.feed(Array("[A".utf8), at: 12), [.key(.up)])
    }

    func testMouseReportsX10AndSGR() {
        // X10: button + 32, column + 33, row + 33.
        XCTAssertEqual(decode([0x1B, 0x5B, 0x4D, 32, 33 + 10, 33 + 4]), [.mouse(MouseEvent(x: 10, y: 4, kind: .press))])
        XCTAssertEqual(decode([0x1B, 0x5B, 0x4D, 32 + 64, 33, 33 + 2]), [.mouse(MouseEvent(x: 0, y: 2, kind: .wheelUp))])
        XCTAssertEqual(decode([0x1B, 0x5B, 0x4D, 32 + 65, 33 + 200, 33]), [.mouse(MouseEvent(x: 200, y: 0, kind: .wheelDown))])
        XCTAssertEqual(decode([0x1B, 0x5B, 0x4D, 32 + 3, 33, 33]), [], "a release is dropped")
        // SGR: 1-based, M press, m release.
        XCTAssertEqual(decode("\u{1B}[<0;11;5M"), [.mouse(MouseEvent(x: 10, y: 4, kind: .press))])
        XCTAssertEqual(decode("\u{1B}[<64;300;2M"), [.mouse(MouseEvent(x: 299, y: 1, kind: .wheelUp))])
        XCTAssertEqual(decode("\u{1B}[<65;1;1M"), [.mouse(MouseEvent(x: 0, y: 0, kind: .wheelDown))])
        XCTAssertEqual(decode("\u{1B}[<16;3;3M"), [.mouse(MouseEvent(x: 2, y: 2, kind: .press))], "Ctrl-click is a press")
        XCTAssertEqual(decode("\u{1B}[<0;11;5m"), [])
    }

    func testBracketedPasteIsOneEventAcrossReads() {
        XCTAssertEqual(decode("\u{1B}[200~a\rb\u{1B}[Aq\u{1B}[201~x"), [.paste("a\nb\u{1B}[Aq"), .key(.char("x"))])
        var d = KeyDecoder()
        var out: [Event] = []
        for (t, chunk) in ["\u{1B}[20", "0~line 1\r\n", "line 2\u{1B}[2", "01", "~"].enumerated() {
            out += d.feed(Array(chunk.utf8), at: t * 100)
        }
        XCTAssertEqual(out, [.paste("line 1\nline 2")])
        XCTAssertTrue(d.isIdle)
    }

    func testALongUnbracketedPasteReadInPiecesIsOnePaste() {
        let text = (0..<2000).map { "line \($0) of a long paste" }.joined(separator: "\n")
        let bytes = Array(text.utf8)
        var d = KeyDecoder()
        var out: [Event] = []
        var i = 0
        while i < bytes.count { out += d.feed(bytes[i..<min(bytes.count, i + 4096)], at: 0); i += 4096 }
        out = KeyDecoder.joiningPastes(out + d.expire(at: 1000))
        XCTAssertEqual(out, [.paste(text)])
    }

    func testABracketedPasteWithoutItsEndEndsAfterSilence() {
        var d = KeyDecoder()
        XCTAssertEqual(d.feed(Array("\u{1B}[200~abc".utf8), at: 0), [])
        XCTAssertEqual(d.expire(at: 100), [], "a slow paste keeps going")
        XCTAssertEqual(d.expire(at: KeyDecoder.pasteTimeout), [.paste("abc")])
        XCTAssertTrue(d.isIdle)
    }

    /// Issue 14 case 3: text with line breaks in one read is a paste, never keys.
    func testUnbracketedMultiLineBurstIsAPaste() {
        XCTAssertEqual(decode("Prepare retro notes\rq\rdd\r"), [.paste("Prepare retro notes\nq\ndd\n")])
        XCTAssertEqual(decode("Prepare retro notes\nq\ndd"), [.paste("Prepare retro notes\nq\ndd")])
        // Split across reads a few ms apart: still one paste, never Enter.
        var d = KeyDecoder()
        var out = d.feed(Array("Prepare retro notes\r".utf8), at: 0)
        out += d.feed(Array("q\rdd\r".utf8), at: 3)
        out += d.expire(at: 1000)
        XCTAssertEqual(out, [.paste("Prepare retro notes\nq\ndd\n")])
        // The rest of a paste that comes in a later read is paste too, even without a break.
        d = KeyDecoder()
        out = d.feed(Array("a\nb".utf8), at: 0) + d.feed(Array("dd".utf8), at: 2) + d.expire(at: 1000)
        XCTAssertEqual(out, [.paste("a\nb"), .paste("dd")])
        // Enter alone right after a paste is Enter.
        d = KeyDecoder()
        out = d.feed(Array("a\nb\n".utf8), at: 0) + d.feed([0x0D], at: 1) + d.expire(at: 1000)
        XCTAssertEqual(out, [.paste("a\nb\n"), .key(.enter)])
        // A key in the same read before or after the lines does not make them keys.
        XCTAssertEqual(decode("\u{15}New title\nq\ndd\n\u{1B}[A"), [.key(.ctrl("u")), .paste("New title\nq\ndd\n"), .key(.up)])
    }

    func testTypedKeysAndAFinalEnterStayKeys() {
        XCTAssertEqual(decode("jj"), [.key(.char("j")), .key(.char("j"))])
        XCTAssertEqual(decode("title\r"), Array("title".map { Event.key(.char($0)) }) + [.key(.enter)],
                       "one line and Enter (keys sent in one write) is typed and submitted")
        var d = KeyDecoder()
        var out = d.feed(Array("ab".utf8), at: 0)
        out += d.feed([0x0D], at: 100)
        XCTAssertEqual(out, [.key(.char("a")), .key(.char("b")), .key(.enter)], "Enter typed later is Enter")
        XCTAssertEqual(decode("q\u{1B}[A"), [.key(.char("q")), .key(.up)])
        XCTAssertEqual(decode("\rt"), [.key(.enter), .key(.char("t"))], "Enter and a key typed ahead stay keys")
    }

    func testUTF8SplitAcrossReadsAndInvalidBytes() {
        let flag = Array("🇩🇪".utf8)
        var d = KeyDecoder()
        var out: [Event] = []
        for b in flag { out += d.feed([b], at: 0) }
        XCTAssertEqual(out.count, 2, "each indicator arrives whole")
        XCTAssertEqual(out, [.key(.char("🇩")), .key(.char("🇪"))])
        XCTAssertEqual(decode([0x61, 0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0xF8, 0x62]), [.key(.char("a")), .key(.char("(")), .key(.char("b"))],
                       "invalid, overlong and surrogate bytes are dropped")
        XCTAssertEqual(decode([0xE6, 0x97]), [], "a cut character is dropped after the timeout")
        XCTAssertEqual(decode("e\u{301}"), [.key(.char("e\u{301}"))])
    }

    /// Random byte streams never crash the decoder, always end idle, and a stream made only
    /// of whole escape sequences (read in any split, parts less than the Esc timeout apart)
    /// never yields a board command: no letters, Ctrl or Alt keys, Esc, Enter, Tab or pastes.
    func testFuzzRandomStreamsAndSequencesNeverBecomeCommands() {
        let seed: UInt64 = 0xD0C_14
        var rng = SeededRandom(seed: seed)
        for round in 0..<3000 {
            var d = KeyDecoder()
            var bytes: [UInt8] = []
            let onlySequences = round % 2 == 0
            for _ in 0..<(1 + rng.below(12)) {
                bytes += onlySequences ? randomSequence(&rng) : randomBytes(&rng)
            }
            var t = 0, i = 0
            var out: [Event] = []
            while i < bytes.count {
                let n = 1 + rng.below(8)
                out += d.feed(bytes[i..<min(bytes.count, i + n)], at: t)
                i += n
                t += rng.below(KeyDecoder.escapeTimeout)
            }
            out += d.expire(at: t + 100_000)
            XCTAssertTrue(d.isIdle, "seed \(seed) round \(round): not idle after the timeouts")
            XCTAssertNil(d.deadline(at: t + 100_000))
            guard onlySequences else { continue }
            for e in out {
                switch e {
                case .key(.char), .key(.ctrl), .key(.alt), .key(.escape), .key(.enter), .key(.tab), .key(.backspace), .paste:
                    XCTFail("seed \(seed) round \(round): \(e) from the sequences \(bytes)")
                default: break
                }
            }
        }
    }

    private func randomBytes(_ rng: inout SeededRandom) -> [UInt8] {
        let specials: [UInt8] = [0x1B, 0x5B, 0x4F, 0x3B, 0x7E, 0x3C, 0x4D, 0x5D, 0x07, 0x0D, 0x0A, 0xC3, 0xF0, 0x9F]
        return (0..<(1 + rng.below(10))).map { _ in rng.chance(0.5) ? rng.pick(specials) : UInt8(rng.below(256)) }
    }

    /// A whole CSI, SS3, OSC or mouse sequence with random parameters and final byte (never
    /// the bracketed-paste start).
    private func randomSequence(_ rng: inout SeededRandom) -> [UInt8] {
        func params() -> [UInt8] {
            (0..<rng.below(6)).map { _ in rng.pick(Array("0123456789;:<=>?".utf8)) }
        }
        func final(_ excluded: [UInt8]) -> UInt8 {
            while true { let f = UInt8(0x40 + rng.below(0x3F)); if !excluded.contains(f) { return f } }
        }
        switch rng.below(5) {
        case 0:
            let p = params()
            // Not the paste start; `ESC [ M` and `ESC [ [` without parameters take bytes after them.
            return [0x1B, 0x5B] + p + [final(p.isEmpty ? [0x4D, 0x5B] : p == Array("200".utf8) ? [0x7E] : [])]
        case 1:
            // Not the keypad's Enter, `=` and digits (application keypad mode): those are keys typed.
            return [0x1B, 0x4F] + params().filter { $0 < 0x3C } + [final([0x4D, 0x58] + Array(0x6A...0x79))]
        case 2: return [0x1B, 0x5B, 0x4D, UInt8(32 + rng.below(224)), UInt8(33 + rng.below(223)), UInt8(33 + rng.below(223))]
        case 3: return [0x1B, 0x5D, 0x31, 0x31, 0x3B] + (0..<rng.below(20)).map { _ in UInt8(0x20 + rng.below(0x5F)) } + [0x07]
        default: return [0x1B, 0x5B, 0x5B, UInt8(0x40 + rng.below(0x3F))]
        }
    }
}

/// The keys issue 14 added have names `keys.toml` reads back.
final class NewKeyNameTests: XCTestCase {
    func testNewKeysRoundTrip() {
        for key: Key in [.insert, .ctrlLeft, .ctrlRight, .alt("d"), .alt("D"), .alt("é"), Key.altBackspace] {
            XCTAssertEqual(KeyName.parse(KeyName.name(of: key)), key, KeyName.name(of: key))
        }
        XCTAssertEqual(KeyName.parse("alt-b"), .alt("b"))
        XCTAssertEqual(Key.alt("b").label, "Alt-b")
        XCTAssertEqual(Key.altBackspace.label, "Alt-Backspace")
    }
}
