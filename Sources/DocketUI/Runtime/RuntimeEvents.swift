import Foundation
import DocketCore

/// The reducer for what the runtime reports (`RuntimeLoop`): the saver's state, merges from
/// disk, results of exports and themes, signals, time and coming back from a suspension.
/// `update` calls it for these events; the runtime itself never changes the state.
func updateRuntime(_ state: inout AppState, _ event: Event, now: Timestamp) -> [Effect] {
    switch event {
    case .saveStatus(let s):
        // A board that may not be written (newer format) says `read-only` whatever the saver says.
        if state.readOnly == nil { state.saveState = s }
    case .terminate:
        return [.quit]
    case .boardLoaded(let board):
        state.board = board
        state.readingWholeBoard = nil
    case .inputHeld(let count):
        state.readingWholeBoard = count
    case .resumed(let size), .resize(let size):
        state.size = size
    case .boardMerged(let merge):
        let conflicts = merge.conflicts
        let ours = state.board
        state.board = merge.apply(to: ours)
        state.refreshFilter(today: state.calendar.day(of: now))
        let lost = replacedValues(conflicts, ours: ours, merged: state.board)
        state.status = conflicts.isEmpty ? StatusMessage("merged changes made to the file elsewhere")
            : !lost.isEmpty ? StatusMessage("conflict: " + lost.prefix(3).joined(separator: "; ") + " (changed elsewhere later; both values in the activity log)", isError: true)
            : StatusMessage("conflict: \(conflicts.prefix(5).joined(separator: ", ")) (merged; kept and dropped values in the activity log)", isError: true)
    case .writing(let path, let error):
        if let error { state.status = StatusMessage(error, isError: true); break }
        // The name after the last "/" (no file-system lookup inside update).
        state.fileLabel = path.split(separator: "/").last.map(String.init) ?? path
        state.status = StatusMessage("writing \(path)")
    case .exportFinished(let format, let path):
        state.status = StatusMessage("exported \(format) to \(path)")
    case .exportFailed(let why):
        state.status = StatusMessage("export failed: \(why)", isError: true)
    case .themeLoaded(let name):
        state.status = StatusMessage("theme: \(name)")
    case .themeFailed(let why):
        state.status = StatusMessage(why, isError: true)
    case .computed(let result):
        // Every open screen may be waiting for it (a result for a screen gone is dropped).
        for i in state.routes.indices { state.routes[i].received(result) }
    case .tick(let moment):
        // Only the screen that asked (`Feature.tickInterval`, on top) gets it.
        state.lastTick = moment
        return withTop(&state, now: now) { screen, app in screen.tick(&app, now: moment) }
    default:
        break
    }
    return []
}

/// For the losing side of a concurrent edit: each conflicting field (`id.field`) whose value
/// here was replaced by the merge, as `your title of k3v9 was replaced by "New title"`.
func replacedValues(_ conflicts: [String], ours: Board, merged: Board) -> [String] {
    conflicts.compactMap { conflict in
        guard let dot = conflict.lastIndex(of: ".") else { return nil }
        let id = String(conflict[..<dot]), field = String(conflict[conflict.index(after: dot)...])
        guard let mine = ours.items[id], let now = merged.items[id],
              let change = Item.differences(mine, now).first(where: { $0.0 == field }) else { return nil }
        let value = SafeText.fit(SafeText.flattened(change.2 ?? ""), width: 30)
        return "your \(field) of \(id) was replaced by \"\(value)\""
    }
}
