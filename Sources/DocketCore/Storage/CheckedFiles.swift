import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which versions of board files were last read in full and found sound (issue 16: "remembered
/// between commands"), so a command on a file nobody changed since need not read every item
/// again: `BoardStore` then reads it lazily (`BoardReader+Checked`: items and activity kept as
/// their lines and parsed when asked for).
///
/// One record per board file in `directory`: a file named by a hash of the board's path, one line
/// `docket-checked <reader> <stamp> <path>`. A record vouches for exactly one `FileStamp` and one
/// reader (`reader`: a build that reads by other rules checks again). Records are a cache:
/// written atomically (temporary file and rename), without `fsync`; a record that is missing,
/// unreadable, for another stamp, path or reader means "not checked", never an error.
public struct CheckedFiles: Sendable {
    /// Where the records are kept.
    public let directory: URL

    /// The rules a record vouches for: the file format version and a number raised whenever the
    /// reader comes to refuse something it let through before.
    static let reader = "format\(Board.formatVersion)-reader1"

    public init(directory: URL) { self.directory = directory }

    /// The user's records: `$XDG_CACHE_HOME/docket/checked`, else `~/.cache/docket/checked`;
    /// nil (no records: every command reads every item) when `DOCKET_NO_CACHE` is set or
    /// neither variable is.
    public static func forUser(_ environment: [String: String]) -> CheckedFiles? {
        if environment["DOCKET_NO_CACHE"] != nil { return nil }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return CheckedFiles(directory: URL(fileURLWithPath: xdg).appendingPathComponent("docket/checked"))
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return CheckedFiles(directory: URL(fileURLWithPath: home).appendingPathComponent(".cache/docket/checked"))
    }

    /// Whether the file at `path` (as `AtomicFile.linkTarget` resolves it) was found sound in
    /// the version `stamp`.
    public func vouches(for path: String, _ stamp: FileStamp) -> Bool {
        guard let data = FileManager.default.contents(atPath: recordPath(path)),
              let text = String(data: data, encoding: .utf8) else { return false }
        return text == line(path, stamp)
    }

    /// Records that the file at `path` was found sound in the version `stamp`. Best effort:
    /// a record that cannot be written is left out.
    public func remember(_ path: String, _ stamp: FileStamp) {
        let fm = FileManager.default
        try? fm.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = recordPath(path)
        let tmp = target + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard fm.createFile(atPath: tmp, contents: Data(line(path, stamp).utf8)) else { return }
        if rename(tmp, target) != 0 { unlink(tmp) }
    }

    /// Removes the record of `path` (the file was found unsound, or is being replaced).
    public func forget(_ path: String) { unlink(recordPath(path)) }

    private func line(_ path: String, _ stamp: FileStamp) -> String {
        "docket-checked \(CheckedFiles.reader) \(stamp) \(path)\n"
    }

    /// The record's file: FNV-1a (64 bits) of the path's bytes, in hex.
    private func recordPath(_ path: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in path.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return directory.appendingPathComponent(String(h, radix: 16)).path
    }
}
