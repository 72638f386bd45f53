import XCTest
@testable import DocketCore

/// Small hand-written histories for the metrics tests: the default stages (inbox, ideas,
/// ready, doing, review, done), day 0 = 2026-01-05 (a Monday) 00:00 UTC, times in hours.
struct FlowFixture {
    static let day0: Timestamp = 1_767_571_200  // 2026-01-05T00:00:00Z
    static let day: Timestamp = 86_400
    var items: [Item] = []
    var log: [Activity] = []

    static func at(_ days: Double) -> Timestamp { day0 + Timestamp(days * 86_400) }

    /// An item created at `created` (days) in `stage`, then moved through `moves` (days, stage);
    /// it ends in the last stage moved to (or `stage`).
    @discardableResult
    mutating func item(_ id: String, created: Double = 0, in stage: String = "ready", moves: [(Double, String)] = [],
                       points: Double? = nil, release: String? = nil, archived: Bool = false) -> String {
        var it = Item(id: id, title: "Item \(id)", stage: moves.last?.1 ?? stage, rank: "m\(id)", points: points,
                      release: release, archived: archived, created: FlowFixture.at(created),
                      updated: FlowFixture.at(moves.last?.0 ?? created))
        it.archived = archived
        items.append(it)
        log.append(Activity(at: FlowFixture.at(created), by: "t", item: id, action: "create", to: it.title))
        var from = stage
        for (t, to) in moves {
            log.append(Activity(at: FlowFixture.at(t), by: "t", item: id, action: "move", field: "stage", from: from, to: to))
            from = to
        }
        return id
    }

    func board(stages: [Stage] = Board.defaultStages(), releases: [Release] = []) -> Board {
        Board(name: "t", stages: stages, releases: releases, items: items, activity: log)
    }

    func history(now days: Double) -> FlowHistory { FlowHistory.build(board(), now: FlowFixture.at(days)) }

    static let utcDays = DayIndex(calendar: .utc)
    static let dayNumber0 = DayIndex.number(of: "2026-01-05")!
}

extension FlowHistory {
    func flow(_ id: String) -> ItemFlow { flows.first { $0.id == id }! }
}

func days(_ seconds: Timestamp?) -> Double? { seconds.map { Double($0) / 86_400 } }
