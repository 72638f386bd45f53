import DocketCore
import Foundation

/// The command palette (`:`): every action of the screen it was opened on and the global
/// ones, by name, plus commands that take an argument. Typing narrows the list (words in
/// order, ignoring case); Tab completes to the selected command; ↑/↓ select; Enter runs the
/// typed command (or the selected one); Esc closes. Actions run on the screen under the
/// palette as if their key was pressed there (the palette never fakes a key).
public struct PaletteScreen: Feature {
    public static let id = "palette"
    public static let title = "Command palette"
    public var line = LineEditor()
    public var choice = 0
    /// The screen the palette was opened on (its actions are listed).
    public var under: String

    public init(under: String = BoardScreen.id) { self.under = under }

    public var editor: LineEditor? {
        get { line }
        set { if let e = newValue { line = e } }
    }

    public mutating func editorChanged(_ app: inout AppState, now: Timestamp) { choice = 0 }

    public mutating func perform(_ action: PaletteAction, _ state: inout AppState, now: Timestamp) -> Step {
        let matches = paletteMatches(line.text, state.keymaps, under: under)
        switch action {
        case .up: choice = max(0, choice - 1)
        case .down: choice = min(max(0, matches.count - 1), choice + 1)
        case .complete:
            if matches.indices.contains(choice) {
                let m = matches[choice]
                line = LineEditor(m.name + (m.hint.isEmpty ? "" : " "))
            }
        }
        return .stay
    }

    /// Enter: a command with its argument, else an action of the screen below (or a global
    /// one) by its name or the selected entry; a command that needs an argument is completed.
    public mutating func submit(_ state: inout AppState, now: Timestamp) -> Step {
        let matches = paletteMatches(line.text, state.keymaps, under: under)
        let selected = matches.indices.contains(choice) ? matches[choice].name : nil
        let text = line.text.trimmingCharacters(in: .whitespaces)
        if let step = runPaletteCommand(&state, text, now: now) {
            var step = step
            if case .stay = step.navigation { step.navigation = .pop }
            return step
        }
        let actions = paletteActions(state.keymaps, under: under).map(\.name)
        if actions.contains(text.lowercased()) { return Step([], .popAndRun(text.lowercased())) }
        if let selected, actions.contains(selected) { return Step([], .popAndRun(selected)) }
        if let selected, paletteCommands.contains(where: { $0.0 == selected }) {
            // A command that needs an argument: complete it and keep the palette open.
            line = LineEditor(selected + " ")
            return .stay
        }
        state.status = StatusMessage(text.isEmpty ? "no command" : "unknown command: \(text)", isError: !text.isEmpty)
        return .pop
    }
}

/// The palette's own keys; typing goes to its line.
public enum PaletteAction: String, FeatureAction {
    case up, down, complete
    public var summary: String {
        switch self {
        case .up: return "select the entry above"
        case .down: return "select the entry below"
        case .complete: return "complete the selected command"
        }
    }
}

extension PaletteScreen {
    public static let defaultKeys: [(Key, PaletteAction)] = [(.up, .up), (.down, .down), (.tab, .complete)]
}

/// The palette's commands with an argument: (name, argument hint, what it does).
let paletteCommands: [(String, String, String)] = [
    ("sort score", "", "re-rank the whole backlog by score (RICE or WSJF)"),
    ("scoring", "rice|wsjf|none", "choose how the board scores items"),
    ("theme", "default|light|high-contrast|mono|FILE", "switch the colour theme"),
    ("filter", "QUERY|SAVED-NAME", "filter the board (a saved filter by name, or a query)"),
    ("filter save", "NAME", "save the filter in force under a name, in the board"),
    ("filter delete", "NAME", "delete a saved filter"),
    ("filter clear", "", "show every item again"),
    ("write", "[FILE]", "save the board here again after its file was moved or deleted, or to a new FILE"),
    ("export", "json|csv|markdown|report FILE", "write the board (the filtered items, with a filter on) to a file"),
    ("ages", "on|off", "show card ages on this board by default (A toggles them for now)"),
    ("standup timebox", "MEETING SPEAKER", "the standup's timeboxes, e.g. 15m 2m (timers turn to a warning past them)"),
] + StageCommands.palette

/// The bound actions of the screen `under` and the global ones, as palette entries.
func paletteActions(_ keymaps: Keymaps, under: String) -> [(name: String, hint: String, summary: String)] {
    var out: [(name: String, hint: String, summary: String)] = []
    for table in [keymaps.tables[under], keymaps.tables[GlobalKeys.id]].compactMap({ $0 }) {
        for a in table.actions where !table.keys(for: a.name).isEmpty && a.name != GlobalAction.palette.rawValue
            && !out.contains(where: { $0.name == a.name }) {
            out.append((a.name, "", a.summary))
        }
    }
    return out
}

/// Every palette entry: the commands (on the board), then the actions by name.
func paletteEntries(_ keymaps: Keymaps, under: String) -> [(name: String, hint: String, summary: String)] {
    (under == BoardScreen.id ? paletteCommands.map { ($0.0, $0.1, $0.2) } : []) + paletteActions(keymaps, under: under)
}

/// The entries matching what is typed: every typed word is a prefix of a word of the entry.
func paletteMatches(_ text: String, _ keymaps: Keymaps, under: String) -> [(name: String, hint: String, summary: String)] {
    let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
    return paletteEntries(keymaps, under: under).filter { entry in
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

/// Runs a palette command line: `NAME [ARGUMENT]`. `sort score` opens the backlog list
/// re-ranked by score; the others change the board or the view and say so in the status line.
/// Nil when the line names no command.
func runPaletteCommand(_ state: inout AppState, _ line: String, now: Timestamp) -> Step? {
    if line.trimmingCharacters(in: .whitespaces).lowercased() == "sort score" {
        var backlog = BacklogScreen(state)
        let step = backlog.perform(.rerankByScore, &state, now: now)
        return Step(step.effects, .replace(backlog))
    }
    return paletteCommand(&state, line, now: now).map { Step($0) }
}

/// The commands of `paletteCommands` but `sort score`.
private func paletteCommand(_ state: inout AppState, _ line: String, now: Timestamp) -> [Effect]? {
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
    if let a = arg(after: "ages") {
        guard a == "on" || a == "off" else { state.status = StatusMessage("ages: on or off, not '\(a)'", isError: true); return [] }
        state.showAges = a == "on"
        state.ages = nil
        return headerEdit("card ages \(a) by default") { h in
            if a == "on" { h.extra["showAges"] = "true" } else { h.extra.removeValue(forKey: "showAges") }
        }
    }
    if let a = arg(after: "standup timebox") {
        let parts = a.split(separator: " ").map(String.init)
        guard parts.count == 2, let meeting = StandupTimeboxes.seconds(parts[0]), let speaker = StandupTimeboxes.seconds(parts[1]),
              meeting >= 60, speaker >= 10 else {
            state.status = StatusMessage("standup timebox: '\(a)' — give the meeting and each speaker's time, e.g. 15m 2m", isError: true)
            return []
        }
        return headerEdit("standup timeboxes: \(parts[0]) meeting, \(parts[1]) a speaker") { h in
            h.extra["standup"] = StandupTimeboxes(meeting: meeting, speaker: speaker).json
        }
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
            try state.applyFilter(query, today: state.calendar.day(of: now))
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
        guard !a.isEmpty else { state.status = StatusMessage("theme: name one (default, light, high-contrast, mono) or a file", isError: true); return [] }
        return [.setTheme(a)]
    }
    if let fx = StageCommands.run(&state, text, now: now) { return fx }
    return nil
}
