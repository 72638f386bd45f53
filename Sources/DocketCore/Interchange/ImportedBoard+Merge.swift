extension ImportedBoard {
    /// Puts the imported stages, labels, people and items into `board` as one undoable edit
    /// (`docket import FILE`). Returns the new board and the edit (record it in `UndoHistory`).
    ///
    /// - Stages match the board's stages by name (trimmed, any case) and then keep the board's
    ///   id, kind and limits; the others are appended, with their id made unique.
    /// - Labels and releases match by name and people by handle; new ones are appended. A known label
    ///   without a colour takes the imported colour; a known person without a name takes the
    ///   imported name.
    /// - An item whose id is already on the board (a re-import) takes the fields the source
    ///   carries (`sourceFields`: for Jira also type, priority, points, release, due date…)
    ///   and keeps the others and its rank; an empty value in the export clears nothing
    ///   (`SourceField.copy`). Unchanged items are left alone.
    /// - A new item goes below the items already in its stage: its rank is that stage's highest
    ///   rank followed by the imported rank, so the source's order is kept and no other item's
    ///   rank is rewritten.
    ///
    /// Every added or changed item gets an `import` activity entry by `user` at `time`
    /// (seconds since epoch). A new item without a creation date in the source gets `time`.
    public func merge(into board: Board, by user: String, at time: Timestamp) -> (board: Board, edit: Edit) {
        var header = board.header
        let stageMap = mergeStages(into: &header)
        mergeNames(into: &header)

        var highest: [String: String] = [:]
        board.items.forEachItem { item in
            if item.rank > highest[item.stage, default: ""] { highest[item.stage] = item.rank }
        }
        var changed: [Item] = []
        var added = 0
        let fields = SourceField.allCases.filter(sourceFields.contains)
        for var item in items {
            item.stage = stageMap[item.stage] ?? item.stage
            if let old = board.items[item.id] {
                var new = old
                for field in fields { field.copy(from: item, to: &new) }
                if new != old { new.updated = time; changed.append(new) }
            } else {
                item.rank = highest[item.stage, default: ""] + item.rank
                Self.dateUndated(&item, at: time)
                changed.append(item)
                added += 1
            }
        }
        var out = board
        let summary = "imported \(items.count) \(summary.source) \(items.count == 1 ? self.summary.itemWords.one : self.summary.itemWords.many) "
            + "(\(added) new, \(changed.count - added) updated\(items.count > changed.count ? ", \(items.count - changed.count) unchanged" : ""))"
        let edit = out.upsert(changed, header: header, action: "import", summary: summary, by: user, at: time)
        out.addImportedHistory(history, stageMap: stageMap)
        return (out, edit)
    }

    /// A new board holding only the import (`docket import --new FILE`): its stages, labels,
    /// people and items, named after the source board, with an `import` activity entry per
    /// item by `user` at `time`; items without a creation date in the source get `time`.
    public func makeBoard(by user: String, at time: Timestamp) -> Board {
        // What `merge` into an empty board gives, without building the undo record (a large
        // import would hold every item twice).
        var header = Board(name: name, stages: []).header
        let stageMap = mergeStages(into: &header)
        mergeNames(into: &header)
        var list = items
        if stageMap.contains(where: { $0.key != $0.value }) {
            for i in list.indices { list[i].stage = stageMap[list[i].stage] ?? list[i].stage }
        }
        if list.contains(where: { $0.created == 0 }) {
            for i in list.indices { Self.dateUndated(&list[i], at: time) }
        }
        var activity = list.map { Activity(at: time, by: user, item: $0.id, action: "import") }
        if list.isEmpty, !header.stages.isEmpty || !header.labels.isEmpty || !header.people.isEmpty || !header.releases.isEmpty {
            activity.append(Activity(at: time, by: user, item: nil, action: "import", to: importSummary))
        }
        var board = Board(name: header.name, stages: header.stages, releases: header.releases, people: header.people,
                          labels: header.labels, items: list, activity: activity)
        board.addImportedHistory(history, stageMap: stageMap)
        return board
    }

    /// Gives an item the source had no creation date for (CSV without a date column, taskell,
    /// Markdown) the import time as its creation time, and as its update time when it has none.
    private static func dateUndated(_ item: inout Item, at time: Timestamp) {
        guard item.created == 0 else { return }
        item.created = time
        if item.updated == 0 { item.updated = time }
    }

    /// The activity log's sentence for this import when it adds no item.
    private var importSummary: String {
        "imported 0 \(summary.source) \(summary.itemWords.many) (0 new, 0 updated)"
    }

    /// Matches or appends the imported stages; returns imported stage id → board stage id.
    private func mergeStages(into header: inout BoardHeader) -> [String: String] {
        func key(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
        var byName: [String: String] = [:]
        for s in header.stages where byName[key(s.name)] == nil { byName[key(s.name)] = s.id }
        var taken = Set(header.stages.map(\.id))
        var map: [String: String] = [:]
        for s in stages {
            if let id = byName[key(s.name)] { map[s.id] = id; continue }
            var new = s
            new.id = StageNaming.id(forName: s.id, avoiding: taken)
            taken.insert(new.id)
            header.stages.append(new)
            map[s.id] = new.id
        }
        return map
    }

    /// Adds unknown labels, releases and people; fills a known label's missing colour, a known
    /// release's missing target and a known person's missing name.
    private func mergeNames(into header: inout BoardHeader) {
        for l in labels {
            if let i = header.labels.firstIndex(where: { $0.name == l.name }) {
                if header.labels[i].color == nil { header.labels[i].color = l.color }
            } else {
                header.labels.append(l)
            }
        }
        for r in releases {
            if let i = header.releases.firstIndex(where: { $0.name == r.name }) {
                if header.releases[i].target == nil { header.releases[i].target = r.target }
            } else {
                header.releases.append(r)
            }
        }
        for p in people {
            if let i = header.people.firstIndex(where: { $0.handle == p.handle }) {
                if header.people[i].name == nil { header.people[i].name = p.name }
            } else {
                header.people.append(p)
            }
        }
    }
}
