/// An item field that an export carries, so that importing the same export again refreshes
/// it on the items the earlier import made (matched by id: Trello card id, Jira key, GitHub
/// number, taskell list + title, the `id` column of a CSV).
///
/// Each importer declares its fields in `ImportedBoard.sourceFields`; fields it does not
/// carry (taskell has no labels, Trello no points) and Docket's own fields (rank, scores,
/// blocked, votes, snooze, scores — unless the export is Docket's own CSV) keep the board's value, so
/// a re-import never wipes what the team added in Docket.
public enum SourceField: String, CaseIterable, Sendable {
    case title, description, type, stage, priority, points, labels, assignees, release, blocked
    case archived, requester, votes, due, parent, duplicateOf, snoozedUntil, criteria, links
    /// Sprint names (Jira), and comments (added to the item's, never removed: `Comment`s match whole).
    case sprints, comments
    /// The score inputs (`ScoreInputs`), one field each.
    case reach, impact, confidence, effort, value, criticality, risk, size

    /// What every importer carries: title, description, stage, archived flag.
    public static let basic: Set<SourceField> = [.title, .description, .stage, .archived]

    /// Copies this field (for `blocked`, the flag and its reason) of `source` into `item`. An
    /// empty value in the export (no points, no due date, no labels, a blank description)
    /// never clears what the board has: a re-import must not wipe the team's estimates.
    func copy(from source: Item, to item: inout Item) {
        func take<T>(_ value: T?, _ into: inout T?) { if let value { into = value } }
        func take<T: Collection>(_ value: T, _ into: inout T) { if !value.isEmpty { into = value } }
        switch self {
        case .title: take(source.title, &item.title)
        case .description: take(source.description, &item.description)
        case .type: item.type = source.type
        case .stage: item.stage = source.stage
        case .priority: take(source.priority, &item.priority)
        case .points: take(source.points, &item.points)
        case .labels: take(source.labels, &item.labels)
        case .assignees: take(source.assignees, &item.assignees)
        case .release: take(source.release, &item.release)
        case .blocked: item.blocked = source.blocked; if source.blocked { item.blockedReason = source.blockedReason }
        case .archived:
            item.archived = source.archived
            if source.archived { take(source.archivedReason, &item.archivedReason); take(source.archivedList, &item.archivedList) }
        case .sprints: take(source.sprints, &item.sprints)
        case .comments:
            let known = Set(item.comments)
            let new = source.comments.filter { !known.contains($0) }
            if !new.isEmpty { item.comments = Item.sortedComments(item.comments + new) }
        case .requester: take(source.requester, &item.requester)
        case .votes: item.votes = source.votes
        case .due: take(source.due, &item.due)
        case .parent: take(source.parent, &item.parent)
        case .duplicateOf: take(source.duplicateOf, &item.duplicateOf)
        case .snoozedUntil: take(source.snoozedUntil, &item.snoozedUntil)
        case .criteria: take(source.criteria, &item.criteria)
        case .links: take(source.links, &item.links)
        case .reach, .impact, .confidence, .effort, .value, .criticality, .risk, .size:
            if let v = source.scores.fields.first(where: { $0.0 == rawValue })?.1 { _ = item.scores.set(rawValue, v) }
        }
    }
}
