import DocketCore

/// The inline prompt on the last row: adding items to a stage (it stays open for the next
/// one) or editing a title. Every key but Enter / Esc edits the text.
public struct PromptScreen: Feature {
    public static let id = "prompt"
    public static let title = "Add or edit a title"
    public static let defaultKeys: [(Key, PromptAction)] = []

    public var prompt: Prompt
    /// Summaries of the items added while the prompt was open, for what Esc says.
    public var added: [String] = []

    public init(_ prompt: Prompt) { self.prompt = prompt }

    public var editor: LineEditor? {
        get { prompt.editor }
        set { if let e = newValue { prompt.editor = e } }
    }

    public mutating func perform(_ action: PromptAction, _ app: inout AppState, now: Timestamp) -> Step { .stay }

    /// Esc: what was added stays added, and the status line says so.
    public mutating func cancel(_ app: inout AppState) -> Step {
        switch prompt.purpose {
        case .addItem:
            app.status = StatusMessage(added.isEmpty ? "nothing added"
                : added.count == 1 ? added[0] : "added \(added.count) items: " + added.joined(separator: "; "))
        case .editTitle(let id): app.status = StatusMessage("title of \(id) unchanged")
        }
        return .pop
    }

    public mutating func submit(_ app: inout AppState, now: Timestamp) -> Step {
        let text = prompt.editor.text.trimmingCharacters(in: .whitespaces)
        let user = app.user
        switch prompt.purpose {
        case .addItem(let stageID):
            guard !text.isEmpty else { return cancel(&app) }
            return quickAdd(&app, stageID: stageID, now: now)
        case .editTitle(let id):
            guard !text.isEmpty else { app.status = StatusMessage("a title cannot be empty", isError: true); return .pop }
            return Step(commitEdit(&app, base: prompt.base, at: now) { b in
                try b.modify(id, summary: "renamed \(id)", by: user, at: now) { $0.title = text }
            }, .pop)
        }
    }

    /// Adds the prompt's text as a quick-add line (`QuickAdd`: `#label @person !must ~5 ^v2.1
    /// >stage due:YYYY-MM-DD`) with `stageID` as the default stage, as one undo step. On success
    /// the new item is selected, the status line says what was added and created ("added
    /// k3v9x2qa to Ready; created label billing, person alice") and the prompt stays open, empty,
    /// for the next item. On an error the text stays, the cursor on the offending token, and
    /// the error is in the status line.
    private mutating func quickAdd(_ state: inout AppState, stageID: String, now: Timestamp) -> Step {
        if refuseIfReadOnly(&state) { return .pop }
        let added: (item: Item, edit: Edit, created: [String])
        do {
            let draft = try QuickAdd.parse(prompt.editor.text)
            // Throws before it changes the board (unknown stage, bad points…).
            added = try draft.apply(to: &state.board, defaultStage: stageID, by: state.user, at: now)
        } catch {
            if let e = error as? QuickAddError { prompt.editor = LineEditor(prompt.editor.text, cursor: e.offset) }
            state.status = StatusMessage("\(error)", isError: true)
            return .stay
        }
        state.history.record(added.edit)
        state.select(itemID: added.item.id)
        let created = added.created.isEmpty ? "" : "; created " + added.created.joined(separator: ", ")
        state.status = StatusMessage(added.edit.summary + created)
        self.added.append(added.edit.summary)
        prompt.editor = LineEditor()
        return Step([.save])
    }

    public func draw(_ app: AppState, into canvas: inout Canvas) {
        let bottom = canvas.height - 1
        // A message (what was added, or why not) shows above the open prompt, over the board's last row.
        if bottom > 0 { StatusLine.drawMessage(app, into: &canvas, y: bottom - 1) }
        let label: String
        switch prompt.purpose {
        case .addItem(let stageID): label = "Add to \(app.board.stages.first { $0.id == stageID }?.name ?? stageID) › "
        case .editTitle(let id): label = "Title of \(id) › "
        }
        PromptLine.draw(label: label, editor: prompt.editor, in: Rect(x: 0, y: bottom, width: canvas.width, height: 1), into: &canvas)
    }
}

/// The prompt has no keys of its own: Enter and Esc are the `editor` keymap's.
public enum PromptAction: String, FeatureAction {
    case none
    public var summary: String { "" }
    public static var allCases: [PromptAction] { [] }
}
