import DocketCore
import Foundation

/// `DocketBench --metrics-digest N`: a messy seeded history of `N` items (moves backwards and
/// forwards, skipped stages, entries out of order, clocks ahead and behind, stages that no
/// longer exist, imports without a `from`, archives, re-opens, release changes), then every
/// figure the metrics compute, one line each. Two versions of the metrics code give the same
/// text when they compute the same thing: a check for speed work (run before, run after, diff).
func metricsDigest(items count: Int) throws {
    let day: Timestamp = 86_400, now: Timestamp = 1_795_953_600
    let start = now - 200 * day
    var rng = SeededGenerator(seed: 7)
    let stages = Board.defaultStages()
    let names = stages.map(\.id) + ["qa", "gone"]
    let releases = [Release(name: "1.0", target: "2026-12-31"), Release(name: "2.0")]
    var items: [Item] = [], log: [Activity] = []
    for i in 0..<count {
        let id = GeneratedHistoryBoard.id(i)
        let created = start + Timestamp(rng.below(190 * 86_400))
        var t = created, stage = names[rng.below(3)]
        let first = stage
        var release: String? = rng.below(3) == 0 ? "1.0" : nil
        log.append(Activity(at: t, by: "gen", item: id, action: "create", to: "Item \(i)"))
        for _ in 0..<rng.below(8) {
            t += Timestamp(rng.below(5 * 86_400)) - (rng.below(10) == 0 ? 3 * day : 0)
            let next = names[rng.below(names.count)]
            let from: String? = rng.below(12) == 0 ? nil : (rng.below(15) == 0 ? "ideas" : stage)
            log.append(Activity(at: t, by: "gen", item: id, action: "move", field: "stage", from: from, to: next))
            stage = next
            if rng.below(6) == 0 {
                let to: String? = [nil, "1.0", "2.0"][rng.below(3)]
                log.append(Activity(at: t + 60, by: "gen", item: id, action: "edit", field: "release", from: release, to: to))
                release = to
            }
        }
        var archived = false
        if rng.below(8) == 0 {
            archived = true
            log.append(Activity(at: t + Timestamp(rng.below(86_400)), by: "gen", item: id, action: "archive", field: "archived", from: "false", to: "true"))
        }
        if rng.below(20) == 0 { stage = first }   // the log ends elsewhere than the item's stage
        let end = stage == "qa" || stage == "gone" ? "review" : stage
        items.append(Item(id: id, title: "Item \(i)", stage: end, rank: "m", points: rng.below(4) == 0 ? nil : Double(rng.below(8)),
                          release: release, archived: archived, created: created, updated: t + Timestamp(rng.below(3_600))))
    }
    // Out of order: swap a few entries.
    for _ in 0..<(log.count / 20) { log.swapAt(rng.below(log.count), rng.below(log.count)) }
    let board = Board(name: "digest", stages: stages, releases: releases, items: items, activity: log)
    let calendar = LocalCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
    let m = FlowMetrics(board, now: now, windowDays: 84, calendar: calendar)
    var out: [String] = []
    let t = { (v: Timestamp?) in v.map(String.init) ?? "-" }
    for f in m.history.flows {
        let stay = f.timeInStage.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        out.append("\(f.id) c\(f.created) s\(t(f.startedAt)) d\(t(f.doneAt)) x\(t(f.discardedAt)) \(f.stage)@\(f.enteredStage) "
                   + "l\(t(f.leadTime)) y\(t(f.cycleTime)) p\(f.points.map { "\($0)" } ?? "-") r\(f.release ?? "-") [\(stay)]")
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    out.append(String(decoding: try encoder.encode(m.report), as: UTF8.self))
    out.append(String(decoding: try encoder.encode(m.history.cumulativeFlow(from: m.lastDay - 199, to: m.lastDay, days: m.days)), as: UTF8.self))
    out.append(String(decoding: try encoder.encode(m.history.periods(.day, from: m.lastDay - 199, to: m.lastDay, days: m.days)), as: UTF8.self))
    for r in releases { out.append(String(decoding: try encoder.encode(m.burnUp(r)), as: UTF8.self)) }
    out.append(String(decoding: try encoder.encode(m.history.stageSpreads(since: 0).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }), as: UTF8.self))
    print(out.joined(separator: "\n"))
}
