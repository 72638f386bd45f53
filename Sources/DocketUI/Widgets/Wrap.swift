/// Text wrapped to a width, for any view that shows paragraphs.
enum Wrap {
    /// Splits text into lines of at most `width` columns (at spaces when it can), safe to draw;
    /// at most `maxLines` of them. Only the start of `text` that can fill them is looked at,
    /// so a 100,000-line description costs what a short one does.
    static func lines(_ text: String, width: Int, maxLines: Int) -> [String] {
        guard maxLines > 0, width > 0 else { return [] }
        let start = SafeText.prefix(text, columns: maxLines * (width + 1))
        var out: [String] = []
        for para in start.split(separator: "\n", omittingEmptySubsequences: false) {
            if out.count >= maxLines { break }
            var line = ""
            var used = 0
            for word in SafeText.clean(String(para)).split(separator: " ", omittingEmptySubsequences: false) {
                let w = DisplayWidth.of(String(word))
                if used > 0 && used + 1 + w > width { out.append(line); line = ""; used = 0 }
                if w > width {
                    // A word longer than the line (a URL): cut it into pieces.
                    var piece = ""
                    var pw = 0
                    for c in word {
                        let cw = DisplayWidth.of(c)
                        if pw + cw > width { out.append(piece); piece = ""; pw = 0 }
                        piece.append(c); pw += cw
                    }
                    line = piece; used = pw
                    continue
                }
                line += (used > 0 ? " " : "") + word
                used += (used > 0 ? 1 : 0) + w
            }
            out.append(line)
        }
        return Array(out.prefix(maxLines))
    }
}
