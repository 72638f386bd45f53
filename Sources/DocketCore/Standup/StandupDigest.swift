import Foundation

/// What changed on a board since a moment, for the standup's strip and `docket standup
/// --summary`: items added, moved, finished (moved into a done stage), blocked and
/// unblocked, each with who did it, grouped by person.
public struct StandupDigest: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable { case added, moved, finished, blocked, unblocked }

    /// One change: what, to which item, by whom, when (seconds since epoch), and a detail
    /// (the stage moved to, the reason blocked).
    public struct Change: Equatable, Sendable {
        public var kind: Kind
        public var item: String
        public var title: String
        public var by: String
        public var at: Timestamp
        public var detail: String
    }

    /// Seconds since epoch the digest counts from.
    public var since: Timestamp
    public var changes: [Change]
    /// The last standup, when `since` is its end.
    public var lastStandup: StandupRecord?

    /// The changes of `board`'s activity log after `since` (entries out of order are taken
    /// by their time; an item changed several times counts once per kind, at its latest).
    public init(_ board: Board, since: Timestamp, lastStandup: StandupRecord? = nil) {
        self.since = since
        self.lastStandup = lastStandup
        let done = Set(board.stages.filter { $0.kind == .done }.map(\.id))
        let names = Dictionary(board.stages.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var latest: [String: Change] = [:]
        for a in board.activity where a.at > since {
            guard let id = a.item else { continue }
            let title = board.items[id]?.title ?? a.to ?? id
            var change: Change?
            if a.action == "create" { change = Change(kind: .added, item: id, title: title, by: a.by, at: a.at, detail: "") }
            else if a.field == "stage", let to = a.to {
                change = Change(kind: done.contains(to) ? .finished : .moved, item: id, title: title, by: a.by, at: a.at,
                                detail: names[to] ?? to)
            } else if a.field == "blocked" {
                let on = a.to == "true"
                change = Change(kind: on ? .blocked : .unblocked, item: id, title: title, by: a.by, at: a.at,
                                detail: on ? board.items[id]?.blockedReason ?? "" : "")
            }
            guard let c = change else { continue }
            let key = c.kind.rawValue + "|" + id
            if let old = latest[key], old.at > c.at { continue }
            latest[key] = c
        }
        changes = latest.values.sorted { ($0.at, $0.item, $0.kind.rawValue) < ($1.at, $1.item, $1.kind.rawValue) }
    }

    /// The changes grouped by who made them, people in name order.
    public var byPerson: [(person: String, changes: [Change])] {
        Dictionary(grouping: changes, by: \.by).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// How many changes of each kind.
    public func count(_ kind: Kind) -> Int { changes.filter { $0.kind == kind }.count }

    /// One line: `3 added · 5 moved · 2 finished · 1 blocked · 0 unblocked`.
    public var countsLine: String { Kind.allCases.map { "\(count($0)) \($0.rawValue)" }.joined(separator: " · ") }
}

/// The digest as text for a chat, Markdown for a page, or JSON for scripts.
public enum StandupSummary {
    public enum Format: String, CaseIterable, Sendable { case text, markdown, json }

    /// Renders `digest`; `calendar` gives the local times shown.
    public static func render(_ digest: StandupDigest, format: Format, calendar: LocalCalendar) -> String {
        func when(_ t: Timestamp) -> String {
            let day = calendar.day(of: t)
            let local = t + Timestamp(calendar.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t))))
            let hm = ISODate.format(local).dropFirst(11).prefix(5)
            return "\(day) \(hm)"
        }
        func line(_ c: StandupDigest.Change) -> String {
            "\(c.kind.rawValue) \(c.item) \(c.title)" + (c.detail.isEmpty ? "" : c.kind == .blocked ? " (\(c.detail))" : " → \(c.detail)")
        }
        switch format {
        case .json:
            var obj: [String: Any] = ["since": ISODate.format(digest.since), "counts": Dictionary(uniqueKeysWithValues:
                StandupDigest.Kind.allCases.map { ($0.rawValue, digest.count($0)) })]
            obj["changes"] = digest.changes.map { ["kind": $0.kind.rawValue, "item": $0.item, "title": $0.title, "by": $0.by,
                                                    "at": ISODate.format($0.at), "detail": $0.detail] }
            if let s = digest.lastStandup {
                obj["lastStandup"] = ["facilitator": s.facilitator, "started": ISODate.format(s.started), "ended": ISODate.format(s.ended),
                                      "walk": s.walk, "spoke": s.spoke, "parked": s.parked, "seconds": s.seconds] as [String: Any]
            }
            let data = (try? JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        case .markdown:
            var out = "## Since \(when(digest.since))\n\n\(digest.countsLine)\n"
            for (person, changes) in digest.byPerson {
                out += "\n### \(person)\n\n" + changes.map { "- " + line($0) }.joined(separator: "\n") + "\n"
            }
            if let s = digest.lastStandup, !s.parked.isEmpty { out += "\nParked at the last standup: " + s.parked.joined(separator: ", ") + "\n" }
            return out
        case .text:
            var out = "Since \(when(digest.since)): \(digest.countsLine)\n"
            for (person, changes) in digest.byPerson {
                out += "\(person):\n" + changes.map { "  " + line($0) }.joined(separator: "\n") + "\n"
            }
            if digest.changes.isEmpty { out += "No changes.\n" }
            if let s = digest.lastStandup, !s.parked.isEmpty { out += "Parked at the last standup: " + s.parked.joined(separator: ", ") + "\n" }
            return out
        }
    }
}
