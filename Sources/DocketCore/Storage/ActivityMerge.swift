/// Merges two versions of a board's append-only activity log as a union: every entry that
/// is in either side is in the result, and an entry both sides hold is in it once (as many
/// times as the side holding it more often has it). So a merge never logs again what the
/// other side already logged, however the two logs got their entries (a side that took in a
/// merge holds the other's entries too, in another order), and no entry is dropped.
///
/// Order: the longest common prefix of both logs, then the rest of ours, with the entries
/// only theirs has woven in by time (`at`; ours first on a tie): logs that are in time order
/// stay in time order. Cost: the length of the common prefix plus the tails, hashed.
///
/// The base is not needed: entries are never removed from a log, so "in base, missing on one
/// side" does not happen; two entries equal in every field (time to the second, person,
/// item, action, field, values) are taken for one fact.
enum ActivityMerge {
    static func union(ours: ActivityLog, theirs: ActivityLog) -> [Activity] {
        var common = 0
        let shorter = min(ours.count, theirs.count)
        while common < shorter, ours[common] == theirs[common] { common += 1 }
        if common == theirs.count { return Array(ours) }
        if common == ours.count { return Array(theirs) }
        let mine = Array(ours[common...])
        var held: [Activity: Int] = [:]
        for e in mine { held[e, default: 0] += 1 }
        var extra: [Activity] = []
        for e in theirs[common...] {
            if let n = held[e], n > 0 { held[e] = n - 1 } else { extra.append(e) }
        }
        var out = Array(ours[..<common])
        out.reserveCapacity(common + mine.count + extra.count)
        var i = 0, j = 0
        while i < mine.count || j < extra.count {
            if j == extra.count || (i < mine.count && mine[i].at <= extra[j].at) { out.append(mine[i]); i += 1 }
            else { out.append(extra[j]); j += 1 }
        }
        return out
    }
}
