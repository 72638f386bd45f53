import DocketCore
import Foundation

/// Boards a command read or wrote, kept until the process exits instead of being freed item by
/// item when the command is done with them: freeing a board of 100,000 items takes tens of
/// milliseconds, and the process ends right after, when all its memory goes back at once.
/// Only for one-shot commands (`BoardOptions.load`, `update`); an open board frees as usual.
enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var boards: [Board] = []

    /// Keeps `board` (a copy, which shares its storage) alive until the process exits.
    static func keep(_ board: Board) {
        lock.lock()
        boards.append(board)
        lock.unlock()
    }
}
