import DocketCore
@testable import DocketUI
import Foundation
import XCTest

/// The README's key tables are the keymaps: they can never drift.
final class ReadmeKeysTests: XCTestCase {
    func testReadmeKeyTablesMatchTheKeymaps() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let begin = try XCTUnwrap(readme.range(of: "<!-- keys:begin (generated: `docket keys --markdown`) -->\n"), "README lacks the keys block")
        let end = try XCTUnwrap(readme.range(of: "<!-- keys:end -->"))
        let block = String(readme[begin.upperBound..<end.lowerBound])
        let expected = KeyReference.markdown(.standard)
        XCTAssertEqual(block, expected, "README's key tables differ from the keymaps: paste `docket keys --markdown` between the markers")
        for screen in Screens.all {
            XCTAssertTrue(block.contains("(`[\(screen.id)]`)") || screen.defaultTable.bindings.isEmpty, "README lists \(screen.id)")
        }
    }
}
