import DocketCore
import Foundation

/// The command palette (`:`): every action of the keymap by name, plus commands that take an
/// argument. Typing narrows the list (words in order, ignoring case); Tab completes to the
/// selected command; ↑/↓ select; Enter runs the typed command (or the selected one); Esc closes.
public struct PaletteState: Equatable, Sendable {
    public var editor = LineEditor()
    public var choice = 0
    public init() {}
}

/// The palette's commands with an argument: (name, argument hint, what it does).
let paletteCommands: [(String, String, String)] = [
    ("sort score", "", "re-rank the whole backlog by score (RICE or WSJF)"),
    ("scoring", "rice|wsjf|none", "choose how the board scores items"),
    ("theme", "default|high-contrast|mono|FILE", "switch the colour theme"),
    ("stage add", "NAME", "add a stage before the first done stage"),
    ("stage rename", "NAME", "rename the selected stage"),
    ("stage wip", "N", "set the selected stage's WIP limit (0: none)"),
    ("stage kind", "inbox|todo|doing|done", "set what the selected stage means (an inbox is triaged)"),
    ("filter", "QUERY|SAVED-NAME", "filter the board (a saved filter by name, or a query)"),
    ("filter save", "NAME", "save the filter in force under a name, in the board"),
    ("filter delete", "NAME", "delete a saved filter"),
    ("filter clear", "", "show every item again"),
    ("write", "[FILE]", "save the board here again after its file was moved or deleted, or to a new FILE"),
    ("export", "json|csv|markdown|report FILE", "write the board (the filtered items, with a filter on) to a file"),
]

/// Every palette entry: the commands above, then the keymap's actions by name.
func paletteEntries(_ keymap: Keymap) -> [(name: String, hint: String, summary: String)] {
    paletteCommands.map { ($0.0, $0.1, $0.2) }
        + Action.allCases.filter { !keymap.keys(for: $0).isEmpty }.map { ($0.rawValue, "", $0.summary) }
}

/// The entries matching what is typed: every typed word is a prefix of a word of the entry.
func paletteMatches(_ text: String, _ keymap: Keymap) -> [(name: String, hint: String, summary: String)] {
    let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
    return paletteEntries(keymap).filter { entry in
        let names = entry.name.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        var k = 0
        for w in words {
            // An argument after a complete command name matches anything.
            if k >= names.count { return !entry.hint.isEmpty }
            if names[k].hasPrefix(w) { k += 1 } else { return false }
        }
        return true
    }
}

func paletteKey(_ state: inout AppState, _ palette: PaletteState, _ key: Key, now: Timestamp) -> [Effect] {
    var p = palette
    let matches = paletteMatches(p.editor.text, state.keymap)
    switch key {
    case .escape, .ctrl("c"):
        state.mode = .board
        return []
    case .up: p.choice = max(0, p.choice - 1)
    case .down: p.choice = min(max(0, matches.count - 1), p.choice + 1)
    case .tab:
        if matches.indices.contains(p.choice) {
            let m = matches[p.choice]
            p.editor = LineEditor(m.name + (m.hint.isEmpty ? "" : " "))
        }
    case .enter:
        state.mode = .board
        return runPaletteCommand(&state, p.editor.text, selected: matches.indices.contains(p.choice) ? matches[p.choice].name : nil, now: now)
    default:
        if p.editor.handle(key) { p.choice = 0 }
    }
    state.mode = .palette(p)
    return []
}

