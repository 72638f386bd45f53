/// `docket roadmap`: the `Roadmap` as plain text, Markdown (for chats and wikis) or JSON.
public enum RoadmapOutput {
    public enum Format: String, CaseIterable, Sendable { case text, markdown, json }

    /// The roadmap: lanes, timeline and phases (board text made one line; in Markdown `<`
    /// escaped so no raw HTML reaches the page). Ends in a line break.
    public static func render(_ roadmap: Roadmap, board: Board, format: Format, money: MoneyFormat) -> String {
        switch format {
        case .text: return text(roadmap, board: board, money: money, markdown: false)
        case .markdown: return text(roadmap, board: board, money: money, markdown: true)
        case .json: return json(roadmap, board: board)
        }
    }

    /// A card in one line: title, id, points, release, blocked, and for an epic its roll-up.
    public static func cardLine(_ card: Roadmap.Card, money: MoneyFormat) -> String {
        var parts = ["\(card.title) (\(card.id))"]
        if let e = card.epic {
            parts.append("epic: \(e.doneChildren.count)/\(e.children.count) done, \(e.donePoints.pointsText)/\(e.plannedPoints.pointsText) points, \(Int((e.progress * 100).rounded()))%")
            if let c = e.plannedCost { parts.append(money.string(c)) }
            if !e.releases.isEmpty { parts.append("releases \(e.releases.joined(separator: "–"))") }
            if !e.unestimated.isEmpty { parts.append(PlanWarnings.unestimated(e.unestimated.count)) }
        } else {
            if let p = card.points { parts.append("\(p.pointsText) pt") }
            if let r = card.release { parts.append("release \(r)") }
        }
        if card.blocked { parts.append("blocked") }
        return parts.joined(separator: " · ")
    }

    static func text(_ roadmap: Roadmap, board: Board, money: MoneyFormat, markdown md: Bool) -> String {
        let clean = { (s: String) in md ? ReportExport.text(s) : MarkdownExport.oneLine(s) }
        var out = [md ? "# \(clean(board.name)) — roadmap" : "\(MarkdownExport.oneLine(board.name)) — roadmap (as of \(roadmap.today))"]
        if md { out += ["", "As of \(roadmap.today)."] }
        for (lane, cards) in roadmap.lanes {
            out += ["", md ? "## \(lane.title)" : "\(lane.title) (\(cards.count))"]
            if md { out.append("") }
            if cards.isEmpty { out.append(md ? "Nothing here." : "  (empty)") }
            for card in cards { out.append((md ? "- " : "  - ") + clean(cardLine(card, money: money))) }
        }
        out += ["", md ? "## Timeline" : "Timeline"]
        if md { out.append("") }
        if roadmap.timeline.isEmpty { out.append(md ? "No releases or epics with dates." : "  (no releases or epics with dates)") }
        for bar in roadmap.timeline {
            var notes = [bar.kind.rawValue, "\(bar.start ?? "…") → \(bar.target ?? "…")", "\(Int((bar.progress * 100).rounded()))% done"]
            if let s = bar.state { notes.append(s.rawValue) }
            if bar.late { notes.append("past its target") }
            if bar.overCapacity { notes.append("over capacity") }
            out.append((md ? "- **" : "  - ") + clean(bar.name) + (md ? "**: " : ": ") + notes.joined(separator: ", "))
        }
        if !roadmap.phases.isEmpty {
            out += ["", md ? "## Phases" : "Phases"]
            if md { out.append("") }
            for p in roadmap.phases {
                let stages = p.stages.map { s in clean(s.name) + (s.exitCriterion.map { " (exit: \(clean($0)))" } ?? "") }
                out.append((md ? "- **\(p.phase.rawValue)**: " : "  - \(p.phase.rawValue): ") + stages.joined(separator: "; "))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `{"today", "lanes": {"now": [card…], "next": […], "later": […]}, "epics": [...],
    /// "timeline": [...], "phases": [...]}`; a card is `{"id", "title", "type", "stage",
    /// "release", "points", "blocked", "epic"}` (`epic`: the id of its roll-up or null); money
    /// in major units of the board's currency.
    static func json(_ roadmap: Roadmap, board: Board) -> String {
        let e = board.planning.exponent
        let money = { (m: Money?) -> JSONText.Value in m.map { .number($0.major(exponent: e)) } ?? .null }
        let opt = { (s: String?) -> JSONText.Value in s.map { .string($0) } ?? .null }
        var j = JSONText(capacity: 4096)
        j.raw("{\"today\": "); j.string(roadmap.today)
        j.raw(",\n\"lanes\": {")
        for (k, (lane, cards)) in roadmap.lanes.enumerated() {
            j.raw(k == 0 ? "\n" : ",\n"); j.string(lane.rawValue); j.raw(": [")
            list(&j, cards) { j, c in
                j.object([("id", .string(c.id)), ("title", .string(c.title)), ("type", .string(c.type.rawValue)), ("stage", .string(c.stage)),
                          ("release", opt(c.release)), ("points", c.points.map { .number($0) } ?? .null), ("blocked", .bool(c.blocked)),
                          ("epic", c.epic == nil ? .null : .string(c.id))])
            }
        }
        j.raw("\n},\n\"epics\": [")
        list(&j, roadmap.epics) { j, r in
            j.object([("id", .string(r.id)), ("title", .string(r.title)), ("children", .strings(r.children)), ("doneChildren", .strings(r.doneChildren)),
                      ("plannedPoints", .number(r.plannedPoints)), ("donePoints", .number(r.donePoints)),
                      ("progress", .number((r.progress * 1000).rounded() / 1000)), ("unestimatedItems", .strings(r.unestimated)),
                      ("plannedCost", money(r.plannedCost)), ("spentCost", money(r.spentCost)), ("releases", .strings(r.releases)),
                      ("start", opt(r.start)), ("target", opt(r.target))])
        }
        j.raw(",\n\"timeline\": [")
        list(&j, roadmap.timeline) { j, b in
            j.object([("kind", .string(b.kind.rawValue)), ("name", .string(b.name)), ("id", opt(b.id)), ("start", opt(b.start)),
                      ("target", opt(b.target)), ("progress", .number((b.progress * 1000).rounded() / 1000)),
                      ("state", opt(b.state?.rawValue)), ("late", .bool(b.late)), ("overCapacity", .bool(b.overCapacity))])
        }
        j.raw(",\n\"phases\": [")
        list(&j, roadmap.phases) { j, p in
            j.object([("phase", .string(p.phase.rawValue)), ("stages", .strings(p.stages.map(\.id))),
                      ("exitCriteria", .strings(p.stages.map { $0.exitCriterion ?? "" }))])
        }
        j.raw("\n}\n")
        return String(decoding: j.bytes, as: UTF8.self)
    }

    private static func list<T>(_ j: inout JSONText, _ values: [T], _ write: (inout JSONText, T) -> Void) {
        for (i, v) in values.enumerated() { j.raw(i == 0 ? "\n  " : ",\n  "); write(&j, v) }
        j.raw(values.isEmpty ? "]" : "\n]")
    }
}
