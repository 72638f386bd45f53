/// Changing a board's releases, for the CLI and the releases screen. Every change is one
/// `Edit` (undoable), checked first: on any error nothing changes. Errors are
/// `DocketError.invalidValue(field:value:expected:)` naming the value and the expected form.
extension Board {
    /// The release named `name` (exact, else the one whose name matches ignoring case).
    /// Throws naming the board's releases when there is none.
    public func release(named name: String) throws -> Release {
        if let r = releases.first(where: { $0.name == name }) { return r }
        let folded = releases.filter { $0.name.lowercased() == name.lowercased() }
        if folded.count == 1 { return folded[0] }
        let known = releases.map(\.name)
        throw DocketError.invalidValue(field: "release", value: name,
            expected: known.isEmpty ? "a release of the board (it has none yet: `docket release add NAME`)"
                                    : "one of the board's releases: \(known.joined(separator: ", "))")
    }

    /// Adds `release` after the others. Throws when its name is empty or taken (any case), or
    /// a field is invalid (see `ReleaseField.validate`).
    @discardableResult
    public mutating func addRelease(_ release: Release, by user: String, at time: Timestamp) throws -> Edit {
        try checkNewName(release.name)
        try ReleaseField.validate(release)
        var h = header
        h.releases.append(release)
        return upsert([], header: h, action: "release", summary: "added release \(release.name)", by: user, at: time)
    }

    /// Sets fields of a release from `KEY=VALUE` pairs (keys of `ReleaseField`; an empty value
    /// clears). Throws for an unknown release, key or value; nothing changes then.
    @discardableResult
    public mutating func setRelease(_ name: String, _ pairs: [(String, String)], by user: String, at time: Timestamp) throws -> Edit {
        var r = try release(named: name)
        let old = r.name
        for (key, value) in pairs { try ReleaseField.set(key, to: value, on: &r, exponent: planning.exponent) }
        try ReleaseField.validate(r)
        var h = header
        h.releases[h.releases.firstIndex { $0.name == old }!] = r
        return upsert([], header: h, action: "release", summary: "set \(pairs.map(\.0).joined(separator: ", ")) of release \(old)", by: user, at: time)
    }

    /// Marks a release shipped.
    @discardableResult
    public mutating func shipRelease(_ name: String, by user: String, at time: Timestamp) throws -> Edit {
        let r = try release(named: name)
        return try setRelease(r.name, [("state", ReleaseState.shipped.rawValue)], by: user, at: time)
    }

    /// Renames a release; every item in it (archived ones too) follows. Throws when the new
    /// name is empty or taken.
    @discardableResult
    public mutating func renameRelease(_ name: String, to newName: String, by user: String, at time: Timestamp) throws -> Edit {
        let r = try release(named: name)
        if newName.lowercased() != r.name.lowercased() { try checkNewName(newName) } else { try checkName(newName) }
        var h = header
        h.releases[h.releases.firstIndex { $0.name == r.name }!].name = newName
        h.planning.roadmap.renameRelease(r.name, to: newName)
        return upsert(items(in: r.name, settingTo: newName, at: time), header: h, action: "release",
                      summary: "renamed release \(r.name) to \(newName)", by: user, at: time)
    }

    /// Removes a release. While items use it (archived ones too) it is refused, unless
    /// `moveTo` names another release, which those items then join. Returns the edit and how
    /// many items moved.
    @discardableResult
    public mutating func removeRelease(_ name: String, moveTo: String?, by user: String, at time: Timestamp) throws -> (Edit, Int) {
        let r = try release(named: name)
        let target = try moveTo.map { try release(named: $0) }
        if let target, target.name == r.name {
            throw DocketError.invalidValue(field: "--move-to", value: target.name, expected: "another release than the one removed")
        }
        let moved = items(in: r.name, settingTo: target?.name, at: time)
        if !moved.isEmpty, target == nil {
            throw DocketError.invalidValue(field: "release", value: r.name,
                expected: "a release no item uses (\(moved.count) item\(moved.count == 1 ? "" : "s") do; add --move-to OTHER)")
        }
        var h = header
        h.releases.removeAll { $0.name == r.name }
        h.planning.roadmap.renameRelease(r.name, to: target?.name)
        let summary = "removed release \(r.name)" + (target.map { ", \(moved.count) items moved to \($0.name)" } ?? "")
        return (upsert(moved, header: h, action: "release", summary: summary, by: user, at: time), moved.count)
    }

