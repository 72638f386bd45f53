import DocketCore
import Foundation

extension AppState {
    /// Rows of the backlog list on screen (below its header, above the status line).
    var backlogRows: Int { max(1, size.height - 3) }

    /// Recomputes the backlog order after a change, keeping the selected item selected.
    mutating func refreshBacklog(_ b: inout BacklogState, keep id: String?) {
        b.order = board.backlogOrder()
        if b.groupByRelease {
            // Releases in the board's order, items without one last; rank order within.
            let position = Dictionary(board.releases.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
            let items = board.items
            let key = { (id: String) -> Int in items[id]?.release.flatMap { position[$0] } ?? Int.max }
            b.order = b.order.enumerated().sorted { x, y in
                let kx = key(x.element), ky = key(y.element)
                return kx != ky ? kx < ky : x.offset < y.offset
            }.map(\.element)
        }
        var planned: [String: Double] = [:]
        for id in b.order { if let item = board.items[id] { planned[item.release ?? "", default: 0] += item.points ?? 0 } }
        b.plannedByRelease = planned
        if let id, let i = b.order.firstIndex(of: id) { b.row = i }
        b.row = min(max(0, b.row), max(0, b.order.count - 1))
        b.marked = b.marked.filter { board.items[$0]?.archived == false }
        if b.row < b.scroll { b.scroll = b.row }
        if b.row >= b.scroll + backlogRows { b.scroll = b.row - backlogRows + 1 }
    }
}

/// Opens the backlog list on the item selected on the board.
func openBacklog(_ state: inout AppState) {
    var b = BacklogState()
    state.refreshBacklog(&b, keep: state.selectedItemID)
    state.mode = .backlog(b)
}

/// Keys in the backlog list: ↑↓ (k j), g/G, PgUp/PgDn select; J/K re-rank; Space marks;
/// then for the marked items (or the selected one): `m` move to a stage, `p` priority,
/// `r` release, `l` add a label, `d` archive (one undo step each); `R` re-ranks the whole
/// backlog by score; `b` groups by release;
/// Enter opens the details; Tab or Esc goes back to the board on the same item.
func backlogKey(_ state: inout AppState, _ backlog: BacklogState, _ key: Key, now: Timestamp) -> [Effect] {
    var b = backlog
    let user = state.user
    if var bulk = b.bulk {
        switch key {
        case .escape: b.bulk = nil; state.status = StatusMessage("cancelled")
        case .ctrl("c"): return [.quit]
        case .enter:
            let targets = b.marked.isEmpty ? [b.selectedID].compactMap { $0 } : b.order.filter { b.marked.contains($0) }
            let value = bulk.editor.text
            let fx = commitEdit(&state, summary: "set \(bulk.field) of \(targets.count) item\(targets.count == 1 ? "" : "s")") { board in
                var all = Edit(summary: "")
                let snapshot = board
                for id in targets {
                    let e = try board.modify(id, by: user, at: now) { it in
                        if bulk.field == "labels" {
                            let add = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                                .map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }.filter { !$0.isEmpty }
                            it.labels += add.filter { !it.labels.contains($0) }
                        } else {
                            try ItemFieldSetter.set(bulk.field, to: value, on: &it, board: snapshot)
                        }
                    }
                    all = all.merged(with: e)
                }
                return all
            }
            if state.status?.isError == true { state.mode = .backlog(b); return [] }
            b.bulk = nil
            b.marked = []
            state.refreshBacklog(&b, keep: b.selectedID)
            state.mode = .backlog(b)
            return fx
        default:
            if bulk.editor.handle(key) { b.bulk = bulk }
        }
        state.mode = .backlog(b)
        return []
    }

