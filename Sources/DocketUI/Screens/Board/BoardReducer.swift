import DocketCore

extension BoardScreen {
    public mutating func perform(_ action: BoardAction, _ state: inout AppState, now: Timestamp) -> Step {
        if action != .clearMessage { state.status = nil }
        let stages = state.shownStages
        let user = state.user
        let slots = state.layout.cardSlots
        switch action {
        case .clearMessage: state.status = nil
        case .left: state.column -= 1
        case .right: state.column += 1
        case .up: state.moveRow(by: -1)
        case .down: state.moveRow(by: 1)
        case .top: state.moveRow(by: -Int.max / 2)
        case .bottom: state.moveRow(by: Int.max / 2)
        case .pageUp: state.moveRow(by: -slots)
        case .pageDown: state.moveRow(by: slots)
        case .moveLeft, .moveRight:
            guard let id = state.selectedItemID else { return .stay }
            let target = state.column + (action == .moveLeft ? -1 : 1)
            guard stages.indices.contains(target) else { return .stay }
            let step = PlannedMove.run([PlannedMove(itemID: id, stage: stages[target].id)], summary: "moved \(id) to \(stages[target].name)", &state, now: now)
            state.select(itemID: id)
            return step
        case .rankUp, .rankDown:
            guard let id = state.selectedItemID else { return .stay }
            let fx = commitEdit(&state) { b in try b.rerank(id, offset: action == .rankUp ? -1 : 1, by: user, at: now) }
            state.select(itemID: id)
            return Step(fx)
        case .add:
            guard let stage = state.selectedStage else { return .stay }
            if refuseIfReadOnly(&state) { return .stay }
            return .push(PromptScreen(Prompt(purpose: .addItem(stageID: stage.id), editor: LineEditor())))
        case .editTitle:
            guard let id = state.selectedItemID, let item = state.board.items[id] else { return .stay }
            if refuseIfReadOnly(&state) { return .stay }
            return .push(PromptScreen(Prompt(purpose: .editTitle(itemID: id), editor: LineEditor(item.title), base: item)))
        case .editDescription:
            guard let id = state.selectedItemID, let item = state.board.items[id] else { return .stay }
            if refuseIfReadOnly(&state) { return .stay }
            return Step([.editDescription(itemID: id, text: item.description)])
        case .archive:
            guard let id = state.selectedItemID else { return .stay }
            return Step(commitEdit(&state) { b in try b.archive(id, by: user, at: now) })
        case .rerankByScore:
            guard let stage = state.selectedStage else { return .stay }
            if state.board.scoring == .none {
                state.status = StatusMessage("this board scores nothing: choose a model with `docket scoring rice` or `wsjf`", isError: true)
                return .stay
            }
            let selected = state.selectedItemID
            let fx = commitEdit(&state) { b in try b.rerankByScore(stage: stage.id, by: user, at: now) }
            if fx.isEmpty, state.status == nil { state.status = StatusMessage("already in score order") }
            if let selected { state.select(itemID: selected) }
            return Step(fx)
        case .undo, .redo:
            return Step(state.undoOrRedo(redo: action == .redo, now: now))
        case .backlog: return .push(BacklogScreen(state))
        case .triage:
            guard let triage = TriageScreen(state, now: now) else { return .stay }
            return .push(triage)
        case .filter: return .push(FilterScreen(text: state.filter?.text ?? ""))
        case .savedFilters: return .push(SavedFiltersScreen())
        case .search: return .push(SearchScreen(origin: state.selectedItemID))
        case .searchNext: state.searchAgain(backwards: false)
        case .searchPrevious: state.searchAgain(backwards: true)
        case .openDetail:
            guard let id = state.selectedItemID else { return .stay }
            return .push(DetailScreen(itemID: id))
        case .quit:
            return Step([.quit])
        case .goals: return .push(GoalsScreen(state))
        case .feedbackInbox:
            guard let inbox = FeedbackInboxScreen(state) else {
                state.status = StatusMessage("no unlinked feedback: the inbox is empty")
                return .stay
            }
            return .push(inbox)
        case .standup:
            return .push(StandupScreen(state, now: now, seed: state.standupSeed))
        case .metrics:
            return MetricsScreen.open(state, now: now)
        case .releases: return ReleasesScreen.open(state, now: now)
        case .roadmap: return RoadmapScreen.open(state, now: now)
        case .toggleAges:
            state.showAges.toggle()
            state.ages = state.showAges ? StageAges(state.board) : nil
            state.status = StatusMessage(state.showAges ? "ages shown: days in the stage (A hides)" : "ages hidden")
        case .archived: return .push(ArchiveScreen(state))
        case .stageMenu:
            guard state.selectedStage != nil else { return .stay }
            return .push(StageScreen(state))
        case .stageLeft, .stageRight:
            return Step(StageCommands.run(&state, action == .stageLeft ? "stage move left" : "stage move right", now: now) ?? [])
        case .hideStage:
            guard let stage = state.selectedStage else { return .stay }
            return Step(StageCommands.run(&state, stage.hidden ? "stage show" : "stage hide", now: now) ?? [])
        }
        return .stay
    }
}

extension AppState {
    /// The seed of the next standup's people walk: the environment's seed and the number of
    /// standups recorded so far, so each standup gets a new order and tests get a known one.
    var standupSeed: UInt64 {
        seed &+ UInt64(board.activity.reduce(0) { $1.action == "standup" ? $0 + 1 : $0 })
    }

    /// Moves the selection in the selected column by `delta` cards (clamped).
    mutating func moveRow(by delta: Int) {
        guard let stage = selectedStage else { return }
        let count = column(stage.id).count
        guard count > 0 else { return }
        rows[stage.id] = min(max(0, selectedRow.addingReportingOverflow(delta).partialValue), count - 1)
    }

    /// Undoes (or redoes) the last change of the session on the board; nil when there is
    /// nothing to undo (redo).
    mutating func stepHistory(redo: Bool, now: Timestamp) -> Edit? {
        var b = board, h = history
        let done = redo ? h.redo(&b, by: user, at: now) : h.undo(&b, by: user, at: now)
        history = h
        if done != nil { board = b }
        return done
    }

    /// Undoes (or redoes) the last change of the session; says what in the status line and
    /// selects the item it was about. Returns `[.save]` when something changed.
    mutating func undoOrRedo(redo: Bool, now: Timestamp) -> [Effect] {
        if refuseIfReadOnly(&self) { return [] }
        let selected = selectedItemID
        guard let done = stepHistory(redo: redo, now: now) else {
            status = StatusMessage(redo ? "nothing to redo" : "nothing to undo")
            return []
        }
        status = StatusMessage((redo ? "redid: " : "undid: ") + done.summary)
        if let id = done.itemIDs.min(), board.items[id]?.archived == false { select(itemID: id) }
        else if let selected { select(itemID: selected) }
        return [.save]
    }
}
