import Foundation
import XCTest
import DocketCore

final class BoardLocatorTests: XCTestCase {
    func testFindsTheBoardInAParentFolder() throws {
        let root = try makeTempFolder(self)
        let deep = root.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let board = root.appendingPathComponent("a/docket.json")
        try Data("{}".utf8).write(to: board)
        XCTAssertEqual(BoardLocator.find(from: deep)?.path, board.path)
        XCTAssertEqual(BoardLocator.find(from: root.appendingPathComponent("a"))?.path, board.path)
        XCTAssertEqual(try BoardLocator.resolve(nil, cwd: deep).path, board.path)

        let nearer = root.appendingPathComponent("a/b/docket.json")
        try Data("{}".utf8).write(to: nearer)
        XCTAssertEqual(BoardLocator.find(from: deep)?.path, nearer.path, "the nearest board wins")
    }

    func testNoBoardAboveGivesNilAndAHelpfulError() throws {
        let root = try makeTempFolder(self)
        var dir = root
        while dir.path != "/" {
            dir = dir.deletingLastPathComponent()
            try XCTSkipIf(FileManager.default.fileExists(atPath: dir.appendingPathComponent("docket.json").path),
                          "a docket.json exists above the temporary folder, in \(dir.path)")
        }
        XCTAssertNil(BoardLocator.find(from: root))
        XCTAssertThrowsError(try BoardLocator.resolve(nil, cwd: root)) {
            XCTAssertTrue("\($0)".contains("docket init"), "\($0)")
        }
    }

    func testAnExplicitPathIsRelativeToTheWorkingFolder() throws {
        let root = try makeTempFolder(self)
        XCTAssertEqual(try BoardLocator.resolve("boards/../plan.json", cwd: root).path, root.appendingPathComponent("plan.json").path)
        XCTAssertEqual(try BoardLocator.resolve("/abs/plan.json", cwd: root).path, "/abs/plan.json")
    }
}
