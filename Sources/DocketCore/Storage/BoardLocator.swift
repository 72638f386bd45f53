import Foundation

/// Finds the board file the way git finds `.git`: `docket.json` in the current folder, then
/// in each parent folder up to the root.
public enum BoardLocator {
    /// The default board file name.
    public static let fileName = "docket.json"

    /// The nearest `docket.json` at or above `folder`, or nil when there is none.
    public static func find(from folder: URL) -> URL? {
        var dir = folder.standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// The board named on the command line (`explicit`), else the nearest `docket.json`.
    /// Throws a message that says where it looked when there is none.
    public static func resolve(_ explicit: String?, cwd: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws -> URL {
        if let explicit {
            // Relative to the folder itself: a base URL without a trailing slash would resolve
            // against its parent.
            let folder = URL(fileURLWithPath: cwd.path, isDirectory: true)
            return URL(fileURLWithPath: explicit, relativeTo: folder).standardizedFileURL
        }
        if let found = find(from: cwd) { return found }
        throw BoardStoreError("no \(fileName) in \(cwd.path) or its parents: create one with `docket init`, or try `docket demo`")
    }
}

/// A storage failure, with a message for the user.
public struct BoardStoreError: Error, CustomStringConvertible, Equatable, Sendable {
    public var description: String
    public init(_ message: String) { description = message }
}
