extension Board {
    /// The open items in board order (stage by stage, by rank).
    public func openItemsInBoardOrder() -> [String] { stages.flatMap { column($0.id) } }

    /// The next open item after `start` (in board order, wrapping; `start` itself last when
    /// `includeStart`) whose id starts with `text` or whose title or description contains it,
    /// ignoring case and normal form (`FoldedText`). `backwards` searches the other way. Nil when nothing matches. Shared by
    /// the board's `/` search and triage's duplicate finder.
    public func search(_ text: String, from start: String?, backwards: Bool = false, includeStart: Bool = false) -> String? {
        let needle = FoldedText(text)
        guard !needle.text.isEmpty else { return nil }
        var order = openItemsInBoardOrder()
        if backwards { order.reverse() }
        guard !order.isEmpty else { return nil }
        let from = start.flatMap { order.firstIndex(of: $0) } ?? (order.count - 1)
        let first = includeStart ? 0 : 1
        for step in first...order.count {
            let id = order[(from + step) % order.count]
            guard let item = items[id] else { continue }
            if needle.isPrefix(of: item.id) || needle.isContained(in: item.title)
                || needle.isContained(in: item.description) { return id }
        }
        return nil
    }
}
