/// Merges two versions of a board's append-only activity log as a union: every entry that
/// is in either side is in the result, and an entry both sides hold is in it once (as many
/// times as the side holding it more often has it). So a merge never logs again what the
/// other side already logged, however the two logs got their entries (a side that took in a
/// merge holds the other's entries too, in another order), and no entry is dropped.
///
/// Order: the longest common prefix of both logs, then every entry after it, from both sides,
/// by time (`at`), and entries of the same second by their other fields (`Activity.logOrder`).
/// That order does not depend on which side merges: two open sessions that each took in the
/// other's entries of one second write the same file and stop (with "ours first on a tie",
/// each wrote its own entry first, saw the other's file as a change, and they rewrote the file
/// in turn for as long as both were open). Logs in time order stay in time order. Cost: the
/// length of the common prefix plus the tails, hashed and sorted.
///
/// The base is not needed: entries are never removed from a log, so "in base, missing on one
/// side" does not happen; two entries equal in every field (time to the second, person,
/// item, action, field, values) are taken for one fact.
enum ActivityMerge {
    /// The union; a side that holds all of the other's entries first is returned as it is
    /// (sharing its storage).
    static func union(ours: ActivityLog, theirs: ActivityLog) -> ActivityLog {
        if ours.starts(withLog: theirs) { return ours }
        if theirs.starts(withLog: ours) { return theirs }
        var common = 0
        let shorter = min(ours.count, theirs.count)
        while common < shorter, ours[common] == theirs[common] { common += 1 }
        let mine = Array(ours[common...])
        var held: [Activity: Int] = [:]
        for e in mine { held[e, default: 0] += 1 }
        var extra: [Activity] = []
        for e in theirs[common...] {
            if let n = held[e], n > 0 { held[e] = n - 1 } else { extra.append(e) }
        }
        var out = Array(ours[..<common])
        out.reserveCapacity(common + mine.count + extra.count)
        out += (mine + extra).sorted(by: Activity.logOrder)
        return ActivityLog(out)
    }
}

extension Activity {
    /// The order of a merged log's entries after what both sides share (`ActivityMerge`): by
    /// time, then by person, item, action, field and values, so that it is the same whichever
    /// side merges. Entries equal in every field are one fact, and their order does not matter.
    static func logOrder(_ a: Activity, _ b: Activity) -> Bool {
        if a.at != b.at { return a.at < b.at }
        return (a.by, a.item ?? "", a.action, a.field ?? "", a.from ?? "", a.to ?? "")
            < (b.by, b.item ?? "", b.action, b.field ?? "", b.from ?? "", b.to ?? "")
    }
}
