/// A progress bar in a cell: `████░░░░ 50%`, the done part in `plan.bar`, the rest in
/// `plan.track`, the percentage in `textRole`. Used by the releases and roadmap screens.
enum ProgressBar {
    /// Draws `progress` (0…1, clamped) into `cell` (one row); the percentage is left out when
    /// the cell is narrower than 8.
    static func draw(progress: Double, in cell: Rect, into canvas: inout Canvas, textRole: StyleRole) {
        guard cell.width > 0 else { return }
        let p = progress.isFinite ? min(1, max(0, progress)) : 0
        let percent = cell.width >= 8 ? " " + String(Int((p * 100).rounded())) + "%" : ""
        let barWidth = max(1, cell.width - 5)
        let filled = Int((p * Double(barWidth)).rounded())
        var x = cell.x
        for i in 0..<barWidth {
            x = canvas.text(i < filled ? "█" : "░", x: x, y: cell.y, role: i < filled ? .planBar : .planTrack)
        }
        canvas.text(percent, x: x, y: cell.y, role: textRole, maxWidth: cell.maxX - x)
    }
}
