extension ImportedBoard {
    /// Puts the imported stages, labels, people and items into `board` as one undoable edit
    /// (`docket import FILE`). Returns the new board and the edit (record it in `UndoHistory`).
    ///
    /// - Stages match the board's stages by name (trimmed, any case) and then keep the board's
    ///   id, kind and limits; the others are appended, with their id made unique.
    /// - Labels and releases match by name and people by handle; new ones are appended. A known label
    ///   without a colour takes the imported colour; a known person without a name takes the
    ///   imported name.
    /// - An item whose id is already on the board (a re-import) takes the source's title,
    ///   description, labels, assignees, stage and archived flag, and keeps its Docket-only
    ///   fields (rank, type, priority, points, release, blocked). Unchanged items are left alone.
    /// - A new item goes below the items already in its stage: its rank is that stage's highest
    ///   rank followed by the imported rank, so the source's order is kept and no other item's
    ///   rank is rewritten.
    ///
    /// Every added or changed item gets an `import` activity entry by `user` at `time`
    /// (seconds since epoch).
    public func merge(into board: Board, by user: String, at time: Timestamp) -> (board: Board, edit: Edit) {
        var header = board.header
        let stageMap = mergeStages(into: &header)
        mergeNames(into: &header)

        var highest: [String: String] = [:]
        for item in board.items.values where item.rank > highest[item.stage, default: ""] {
            highest[item.stage] = item.rank
        }
        var changed: [Item] = []
        var added = 0
        for var item in items {
            item.stage = stageMap[item.stage] ?? item.stage
            if let old = board.items[item.id] {
                var new = old
                new.title = item.title; new.description = item.description; new.labels = item.labels
                new.assignees = item.assignees; new.stage = item.stage; new.archived = item.archived
                if new != old { new.updated = time; changed.append(new) }
            } else {
                item.rank = highest[item.stage, default: ""] + item.rank
                changed.append(item)
                added += 1
            }
        }
        var out = board
        let summary = "imported \(items.count) \(summary.source) \(items.count == 1 ? self.summary.itemWords.one : self.summary.itemWords.many) "
            + "(\(added) new, \(changed.count - added) updated)"
        let edit = out.upsert(changed, header: header, action: "import", summary: summary, by: user, at: time)
        return (out, edit)
    }

    /// A new board holding only the import (`docket import --new FILE`): its stages, labels,
    /// people and items, named after the source board, with an `import` activity entry per
    /// item by `user` at `time`.
    public func makeBoard(by user: String, at time: Timestamp) -> Board {
        merge(into: Board(name: name, stages: []), by: user, at: time).board
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
