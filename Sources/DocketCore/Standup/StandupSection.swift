/// The stakeholder report's "Since the last standup" section: the digest's counts and its
/// changes by person (times in UTC, as the rest of the report).
enum StandupSection {
    static func lines(_ board: Board, now: Timestamp) -> [String] {
        let last = StandupRecord.last(in: board)
        let since = SinceLastStandup.start(board, now: now, calendar: .utc)
        let digest = StandupDigest(board, since: since, lastStandup: last)
        var out = ["", "## Since the last standup", ""]
        out.append(last.map { "Last standup: \(ISODate.format($0.ended)), facilitated by \($0.facilitator)." }
                   ?? "No standup recorded yet: changes since \(ISODate.format(since)) (the previous working day).")
        out += ["", digest.countsLine]
        for (person, changes) in digest.byPerson {
            out += ["", "### \(ReportExport.text(person))", ""]
            for c in changes {
                out.append("- \(c.kind.rawValue) `\(c.item)` \(ReportExport.text(c.title))" + (c.detail.isEmpty ? "" : c.kind == .blocked ? " (\(ReportExport.text(c.detail)))" : " → \(ReportExport.text(c.detail))"))
            }
        }
        return out
    }
}
