import Foundation
import XCTest
@_exported import DocketTestSupport
@testable import DocketCore

/// A fresh empty folder under the temporary directory, removed when the test ends.
func makeTempFolder(_ test: XCTestCase, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("docket-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock {
        // Make it writable again in case a test took the write permission away.
        chmod(url.path, 0o755)
        try? FileManager.default.removeItem(at: url)
    }
    return url
}

/// Runs `body` with this process's file-size limit (RLIMIT_FSIZE) set to `bytes` and SIGXFSZ
/// ignored (else the kernel kills the process at the limit), then restores both. A write
/// over the limit fails with EFBIG, as on a full disk; this works as root too.
func withFileSizeLimit<T>(_ bytes: Int, _ body: () throws -> T) rethrows -> T {
    var saved = rlimit()
    getrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved)
    let oldHandler = signal(SIGXFSZ, SIG_IGN)
    var limit = saved
    limit.rlim_cur = rlim_t(bytes)
    setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit)
    defer {
        setrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved)
        signal(SIGXFSZ, oldHandler)
    }
    return try body()
}

/// The names in `folder`, sorted.
func files(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
}

/// A file in the test bundle's Fixtures folder.
func fixture(_ name: String) throws -> Data {
    guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
        throw XCTSkip("the Fixtures folder is missing from the test bundle")
    }
    return try Data(contentsOf: folder.appendingPathComponent(name))
}

/// The project's shared data folder: `../shared/data` beside the repository root (this file
/// is `<root>/Tests/DocketCoreTests/TestSupport.swift`). Throws `XCTSkip` when it is absent.
func sharedData(_ name: String) throws -> Data {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url = root.deletingLastPathComponent().appendingPathComponent("shared/data").appendingPathComponent(name)
    guard FileManager.default.fileExists(atPath: url.path) else {
        throw XCTSkip("\(url.standardizedFileURL.path) is absent: the shared test data folder is not on this machine")
    }
    return try Data(contentsOf: url)
}

/// A board with the default stages and a few items, for editing and storage tests.
func sampleBoard(at time: Timestamp = 1_795_961_100) throws -> Board {
    var board = Board(name: "Sample", stages: Board.defaultStages())
    try board.addItem(title: "First", stage: "ready", priority: .must, points: 3, labels: ["api"], assignees: ["ann"],
                      id: "aaaa0001", by: "ann", at: time)
    try board.addItem(title: "Second \"quoted\"\nline two\ttab \u{1} ctrl 🚀 日本語", stage: "ready", type: .bug,
                      points: 0.5, release: "1.0", description: "Multi\nline\ndescription", id: "aaaa0002", by: "ann", at: time + 1)
    try board.addItem(title: "Third", stage: "doing", type: .spike, priority: .wont, id: "aaaa0003", by: "bob", at: time + 2)
    return board
}
