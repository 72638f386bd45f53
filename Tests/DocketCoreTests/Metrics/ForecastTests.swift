import XCTest
@testable import DocketCore

/// The Monte Carlo forecast against distributions whose answer is known exactly.
final class ForecastTests: XCTestCase {
    /// P(Binomial(n, 1/2) ≥ k), exactly (as a Double).
    func binomialAtLeast(_ k: Int, _ n: Int) -> Double {
        guard k <= n else { return 0 }
        var total = 0.0, c = 1.0   // C(n, 0)
        for i in 0...n {
            if i >= k { total += c }
            c = c * Double(n - i) / Double(i + 1)
        }
        return total / pow(2, Double(n))
    }

    func testConstantThroughputGivesOneExactAnswer() {
        var rng = SeededGenerator(seed: 7)
        let runs = MonteCarlo.daysToFinish(30, samples: [2, 2, 2], runs: 1_000, generator: &rng)
        XCTAssertEqual(Set(runs), [15])
        let many = MonteCarlo.itemsDone(inDays: 9, samples: [3], runs: 100, generator: &rng)
        XCTAssertEqual(Set(many), [27])
    }

    func testDaysToFinishFollowTheNegativeBinomial() {
        // Each day finishes 0 or 1 item with chance 1/2: the days needed for 10 items follow a
        // negative binomial; its p-th percentile is the least d with P(Bin(d, ½) ≥ 10) ≥ p.
        var rng = SeededGenerator(seed: 12)
        let runs = MonteCarlo.daysToFinish(10, samples: [0, 1], runs: 10_000, generator: &rng)
        for p in [50.0, 85, 95] {
            let exact = (10...100).first { binomialAtLeast(10, $0) >= p / 100 }!
            let simulated = Percentile.of(sorted: runs, p)!
            XCTAssertLessThanOrEqual(abs(simulated - exact), 1, "percentile \(p): simulated \(simulated), exact \(exact)")
        }
        let mean = Double(runs.reduce(0, +)) / Double(runs.count)
        XCTAssertEqual(mean, 20, accuracy: 0.25)   // k / p = 20; the mean's standard error is 0.045
    }

    func testItemsDoneFollowTheBinomial() {
        var rng = SeededGenerator(seed: 3)
        let runs = MonteCarlo.itemsDone(inDays: 20, samples: [0, 1], runs: 10_000, generator: &rng)
        // "At least N with 85 % confidence": the largest N with P(Bin(20, ½) ≥ N) ≥ 0.85.
        let exact85 = (0...20).last { binomialAtLeast($0, 20) >= 0.85 }!
        XCTAssertLessThanOrEqual(abs(Percentile.of(sorted: runs, 15)! - exact85), 1)
        XCTAssertEqual(Double(runs.reduce(0, +)) / 10_000, 10, accuracy: 0.15)
    }

    /// 24 items finished, two a day on Mondays to Thursdays, in the three weeks before day 21;
    /// 12 of them and 6 open items in release 1.0.
    func history() -> (FlowHistory, Int) {
        var f = FlowFixture()
        var n = 0
        for week in 0..<3 {
            for weekday in 0..<4 {
                for _ in 0..<2 {
                    let t = Double(week * 7 + weekday) + 0.5
                    f.item("i\(n)", created: t - 0.4, moves: [(t - 0.2, "doing"), (t, "done")], release: n % 2 == 0 ? "1.0" : nil)
                    n += 1
                }
            }
        }
        for k in 0..<6 { f.item("open\(k)", created: 20, release: "1.0") }
        let board = f.board(releases: [Release(name: "1.0", target: "2026-02-01")])
        return (FlowHistory.build(board, now: FlowFixture.at(21)), FlowFixture.dayNumber0 + 21)
    }

    func testSameSeedSameAnswerAndReleaseForecast() throws {
        let (h, today) = history()
        let settings = ForecastSettings(weeks: 3, runs: 2_000, seed: 42)
        let a = try Forecast.when(items: 30, target: "2026-02-15", history: h, today: today, settings: settings, days: FlowFixture.utcDays)
        let b = try Forecast.when(items: 30, target: "2026-02-15", history: h, today: today, settings: settings, days: FlowFixture.utcDays)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.finishedInWindow, 24)
        XCTAssertEqual(a.distribution.reduce(0) { $0 + $1.runs }, 2_000)
        XCTAssertLessThanOrEqual(a.p50!, a.p85!)
        XCTAssertLessThanOrEqual(a.p85!, a.p95!)
        // 12 of 21 days finish 2 items (24 / 21 a day): 30 items need about 30 × 21 / 24 ≈ 26 days.
        let d50 = DayIndex.number(of: a.p50!)! - today
        XCTAssertTrue((24...29).contains(d50), "\(d50)")
        let release = try Forecast.release("1.0", board: Board(name: "x", stages: Board.defaultStages(),
                                                                releases: [Release(name: "1.0", target: "2026-02-01")]),
                                           history: h, today: today, settings: settings, days: FlowFixture.utcDays)
        XCTAssertEqual(release.items, 6)
        XCTAssertEqual(release.target, "2026-02-01")
        XCTAssertNotNil(release.chanceByTarget)
        XCTAssertThrowsError(try Forecast.release("9.9", board: Board(name: "x", stages: []), history: h, today: today,
                                                  settings: settings, days: FlowFixture.utcDays)) { error in
            XCTAssertEqual(error as? ForecastError, .noSuchRelease("9.9"))
        }
        let many = try Forecast.howMany(until: today + 21, history: h, today: today, settings: settings, days: FlowFixture.utcDays)
        XCTAssertGreaterThanOrEqual(many.p50, many.p85)
        XCTAssertGreaterThanOrEqual(many.p85, many.p95)
        XCTAssertTrue((21...27).contains(many.p50), "\(many.p50)")   // 24 on average in 21 days
    }

    func testTooLittleHistoryIsSaidPlainly() {
        let (h, today) = history()
        // One week back holds 8 finished items: fewer than 10.
        XCTAssertThrowsError(try Forecast.when(items: 5, history: h, today: today, settings: ForecastSettings(weeks: 1),
                                               days: FlowFixture.utcDays)) { error in
            XCTAssertEqual(error as? ForecastError, .tooLittleHistory(finished: 8, weeks: 1))
            XCTAssertTrue("\(error)".contains("only 8 items were finished in the last 1 weeks"), "\(error)")
        }
        // Long after: no throughput in the window at all.
        XCTAssertThrowsError(try Forecast.when(items: 5, history: h, today: today + 100, settings: ForecastSettings(weeks: 2),
                                               days: FlowFixture.utcDays)) { error in
            XCTAssertTrue("\(error)".contains("no item was finished"), "\(error)")
        }
    }
}
