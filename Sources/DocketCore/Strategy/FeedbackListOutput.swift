/// `docket feedback list`: notes as text (one per line) or JSON.
public enum FeedbackListOutput {
    /// `ID  DATE  IMPORTANCE  FROM: TEXT  → items` per note (text on one line, cut to 80
    /// characters). Ends in a line break (empty list: a hint).
    public static func text(_ notes: [FeedbackNote]) -> String {
        if notes.isEmpty { return "no feedback notes\n" }
        return notes.map { n in
            var t = n.text.split(whereSeparator: \.isNewline).joined(separator: " ")
            if t.count > 80 { t = String(t.prefix(79)) + "…" }
            return "\(n.id)  \(n.date)  \(n.importance.rawValue)  \(n.from): \(t)" + (n.items.isEmpty ? "  (unlinked)" : "  → " + n.items.joined(separator: ", "))
        }.joined(separator: "\n") + "\n"
    }

    /// A JSON array of notes: `id`, `text`, `from`, `date`, `importance`, `by`, `items`.
    public static func json(_ notes: [FeedbackNote]) -> String {
        var j = JSONText(capacity: 256 * max(1, notes.count))
        j.raw("[")
        for (i, n) in notes.enumerated() {
            j.raw(i == 0 ? "\n  " : ",\n  ")
            j.object([("id", .string(n.id)), ("text", .string(n.text)), ("from", .string(n.from)), ("date", .string(n.date)),
                      ("importance", .string(n.importance.rawValue)), ("by", .string(n.by)), ("items", .strings(n.items))])
        }
        j.raw(notes.isEmpty ? "]\n" : "\n]\n")
        return String(decoding: j.bytes, as: UTF8.self)
    }
}
