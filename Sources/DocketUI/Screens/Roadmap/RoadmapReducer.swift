import DocketCore

extension RoadmapScreen {
    public mutating func perform(_ action: RoadmapAction, _ state: inout AppState, now: Timestamp) -> Step {
        switch action {
        case .switchLayout: layout = layout == .lanes ? .timeline : .lanes
        case .left, .right:
            let d = action == .left ? -1 : 1
            if layout == .lanes { lane = min(2, max(0, lane + d)) } else { offsetDays += d * scale.step }
        case .up, .down:
            let d = action == .up ? -1 : 1
            if layout == .lanes { rows[lane] = min(max(0, rows[lane] + d), max(0, cards(lane).count - 1)) }
            else { bar = min(max(0, bar + d), max(0, roadmap.timeline.count - 1)) }
        case .moveEarlier, .moveLater:
            guard layout == .lanes else {
                state.status = StatusMessage("cards move between lanes: Tab shows the lanes", isError: true)
                return .stay
            }
            return moveCard(later: action == .moveLater, &state, now: now)
        case .zoom:
            scale = scale == .weeks ? .months : .weeks
            offsetDays = 0
        case .today: offsetDays = 0
        case .openDetail:
            guard let id = selectedID(state.board) else { return .stay }
            return .push(DetailScreen(itemID: id))
        case .undo, .redo:
            follow = selectedCard?.id
            return Step(state.undoOrRedo(redo: action == .redo, now: now))
        case .close: return .pop
        case .quit: return Step([.quit])
        }
        return .stay
    }

    /// The item the selection stands for: the selected card, or the selected epic bar.
    func selectedID(_ board: Board) -> String? {
        if layout == .lanes { return selectedCard?.id }
        return roadmap.timeline.indices.contains(bar) ? roadmap.timeline[bar].id : nil
    }

    /// H / L on a card: the moves of `LaneMove`, asking first when one leaves a stage with an
    /// exit criterion.
    private mutating func moveCard(later: Bool, _ state: inout AppState, now: Timestamp) -> Step {
        guard let card = selectedCard else { return .stay }
        let lanes = Roadmap.Lane.allCases
        let to = lane + (later ? 1 : -1)
        guard lanes.indices.contains(to) else {
            state.status = StatusMessage(later ? "already in Later" : "already in Now")
            return .stay
        }
        switch LaneMove.plan(card, to: lanes[to], state.board) {
        case .failure(let e):
            state.status = StatusMessage(e.message, isError: true)
            return .stay
        case .success(let moves):
            if refuseIfReadOnly(&state) { return .stay }
            follow = card.id
            return PlannedMove.run(moves, summary: "moved \(card.id) to \(lanes[to].title)", &state, now: now)
        }
    }
}
