import Foundation

/// Runs `body` with a new empty folder in the temporary directory (named `prefix-UUID`), removed
/// afterwards whatever `body` does. For tests that write board files and records.
public func withTemporaryFolder<T>(_ prefix: String, _ body: (URL) throws -> T) throws -> T {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    return try body(dir)
}
