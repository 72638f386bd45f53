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
