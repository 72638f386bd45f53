import DocketCore
import Foundation

extension AppState {
    /// Rows of the backlog list on screen (below its header, above the status line).
    var backlogRows: Int { max(1, size.height - 3) }
}

extension BacklogScreen {
    /// Recomputes the backlog order for `state`'s board, keeping `id` selected.
    mutating func refresh(_ state: AppState, keep id: String?) {
        let board = state.board
        order = board.backlogOrder()
        if groupByRelease {
            // Releases in the board's order, items without one last; rank order within.
            let position = Dictionary(board.releases.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
            let items = board.items
            let key = { (id: String) -> Int in items[id]?.release.flatMap { position[$0] } ?? Int.max }
            order = order.enumerated().sorted { x, y in
                let kx = key(x.element), ky = key(y.element)
                return kx != ky ? kx < ky : x.offset < y.offset
            }.map(\.element)
        }
        plannedByRelease = ReleasePlan(board).plannedPointsByName
        if let id, let i = order.firstIndex(of: id) { row = i }
        marked = marked.filter { board.items[$0]?.archived == false }
        clampRow(state)
    }

    private mutating func clampRow(_ state: AppState) {
        row = min(max(0, row), max(0, order.count - 1))
        scroll = ListBox.scroll(selected: row, count: order.count, visible: state.backlogRows, current: scroll)
    }

    /// The marked items in list order, or the selected one when none is marked.
    private var targets: [String] { marked.isEmpty ? [selectedID].compactMap { $0 } : order.filter { marked.contains($0) } }

    public mutating func perform(_ action: BacklogAction, _ state: inout AppState, now: Timestamp) -> Step {
        let user = state.user
        var fx: [Effect] = []
        switch action {
        case .close:
            if let id = selectedID { state.select(itemID: id) }
            return .pop
        case .quit: return Step([.quit])
        case .up: row -= 1
        case .down: row += 1
        case .top: row = 0
        case .bottom: row = order.count - 1
        case .pageUp: row -= state.backlogRows
        case .pageDown: row += state.backlogRows
        case .mark:
            if let id = selectedID {
                if marked.contains(id) { marked.remove(id) } else { marked.insert(id) }
                row += 1
            }
        case .group:
            groupByRelease.toggle()
            refresh(state, keep: selectedID)
        case .setStage: bulk = BulkPrompt(field: "stage")
        case .setPriority: bulk = BulkPrompt(field: "priority")
        case .setRelease: bulk = BulkPrompt(field: "release")
        case .addLabel: bulk = BulkPrompt(field: "labels")
        case .rerankByScore:
            guard state.board.scoring != .none else {
                state.status = StatusMessage("this board scores nothing: choose a model with `docket scoring rice` or `wsjf`", isError: true)
                break
            }
            fx = commitEdit(&state, summary: "re-ranked the backlog by \(state.board.scoring.rawValue.uppercased())") { board in
                try board.rerankByScore(stage: nil, by: user, at: now) ?? Edit(summary: "")
            }
            refresh(state, keep: selectedID)
        case .archive:
            let ids = targets
            fx = commitEdit(&state, summary: "archived \(ids.count) item\(ids.count == 1 ? "" : "s")") { board in
                try ids.reduce(Edit(summary: "")) { all, id in all.merged(with: try board.archive(id, by: user, at: now)) }
            }
            marked = []
            refresh(state, keep: nil)
        case .rankUp, .rankDown:
            fx = rank(down: action == .rankDown, &state, now: now)
        case .openDetail:
            guard let id = selectedID else { break }
            state.select(itemID: id)
            return .push(DetailScreen(itemID: id))
        case .undo, .redo:
            fx = state.undoOrRedo(redo: action == .redo, now: now)
            refresh(state, keep: selectedID)
        }
        clampRow(state)
        return Step(fx)
    }

    /// J / K: moves the selected item one place down or up the whole backlog.
    private mutating func rank(down: Bool, _ state: inout AppState, now: Timestamp) -> [Effect] {
        guard let id = selectedID else { return [] }
        if groupByRelease { state.status = StatusMessage("grouped by release: b to ungroup, then re-rank", isError: true); return [] }
        guard order.indices.contains(row + (down ? 1 : -1)) else { return [] }
        let order = self.order, row = self.row, user = state.user
        let fx = commitEdit(&state, summary: down ? "ranked \(id) down" : "ranked \(id) up") { board in
            try board.moveInBacklog(id, down: down, order: order, row: row, by: user, at: now)
        }
        refresh(state, keep: id)
        return fx
    }

    /// Enter in the bulk prompt: sets the field on every target, as one undo step.
    public mutating func submit(_ state: inout AppState, now: Timestamp) -> Step {
        guard let bulk else { return .stay }
        let ids = targets, value = bulk.editor.text, user = state.user
        let fx = commitEdit(&state, summary: "set \(bulk.field) of \(ids.count) item\(ids.count == 1 ? "" : "s")") { board in
            try board.setField(bulk.field, to: value, on: ids, by: user, at: now)
        }
        if state.status?.isError == true { return .stay }
        self.bulk = nil
        marked = []
        refresh(state, keep: selectedID)
        return Step(fx)
    }

    public mutating func cancel(_ state: inout AppState) -> Step {
        bulk = nil
        state.status = StatusMessage("cancelled")
        return .stay
    }
}
