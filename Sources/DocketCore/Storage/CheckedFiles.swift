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
/// `docket-checked <reader> <size> <content hash> <path>`. A record vouches for exactly one
/// content (its length and `ContentHash`: not the file's times, which a quick rewrite in place
/// can leave as they were) read by one reader (`reader`: a build that reads by other rules
/// checks again). Records are a cache: written atomically (temporary file and rename), without
/// `fsync`; a record that is missing, unreadable, or for another content, path or reader means
/// "not checked", never an error.
public struct CheckedFiles: Sendable {
    /// Where the records are kept.
    public let directory: URL

    /// The rules a record vouches for: the file format version and a number to raise whenever
    /// the reader (`BoardReader`, the item and entry readers) comes to refuse something it let
    /// through before, so that files checked by older rules are checked again.
    /// (reader2: `ContentHash` mixes four lanes; records of the single-lane hash are not read.)
    static let reader = "format\(Board.formatVersion)-reader2"

    /// What a command does when a content a record vouched for turns out not to read as it was
    /// checked (a content forged to the same hash): called with the full read's error (path,
    /// line, column), after the record is forgotten. By default it stops the program with that
    /// error; the command line ends as on any other error (`Docket.fail`).
    public var whenWrong: @Sendable (Error) -> Never = CheckedFiles.stopProgram

    /// `whenWrong` by default: stops the program with the error.
    static let stopProgram: @Sendable (Error) -> Never = { fatalError(String(describing: $0)) }

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

    /// Whether `bytes`, the content of the file at `path` (as `AtomicFile.linkTarget` resolves
    /// it), is the content found sound when the record was made. Hashes `bytes` only when the
    /// record names this path, reader and length.
    public func vouches(for path: String, _ bytes: Data) -> Bool {
        recordedHash(for: path, size: bytes.count).map { $0 == ContentHash.of(bytes) } ?? false
    }

    /// The `ContentHash` the record of `path` gives for a content of `size` bytes read by this
    /// reader; nil when there is no such record (nothing then needs hashing).
    func recordedHash(for path: String, size: Int) -> UInt64? {
        guard let data = FileManager.default.contents(atPath: recordPath(path)),
              let text = String(data: data, encoding: .utf8),
              text.hasPrefix(prefix(size)), text.hasSuffix(" " + path + "\n") else { return nil }
        let hex = text.dropFirst(prefix(size).count).prefix { $0 != " " }
        guard let hash = UInt64(hex, radix: 16), text == line(path, size, hash) else { return nil }
        return hash
    }

    /// Records that the file at `path` holding `bytes` was found sound. Best effort: a record
    /// that cannot be written is left out.
    public func remember(_ path: String, _ bytes: Data) { remember(path, size: bytes.count, hash: ContentHash.of(bytes)) }

    /// `remember` for bytes of this size and `ContentHash` just written.
    func remember(_ path: String, size: Int, hash: UInt64) {
        let fm = FileManager.default
        try? fm.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = recordPath(path)
        let tmp = target + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard fm.createFile(atPath: tmp, contents: Data(line(path, size, hash).utf8)) else { return }
        if rename(tmp, target) != 0 { unlink(tmp) }
        pruneIfMany()
    }

    /// Removes the record of `path` (its content did not read as it was checked).
    public func forget(_ path: String) { unlink(recordPath(path)) }

    /// Records kept before the ones of boards that no longer exist are removed.
    static let pruneAbove = 64

    /// When there are more than `pruneAbove` records, removes those of board files that are gone
    /// (temporary boards, renamed ones) and those that do not read: the cache does not grow
    /// with every path a board ever had.
    private func pruneIfMany() {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path), names.count > CheckedFiles.pruneAbove else { return }
        for name in names where !name.contains(".tmp-") {
            let record = directory.appendingPathComponent(name).path
            let fields = fm.contents(atPath: record).flatMap { String(data: $0, encoding: .utf8) }?.split(separator: " ", maxSplits: 4)
            guard let fields, fields.count == 5, fields[4].hasSuffix("\n") else { unlink(record); continue }
            if !fm.fileExists(atPath: String(fields[4].dropLast())) { unlink(record) }
        }
    }

    private func prefix(_ size: Int) -> String { "docket-checked \(CheckedFiles.reader) \(size) " }

    private func line(_ path: String, _ size: Int, _ hash: UInt64) -> String {
        prefix(size) + String(hash, radix: 16) + " " + path + "\n"
    }

    /// The record's file: the `ContentHash` of the path's bytes, in hex.
    private func recordPath(_ path: String) -> String {
        directory.appendingPathComponent(String(ContentHash.of(Array(path.utf8)), radix: 16)).path
    }
}

/// The way out when a vouched content does not read as it was checked (`CheckedFiles.whenWrong`):
/// kept by the lazily read items and log (`FileItems`, `FileActivity`), which cannot throw from
/// where they find it (an item asked for by id).
struct WrongRecord: Sendable {
    /// The records, nil for a lazy read made without them (tests: the program stops).
    var records: CheckedFiles?
    /// The board file as the records name it, and as messages name it.
    var recordPath: String, shownPath: String
    let data: Data

    /// Forgets the record and hands the full read's error to `whenWrong`.
    func stop() -> Never {
        records?.forget(recordPath)
        let failure: Error
        do {
            _ = try BoardDecoder.decode(data, path: shownPath)
            failure = BoardStoreError("\(shownPath) does not read as it did when it was checked (its record is now forgotten): run the command again")
        } catch {
            failure = error
        }
        (records?.whenWrong ?? CheckedFiles.stopProgram)(failure)
    }
}
