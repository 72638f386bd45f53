/// A release's burn-up: for each day, its scope (items and story points in the release at the
/// end of the day) and how much of it was done. `added`/`removed` count the items that joined
/// or left the release that day, so scope changes are visible.
///
/// Rules: an item's release over time comes from the log's `release` changes (its first
/// release is the `from` of the earliest change, else its release now); points are the
/// item's points now; an item counts as done from its last entry into done (see `ItemFlow`);
/// a discarded item leaves the scope on the day it was archived.
public struct BurnUp: Equatable, Codable, Sendable {
    public struct Day: Equatable, Codable, Sendable {
        public var day: String
        public var scopeItems: Int
        public var scopePoints: Double
        public var doneItems: Int
        public var donePoints: Double
        public var added: Int
        public var removed: Int
    }
    public var release: String
    public var target: String?
    public var days: [Day]
}

extension FlowHistory {
    /// The burn-up of `release` (a `Release.name`) from day number `firstDay` to `lastDay`.
    public func burnUp(release: String, target: String? = nil, from firstDay: Int, to lastDay: Int, days: DayIndex) -> BurnUp {
        let n = max(0, lastDay - firstDay + 1)
        var scope = [Int](repeating: 0, count: n + 1), scopePts = [Double](repeating: 0, count: n + 1)
        var done = [Int](repeating: 0, count: n + 1), donePts = [Double](repeating: 0, count: n + 1)
        var added = [Int](repeating: 0, count: n + 1), removed = [Int](repeating: 0, count: n + 1)
        func span(_ a: Int, _ b: Int, _ pts: Double, _ c: inout [Int], _ p: inout [Double]) {
            let from = max(0, a), until = min(n, b)
            guard from < n, until > from else { return }
            c[from] += 1; c[until] -= 1; p[from] += pts; p[until] -= pts
        }
        for f in flows {
            let stays = releaseStays(f).filter { $0.release == release }
            let pts = f.points ?? 0
            let leave = f.discardedAt.map { days.day($0) - firstDay } ?? Int.max / 2
            for stay in stays {
                let a = days.day(stay.start) - firstDay
                let b = min(stay.end.map { days.day($0) - firstDay } ?? Int.max / 2, leave)
                guard b > a else { continue }
                span(a, b, pts, &scope, &scopePts)
                if a >= 0, a < n { added[a] += 1 }
                if b >= 0, b < n { removed[b] += 1 }
                if let d = f.doneAt { span(max(a, days.day(d) - firstDay), b, pts, &done, &donePts) }
            }
        }
        var out: [BurnUp.Day] = []
        var s = 0, sp = 0.0, d = 0, dp = 0.0
        for k in 0..<n {
            s += scope[k]; sp += scopePts[k]; d += done[k]; dp += donePts[k]
            out.append(.init(day: DayIndex.text(firstDay + k), scopeItems: s, scopePoints: sp, doneItems: d,
                             donePoints: dp, added: added[k], removed: removed[k]))
        }
        return BurnUp(release: release, target: target, days: out)
    }

    /// An item's stays in releases (nil release: in none), from its log's `release` changes.
    func releaseStays(_ f: ItemFlow) -> [(release: String?, start: Timestamp, end: Timestamp?)] {
        let changes = (releaseChanges[f.id] ?? []).enumerated()
            .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        let clamp = { (t: Timestamp) in min(max(t, f.created), max(self.now, f.created)) }
        var current: String? = changes.first.map { $0.from } ?? f.release
        var start = f.created
        var out: [(release: String?, start: Timestamp, end: Timestamp?)] = []
        for c in changes where c.to != current {
            let at = clamp(c.at)
            out.append((current, start, at))
            current = c.to; start = at
        }
        if current != f.release { out.append((current, start, start)); current = f.release }
        out.append((current, start, nil))
        return out.filter { $0.release != nil && !($0.release!.isEmpty) }
    }
}
