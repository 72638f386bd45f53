/// The fields of a parsed quick-add line (see `QuickAdd`), not yet on a board.
///
/// `title` is the line's title words joined by single spaces (never empty after `parse`);
/// `labels` and `assignees` are names in the order typed; `points` are story points (≥ 0);
/// `stage` is a stage name, id or unique prefix as typed (nil: the default stage); `due` is a
/// date `YYYY-MM-DD`. Set fields freely before `apply` (the command line overrides some).
public struct QuickAddDraft: Equatable, Sendable {
    public var title: String
    public var labels: [String]
    public var assignees: [String]
    public var priority: Priority?
    public var points: Double?
    public var release: String?
    public var stage: String?
    /// Where `>stage` was in the line (character offset from 0), so a stage the board does
    /// not have is reported there. Nil when the stage did not come from the line.
    public var stageOffset: Int?
    public var due: String?

    public init(title: String, labels: [String] = [], assignees: [String] = [], priority: Priority? = nil,
                points: Double? = nil, release: String? = nil, stage: String? = nil, stageOffset: Int? = nil,
                due: String? = nil) {
        self.title = title; self.labels = labels; self.assignees = assignees; self.priority = priority
        self.points = points; self.release = release; self.stage = stage; self.stageOffset = stageOffset
        self.due = due
    }

    /// Adds the draft to `board` as a new item at the bottom of its stage's column.
    ///
    /// The stage is `stage` resolved with `Board.stage(named:)`, else `defaultStage` (a stage
    /// id). A label, person or release the board already has is matched ignoring case and
    /// used with the board's spelling (`#Billing` → `billing`); unknown ones are added to the
    /// board. The item is added with `Board.addItem` and its due date set with `Board.modify`,
    /// as ONE edit (one undo step) whose summary is `added ID to STAGE`. `user` and `time`
    /// (seconds since epoch) go to the activity log.
    ///
    /// Returns the new item, the edit, and what the board did not know before, in the order
    /// labels, people, release: `["label billing", "person alice", "release v2.1"]`.
    ///
    /// Throws `QuickAddError` (`.badStage`, at `stageOffset`) when `>stage` names no stage or
    /// several; `DocketError` when `stage` was set without an offset and names no stage,
    /// when `defaultStage` is unknown, or for an empty title or negative points.
    public func apply(to board: inout Board, defaultStage: String, by user: String,
                      at time: Timestamp) throws -> (item: Item, edit: Edit, created: [String]) {
        let stageID: String
        if let stage {
            do { stageID = try board.stage(named: stage).id }
            catch let error as DocketError {
                guard let stageOffset else { throw error }
                throw QuickAddError(kind: .badStage, offset: stageOffset, token: ">" + stage, message: error.description)
            }
        } else {
            stageID = defaultStage
        }
        let labels = Self.canonical(self.labels, known: board.labels.map(\.name))
        let assignees = Self.canonical(self.assignees, known: board.people.map(\.handle))
        let release = release.map { Self.canonical([$0], known: board.releases.map(\.name))[0] }

        let before = (labels: Set(board.labels.map(\.name)), people: Set(board.people.map(\.handle)),
                      releases: Set(board.releases.map(\.name)))
        let added = try board.addItem(title: title, stage: stageID, placement: .bottom, priority: priority,
                                      points: points, labels: labels, assignees: assignees, release: release,
                                      by: user, at: time)
        var edit = added.edit
        if let due {
            let dueEdit = try board.modify(added.item.id, summary: edit.summary, by: user, at: time) { $0.due = due }
            edit = edit.merged(with: dueEdit)
        }
        let stageName = board.stages.first { $0.id == stageID }?.name ?? stageID
        edit.summary = "added \(added.item.id) to \(stageName)"

        var created: [String] = []
        created += board.labels.map(\.name).filter { !before.labels.contains($0) }.map { "label \($0)" }
        created += board.people.map(\.handle).filter { !before.people.contains($0) }.map { "person \($0)" }
        created += board.releases.map(\.name).filter { !before.releases.contains($0) }.map { "release \($0)" }
        return (board.items[added.item.id] ?? added.item, edit, created)
    }

    /// `names` with each one the board knows (ignoring case) spelled as the board spells it,
    /// duplicates (ignoring case) dropped, order kept.
    static func canonical(_ names: [String], known: [String]) -> [String] {
        var byKey: [String: String] = [:]
        for k in known where byKey[k.lowercased()] == nil { byKey[k.lowercased()] = k }
        var out: [String] = []
        var seen = Set<String>()
        for name in names {
            let spelled = known.contains(name) ? name : byKey[name.lowercased()] ?? name
            if seen.insert(spelled.lowercased()).inserted { out.append(spelled) }
        }
        return out
    }
}
