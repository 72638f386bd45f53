/// A one-line text editor: the text, a cursor (in characters) and the usual readline keys.
public struct LineEditor: Equatable, Sendable {
    public private(set) var chars: [Character]
    /// Cursor position, 0…chars.count.
    public private(set) var cursor: Int

    /// An editor holding `text` with the cursor at its end.
    public init(_ text: String = "") {
        chars = Array(text)
        cursor = chars.count
    }

    /// An editor holding `text` with the cursor before character `cursor` (clamped to
    /// 0…text's character count).
    public init(_ text: String, cursor: Int) {
        chars = Array(text)
        self.cursor = min(max(0, cursor), chars.count)
    }

    public var text: String { String(chars) }

    /// Inserts text at the cursor (typed or pasted); line breaks and tabs become spaces (a
    /// title is one line), and line breaks at the start and end of `s` are dropped, so a
    /// pasted block of lines becomes one line of words (`"a\nb\n"` inserts `a b`).
    public mutating func insert(_ s: String) {
        var s = Substring(s)
        while let c = s.first, c.isNewline { s.removeFirst() }
        while let c = s.last, c.isNewline { s.removeLast() }
        let clean = SafeText.flattened(String(s))
        // Rebuild the characters so a mark or modifier typed after its base (an emoji skin
        // tone arrives as a key of its own) joins it into one character.
        let before = String(chars[..<cursor]) + clean
        let after = String(chars[cursor...])
        chars = Array(before + after)
        cursor = min(chars.count, Array(before).count)
    }

    /// Applies an editing key; returns false when the key is not an editing key. Readline
    /// keys: Ctrl-A/E/B/F/H/D/U/K/W, Alt-b / Alt-f (or Ctrl-← / Ctrl-→) a word left / right,
    /// Alt-d delete the word after the cursor, Alt-Backspace the word before it. Other Alt
    /// keys and Insert are taken and ignored (true), so they never reach the board.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(chars.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = chars.count
        case .backspace, .ctrl("h"):
            if cursor > 0 { chars.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < chars.count { chars.remove(at: cursor) }
        case .ctrl("u"): chars.removeSubrange(0..<cursor); cursor = 0
        case .ctrl("k"): chars.removeSubrange(cursor..<chars.count)
        case .ctrl("w"):
            var start = cursor
            while start > 0, chars[start - 1].isWhitespace { start -= 1 }
            while start > 0, !chars[start - 1].isWhitespace { start -= 1 }
            chars.removeSubrange(start..<cursor); cursor = start
        case .alt("b"), .ctrlLeft: cursor = wordStart(before: cursor)
        case .alt("f"), .ctrlRight: cursor = wordEnd(after: cursor)
        case .alt("d"): chars.removeSubrange(cursor..<wordEnd(after: cursor))
        case Key.altBackspace:
            let start = wordStart(before: cursor)
            chars.removeSubrange(start..<cursor); cursor = start
        case .alt, .insert: break
        case .char(let c): insert(String(c))
        default: return false
        }
        return true
    }

    /// A word is a run of letters and digits (readline's Alt keys).
    private func isWord(_ i: Int) -> Bool { chars[i].isLetter || chars[i].isNumber }

    /// The start of the word before `i` (skipping what is not a word first).
    private func wordStart(before i: Int) -> Int {
        var j = i
        while j > 0, !isWord(j - 1) { j -= 1 }
        while j > 0, isWord(j - 1) { j -= 1 }
        return j
    }

    /// The end of the word after `i` (skipping what is not a word first).
    private func wordEnd(after i: Int) -> Int {
        var j = i
        while j < chars.count, !isWord(j) { j += 1 }
        while j < chars.count, isWord(j) { j += 1 }
        return j
    }
}
