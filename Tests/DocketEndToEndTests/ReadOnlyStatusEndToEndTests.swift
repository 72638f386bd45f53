import DocketCore
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A board file that may not be written says so from the first frame, and stops saying it
/// as soon as it may be written again (the file's folder is watched, no key needed).
final class ReadOnlyStatusEndToEndTests: TmuxTestCase {
    func testAFileWithoutWritePermissionSaysReadOnlyFromTheFirstFrame() throws {
        let t = try session()
        let (url, _) = try t.makeBoard(items: ["First item"])
        XCTAssertEqual(chmod(url.path, 0o444), 0)
        defer { chmod(url.path, 0o644) }
        try t.startDocket([url.path])
        let first = try t.waitForText("First item")
        XCTAssertTrue((screenLines(first).last ?? "").contains("read-only"), "the first frame:\n\(first)")
        XCTAssertEqual(chmod(url.path, 0o644), 0)
        try t.waitForScreen("the status line saying saved") { (screenLines($0).last ?? "").contains("saved") }
        try t.keys("q")
        XCTAssertEqual(try t.waitForExit(), 0)
    }
}
