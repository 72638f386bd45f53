import DocketUI
import Foundation

/// Text the CLI prints: when stdout (or stderr) is a terminal, control characters, escape
/// sequences and bidi controls from board text are made visible (as on the board), never sent
/// raw. Piped output is left exactly as it is in the board.
enum TerminalSafe {
    static let isTerminal = isatty(1) == 1
    static let isErrorTerminal = isatty(2) == 1

    /// `text` with every line made safe by `SafeText.clean`, keeping its line breaks and
    /// tabs (they separate the columns of `docket list`).
    static func cleanLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { SafeText.clean(String($0)) }.joined(separator: "\t")
        }.joined(separator: "\n")
    }

    /// `text` with line breaks and tabs as spaces, for one row of a table.
    static func oneLine(_ text: String) -> String { SafeText.flattened(text) }

    /// Prints `text` on stdout like `print`, made safe line by line when stdout is a terminal.
    static func print(_ text: String, terminator: String = "\n") {
        Swift.print(isTerminal ? cleanLines(text) : text, terminator: terminator)
    }

    /// Writes `text` and a line break on stderr, made safe line by line when stderr is a terminal.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(((isErrorTerminal ? cleanLines(text) : text) + "\n").utf8))
    }
}
