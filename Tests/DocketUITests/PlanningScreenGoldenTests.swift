import DocketCore
@testable import DocketUI
import XCTest

/// View goldens (text and style layers) of the releases screen and both roadmap layouts on
/// the demo board, at 80×24 and 160×45.
final class PlanningScreenGoldenTests: XCTestCase {
    func open(_ key: Character, width: Int, height: Int) -> AppState {
        var s = demoState(width: width, height: height)
        sendRunningJobs(&s, .key(.char(key)))
        return s
    }

    func testReleasesScreen() {
        for (w, h) in [(80, 24), (160, 45)] {
            var s = open("r", width: w, height: h)
            XCTAssertEqual(s.top.screenID, "releases")
            if w == 80 { send(&s, .key(.char("j"))) }   // 1.5, over budget, selected; at 160 it shows in the warning style
            assertGolden(render(s), "releases-\(w)x\(h)")
        }
    }

    func testReleasesScreenEditingCapacityInPlace() {
        var s = open("r", width: 80, height: 24)
        send(&s, .key(.char("l")), .key(.char("l")), .key(.char("l")), .key(.enter))
        assertGolden(render(s), "releases-editing-80x24")
    }

    func testRoadmapLanes() {
        for (w, h) in [(80, 24), (160, 45)] {
            let s = open("m", width: w, height: h)
            XCTAssertEqual(s.top.screenID, "roadmap")
            assertGolden(render(s), "roadmap-lanes-\(w)x\(h)")
        }
    }

    func testRoadmapTimeline() {
        for (w, h) in [(80, 24), (160, 45)] {
            var s = open("m", width: w, height: h)
            send(&s, .key(.tab))
            assertGolden(render(s), "roadmap-timeline-\(w)x\(h)")
        }
    }

    func testRoadmapTimelineByMonths() {
        var s = open("m", width: 80, height: 24)
        send(&s, .key(.tab), .key(.char("z")))
        assertGolden(render(s), "roadmap-timeline-months-80x24")
    }

    func testExitCriterionQuestion() throws {
        var s = demoState(width: 80, height: 24)
        let ready = try XCTUnwrap(s.board.stageIndex(id: "ready"))
        s.column = ready
        send(&s, .key(.char("L")))
        assertGolden(render(s), "exit-criterion-80x24")
    }
}
