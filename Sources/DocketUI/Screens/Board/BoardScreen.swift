import DocketCore

/// The board: stages as columns of cards. Always at the bottom of the route stack; its
/// selection (column, row per column, scroll) lives in `AppState` because every screen
/// above it selects items on it.
public struct BoardScreen: Feature {
    public static let id = "board"
    public static let title = "Board"
    public init() {}

    public var isFullScreen: Bool { true }

    public func draw(_ app: AppState, into canvas: inout Canvas) {
        BoardView.draw(app, into: &canvas)
        StatusLine.draw(app, into: &canvas, y: canvas.height - 1)
    }
}