    /// The items of release `name` with their release set to `newName`.
    private func items(in name: String, settingTo newName: String?, at time: Timestamp) -> [Item] {
        var out: [Item] = []
        items.forEachItem { item in
            guard item.release == name else { return }
            var changed = item
            changed.release = newName
            changed.updated = time
            out.append(changed)
        }
        return out.sorted { $0.id < $1.id }
    }

    private func checkName(_ name: String) throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name == name.trimmingCharacters(in: .whitespaces),
              !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw DocketError.invalidValue(field: "release name", value: name, expected: "a name with no leading or trailing spaces and no control characters")
        }
    }

    private func checkNewName(_ name: String) throws {
        try checkName(name)
        if let taken = releases.first(where: { $0.name.lowercased() == name.lowercased() }) {
            throw DocketError.invalidValue(field: "release name", value: name, expected: "a name no release has ('\(taken.name)' exists)")
        }
    }
}

/// The fields of a release as `docket release set NAME KEY=VALUE` writes them.
public enum ReleaseField {
    /// The keys `set` accepts.
    public static let keys = ["start", "target", "capacity", "budget", "state", "notes"]

    /// Sets `key` of `release` from text (empty: clears; `state` back to planned). `budget`
    /// accepts the forms of `MoneyInput`. Throws `DocketError.invalidValue` naming the key,
    /// the value and the expected form.
    public static func set(_ key: String, to value: String, on release: inout Release, exponent: Int) throws {
        let v = value.trimmingCharacters(in: .whitespaces)
        switch key.lowercased() {
        case "start": release.start = try day(v, "start")
        case "target": release.target = try day(v, "target")
        case "capacity": release.capacity = try capacity(v)
        case "budget": release.budget = v.isEmpty ? nil : try MoneyInput.parse(v, exponent: exponent, field: "budget")
        case "state":
            guard v.isEmpty || ReleaseState(rawValue: v.lowercased()) != nil else {
                throw DocketError.invalidValue(field: "state", value: value, expected: "planned, active, shipped or cancelled")
            }
            release.state = ReleaseState(rawValue: v.lowercased()) ?? .planned
        case "notes": release.notes = value
        default:
            throw DocketError.invalidValue(field: "release field", value: key, expected: "one of \(keys.joined(separator: ", "))")
        }
    }

    /// A date `YYYY-MM-DD` (empty: nil). Throws naming `field` otherwise.
    public static func day(_ text: String, _ field: String) throws -> String? {
        if text.isEmpty { return nil }
        guard CalendarDay.isValid(text) else { throw DocketError.invalidValue(field: field, value: text, expected: "a date like 2026-12-15") }
        return text
    }

    /// Story points ≥ 0 (empty: nil). Throws otherwise.
    public static func capacity(_ text: String) throws -> Double? {
        if text.isEmpty { return nil }
        guard let n = Double(text), n.isFinite, n >= 0, n < 1e9 else {
            throw DocketError.invalidValue(field: "capacity", value: text, expected: "a number of story points ≥ 0")
        }
        return n
    }

    /// Checks what no single field can: the target is not before the start (both dates).
    public static func validate(_ r: Release) throws {
        if let s = r.start, let t = r.target, t < s {
            throw DocketError.invalidValue(field: "target", value: t, expected: "a date on or after the start \(s)")
        }
    }
}

extension Board {
    /// Moves a release to `index` in the board's order (clamped to the list), for "ordered"
    /// releases on the releases screen. Throws for an unknown release.
    @discardableResult
    public mutating func moveRelease(_ name: String, to index: Int, by user: String, at time: Timestamp) throws -> Edit {
        let r = try release(named: name)
        var h = header
        h.releases.removeAll { $0.name == r.name }
        h.releases.insert(r, at: min(max(0, index), h.releases.count))
        return upsert([], header: h, action: "release", summary: "moved release \(r.name)", by: user, at: time)
    }

    /// The exit criterion to confirm before item `id` moves to stage `stageID`: the criterion
    /// of the stage it leaves, when that stage has one, the move changes stage, and the
    /// board's `RoadmapSettings.confirmExit` is on; nil otherwise (also for an unknown item).
    /// The TUI shows it once and asks; the CLI does not ask.
    public func exitCriterionToConfirm(moving id: String, toStage stageID: String) -> (stage: Stage, criterion: String)? {
        guard planning.roadmap.confirmExit, let item = items[id], item.stage != stageID,
              let from = stages.first(where: { $0.id == item.stage }), let criterion = from.exitCriterion else { return nil }
        return (from, criterion)
    }
}
