/// Changing the roadmap's settings and the stages' phases and exit criteria (`docket roadmap
/// set`, `docket roadmap stage`). One undoable `Edit` each; nothing changes on an error.
extension Board {
    /// The keys `setRoadmap` accepts: `now-stages`, `now-releases`, `next-stages`,
    /// `next-releases` (comma-separated stage names/ids or release names; empty: back to the
    /// default for that lane when both of its keys are empty) and `confirm-exit` (on/off).
    public static let roadmapKeys = ["now-stages", "now-releases", "next-stages", "next-releases", "confirm-exit"]

    /// Sets roadmap settings from `KEY=VALUE` pairs. Throws `DocketError` for an unknown key,
    /// stage, release or on/off value.
    @discardableResult
    public mutating func setRoadmap(_ pairs: [(String, String)], by user: String, at time: Timestamp) throws -> Edit {
        var h = header
        let sources = Roadmap.sources(self)
        let defaults = { (now: Bool) in now ? sources.now : sources.next }
        for (key, value) in pairs {
            let list = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let lanePath: WritableKeyPath<RoadmapSettings, LaneSource?> = key.hasPrefix("now") ? \.now : \.next
            switch key.lowercased() {
            case "now-stages", "next-stages":
                var lane = h.planning.roadmap[keyPath: lanePath] ?? defaults(key.hasPrefix("now"))
                lane.stages = try list.map { try stage(named: $0).id }
                h.planning.roadmap[keyPath: lanePath] = lane
            case "now-releases", "next-releases":
                var lane = h.planning.roadmap[keyPath: lanePath] ?? defaults(key.hasPrefix("now"))
                lane.releases = try list.map { try release(named: $0).name }
                h.planning.roadmap[keyPath: lanePath] = lane
            case "confirm-exit":
                switch value.lowercased() {
                case "on", "true", "yes": h.planning.roadmap.confirmExit = true
                case "off", "false", "no": h.planning.roadmap.confirmExit = false
                default: throw DocketError.invalidValue(field: "confirm-exit", value: value, expected: "on or off")
                }
            default:
                throw DocketError.invalidValue(field: "roadmap setting", value: key, expected: "one of \(Board.roadmapKeys.joined(separator: ", "))")
            }
            if let lane = h.planning.roadmap[keyPath: lanePath], lane.stages.isEmpty, lane.releases.isEmpty {
                h.planning.roadmap[keyPath: lanePath] = nil
            }
        }
        return upsert([], header: h, action: "roadmap", summary: "roadmap settings changed", by: user, at: time)
    }

    /// Sets a stage's phase (`discovery`, `delivery`, `launch`; empty or `none` clears) and/or
    /// exit criterion (a sentence; empty clears). Throws for an unknown stage or phase.
    @discardableResult
    public mutating func setStagePlanning(_ stageName: String, phase: String?, exitCriterion: String?,
                                          by user: String, at time: Timestamp) throws -> Edit {
        let s = try stage(named: stageName)
        var h = header
        let k = h.stages.firstIndex { $0.id == s.id }!
        if let phase {
            let p = phase.trimmingCharacters(in: .whitespaces).lowercased()
            if p.isEmpty || p == "none" { h.stages[k].phase = nil } else {
                guard let v = StagePhase(rawValue: p) else {
                    throw DocketError.invalidValue(field: "phase", value: phase, expected: "discovery, delivery, launch or none")
                }
                h.stages[k].phase = v
            }
        }
        if let exitCriterion {
            let text = exitCriterion.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.contains(where: \.isNewline) else {
                throw DocketError.invalidValue(field: "exit criterion", value: exitCriterion, expected: "one sentence on one line")
            }
            h.stages[k].exitCriterion = text.isEmpty ? nil : text
        }
        return upsert([], header: h, action: "stage", summary: "planning of stage \(s.name) changed", by: user, at: time)
    }
}
