import DocketCore

/// Runs a change to the board for any mode: refused on a read-only board (said in the status
/// line); done on a copy, so a change that fails half-way leaves the board as it was; recorded
/// as one undo step; its summary (or `summary`) in the status line, plus the labels, people
/// and releases it created; an error in the status line instead. Returns `[.save]` when the
/// board changed. `body` returns nil (or an empty edit) for "nothing to do".
func commitEdit(_ state: inout AppState, summary: String? = nil, _ body: (inout Board) throws -> Edit?) -> [Effect] {
    if refuseIfReadOnly(&state) { return [] }
    do {
        var board = state.board
        guard var e = try body(&board), !e.isEmpty else { return [] }
        if let summary { e.summary = summary }
        let before = state.board.header, after = board.header
        state.board = board
        state.history.record(e)
        let created = after.labels.filter { !before.labels.contains($0) }.map { "label \($0.name)" }
            + after.people.filter { !before.people.contains($0) }.map { "person \($0.handle)" }
            + after.releases.filter { !before.releases.contains($0) }.map { "release \($0.name)" }
        state.status = StatusMessage(e.summary + (created.isEmpty ? "" : "; created " + created.joined(separator: ", ")))
        return [.save]
    } catch {
        state.status = StatusMessage("\(error)", isError: true)
        return []
    }
}

/// True (and says why in the status line) when the board may not be changed.
func refuseIfReadOnly(_ state: inout AppState) -> Bool {
    guard let why = state.readOnly else { return false }
    state.status = StatusMessage("read-only: \(why)", isError: true)
    return true
}
