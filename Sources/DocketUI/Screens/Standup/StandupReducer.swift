import DocketCore
import Foundation

extension StandupScreen {
    public mutating func perform(_ action: StandupAction, _ state: inout AppState, now: Timestamp) -> Step {
        clock = max(clock, now)
        if case .end? = ask {
            // "End standup?": y (or Enter) records it and closes; anything else goes back.
            if action == .confirm || action == .openDetail { return finish(&state, now: now) }
            ask = nil
            state.status = StatusMessage("the standup goes on")
            return .stay
        }
        let user = state.user
        switch action {
        case .next: go(to: position + 1, state)
        case .previous: go(to: position - 1, state)
        case .parkingLot: go(to: pageCount, state)
        case .switchWalk:
            walk = walk == .work ? .people : .work
            position = 0
            speakerStarted = clock
            noteSpeaker()
        case .shuffle:
            shuffled.toggle()
            peopleOrder = StandupWalk.people(state.board, since: since, shuffleSeed: shuffled ? UInt64(truncatingIfNeeded: started) : nil)
            state.status = StatusMessage(shuffled ? "people in a shuffled order" : "people in the board's order")
        case .pause:
            if let p = pausedAt { pausedSeconds += max(0, clock - p); speakerStarted += max(0, clock - p); pausedAt = nil }
            else { pausedAt = clock }
            state.status = StatusMessage(pausedAt == nil ? "timers running" : "timers paused (p resumes)")
        case .end:
            ask = .end
            state.status = StatusMessage("end the standup? y records it, any other key goes back")
        case .confirm, .resume: break
        case .undo: return Step(state.undoOrRedo(redo: false, now: now))
        case .openDetail:
            guard let id = currentItem else { break }
            return .push(DetailScreen(itemID: id))
        case .park:
            guard let id = currentItem else { break }
            if let i = parked.firstIndex(of: id) { parked.remove(at: i); state.status = StatusMessage("unparked \(id)") }
            else { parked.append(id); state.status = StatusMessage("parked \(id): discuss it after the standup") }
        case .moveLeft, .moveRight:
            guard let id = currentItem, let item = state.board.items[id], let i = state.board.stageIndex(id: item.stage) else { break }
            let target = i + (action == .moveLeft ? -1 : 1)
            guard state.board.stages.indices.contains(target) else { break }
            let stage = state.board.stages[target]
            return PlannedMove.run([PlannedMove(itemID: id, stage: stage.id)], summary: "moved \(id) to \(stage.name)", &state, now: now)
        case .block:
            guard let id = currentItem, let item = state.board.items[id] else { break }
            if refuseIfReadOnly(&state) { break }
            if item.blocked {
                return Step(commitEdit(&state) { b in
                    try b.modify(id, summary: "unblocked \(id)", by: user, at: now) { $0.blocked = false; $0.blockedReason = "" }
                })
            }
            ask = .blockReason(LineEditor())
        case .assign:
            guard let id = currentItem, let item = state.board.items[id] else { break }
            if refuseIfReadOnly(&state) { break }
            ask = .assign(LineEditor(item.assignees.joined(separator: ", ")))
        default:
            guard let n = action.criterion, let id = currentItem, let item = state.board.items[id] else { break }
            guard item.criteria.indices.contains(n) else {
                state.status = StatusMessage("\(id) has no criterion \(n + 1)", isError: true); break
            }
            return Step(commitEdit(&state) { b in
                try b.modify(id, summary: "ticked criterion \(n + 1) of \(id)", by: user, at: now) { $0.criteria[n].done.toggle() }
            })
        }
        return .stay
    }

    /// Goes to page `page` (clamped; past the last page is the parking lot); a new person or
    /// stage restarts the speaker timer.
    private mutating func go(to page: Int, _ state: AppState) {
        if onParkingLot, page >= pageCount, !parked.isEmpty {
            parkedRow = min(max(0, parkedRow + (page > position ? 1 : -1)), parked.count - 1)
            if page < position, parkedRow == 0, page < pageCount { position = page }
            return
        }
        let before = walk == .work ? currentStage : currentPerson
        noteWorkSpeakers(state.board)
        position = min(max(0, page), pageCount)
        let after = walk == .work ? currentStage : currentPerson
        if before != after { speakerStarted = clock }
        noteSpeaker()
    }

    private mutating func noteSpeaker() {
        if let p = currentPerson, !spoke.contains(p) { spoke.append(p) }
    }

    /// Walking the work, the people of an item the room has been through spoke to it.
    private mutating func noteWorkSpeakers(_ board: Board) {
        guard walk == .work, !onParkingLot, let id = currentItem, let item = board.items[id] else { return }
        for p in item.assignees where !spoke.contains(p) { spoke.append(p) }
    }

    /// Ctrl-C during a standup asks to end it; a second Ctrl-C records it and quits, so the
    /// meeting is never lost.
    public mutating func interrupt(_ app: inout AppState, now: Timestamp) -> Step? {
        guard case .end? = ask else {
            ask = .end
            app.status = StatusMessage("end the standup? y records it, n goes on; Ctrl-C again records it and quits")
            return .stay
        }
        var step = finish(&app, now: now)
        step.effects.append(.quit)
        return step
    }

    /// Writes the standup entry and closes the standup.
    private mutating func finish(_ state: inout AppState, now: Timestamp) -> Step {
        noteWorkSpeakers(state.board)
        let end = max(clock, now)
        let paused = pausedSeconds + (pausedAt.map { max(0, end - $0) } ?? 0)
        let record = StandupRecord(facilitator: state.user, started: started, ended: end, walk: walk.rawValue,
                                   spoke: spoke, parked: parked, seconds: Int(max(0, end - started - paused)))
        if state.readOnly != nil {
            state.status = StatusMessage("standup ended (read-only board: not recorded)")
            return .pop
        }
        state.board.recordStandup(record)
        let minutes = record.seconds / 60, seconds = record.seconds % 60
        state.status = StatusMessage("standup recorded: \(minutes)m\(String(format: "%02d", seconds))s, \(parked.count) parked")
        return Step([.save], .pop)
    }

    /// Enter in the reason or assignee prompt.
    public mutating func submit(_ state: inout AppState, now: Timestamp) -> Step {
        guard let id = currentItem else { ask = nil; return .stay }
        let user = state.user
        switch ask {
        case .blockReason(let e)?:
            let reason = e.text.trimmingCharacters(in: .whitespaces)
            ask = nil
            return Step(commitEdit(&state) { b in
                try b.modify(id, summary: "blocked \(id)", by: user, at: now) { $0.blocked = true; $0.blockedReason = reason }
            })
        case .assign(let e)?:
            let value = e.text
            let fx = commitEdit(&state) { b in
                let snapshot = b
                return try b.modify(id, summary: "assigned \(id)", by: user, at: now) {
                    try ItemFieldSetter.set("assignees", to: value, on: &$0, board: snapshot)
                }
            }
            if state.status?.isError == true { return .stay }
            ask = nil
            return Step(fx)
        default: return .stay
        }
    }

    public mutating func cancel(_ state: inout AppState) -> Step {
        ask = nil
        return .stay
    }
}

extension AppState {
    /// Opens the standup on top of the board (`S`, `docket standup`).
    public mutating func startStandup(now: Timestamp) {
        push(StandupScreen(self, now: now, seed: standupSeed))
    }
}
