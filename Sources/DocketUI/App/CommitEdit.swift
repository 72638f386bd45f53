import DocketCore

/// Runs a change to the board for any mode: refused on a read-only board (said in the status
/// line); done on a copy, so a change that fails half-way leaves the board as it was; recorded
/// as one undo step; its summary (or `summary`) in the status line, plus the labels, people
/// and releases it created; an error in the status line instead. Returns `[.save]` when the
/// board changed. `body` returns nil (or an empty edit) for "nothing to do".
///
/// `base` is the item as it was when an edit began (a prompt or the detail pane was opened):
/// a field that was changed elsewhere meanwhile (merged in from the file) and that this edit
/// changes again is a conflict: this edit, the later one, is kept, and the value it replaces
/// is logged as a `conflict` entry (at `time`, seconds since epoch) and named in the status line.
func commitEdit(_ state: inout AppState, summary: String? = nil, base: Item? = nil, at time: Timestamp = 0,
                _ body: (inout Board) throws -> Edit?) -> [Effect] {
    if refuseIfReadOnly(&state) { return [] }
    do {
        var board = state.board
        guard var e = try body(&board), !e.isEmpty else { return [] }
        if let summary { e.summary = summary }
        var conflictNote = ""
        if let base, let before = state.board.items[base.id], let after = board.items[base.id] {
            let elsewhere = Set(Item.differences(base, before).map(\.0))
            for (field, theirs, mine) in Item.differences(before, after) where elsewhere.contains(field) {
                board.recordConflict(item: base.id, field: field, dropped: theirs, kept: mine, by: state.user, at: time)
                conflictNote += "; conflict: \(field) was set to \"\(SafeText.fit(SafeText.flattened(theirs ?? ""), width: 24))\" elsewhere while you edited; yours kept (logged)"
            }
        }
        let before = state.board.header, after = board.header
        state.board = board
        state.history.record(e)
        let created = after.labels.filter { !before.labels.contains($0) }.map { "label \($0.name)" }
            + after.people.filter { !before.people.contains($0) }.map { "person \($0.handle)" }
            + after.releases.filter { !before.releases.contains($0) }.map { "release \($0.name)" }
        state.status = StatusMessage(e.summary + (created.isEmpty ? "" : "; created " + created.joined(separator: ", ")) + conflictNote,
                                     isError: !conflictNote.isEmpty)
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
