import DocketCore

/// The items of one release (`i` on the releases screen): its planned items (open and done,
/// as `ReleasePlan` counts them) with id, title, stage and points; `H` / `L` move the selected
/// item to the previous / next release in the board's order, `m` to a release typed by name
/// (empty: no release). Each move is one undo step.
public struct ReleaseItemsScreen: Feature {
    public static let id = "release-items"
    public static let title = "Items of a release"

    /// The release shown.
    public var release: String
    /// Ids of its planned items, in board order.
    public var items: [String] = []
    /// Ids of the done ones among them.
    public var done: Set<String> = []
    public var row = 0
    /// The release name being typed for `m`.
    public var moveTo: LineEditor?

    public init(release: String, _ state: AppState) {
        self.release = release
        boardChanged(state)
    }

    public var isFullScreen: Bool { true }

    public var editor: LineEditor? {
        get { moveTo }
        set { if let e = newValue { moveTo = e } }
    }

    public var selectedID: String? { items.indices.contains(row) ? items[row] : nil }

    public mutating func boardChanged(_ app: AppState) {
        let line = ReleasePlan(app.board).line(named: release)
        items = line?.items ?? []
        done = Set(line?.doneItems ?? [])
        row = min(max(0, row), max(0, items.count - 1))
    }

    public mutating func perform(_ action: ReleaseItemsAction, _ state: inout AppState, now: Timestamp) -> Step {
        switch action {
        case .up: row = max(0, row - 1)
        case .down: row = min(max(0, items.count - 1), row + 1)
        case .previousRelease, .nextRelease:
            let names = state.board.releases.map(\.name)
            guard let i = names.firstIndex(of: release) else { break }
            let j = i + (action == .previousRelease ? -1 : 1)
            guard names.indices.contains(j) else {
                state.status = StatusMessage("no release \(action == .previousRelease ? "before" : "after") \(release): m moves to any release", isError: true)
                break
            }
            return Step(move(to: names[j], &state, now: now))
        case .moveTo:
            guard selectedID != nil else { break }
            if refuseIfReadOnly(&state) { break }
            moveTo = LineEditor()
        case .openDetail:
            guard let id = selectedID else { break }
            return .push(DetailScreen(itemID: id))
        case .undo, .redo: return Step(state.undoOrRedo(redo: action == .redo, now: now))
        case .close: return .pop
        }
        return .stay
    }

    /// Moves the selected item to release `name` (nil: no release); one undo step.
    private mutating func move(to name: String?, _ state: inout AppState, now: Timestamp) -> [Effect] {
        guard let id = selectedID else { return [] }
        let user = state.user
        return commitEdit(&state) { b in
            try b.modify(id, summary: "moved \(id) to " + (name.map { "release \($0)" } ?? "no release"), by: user, at: now) { $0.release = name }
        }
    }

    /// Enter in the `m` prompt: a release of the board (any case) or empty for none; an
    /// unknown name is an error naming the board's releases and nothing moves.
    public mutating func submit(_ state: inout AppState, now: Timestamp) -> Step {
        guard let text = moveTo?.text.trimmingCharacters(in: .whitespaces) else { return .stay }
        do {
            let name = text.isEmpty ? nil : try state.board.release(named: text).name
            let fx = move(to: name, &state, now: now)
            if state.status?.isError == true { return .stay }
            moveTo = nil
            return Step(fx)
        } catch {
            state.status = StatusMessage("\(error)", isError: true)
            return .stay
        }
    }

    public mutating func cancel(_ state: inout AppState) -> Step {
        moveTo = nil
        state.status = StatusMessage("cancelled: nothing moved")
        return .stay
    }

