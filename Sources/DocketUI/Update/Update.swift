import DocketCore
import Foundation

/// The app's one update function: applies `event` to `state` and returns the effects to run.
/// Pure: it never touches the terminal or the disk. `now` is seconds since epoch, used for
/// the activity log and timestamps.
public func update(_ state: inout AppState, _ event: Event, now: Timestamp) -> [Effect] {
    var effects: [Effect] = []
    switch event {
    case .resize, .resumed, .saveStatus, .terminate, .tick, .boardMerged, .exportFinished, .exportFailed, .themeLoaded, .themeFailed, .key(.ctrl("z")):
        effects += updateRuntime(&state, event, now: now)
    case .editorFinished(let id, let text, let error):
        if let error { state.status = StatusMessage("editor failed: \(error)", isError: true) }
        else if let text {
            let user = state.user
            effects += commitEdit(&state) { b in try b.modify(id, summary: "edited the description of \(id)", by: user, at: now) { $0.description = text } }
        }
    case .mouse(let m):
        handleMouse(&state, m)
    case .paste(let text):
        if case .prompt(var p) = state.mode { p.editor.insert(text); state.mode = .prompt(p) }
        if case .detail(var d) = state.mode, d.editor != nil { d.editor!.insert(text); state.mode = .detail(d) }
        if case .backlog(var b) = state.mode, b.bulk != nil { b.bulk!.editor.insert(text); state.mode = .backlog(b) }
        if case .triage(var t) = state.mode {
            switch t.ask {
            case .value(let field, var editor)?: editor.insert(text); t.ask = .value(field: field, editor: editor)
            case .duplicate(var editor, _)?:
                editor.insert(text)
                let hit = t.currentID.flatMap { state.board.search(editor.text, from: $0) }
                t.ask = .duplicate(editor: editor, match: hit == t.currentID ? nil : hit)
            default: break
            }
            state.mode = .triage(t)
        }
        if case .palette(var p) = state.mode { p.editor.insert(text); state.mode = .palette(p) }
        if case .filter(var f) = state.mode {
            f.editor.insert(text); f.error = checkQuery(f.editor.text, state.board); state.mode = .filter(f)
        }
        if case .search(var q) = state.mode { q.editor.insert(text); state.mode = .search(q); runSearch(&state, q) }
    case .key(let key) where state.layout.isTooSmall:
        // Nothing can be seen: keys other than quit do nothing, rather than change the board blindly.
        if key == .char("q") || key == .ctrl("c") { effects.append(.quit) }
    case .key(let key):
        switch state.mode {
        case .board: effects += boardKey(&state, key, now: now)
        case .prompt(let p): effects += promptKey(&state, p, key, now: now)
        case .help(let scroll): helpKey(&state, scroll, key)
        case .detail(let d): effects += detailKey(&state, d, key, now: now)
        case .backlog(let b): effects += backlogKey(&state, b, key, now: now)
        case .search(let s): searchKey(&state, s, key)
        case .triage(let t): effects += triageKey(&state, t, key, now: now)
        case .palette(let p): effects += paletteKey(&state, p, key, now: now)
        case .filter(let p): effects += filterKey(&state, p, key, now: now)
        case .savedFilters(let c): effects += savedFiltersKey(&state, c, key, now: now)
        }
    }
    if effects.contains(.save) { state.refreshFilter(today: state.calendar.day(of: now)) }
    state.keepSelectionVisible()
    return effects
}


