import DocketCore

/// The item detail pane: which item, which row is selected, and the line being edited.
public struct DetailScreen: Feature {
    public static let id = "detail"
    public static let title = "Item details"
    public var itemID: String
    /// Index into `DetailRows.rows`.
    public var row = 0
    /// The text being edited for the selected row, if editing.
    public var editor: LineEditor?
    /// The item as it was when the editor opened, to notice a change made elsewhere meanwhile.
    public var editingFrom: Item?
    /// True when the editor adds a new acceptance criterion (or link) rather than editing a row.
    public var addingCriterion = false
    /// True when the new line is a link (`URL` or `URL title`), not a criterion.
    public var addingLink = false
    /// True when the new line is a comment (added with `Board.addComment`).
    public var addingComment = false

    public init(itemID: String) { self.itemID = itemID }
}

/// The actions of the detail pane. Not editing: ↑/↓ (k/j) select a row, Enter or e edits it,
/// Space ticks an acceptance criterion, c adds one, w adds a link (`URL title`), C adds a
/// comment (by you, now; shown newest first), E edits the
/// description in $EDITOR, Esc (or q, o) closes the pane. Editing: the line editor's keys;
/// Enter checks and saves the value (an invalid one keeps the editor open with the reason),
/// Esc cancels.
public enum DetailAction: String, FeatureAction {
    case up, down, top, bottom, edit, tick, addCriterion = "add-criterion", addLink = "add-link", addComment = "add-comment"
    case editDescription = "edit-description", undo, redo, close

    public var summary: String {
        switch self {
        case .up: return "select the row above"
        case .down: return "select the row below"
        case .top: return "first row"
        case .bottom: return "last row"
        case .edit: return "edit the selected field"
        case .tick: return "tick or untick the selected acceptance criterion"
        case .addCriterion: return "add an acceptance criterion"
        case .addLink: return "add a link (URL, then a title)"
        case .addComment: return "add a comment (by you, now; undo with u)"
        case .editDescription: return "edit the description in $VISUAL / $EDITOR"
        case .undo: return "undo"
        case .redo: return "redo"
        case .close: return "close the details (back where you were)"
        }
    }

    public var hint: String? {
        switch self {
        case .edit: return "edit"
        case .tick: return "tick"
        case .close: return "close"
        default: return nil
        }
    }
    public var edits: Bool { ![.up, .down, .top, .bottom, .close].contains(self) }
}

extension DetailScreen {
    public static let defaultKeys: [(Key, DetailAction)] = [
        (.up, .up), (.char("k"), .up), (.down, .down), (.char("j"), .down),
        (.home, .top), (.char("g"), .top), (.end, .bottom), (.char("G"), .bottom),
        (.enter, .edit), (.char("e"), .edit), (.char(" "), .tick), (.char("c"), .addCriterion), (.char("w"), .addLink),
        (.char("C"), .addComment),
        (.char("E"), .editDescription), (.char("u"), .undo), (.ctrl("r"), .redo),
        (.escape, .close), (.char("q"), .close), (.char("o"), .close),
    ]
}

/// One row of the detail pane.
public struct DetailRow: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A field set with `ItemFieldSetter` (its name).
        case field(String)
        case criterion(Int)
        case link(Int)
        case description
    }
    public var kind: Kind
    public var label: String
    /// The value as shown, and as put in the editor when the row is edited.
    public var value: String
}

/// The rows of the detail pane for an item: every field, the acceptance criteria, the links,
/// the sprints, the archive record, the comments (newest first) and the description.
public enum DetailRows {
    /// Rows shown but not edited in the pane (Enter says where they come from).
    public static let readOnly: [String: String] = [
        "score": "the score is computed from the inputs above",
        "sprints": "sprints come from the import (Jira's Sprint columns)",
        "archived": "restore it with r in the archive (D on the board) or `docket restore ID`",
        "comment": "C adds a comment (or `docket comment ID \"text\"`)",
        "goals": "link goals with `docket goal link GOAL ID`",
        "feedback": "record feedback with `docket feedback add TEXT --from WHO --item ID`",
    ]

    public static func rows(_ item: Item, board: Board) -> [DetailRow] {
        var rows: [DetailRow] = []
        func field(_ name: String, _ label: String, _ value: String) { rows.append(DetailRow(kind: .field(name), label: label, value: value)) }
        field("title", "Title", item.title)
        field("type", "Type", item.type.rawValue)
        field("stage", "Stage", board.stages.first { $0.id == item.stage }?.name ?? item.stage)
        field("priority", "Priority", item.priority?.rawValue ?? "")
        field("points", "Points", item.points?.pointsText ?? "")
        field("labels", "Labels", item.labels.joined(separator: ", "))
        field("assignees", "Assignees", item.assignees.joined(separator: ", "))
        field("release", "Release", item.release ?? "")
        field("due", "Due", item.due ?? "")
        field("requester", "Requester", item.requester ?? "")
        field("votes", "Votes", String(item.votes))
        field("blocked", "Blocked", item.blocked ? "yes" : "no")
        field("blockedReason", "Why blocked", item.blockedReason)
        field("parent", "Epic", item.parent ?? "")
        let s = item.scores
        let rice = [("reach", "Reach/qtr", s.reach), ("impact", "Impact", s.impact), ("confidence", "Confidence %", s.confidence),
                    ("effort", "Effort (pm)", s.effort)]
        let wsjf = [("value", "Value", s.value), ("criticality", "Time crit.", s.criticality), ("risk", "Risk/opp.", s.risk),
                    ("size", "Job size", s.size)]
        let shown = board.scoring == .rice ? rice : board.scoring == .wsjf ? wsjf : rice + wsjf
        for (name, label, v) in shown { field(name, label, v?.pointsText ?? "") }
        if let score = board.score(item) {
            rows.append(DetailRow(kind: .field("score"), label: board.scoring.rawValue.uppercased(), value: ScoreText.format(score)))
        }
        for (i, c) in item.criteria.enumerated() {
            rows.append(DetailRow(kind: .criterion(i), label: i == 0 ? "Acceptance" : "", value: (c.done ? "[x] " : "[ ] ") + c.text))
        }
        for (i, l) in item.links.enumerated() {
            rows.append(DetailRow(kind: .link(i), label: i == 0 ? "Links" : "", value: l.title.isEmpty ? l.url : "\(l.title) <\(l.url)>"))
        }
        // Read-only here (`DetailRows.readOnly`): sprints, why it was archived, comments newest first.
        if !item.sprints.isEmpty { field("sprints", "Sprints", item.sprints.joined(separator: "; ")) }
        if item.archived {
            let record = board.archiveRecord(of: item.id)
            let when = record.map { "\(ISODate.formatDay($0.at)) by \($0.by)" }
            field("archived", "Archived", [when, item.archivedReason, item.archivedList.map { "list “\($0)”" }].compactMap { $0 }.joined(separator: ": "))
        }
        for (i, c) in item.comments.reversed().enumerated() {
            field("comment", i == 0 ? "Comments" : "", "\(ISODate.formatDay(c.at)) \(c.author): \(c.text)")
        }
        rows += strategyRows(item, board: board)
        rows.append(DetailRow(kind: .description, label: "Description", value: item.description))
        return rows
    }
}
