import DocketCore

/// The app's one view function: draws `state` at `state.size` into a new Canvas: the top
/// full-screen route, then every overlay above it. Pure, and proportional to what is on
/// screen (never to the size of the board).
public func render(_ state: AppState) -> Canvas {
    let size = state.size
    var canvas = Canvas(width: size.width, height: size.height)
    if state.layout.isTooSmall {
        drawTooSmall(into: &canvas, size: size)
        return canvas
    }
    let routes = state.routes
    let first = routes.lastIndex { $0.isFullScreen } ?? 0
    for screen in routes[first...] { screen.draw(state, into: &canvas) }
    return canvas
}

private func drawTooSmall(into canvas: inout Canvas, size: Size) {
    let lines = ["Terminal too small", "\(size.width)×\(size.height), need \(BoardLayout.minimum.width)×\(BoardLayout.minimum.height)", "q quits"]
    let top = max(0, (size.height - lines.count) / 2)
    for (i, line) in lines.enumerated() {
        let shown = SafeText.fit(line, width: size.width)
        let x = max(0, (size.width - DisplayWidth.of(shown)) / 2)
        canvas.text(shown, x: x, y: top + i, role: i == 0 ? .warning : .normal)
    }
}
