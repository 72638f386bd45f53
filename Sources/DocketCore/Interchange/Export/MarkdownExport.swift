import Foundation

/// The board as taskell Markdown: a `## Stage` heading per stage (in board order), then a
/// `- title` line per item, with indented sub-lines taskell reads: `    @ YYYY-MM-DD` for the
/// due date, `    > line` for each line of the description, and `    * [x] text` /
/// `    * [ ] text` for acceptance criteria, and Docket's own `    ~ Sprint 12` per sprint and
/// `    % 2026-12-01T10:00:00Z alice: text` per comment (oldest first; `TaskellImport` reads
/// them back). Line breaks in titles, criteria and comments become spaces.
/// Items of stages the board does not have go under a heading named by their stage id.
public enum MarkdownExport {
    /// The Markdown for `items` (in the order given, grouped by stage in board order); every
    /// stage gets a heading, empty ones too. Ends in a line break.
    public static func render(_ board: Board, items: [Item]) -> String {
        var byStage: [String: [Item]] = [:]
        var unknown: [String] = []
        let known = Set(board.stages.map(\.id))
        for item in items {
            if !known.contains(item.stage) && byStage[item.stage] == nil { unknown.append(item.stage) }
            byStage[item.stage, default: []].append(item)
        }
        let sections = board.stages.map { ($0.name, $0.id) } + unknown.map { ($0, $0) }
        var out: [String] = []
        for (name, id) in sections {
            out.append("## \(oneLine(name))")
            out.append("")
            for item in byStage[id] ?? [] { out += lines(of: item) }
            out.append("")
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// The lines of one item: the `- title` line and its sub-lines.
    static func lines(of item: Item) -> [String] {
        var out = ["- " + oneLine(item.title)]
        if let due = item.due { out.append("    @ " + due) }
        let description = item.description.replacingOccurrences(of: "\r\n", with: "\n")
        if !description.isEmpty {
            for line in description.split(separator: "\n", omittingEmptySubsequences: false) {
                out.append("    > " + line)
            }
        }
        for c in item.criteria { out.append("    * [\(c.done ? "x" : " ")] " + oneLine(c.text)) }
        for s in item.sprints { out.append("    ~ " + oneLine(s)) }
        for c in item.comments { out.append("    % " + oneLine(ItemListJSON.commentText(c))) }
        return out
    }

    /// `text` on one line: line breaks (and other vertical spaces) become single spaces.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
