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

    /// Inserts text at the cursor; line breaks and tabs become spaces (a title is one line).
    public mutating func insert(_ s: String) {
        let clean = SafeText.flattened(s)
        // Rebuild the characters so a mark or modifier typed after its base (an emoji skin
        // tone arrives as a key of its own) joins it into one character.
        let before = String(chars[..<cursor]) + clean
        let after = String(chars[cursor...])
        chars = Array(before + after)
        cursor = min(chars.count, Array(before).count)
    }

    /// Applies an editing key; returns false when the key is not an editing key.
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
        case .char(let c): insert(String(c))
        default: return false
        }
        return true
    }
}
