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
    /// The score inputs (`ScoreInputs`), one field each.
    case reach, impact, confidence, effort, value, criticality, risk, size

    /// What every importer carries: title, description, stage, archived flag.
    public static let basic: Set<SourceField> = [.title, .description, .stage, .archived]

    /// Copies this field (for `blocked`, the flag and its reason) of `source` into `item`.
    func copy(from source: Item, to item: inout Item) {
        switch self {
        case .title: item.title = source.title
        case .description: item.description = source.description
        case .type: item.type = source.type
        case .stage: item.stage = source.stage
        case .priority: item.priority = source.priority
        case .points: item.points = source.points
        case .labels: item.labels = source.labels
        case .assignees: item.assignees = source.assignees
        case .release: item.release = source.release
        case .blocked: item.blocked = source.blocked; item.blockedReason = source.blockedReason
        case .archived: item.archived = source.archived
        case .requester: item.requester = source.requester
        case .votes: item.votes = source.votes
        case .due: item.due = source.due
        case .parent: item.parent = source.parent
        case .duplicateOf: item.duplicateOf = source.duplicateOf
        case .snoozedUntil: item.snoozedUntil = source.snoozedUntil
        case .criteria: item.criteria = source.criteria
        case .links: item.links = source.links
        case .reach, .impact, .confidence, .effort, .value, .criticality, .risk, .size:
            let v = source.scores.fields.first { $0.0 == rawValue }?.1
            _ = item.scores.set(rawValue, v)
        }
    }
}
