/// What a stage means for the flow of work (drives triage, cycle time and "done").
public enum StageKind: String, CaseIterable, Codable, Sendable {
    case inbox, todo, doing, done
}

/// A column of the board: a roadmap or workflow stage.
///
/// `id` is stable (items refer to it), `name` is what people see and may change.
/// `wipLimit` is the work-in-progress limit in items (nil: none).
public struct Stage: Equatable, Codable, Sendable {
    public var id: String
    public var name: String
    public var kind: StageKind
    public var wipLimit: Int?
    /// A sentence that must hold before an item leaves the stage (nil: none).
    public var exitCriterion: String?
    /// The roadmap phase the stage belongs to (nil: none named).
    public var phase: StagePhase?
    /// Folded on the board to a one-cell strip with its count (its items stay in it).
    public var hidden: Bool = false
    /// Service level expectation: the age in days (in the user's time zone) an item may
    /// reach in this stage before it counts as late; nil for none.
    public var slaDays: Int?

    public init(id: String, name: String, kind: StageKind, wipLimit: Int? = nil, exitCriterion: String? = nil,
                phase: StagePhase? = nil) {
        self.id = id; self.name = name; self.kind = kind; self.wipLimit = wipLimit; self.exitCriterion = exitCriterion
        self.phase = phase
    }
}

/// The phase of product development a stage belongs to, from concept to release: discovery
/// (ideas, research), delivery (building) or launch (release, rollout).
public enum StagePhase: String, CaseIterable, Codable, Sendable {
    case discovery, delivery, launch
}