/// Runs a palette command line: `NAME [ARGUMENT]`. A line that names no command runs the
/// selected one (e.g. after typing a prefix).
func runPaletteCommand(_ state: inout AppState, _ line: String, selected: String?, now: Timestamp) -> [Effect] {
    let text = line.trimmingCharacters(in: .whitespaces)
    let user = state.user
    func arg(after name: String) -> String? {
        let lower = text.lowercased()
        guard lower == name || lower.hasPrefix(name + " ") else { return nil }
        return String(text.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)
    }
    func headerEdit(_ summary: String, _ change: (inout BoardHeader) throws -> Void) -> [Effect] {
        let fx = commitEdit(&state) { b in
            var h = b.header
            try change(&h)
            return b.upsert([], header: h, action: "board", summary: summary, by: user, at: now)
        }
        if fx.isEmpty, state.status == nil { state.status = StatusMessage("no change") }
        return fx
    }
    if arg(after: "sort score") != nil {
        state.mode = .backlog(BacklogState())
        if case .backlog(var b) = state.mode { state.refreshBacklog(&b, keep: state.selectedItemID); state.mode = .backlog(b) }
        return update(&state, .key(.char("R")), now: now)
    }
    if let a = arg(after: "export") {
        let parts = a.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, ["json", "csv", "markdown", "report"].contains(parts[0].lowercased()) else {
            state.status = StatusMessage("export: a format (json, csv, markdown, report) and a file, e.g. :export report status.md", isError: true)
            return []
        }
        return [.export(format: parts[0].lowercased(), path: parts[1], query: state.filter?.text)]
    }
    if let a = arg(after: "write") {
        if refuseIfReadOnly(&state) { return [] }
        return [.write(path: a.isEmpty ? nil : a)]
    }
    if arg(after: "filter clear") != nil {
        state.filter = nil
        state.status = StatusMessage("filter cleared")
        return []
    }
    if let a = arg(after: "filter save") {
        guard let current = state.filter?.text else { state.status = StatusMessage("no filter in force: set one with f", isError: true); return [] }
        guard !a.isEmpty else { state.status = StatusMessage("filter save: give it a name", isError: true); return [] }
        return headerEdit("saved the filter \(a)") { h in
            h.savedFilters.removeAll { $0.name == a }
            h.savedFilters.append(SavedFilter(name: a, query: current))
        }
    }
    if let a = arg(after: "filter delete") {
        guard state.board.savedFilters.contains(where: { $0.name == a }) else {
            state.status = StatusMessage("no saved filter named \(a)", isError: true); return []
        }
        return headerEdit("deleted the filter \(a)") { $0.savedFilters.removeAll { $0.name == a } }
    }
    if let a = arg(after: "filter") {
        let query = state.board.savedFilters.first { $0.name == a }?.query ?? a
        do {
            try state.applyFilter(query, today: CalendarDay.of(now))
            state.status = StatusMessage(state.filter.map { "filter: \($0.text)" } ?? "filter cleared")
        } catch {
            state.status = StatusMessage(error.message, isError: true)
        }
        return []
    }
    if let a = arg(after: "scoring") {
        guard let m = ScoringModel(rawValue: a.lowercased()) else {
            state.status = StatusMessage("scoring: use rice, wsjf or none", isError: true); return []
        }
        return headerEdit("scoring set to \(m.rawValue)") { $0.scoring = m }
    }
    if let a = arg(after: "theme") {
        guard !a.isEmpty else { state.status = StatusMessage("theme: name one (default, high-contrast, mono) or a file", isError: true); return [] }
        return [.setTheme(a)]
    }
    if let a = arg(after: "stage add") {
        guard !a.isEmpty else { state.status = StatusMessage("stage add: give the new stage a name", isError: true); return [] }
        return headerEdit("added the stage \(a)") { h in try h.addStage(named: a) }
    }
    if let a = arg(after: "stage rename"), let stage = state.selectedStage {
        guard !a.isEmpty else { state.status = StatusMessage("stage rename: give the new name", isError: true); return [] }
        return headerEdit("renamed \(stage.name) to \(a)") { h in
            guard !h.stages.contains(where: { $0.id != stage.id && ($0.name.lowercased() == a.lowercased() || $0.id.lowercased() == a.lowercased()) }) else {
                throw DocketError.invalidValue(field: "stage", value: a, expected: "a name no other stage has")
            }
            if let i = h.stages.firstIndex(where: { $0.id == stage.id }) { h.stages[i].name = a }
        }
    }
    if let a = arg(after: "stage kind"), let stage = state.selectedStage {
        guard let kind = StageKind(rawValue: a.lowercased()) else {
            state.status = StatusMessage("stage kind: inbox, todo, doing or done", isError: true); return []
        }
        return headerEdit("\(stage.name): kind \(kind.rawValue)") { h in
            if let i = h.stages.firstIndex(where: { $0.id == stage.id }) { h.stages[i].kind = kind }
        }
    }
    if let a = arg(after: "stage wip"), let stage = state.selectedStage {
        guard let n = Int(a), n >= 0 else { state.status = StatusMessage("stage wip: a whole number (0: no limit)", isError: true); return [] }
        return headerEdit("WIP limit of \(stage.name): \(n == 0 ? "none" : String(n))") { h in
            if let i = h.stages.firstIndex(where: { $0.id == stage.id }) { h.stages[i].wipLimit = n == 0 ? nil : n }
        }
    }
    let name = Action(rawValue: text.lowercased()) != nil ? text.lowercased() : (selected ?? "")
    if let action = Action(rawValue: name), let key = state.keymap.keys(for: action).first {
        return update(&state, .key(key), now: now)
    }
    if let selected, selected != text, paletteCommands.contains(where: { $0.0 == selected }) {
        state.mode = .palette(PaletteState())
        if case .palette(var p) = state.mode { p.editor = LineEditor(selected + " "); state.mode = .palette(p) }
        return []
    }
    state.status = StatusMessage(text.isEmpty ? "no command" : "unknown command: \(text)", isError: !text.isEmpty)
    return []
}