    public func draw(_ app: AppState, into canvas: inout Canvas) {
        let w = canvas.width, h = canvas.height
        canvas.fill(Rect(x: 0, y: 0, width: w, height: h), role: .normal)
        let points = items.reduce(0.0) { $0 + (app.board.items[$1]?.points ?? 0) }
        canvas.fill(Rect(x: 0, y: 0, width: w, height: 1), role: .columnHeader)
        canvas.text(SafeText.fit(" Release \(release) · \(items.count) items · \(points.pointsTotalText) points · \(done.count) done", width: w),
                    x: 0, y: 0, role: .columnHeader)
        let table = Table(columns: [Table.Column(title: "", extent: .fixed(1)), Table.Column(title: "id", extent: .fixed(8)),
                                    Table.Column(title: "title", extent: .fill(1)), Table.Column(title: "stage", extent: .fixed(12)),
                                    Table.Column(title: "pts", extent: .fixed(4), alignRight: true)])
        table.drawHeader(in: Rect(x: 1, y: 1, width: w - 2, height: 1), role: .dim, into: &canvas)
        let stages = Dictionary(app.board.stages.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let body = Rect(x: 0, y: 2, width: w, height: max(0, h - 3))
        if items.isEmpty {
            canvas.text(SafeText.fit(" No items in \(release).", width: w), x: 0, y: 2, role: .dim)
        }
        ListBox.draw(count: items.count, selected: row, in: body, into: &canvas) { index, rect, selected, c in
            guard let item = app.board.items[items[index]] else { return }
            if !selected { c.fill(rect, role: .normal) }
            let role: StyleRole = selected ? .cardSelected : done.contains(item.id) ? .dim : .normal
            table.drawRow([(done.contains(item.id) ? "✓" : " ", role), (item.id, selected ? role : .cardID), (item.title, role),
                           (stages[item.stage] ?? item.stage, role), (item.points?.pointsText ?? "?", selected ? role : .cardPoints)],
                          in: Rect(x: 1, y: rect.y, width: w - 2, height: 1), into: &c)
        }
        if let moveTo {
            if h > 1 { StatusLine.drawMessage(app, into: &canvas, y: h - 2) }
            PromptLine.draw(label: "Move to release (empty: none) › ", editor: moveTo, in: Rect(x: 0, y: h - 1, width: w, height: 1), into: &canvas)
        } else {
            StatusLine.draw(app, into: &canvas, y: h - 1)
        }
    }
}

/// The keys of a release's item list.
public enum ReleaseItemsAction: String, FeatureAction {
    case up, down, previousRelease = "previous-release", nextRelease = "next-release", moveTo = "move-to"
    case openDetail = "open-detail", undo, redo, close

    public var summary: String {
        switch self {
        case .up: return "select the item above"
        case .down: return "select the item below"
        case .previousRelease: return "move the item to the previous release"
        case .nextRelease: return "move the item to the next release"
        case .moveTo: return "move the item to a release typed by name (empty: none)"
        case .openDetail: return "open the item's details"
        case .undo: return "undo"
        case .redo: return "redo"
        case .close: return "back to the releases"
        }
    }

    public var hint: String? {
        switch self {
        case .nextRelease: return "next release"
        case .previousRelease: return "previous"
        case .moveTo: return "move to"
        case .close: return "back"
        default: return nil
        }
    }

    public var edits: Bool { [.previousRelease, .nextRelease, .moveTo, .undo, .redo].contains(self) }
}

extension ReleaseItemsScreen {
    public static let hintOrder: [ReleaseItemsAction] = [.nextRelease, .previousRelease, .moveTo, .close]

    public static let defaultKeys: [(Key, ReleaseItemsAction)] = [
        (.up, .up), (.char("k"), .up), (.down, .down), (.char("j"), .down),
        (.char("H"), .previousRelease), (.shiftLeft, .previousRelease), (.char("L"), .nextRelease), (.shiftRight, .nextRelease),
        (.char("m"), .moveTo), (.enter, .openDetail), (.char("o"), .openDetail),
        (.char("u"), .undo), (.ctrl("r"), .redo), (.escape, .close), (.char("q"), .close),
    ]
}
