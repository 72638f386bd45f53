import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The board's file is no longer where the session loaded it from: moved away or deleted, or
/// replaced by something that is not a regular file (a folder). The session keeps every edit
/// and writes nothing until told where (`:write` here again, `:write FILE` elsewhere); quitting
/// keeps a rescue file.
public struct BoardFileGone: Error, CustomStringConvertible, Equatable, Sendable {
    /// What is at the path now.
    public enum Kind: Equatable, Sendable {
        case regular, missing, other(String)

        /// What `url` (its link target) is now.
        static func of(_ url: URL) -> Kind {
            var st = stat()
            guard stat(AtomicFile.linkTarget(of: url).path, &st) == 0 else { return errno == ENOENT ? .missing : .regular }
            switch st.st_mode & S_IFMT {
            case S_IFREG: return .regular
            case S_IFDIR: return .other("a folder")
            default: return .other("something that is not a file")
            }
        }
    }

    public var url: URL
    public var kind: Kind

    /// The file the session wrote to (`url`) and what is there now (`kind`).
    public init(url: URL, kind: Kind) { self.url = url; self.kind = kind }

    /// "board.json was moved or deleted (not re-created): :write saves here, :write FILE
    /// elsewhere, q quits with a rescue file": what happened first, so a narrow line shows it.
    public var description: String {
        let what: String
        if case .other(let thing) = kind { what = "was replaced by \(thing) (not written)" }
        else { what = "was moved or deleted (not re-created)" }
        return "\(url.lastPathComponent) \(what): :write saves here, :write FILE elsewhere, q quits with a rescue file"
    }
}
