import DocketCore
import Foundation

/// The app's one update function: applies `event` to `state` and returns the effects to run.
/// Pure: it never touches the terminal or the disk. `now` is seconds since epoch, used for
/// the activity log and timestamps; days are counted in `state.calendar`'s time zone.
///
/// Keys go, in order: to the focused line editor of the top screen (the `editor` keymap's
/// submit / cancel, then the editing keys), to the top screen's keymap, then to the global
/// keymap (help, palette, Ctrl-C). Ctrl-C cancels an edit in progress and quits elsewhere.
public func update(_ state: inout AppState, _ event: Event, now: Timestamp) -> [Effect] {
    var effects: [Effect] = []
    state.now = max(state.now, now)
    switch event {
    case .resize, .resumed, .saveStatus, .terminate, .tick, .boardMerged, .writing, .exportFinished, .exportFailed, .themeLoaded, .themeFailed,
         .computed, .boardLoaded, .inputHeld:
        effects += updateRuntime(&state, event, now: now)
    case .editorFinished(let id, let text, let error):
        if let error { state.status = StatusMessage("editor failed: \(error)", isError: true) }
        else if let text {
            let user = state.user
            effects += commitEdit(&state) { b in try b.modify(id, summary: "edited the description of \(id)", by: user, at: now) { $0.description = text } }
        }
    case .mouse(let m):
        if state.isOnBoard { handleMouse(&state, m) }
    case .paste(let text):
        effects += withTop(&state, now: now) { screen, app in
            guard var editor = screen.editor else { return .stay }
            editor.insert(text)
            screen.editor = editor
            screen.editorChanged(&app, now: now)
            return .stay
        }
    case .key(let key) where state.layout.isTooSmall:
        // Nothing can be seen: keys other than quit do nothing, rather than change the board blindly.
        if key == .char("q") || state.keymaps.action(for: key, on: GlobalKeys.id) == GlobalAction.interrupt.rawValue {
            effects.append(.quit)
        }
    case .key(let key):
        effects += handleKey(&state, key, now: now)
    }
    state.bringUpToDate(today: state.calendar.day(of: now))
    state.keepSelectionVisible()
    return effects
}

/// Runs `body` on the top screen taken off the stack (so the screen and the app can both
/// change), then puts it back and applies the step's navigation. The board at the bottom
/// is never closed.
func withTop(_ state: inout AppState, now: Timestamp, _ body: (inout any Feature, inout AppState) -> Step) -> [Effect] {
    guard var screen = state.routes.popLast() else { state.routes = [BoardScreen()]; return [] }
    let isBoard = state.routes.isEmpty
    let step = body(&screen, &state)
    switch step.navigation {
    case .stay: state.routes.append(screen)
    case .pop: if isBoard { state.routes.append(screen) }
    case .push(let next): state.routes.append(screen); state.routes.append(next)
    case .replace(let next):
        if isBoard { state.routes.append(screen) }
        state.routes.append(next)
    case .popToBoard: state.routes = isBoard ? [screen] : [state.routes[0]]
    case .popAndRun(let name):
        if isBoard { state.routes.append(screen) }
        return step.effects + run(named: name, &state, now: now)
    }
    return step.effects
}

private func handleKey(_ state: inout AppState, _ key: Key, now: Timestamp) -> [Effect] {
    let keymaps = state.keymaps
    let global = keymaps.action(for: key, on: GlobalKeys.id).flatMap(GlobalAction.init(rawValue:))
    let editing = state.top.editor != nil
    if editing {
        // Ctrl-C in a text field cancels that edit; the board stays open.
        let editorAction = global == .interrupt ? .cancel
            : keymaps.action(for: key, on: EditorKeys.id).flatMap(EditorAction.init(rawValue:))
        if let editorAction {
            return withTop(&state, now: now) { screen, app in
                editorAction == .submit ? screen.submit(&app, now: now) : screen.cancel(&app)
            }
        }
        var handled = false
        let fx = withTop(&state, now: now) { screen, app in
            guard var editor = screen.editor, editor.handle(key) else { return .stay }
            handled = true
            screen.editor = editor
            screen.editorChanged(&app, now: now)
            return .stay
        }
        if handled { return fx }
    }
    let screenID = state.top.screenID
    if let name = keymaps.action(for: key, on: screenID) {
        return withTop(&state, now: now) { screen, app in screen.perform(named: name, &app, now: now) ?? .stay }
    }
    guard let global else { return [] }
    return perform(global, &state, now: now)
}

/// Runs the action named `name` on the top screen, or the global action of that name.
func run(named name: String, _ state: inout AppState, now: Timestamp) -> [Effect] {
    let screen = state.top.screenID
    if state.keymaps.tables[screen]?.actions.contains(where: { $0.name == name }) == true {
        return withTop(&state, now: now) { s, app in s.perform(named: name, &app, now: now) ?? .stay }
    }
    if let global = GlobalAction(rawValue: name) { return perform(global, &state, now: now) }
    return []
}

/// Runs a global action (from its key or the palette).
func perform(_ action: GlobalAction, _ state: inout AppState, now: Timestamp) -> [Effect] {
    switch action {
    case .help:
        if state.top is HelpScreen { state.pop(); return [] }
        state.push(HelpScreen(for: state.top.screenID))
    case .palette:
        if state.top is PaletteScreen { return [] }
        state.push(PaletteScreen(under: state.top.screenID))
    case .interrupt:
        // Nothing is being edited: the screen may want a last word (the standup asks to end
        // and record the meeting); otherwise quit (the runtime saves first).
        var handled = false
        let fx = withTop(&state, now: now) { screen, app in
            guard let step = screen.interrupt(&app, now: now) else { return .stay }
            handled = true
            return step
        }
        return handled ? fx : [.quit]
    case .suspend:
        return [.suspend]
    }
    return []
}

private func handleMouse(_ state: inout AppState, _ m: MouseEvent) {
    let stages = state.shownStages
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
        state.moveRow(by: m.kind == .wheelUp ? -3 : 3)
    }
}

extension AppState {
    /// After the board changed: recomputes the filter's matches and lets every open screen
    /// refresh what it caches. A no-op when the board is at the revision they last saw.
    mutating func bringUpToDate(today: String) {
        guard screensRevision != revision || (showAges && ages == nil) else { return }
        refreshFilter(today: today)
        ages = showAges ? StageAges(board) : nil
        for i in routes.indices { routes[i].boardChanged(self) }
        screensRevision = revision
    }
}
