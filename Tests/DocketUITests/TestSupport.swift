import DocketCore
@testable import DocketUI
import Foundation
import XCTest
@_exported import DocketTestSupport

/// A fixed clock for tests: 2026-11-29T12:00:00Z.
let testNow: Timestamp = 1_795_953_600

/// The demo board in an app state of the given size.
func demoState(width: Int = 80, height: Int = 24) -> AppState {
    var s = AppState(board: DemoBoard.make(now: testNow, user: "test"), user: "test", fileLabel: "docket.json",
                     size: Size(width: width, height: height))
    s.keepSelectionVisible()
    return s
}

/// Feeds events to `update`, returning all effects.
@discardableResult
func send(_ state: inout AppState, _ events: Event...) -> [Effect] {
    events.flatMap { update(&state, $0, now: testNow) }
}

/// Feeds a list of events to `update`, returning all effects.
@discardableResult
func send(_ state: inout AppState, _ events: [Event]) -> [Effect] {
    events.flatMap { update(&state, $0, now: testNow) }
}

/// Feeds events to `update` and runs the background jobs they ask for (`Effect.compute`) at
/// once, as the runtime does on another thread, feeding their results back.
@discardableResult
func sendRunningJobs(_ state: inout AppState, _ events: Event...) -> [Effect] {
    var effects: [Effect] = []
    var queue = events
    while !queue.isEmpty {
        let fx = update(&state, queue.removeFirst(), now: testNow)
        for case .compute(let job) in fx { queue.append(.computed(job.run())) }
        effects += fx
    }
    return effects
}

/// Key events for each character of `text`.
func typed(_ text: String) -> [Event] { text.map { .key(.char($0)) } }

/// Compares a canvas with its golden file: the text, then a second layer with the style
/// role of every cell (`Canvas.renderStyles`) and a legend of the roles used, so a style
/// regression fails like a text one.
func assertGolden(_ canvas: Canvas, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    let used = Set(canvas.cells.map(\.role))
    let legend = StyleRole.allCases.filter { used.contains($0) }.map { "\($0.code)=\($0.rawValue)" }.joined(separator: " ")
    assertGolden(canvas.renderText() + "── styles: \(legend)\n" + canvas.renderStyles(), name, file: file, line: line)
}

/// Compares `text` with the golden file `Goldens/NAME.txt`. With `UPDATE_GOLDENS=1` in the
/// environment the golden is (re)written instead, and the test fails so it is not forgotten.
func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().appendingPathComponent("Goldens/\(name).txt")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url)
        XCTFail("wrote golden \(name); rerun without UPDATE_GOLDENS", file: file, line: line)
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        XCTFail("missing golden \(url.path): run with UPDATE_GOLDENS=1 to create it", file: file, line: line)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != text {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDiff = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        XCTFail("""
            \(name) differs from its golden at line \(firstDiff + 1):
            expected: \(firstDiff < a.count ? String(a[firstDiff]) : "<end>")
            actual:   \(firstDiff < b.count ? String(b[firstDiff]) : "<end>")
            (rerun with UPDATE_GOLDENS=1 to accept)
            """, file: file, line: line)
    }
}
