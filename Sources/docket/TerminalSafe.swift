import DocketUI
import Foundation

/// Text the CLI prints: when stdout is a terminal, control characters and escape sequences
/// from board text are made visible (as on the board), never sent raw.
enum TerminalSafe {
    static let isTerminal = isatty(1) == 1

    static func clean(_ text: String) -> String { SafeText.clean(text) }

    /// Multi-line text made safe line by line, keeping its line breaks.
    static func cleanLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { SafeText.clean(String($0)) }.joined(separator: "\n")
    }

    /// `text` with line breaks and tabs as spaces, for one row of a table.
    static func oneLine(_ text: String) -> String { SafeText.flattened(text) }
}
