import DocketCore
@testable import DocketUI
import Foundation

/// Scalars that must never reach a cell: C0 and C1 controls, DEL, bidi controls (overrides,
/// isolates, marks), line and paragraph separators and the zero-width joiner.
func isUnsafeForTerminal(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return v < 0x20 || (v >= 0x7F && v < 0xA0) || s.properties.isBidiControl || v == 0x2028 || v == 0x2029 || v == 0x200D
}

/// The first problem with `canvas`, or nil: a cell holding other than one grapheme cluster, an
/// unsafe scalar, a zero-width cell, a wide character without its continuation (or a stray
/// continuation); so every row is exactly the canvas width in display columns.
func canvasProblem(_ canvas: Canvas) -> String? {
    if canvas.cells.count != canvas.width * canvas.height { return "\(canvas.cells.count) cells for \(canvas.width)×\(canvas.height)" }
    for y in 0..<canvas.height {
        var x = 0
        while x < canvas.width {
            let text = canvas[x, y].text
            if text.utf8.count == 1, let b = text.utf8.first, b >= 0x20, b < 0x7F { x += 1; continue }  // fast path: ASCII
            guard !text.isEmpty else { return "(\(x),\(y)): a continuation without a wide character before it" }
            guard text.count == 1, let c = text.first else { return "(\(x),\(y)): \(text.debugDescription) is not one character" }
            if let bad = text.unicodeScalars.first(where: isUnsafeForTerminal) {
                return "(\(x),\(y)): U+\(String(bad.value, radix: 16, uppercase: true)) in \(text.debugDescription)"
            }
            if text.unicodeScalars.count > 1, text.unicodeScalars.dropFirst().contains(where: { (0x1F3FB...0x1F3FF).contains($0.value) }) {
                return "(\(x),\(y)): a skin-tone modifier on an emoji in \(text.debugDescription) (terminals disagree on its width)"
            }
            switch DisplayWidth.of(c) {
            case 1: x += 1
            case 2:
                guard x + 1 < canvas.width, canvas[x + 1, y].isContinuation else {
                    return "(\(x),\(y)): wide \(text.debugDescription) without its continuation"
                }
                x += 2
            default: return "(\(x),\(y)): \(text.debugDescription) takes no column"
            }
        }
    }
    return nil
}