    var fx: [Effect] = []
    switch key {
    case .tab, .escape, .backTab:
        if let id = b.selectedID { state.select(itemID: id) }
        state.mode = .board
        return []
    case .ctrl("c"), .char("q"): return [.quit]
    case .up, .char("k"): b.row -= 1
    case .down, .char("j"): b.row += 1
    case .home, .char("g"): b.row = 0
    case .end, .char("G"): b.row = b.order.count - 1
    case .pageUp: b.row -= state.backlogRows
    case .pageDown: b.row += state.backlogRows
    case .char(" "):
        if let id = b.selectedID {
            if b.marked.contains(id) { b.marked.remove(id) } else { b.marked.insert(id) }
            b.row += 1
        }
    case .char("b"):
        b.groupByRelease.toggle()
        state.refreshBacklog(&b, keep: b.selectedID)
    case .char("m"): b.bulk = BulkPrompt(field: "stage")
    case .char("p"): b.bulk = BulkPrompt(field: "priority")
    case .char("r"): b.bulk = BulkPrompt(field: "release")
    case .char("l"): b.bulk = BulkPrompt(field: "labels")
    case .char("R"):
        guard state.board.scoring != .none else {
            state.status = StatusMessage("this board scores nothing: choose a model with `docket scoring rice` or `wsjf`", isError: true)
            break
        }
        let user = state.user
        fx = commitEdit(&state, summary: "re-ranked the backlog by \(state.board.scoring.rawValue.uppercased())") { board in
            try board.rerankByScore(stage: nil, by: user, at: now) ?? Edit(summary: "")
        }
        state.refreshBacklog(&b, keep: b.selectedID)
    case .char("d"):
        let targets = b.marked.isEmpty ? [b.selectedID].compactMap { $0 } : b.order.filter { b.marked.contains($0) }
        fx = commitEdit(&state, summary: "archived \(targets.count) item\(targets.count == 1 ? "" : "s")") { board in
            try targets.reduce(Edit(summary: "")) { all, id in all.merged(with: try board.archive(id, by: user, at: now)) }
        }
        b.marked = []
        state.refreshBacklog(&b, keep: nil)
    case .char("J"), .char("K"), .shiftDown, .shiftUp:
        guard let id = b.selectedID else { break }
        if b.groupByRelease { state.status = StatusMessage("grouped by release: b to ungroup, then re-rank", isError: true); break }
        let down = key == .char("J") || key == .shiftDown
        guard b.order.indices.contains(b.row + (down ? 1 : -1)) else { break }
        let order = b.order, row = b.row
        fx = commitEdit(&state, summary: down ? "ranked \(id) down" : "ranked \(id) up") { board in
            // Items of different stages may share a rank (each imported list is ranked on its
            // own): spread those around the move first, in the same undo step.
            let spread = board.separateCollidingRanks(inOrder: order, from: row - 2, to: row + 2, by: user, at: now)
            let fresh = spread.isEmpty ? order : board.backlogOrder()
            guard let at = fresh.firstIndex(of: id) else { return nil }
            let target = at + (down ? 1 : -1)
            guard fresh.indices.contains(target) else { return spread.isEmpty ? nil : spread }
            let lower = down ? fresh[target] : (target > 0 ? fresh[target - 1] : nil)
            let upper = down ? (target + 1 < fresh.count ? fresh[target + 1] : nil) : fresh[target]
            guard let moved = try board.place(id, after: lower, before: upper, by: user, at: now) else {
                throw DocketError.invalidValue(field: "rank", value: id, expected: "neighbours with distinct ranks")
            }
            return spread.merged(with: moved, summary: moved.summary)
        }
        state.refreshBacklog(&b, keep: id)
    case .enter, .char("o"):
        if let id = b.selectedID {
            state.select(itemID: id)
            state.mode = .detail(DetailState(itemID: id))
            return []
        }
    case .char("u"), .ctrl("r"):
        state.mode = .board
        fx = update(&state, .key(key), now: now)
        state.refreshBacklog(&b, keep: b.selectedID)
    case .char("?"):
        state.mode = .help(scroll: 0)
        return []
    case .char(":"):
        if let id = b.selectedID { state.select(itemID: id) }
        state.mode = .palette(PaletteState())
        return []
    default: break
    }
    b.row = min(max(0, b.row), max(0, b.order.count - 1))
    if b.row < b.scroll { b.scroll = b.row }
    if b.row >= b.scroll + state.backlogRows { b.scroll = b.row - state.backlogRows + 1 }
    state.mode = .backlog(b)
    return fx
}