private func boardKey(_ state: inout AppState, _ key: Key, now: Timestamp) -> [Effect] {
    if key == .ctrl("c") { return [.quit] }
    if key == .escape { state.status = nil; return [] }
    guard let action = state.keymap.action(for: key) else { return [] }
    state.status = nil
    let stages = state.board.stages
    let user = state.user
    let slots = state.layout.cardSlots
    switch action {
    case .left: state.column -= 1
    case .right: state.column += 1
    case .up: moveRow(&state, by: -1)
    case .down: moveRow(&state, by: 1)
    case .top: moveRow(&state, by: -Int.max / 2)
    case .bottom: moveRow(&state, by: Int.max / 2)
    case .pageUp: moveRow(&state, by: -slots)
    case .pageDown: moveRow(&state, by: slots)
    case .moveLeft, .moveRight:
        guard let id = state.selectedItemID else { return [] }
        let target = state.column + (action == .moveLeft ? -1 : 1)
        guard stages.indices.contains(target) else { return [] }
        let fx = commitEdit(&state) { b in try b.move(id, toStage: stages[target].id, by: user, at: now) }
        state.select(itemID: id)
        return fx
    case .rankUp, .rankDown:
        guard let id = state.selectedItemID else { return [] }
        let fx = commitEdit(&state) { b in try b.rerank(id, offset: action == .rankUp ? -1 : 1, by: user, at: now) }
        state.select(itemID: id)
        return fx
    case .add:
        guard let stage = state.selectedStage else { return [] }
        if refuseIfReadOnly(&state) { return [] }
        state.mode = .prompt(Prompt(purpose: .addItem(stageID: stage.id), editor: LineEditor()))
    case .editTitle:
        guard let id = state.selectedItemID, let item = state.board.items[id] else { return [] }
        if refuseIfReadOnly(&state) { return [] }
        state.mode = .prompt(Prompt(purpose: .editTitle(itemID: id), editor: LineEditor(item.title), base: item))
    case .editDescription:
        guard let id = state.selectedItemID, let item = state.board.items[id] else { return [] }
        if refuseIfReadOnly(&state) { return [] }
        return [.editDescription(itemID: id, text: item.description)]
    case .archive:
        guard let id = state.selectedItemID else { return [] }
        return commitEdit(&state) { b in try b.archive(id, by: user, at: now) }
    case .rerankByScore:
        guard let stage = state.selectedStage else { return [] }
        if state.board.scoring == .none {
            state.status = StatusMessage("this board scores nothing: choose a model with `docket scoring rice` or `wsjf`", isError: true)
            return []
        }
        let selected = state.selectedItemID
        let fx = commitEdit(&state) { b in try b.rerankByScore(stage: stage.id, by: user, at: now) }
        if fx.isEmpty, state.status == nil { state.status = StatusMessage("already in score order") }
        if let selected { state.select(itemID: selected) }
        return fx
    case .undo, .redo:
        if refuseIfReadOnly(&state) { return [] }
        let selected = state.selectedItemID
        let done = action == .undo ? state.history.undo(&state.board, by: user, at: now)
                                   : state.history.redo(&state.board, by: user, at: now)
        guard let done else {
            state.status = StatusMessage(action == .undo ? "nothing to undo" : "nothing to redo")
            return []
        }
        state.status = StatusMessage((action == .undo ? "undid: " : "redid: ") + done.summary)
        if let id = done.items.keys.sorted().first, state.board.items[id]?.archived == false { state.select(itemID: id) }
        else if let selected { state.select(itemID: selected) }
        return [.save]
    case .help: state.mode = .help(scroll: 0)
    case .backlog: openBacklog(&state)
    case .triage: openTriage(&state, now: now)
    case .palette: state.mode = .palette(PaletteState())
    case .filter: openFilterPrompt(&state)
    case .savedFilters: state.mode = .savedFilters(choice: 0)
    case .search: state.mode = .search(SearchState(origin: state.selectedItemID))
    case .searchNext: searchAgain(&state, backwards: false)
    case .searchPrevious: searchAgain(&state, backwards: true)
    case .openDetail:
        guard let id = state.selectedItemID else { return [] }
        state.mode = .detail(DetailState(itemID: id))
    case .quit: return [.quit]
    }
    return []
}

private func moveRow(_ state: inout AppState, by delta: Int) {
    guard let stage = state.selectedStage else { return }
    let count = state.column(stage.id).count
    guard count > 0 else { return }
    let row = state.selectedRow
    state.rows[stage.id] = min(max(0, row.addingReportingOverflow(delta).partialValue), count - 1)
}

