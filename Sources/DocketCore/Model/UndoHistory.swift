/// Undo and redo over a whole session: a stack of `Edit`s done and a stack of edits undone.
/// A new edit clears the redo stack. Edits are before/after values of the touched items only,
/// so an undo step costs the size of the change, not of the board.
public struct UndoHistory: Equatable, Sendable {
    public private(set) var done: [Edit] = []
    public private(set) var undone: [Edit] = []

    public init() {}

    /// Records a new edit (ignored when it changes nothing).
    public mutating func record(_ edit: Edit) {
        guard !edit.isEmpty else { return }
        done.append(edit)
        undone.removeAll()
    }

    /// Undoes the last edit on `board`; returns it, or nil when there is nothing to undo.
    public mutating func undo(_ board: inout Board, by user: String, at time: Timestamp) -> Edit? {
        guard let edit = done.popLast() else { return nil }
        board.apply(edit, forward: false, action: "undo", by: user, at: time)
        undone.append(edit)
        return edit
    }

    /// Redoes the last undone edit; returns it, or nil when there is nothing to redo.
    public mutating func redo(_ board: inout Board, by user: String, at time: Timestamp) -> Edit? {
        guard let edit = undone.popLast() else { return nil }
        board.apply(edit, forward: true, action: "redo", by: user, at: time)
        done.append(edit)
        return edit
    }
}
