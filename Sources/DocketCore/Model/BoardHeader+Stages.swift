extension BoardHeader {
    /// Adds a stage named `name` (kind doing, id made from the name by `StageNaming.id`) before
    /// the first done stage, or last when there is none, as `:stage add` does. Returns the new
    /// stage. Throws `DocketError.invalidValue` when a stage already has that name (any case).
    @discardableResult
    public mutating func addStage(named name: String) throws -> Stage {
        guard !stages.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw DocketError.invalidValue(field: "stage", value: name, expected: "a name no stage has")
        }
        let stage = Stage(id: StageNaming.id(forName: name, avoiding: Set(stages.map(\.id))), name: name, kind: .doing)
        stages.insert(stage, at: stages.firstIndex { $0.kind == .done } ?? stages.count)
        return stage
    }
}

/// Stage management (`docket stage …`, the palette's `stage …` commands): changes to the
/// header's stage list. Each throws `DocketError.noSuchStage` for an id the board does not
/// have and `.invalidValue` (naming the value and the expected form) for a bad value, and
/// then changes nothing.
extension BoardHeader {
    /// The index of the stage with id `id`. Throws `DocketError.noSuchStage`.
    func stageIndex(_ id: String) throws -> Int {
        guard let i = stages.firstIndex(where: { $0.id == id }) else { throw DocketError.noSuchStage(id) }
        return i
    }

    /// Renames a stage (its id, which items refer to, stays). Throws `.invalidValue` for an
    /// empty name or one another stage has as name or id (any case).
    public mutating func renameStage(_ id: String, to name: String) throws {
        let i = try stageIndex(id)
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !stages.contains(where: { $0.id != id && ($0.name.lowercased() == name.lowercased() || $0.id.lowercased() == name.lowercased()) }) else {
            throw DocketError.invalidValue(field: "stage", value: name, expected: "a name no other stage has")
        }
        stages[i].name = name
    }

    /// Moves a stage to position `index` (0-based, clamped to the list) among the stages.
    public mutating func moveStage(_ id: String, to index: Int) throws {
        let stage = stages.remove(at: try stageIndex(id))
        stages.insert(stage, at: min(max(0, index), stages.count))
    }

    /// Hides (folds) or shows a stage's column; its items stay in it.
    public mutating func setStageHidden(_ id: String, _ hidden: Bool) throws { stages[try stageIndex(id)].hidden = hidden }

    /// Sets a stage's WIP limit in items (nil or 0: none).
    public mutating func setStageWIP(_ id: String, _ limit: Int?) throws {
        if let limit, limit < 0 { throw DocketError.invalidValue(field: "wip", value: String(limit), expected: "a whole number ≥ 0 (0: no limit)") }
        stages[try stageIndex(id)].wipLimit = limit == 0 ? nil : limit
    }

    /// Sets what a stage means for the flow of work.
    public mutating func setStageKind(_ id: String, _ kind: StageKind) throws { stages[try stageIndex(id)].kind = kind }

    /// Sets a stage's service level expectation in days (nil: none; see `Stage.slaDays`).
    public mutating func setStageSLA(_ id: String, days: Int?) throws {
        if let days, days < 1 { throw DocketError.invalidValue(field: "sla", value: String(days), expected: "a whole number of days ≥ 1") }
        stages[try stageIndex(id)].slaDays = days
    }

    /// Parses an SLA as people write it: `3d`, `3` (days), `2w` (weeks), `none`/`off`/`-`
    /// (nil). Throws `DocketError.invalidValue` for anything else.
    public static func parseSLA(_ text: String) throws -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if ["none", "off", "-", ""].contains(t) { return nil }
        let unit = t.last.map { $0.isLetter ? $0 : "d" } ?? "d"
        let digits = t.last?.isLetter == true ? t.dropLast() : Substring(t)
        guard let n = Int(digits), n >= 1, n < 100_000, unit == "d" || unit == "w" else {
            throw DocketError.invalidValue(field: "sla", value: text, expected: "days like 3d, weeks like 2w, or none")
        }
        return unit == "w" ? n * 7 : n
    }
}

extension Board {
    /// Changes the stage list through `body` as one undoable edit, logged as a `stage` entry
    /// with `summary`. Throws what `body` throws; nothing changes then.
    @discardableResult
    public mutating func changeStages(_ summary: String, by user: String, at time: Timestamp,
                                      _ body: (inout BoardHeader) throws -> Void) throws -> Edit {
        var h = header
        try body(&h)
        guard h != header else { return Edit(summary: "no change") }
        return upsert([], header: h, action: "stage", summary: summary, by: user, at: time)
    }

    /// Removes a stage. Its items (archived ones too) go to `moveTo` (a stage id), keeping
    /// their ranks; without `moveTo` the stage must hold no item. One undoable edit. Throws
    /// `DocketError.noSuchStage`, or `.invalidValue` when items are left and no target is
    /// given, when the target is the stage itself, or when it is the last stage.
    @discardableResult
    public mutating func removeStage(_ id: String, moveTo target: String?, by user: String, at time: Timestamp) throws -> Edit {
        guard let stage = stages.first(where: { $0.id == id }) else { throw DocketError.noSuchStage(id) }
        guard stages.count > 1 else { throw DocketError.invalidValue(field: "stage", value: stage.name, expected: "a stage that is not the board's last") }
        var inside: [Item] = []
        items.forEachItem { if $0.stage == id { inside.append($0) } }
        if let target {
            guard target != id else { throw DocketError.invalidValue(field: "--move-to", value: stage.name, expected: "another stage") }
            guard stageIndex(id: target) != nil else { throw DocketError.noSuchStage(target) }
        } else if !inside.isEmpty {
            throw DocketError.invalidValue(field: "stage", value: stage.name,
                                           expected: "an empty stage (it holds \(inside.count) item\(inside.count == 1 ? "" : "s"): add --move-to STAGE)")
        }
        var edit = Edit(summary: "")
        for item in inside.sorted(by: { ($0.rank, $0.id) < ($1.rank, $1.id) }) {
            edit = edit.merged(with: try modify(item.id, action: "move", by: user, at: time) { $0.stage = target! })
        }
        var h = header
        h.stages.removeAll { $0.id == id }
        let summary = "removed the stage \(stage.name)" + (inside.isEmpty ? "" : ", its \(inside.count) item\(inside.count == 1 ? "" : "s") moved")
        return edit.merged(with: upsert([], header: h, action: "stage", summary: summary, by: user, at: time), summary: summary)
    }

    /// Ids of the stages that items (open ones; with `includeArchived`, all) are in but the
    /// board does not list (a hand edit, a merge), sorted. `docket check --fix` repairs them.
    public func unknownStageIDs(includeArchived: Bool = false) -> [String] {
        let known = Set(stages.map(\.id))
        var out = Set<String>()
        if includeArchived {
            items.forEachItem { if !known.contains($0.stage) { out.insert($0.stage) } }
        } else {
            for (stage, ids) in columns where !ids.isEmpty && !known.contains(stage) { out.insert(stage) }
        }
        return out.sorted()
    }
}