private func promptKey(_ state: inout AppState, _ prompt: Prompt, _ key: Key, now: Timestamp) -> [Effect] {
    var p = prompt
    switch key {
    case .escape:
        state.mode = .board
        state.status = StatusMessage("cancelled")
        return []
    case .ctrl("c"):
        return [.quit]
    case .enter:
        state.mode = .board
        let text = p.editor.text.trimmingCharacters(in: .whitespaces)
        let user = state.user
        switch p.purpose {
        case .addItem(let stageID):
            guard !text.isEmpty else { state.status = StatusMessage("nothing added"); return [] }
            return quickAdd(&state, p, stageID: stageID, now: now)
        case .editTitle(let id):
            guard !text.isEmpty else { state.status = StatusMessage("a title cannot be empty", isError: true); return [] }
            return commitEdit(&state, base: p.base, at: now) { b in try b.modify(id, summary: "renamed \(id)", by: user, at: now) { $0.title = text } }
        }
    default:
        if p.editor.handle(key) { state.mode = .prompt(p) }
        return []
    }
}

/// Adds the prompt's text as a quick-add line (`QuickAdd`: `#label @person !must ~5 ^v2.1
/// >stage due:YYYY-MM-DD`) with `stageID` as the default stage, as one undo step. On success
/// the new item is selected, the status line says what was added and created ("added k3v9x2qa
/// to Ready; created label billing, person alice") and the prompt reopens empty for the next
/// item. On an error the prompt stays open with the text, the cursor on the offending token,
/// and the error in the status line.
private func quickAdd(_ state: inout AppState, _ prompt: Prompt, stageID: String, now: Timestamp) -> [Effect] {
    if refuseIfReadOnly(&state) { return [] }
    let user = state.user
    let added: (item: Item, edit: Edit, created: [String])
    do {
        let draft = try QuickAdd.parse(prompt.editor.text)
        // Throws before it changes the board (unknown stage, bad points…).
        added = try draft.apply(to: &state.board, defaultStage: stageID, by: user, at: now)
    } catch {
        keepPromptOpen(&state, prompt, error)
        return []
    }
    state.history.record(added.edit)
    state.select(itemID: added.item.id)
    let created = added.created.isEmpty ? "" : "; created " + added.created.joined(separator: ", ")
    state.status = StatusMessage(added.edit.summary + created)
    // Stay in the prompt to add the next item, as a quick-capture flow.
    state.mode = .prompt(Prompt(purpose: .addItem(stageID: stageID), editor: LineEditor()))
    return [.save]
}

/// Reopens `prompt` with its text after `error`, the cursor on the offending token when the
/// error says where (a `QuickAddError`), and the error in the status line.
private func keepPromptOpen(_ state: inout AppState, _ prompt: Prompt, _ error: Error) {
    var p = prompt
    if let e = error as? QuickAddError { p.editor = LineEditor(prompt.editor.text, cursor: e.offset) }
    state.mode = .prompt(p)
    state.status = StatusMessage("\(error)", isError: true)
}

private func helpKey(_ state: inout AppState, _ scroll: Int, _ key: Key) {
    switch key {
    case .escape, .char("?"), .char("q"), .enter: state.mode = .board
    case .down, .char("j"): state.mode = .help(scroll: scroll + 1)
    case .up, .char("k"): state.mode = .help(scroll: max(0, scroll - 1))
    case .pageDown, .char(" "): state.mode = .help(scroll: scroll + 10)
    case .pageUp: state.mode = .help(scroll: max(0, scroll - 10))
    default: break
    }
}

private func handleMouse(_ state: inout AppState, _ m: MouseEvent) {
    guard state.mode == .board else { return }
    let stages = state.board.stages
    let hit = state.layout.hit(x: m.x, y: m.y, columnOffset: state.columnOffset,
                               scroll: { state.scrolls[stages[$0].id] ?? 0 },
                               count: { state.column(stages[$0].id).count })
    guard let hit else { return }
    switch m.kind {
    case .press:
        state.column = hit.column
        if let row = hit.row { state.rows[stages[hit.column].id] = row }
    case .wheelUp, .wheelDown:
        state.column = hit.column
        moveRow(&state, by: m.kind == .wheelUp ? -3 : 3)
    }
}
