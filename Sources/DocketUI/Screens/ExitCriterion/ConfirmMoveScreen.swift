import DocketCore

/// A change of an item's stage and/or release, as the board's H/L, the standup and the
/// roadmap's lane moves make it.
public struct PlannedMove: Equatable, Sendable {
    public var itemID: String
    /// The new stage id (nil: the stage stays).
    public var stage: String?
    /// The new release (`.some(nil)`: no release; nil: the release stays).
    public var release: String??

    public init(itemID: String, stage: String? = nil, release: String?? = nil) {
        self.itemID = itemID; self.stage = stage; self.release = release
    }

    /// Applies `moves` to `board` as one edit (summary `summary`). Throws like `Board.modify`.
    static func apply(_ moves: [PlannedMove], summary: String, to board: inout Board, by user: String, at time: Timestamp) throws -> Edit {
        try moves.reduce(Edit(summary: summary)) { all, m in
            var e = Edit(summary: summary)
            if let stage = m.stage { e = e.merged(with: try board.move(m.itemID, toStage: stage, by: user, at: time)) }
            if let release = m.release {
                e = e.merged(with: try board.modify(m.itemID, by: user, at: time) { $0.release = release })
            }
            return all.merged(with: e, summary: summary)
        }
    }

    /// The first exit criterion these moves leave going forward (to a later stage; the
    /// board's `exitCriterionToConfirm`), if any. Sending an item back asks nothing.
    static func criterion(_ moves: [PlannedMove], _ board: Board) -> (stage: Stage, criterion: String)? {
        for m in moves {
            guard let s = m.stage, let item = board.items[m.itemID], let from = board.stageIndex(id: item.stage),
                  let to = board.stageIndex(id: s), to > from else { continue }
            if let c = board.exitCriterionToConfirm(moving: m.itemID, toStage: s) { return c }
        }
        return nil
    }

    /// Runs `moves` at once, or, when one leaves a stage with an exit criterion (and the board
    /// asks to confirm), opens `ConfirmMoveScreen` showing it. `summary` names the change.
    static func run(_ moves: [PlannedMove], summary: String, _ state: inout AppState, now: Timestamp) -> Step {
        if let (stage, criterion) = criterion(moves, state.board) {
            if refuseIfReadOnly(&state) { return .stay }
            return .push(ConfirmMoveScreen(moves: moves, summary: summary, stageName: stage.name, criterion: criterion))
        }
        let user = state.user
        return Step(commitEdit(&state) { b in try apply(moves, summary: summary, to: &b, by: user, at: now) })
    }
}

/// Asks before a move out of a stage with an exit criterion (a sentence the board gives the
/// stage, `docket roadmap stage NAME --exit-criterion …`): shows it once, `y` (or Enter)
/// makes the move, `n` (or Esc) leaves everything as it was. `docket roadmap set
/// confirm-exit=off` turns the question off.
public struct ConfirmMoveScreen: Feature {
    public static let id = "confirm-exit"
    public static let title = "Exit criterion"

    public var moves: [PlannedMove]
    public var summary: String
    public var stageName: String
    public var criterion: String

    public mutating func perform(_ action: ConfirmMoveAction, _ state: inout AppState, now: Timestamp) -> Step {
        switch action {
        case .confirm:
            let user = state.user, moves = self.moves, summary = self.summary
            let fx = commitEdit(&state) { b in try PlannedMove.apply(moves, summary: summary, to: &b, by: user, at: now) }
            if let id = moves.first?.itemID, state.board.items[id] != nil { state.select(itemID: id) }
            return Step(fx, .pop)
        case .cancel:
            state.status = StatusMessage("not moved: the exit criterion of \(stageName) is not met")
            return .pop
        }
    }

    public func draw(_ app: AppState, into canvas: inout Canvas) {
        let area = Rect(x: 0, y: 0, width: canvas.width, height: canvas.height)
        let width = min(64, canvas.width - 2)
        let text = Wrap.lines(criterion, width: max(1, width - 4), maxLines: 6)
        guard let inner = Popup.draw(title: "Leaving \(stageName): exit criterion", width: width, height: text.count + 5, in: area, into: &canvas)
        else { return }
        for (i, line) in text.enumerated() where i + 1 < inner.height {
            canvas.text(line, x: inner.x + 1, y: inner.y + 1 + i, role: .warning)
        }
        let keys = KeyHints.line(app, [(Self.id, [ConfirmMoveAction.confirm.rawValue], "met: move"),
                                       (Self.id, [ConfirmMoveAction.cancel.rawValue], "not yet: stay")])
        if inner.height > 2 {
            canvas.text(SafeText.fitLine(keys, width: inner.width - 1), x: inner.x + 1, y: inner.maxY - 1, role: .helpKey)
        }
    }
}

/// The keys of the exit-criterion question.
public enum ConfirmMoveAction: String, FeatureAction {
    case confirm, cancel
    public var summary: String {
        switch self {
        case .confirm: return "the exit criterion is met: make the move"
        case .cancel: return "not yet: leave the item where it is"
        }
    }
    public var hint: String? { self == .confirm ? "move" : "stay" }
    public var edits: Bool { self == .confirm }
}

extension ConfirmMoveScreen {
    public static let defaultKeys: [(Key, ConfirmMoveAction)] = [
        (.char("y"), .confirm), (.enter, .confirm), (.char("n"), .cancel), (.escape, .cancel), (.char("q"), .cancel),
    ]
}
