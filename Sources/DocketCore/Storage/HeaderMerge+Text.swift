/// Names and texts of board-level merge conflicts (`stages.uat2`), for the activity log.
extension HeaderMerge {
    /// The header lists merged by element, by the name their conflicts start with.
    static let sections: Set<String> = ["stages", "releases", "people", "labels", "filters", "extra"]

    /// `stages.uat2` → (`stages`, `uat2`); nil for a name that is not an element conflict.
    static func split(_ name: String) -> (section: String, key: String)? {
        guard let dot = name.firstIndex(of: "."), sections.contains(String(name[..<dot])) else { return nil }
        return (String(name[..<dot]), String(name[name.index(after: dot)...]))
    }

    /// The keys of `section`'s elements that `item` uses (its stage, release, labels, assignees).
    static func uses(_ section: String, _ item: Item) -> [String] {
        switch section {
        case "stages": return [item.stage]
        case "releases": return item.release.map { [$0] } ?? []
        case "people": return item.assignees
        case "labels": return item.labels
        default: return []
        }
    }

    /// A short text of the element of `section` with `key` in `header` (nil: it has none):
    /// `UAT2 (doing, WIP 3)`, `1.5 (target 2024-06-01, capacity 20)`, `@ana (Ana Lima)`,
    /// `bug (red)`, `mine: @me`, or an unknown key's raw JSON (cut to 200 characters).
    static func text(_ section: String, _ key: String, in header: BoardHeader) -> String? {
        func with(_ head: String, _ details: [String?]) -> String {
            let d = details.compactMap { $0 }
            return d.isEmpty ? head : "\(head) (\(d.joined(separator: ", ")))"
        }
        switch section {
        case "stages":
            return header.stages.first { $0.id == key }.map {
                with($0.name, [$0.kind.rawValue, $0.wipLimit.map { "WIP \($0)" }, $0.exitCriterion.map { "exit: \($0)" },
                                $0.phase.map { "phase \($0.rawValue)" }])
            }
        case "releases":
            return header.releases.first { $0.name == key }.map {
                with($0.name, [$0.start.map { "start \($0)" }, $0.target.map { "target \($0)" }, $0.capacity.map { "capacity \($0.pointsText)" },
                               $0.budget.map { "budget \($0.major(exponent: header.planning.exponent).pointsText)" },
                               $0.state == .planned ? nil : $0.state.rawValue])
            }
        case "people": return header.people.first { $0.handle == key }.map { with("@" + $0.handle, [$0.name]) }
        case "labels": return header.labels.first { $0.name == key }.map { with($0.name, [$0.color]) }
        case "filters": return header.savedFilters.first { $0.name == key }.map { "\($0.name): \($0.query)" }
        case "extra": return header.extra[key].map { String($0.prefix(200)) }
        default: return nil
        }
    }
}
