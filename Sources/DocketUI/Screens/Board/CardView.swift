import DocketCore
import Foundation

/// Draws one card in two lines at (x, y), `width` columns wide:
///
///     ▌Export invoices as PDF for the acc…
///     ▌k3v9x2qa !must 5p ★4.8 BLOCKED @alice #billing
///
/// (`★` is the RICE or WSJF score when the board scores items.)
///
/// The bar's colour is the priority's; the selected card is drawn in `card.selected`.
enum CardView {
    /// A card's age in its stage (whole days), and whether it is past the stage's usual time.
    struct Age { var days: Int; var stale: Bool }

    /// `shownID` is the id as the card shows it (`Board.shortID`: long imported ids shortened).
    static func draw(_ item: Item, shownID: String, score: Double?, age: Age? = nil, feedback: CustomerImpact? = nil, into canvas: inout Canvas, x: Int, y: Int, width: Int, selected: Bool) {
        let base: StyleRole = selected ? .cardSelected : .card
        canvas.fill(Rect(x: x, y: y, width: width, height: 2), role: base)
        let bar = priorityRole(item.priority)
        canvas.text("▌", x: x, y: y, role: bar)
        canvas.text("▌", x: x, y: y + 1, role: bar)
        let inner = width - 1
        guard inner > 0 else { return }
        canvas.text(SafeText.fitLine(item.title, width: inner), x: x + 1, y: y, role: base)
        var parts: [(String, StyleRole)] = [(shownID, .cardID)]
        if let age { parts.append(("\(age.days)d", age.stale ? .ageStale : .dim)) }
        if let p = item.priority { parts.append(("!" + p.rawValue, priorityRole(p))) }
        if let pts = item.points { parts.append((pts.pointsText + "p", .cardPoints)) }
        if let score { parts.append(("★" + ScoreText.format(score), .cardPoints)) }
        if let feedback { parts.append((feedback.cardText, .cardPoints)) }
        if item.blocked { parts.append(("BLOCKED", .blocked)) }
        parts += item.assignees.map { ("@" + $0, .cardAssignee) }
        parts += item.labels.map { ("#" + $0, .cardLabel) }
        var cx = x + 1
        let limit = x + width
        for (i, (text, role)) in parts.enumerated() {
            let gap = i == 0 ? 0 : 1
            let room = limit - cx - gap
            if room <= 0 { break }
            let shown = SafeText.fitLine(text, width: room)
            cx += gap
            cx = canvas.text(shown, x: cx, y: y + 1, role: selected && role != .blocked && role != .ageStale ? base : role, maxWidth: room)
            if shown.hasSuffix("…") && shown != text { break }
        }
    }

    static func priorityRole(_ p: Priority?) -> StyleRole {
        switch p {
        case .must: return .priorityMust
        case .should: return .priorityShould
        case .could: return .priorityCould
        case .wont: return .priorityWont
        case nil: return .dim
        }
    }
}

/// Scores as cards and lists show them: at most 3 significant figures (`4.8`, `200`, `0.25`).
public enum ScoreText {
    public static func format(_ v: Double) -> String {
        if v >= 100 || v == v.rounded() { return String(Int64(v.rounded())) }
        if v >= 10 { return String(format: "%.1f", v) }
        var s = String(format: "%.2f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
