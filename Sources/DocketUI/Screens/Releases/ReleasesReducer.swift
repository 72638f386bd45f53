import DocketCore

extension ReleasesScreen {
    public mutating func perform(_ action: ReleasesAction, _ state: inout AppState, now: Timestamp) -> Step {
        let count = state.board.releases.count
        var fx: [Effect] = []
        switch action {
        case .up: row -= 1
        case .down: row += 1
        case .top: row = 0
        case .bottom: row = count - 1
        case .previousField: field = (field + Self.fields.count - 1) % Self.fields.count
        case .nextField: field = (field + 1) % Self.fields.count
        case .edit:
            guard let name = selectedName(state.board) else {
                state.status = StatusMessage("no release yet: a adds one", isError: true)
                break
            }
            if refuseIfReadOnly(&state) { break }
            let key = Self.fields[field]
            ask = .edit(release: name, field: key, LineEditor(Self.text(of: key, state.board.releases[row], exponent: state.board.planning.exponent)))
        case .add:
            if refuseIfReadOnly(&state) { break }
            ask = .add(LineEditor())
        case .moveUp, .moveDown:
            guard let name = selectedName(state.board) else { break }
            let to = row + (action == .moveUp ? -1 : 1)
            guard (0..<count).contains(to) else { break }
            let user = state.user
            fx = commitEdit(&state) { b in try b.moveRelease(name, to: to, by: user, at: now) }
            if !fx.isEmpty { row = to }
        case .items:
            guard let name = selectedName(state.board) else { break }
            return .push(ReleaseItemsScreen(release: name, state))
        case .undo, .redo:
            let before = selectedName(state.board)
            fx = state.undoOrRedo(redo: action == .redo, now: now)
            select(before, state.board)
        case .close: return .pop
        case .quit: return Step([.quit])
        }
        row = min(max(0, row), max(0, state.board.releases.count - 1))
        return Step(fx)
    }

    /// Enter in the editor: sets the field (or adds the release). On an error the editor stays
    /// open with the text as typed, the error is in the status line and nothing changed.
    public mutating func submit(_ state: inout AppState, now: Timestamp) -> Step {
        guard let ask else { return .stay }
        let user = state.user
        var fx: [Effect] = []
        switch ask {
        case .edit(let name, let key, let e):
            let value = e.text
            fx = commitEdit(&state) { b in
                if key == "name" { return value == name ? nil : try b.renameRelease(name, to: value, by: user, at: now) }
                return try b.setRelease(name, [(key, value)], by: user, at: now)
            }
            if state.status?.isError == true { return .stay }
            if fx.isEmpty { state.status = StatusMessage("\(key) of \(name) unchanged") }
            select(key == "name" ? value : name, state.board)
        case .add(let e):
            let name = e.text.trimmingCharacters(in: .whitespaces)
            fx = commitEdit(&state) { b in try b.addRelease(Release(name: name), by: user, at: now) }
            if state.status?.isError == true { return .stay }
            select(name, state.board)
            field = 1
        }
        self.ask = nil
        return Step(fx)
    }

    public mutating func cancel(_ state: inout AppState) -> Step {
        ask = nil
        state.status = StatusMessage("cancelled: nothing changed")
        return .stay
    }

    /// Selects the release named `name`, if the board has it.
    mutating func select(_ name: String?, _ board: Board) {
        if let name, let i = board.releases.firstIndex(where: { $0.name == name }) { row = i }
    }

    /// A field's value as the editor starts with it: what `setRelease` reads back unchanged
    /// (a budget in major units with the currency's decimals, `40000.00`).
    static func text(of field: String, _ r: Release, exponent: Int) -> String {
        switch field {
        case "name": return r.name
        case "start": return r.start ?? ""
        case "target": return r.target ?? ""
        case "capacity": return r.capacity?.pointsText ?? ""
        case "budget": return r.budget.map { plainAmount($0, exponent: exponent) } ?? ""
        case "state": return r.state.rawValue
        default: return r.notes
        }
    }

    /// `amount` in major units with `exponent` decimals and no grouping (`40000.50`), exact.
    static func plainAmount(_ amount: Money, exponent: Int) -> String {
        guard exponent > 0 else { return String(amount.minor) }
        var scale: Int64 = 1
        for _ in 0..<exponent { scale *= 10 }
        let m = amount.minor.magnitude
        let fraction = String(m % UInt64(scale))
        return (amount.minor < 0 ? "-" : "") + "\(m / UInt64(scale))." + String(repeating: "0", count: exponent - fraction.count) + fraction
    }
}
