/// Short forms of long item ids, for cards and lists: a 24-character Trello id would fill
/// a card's second line.
extension Board {
    /// The fewest characters a short id has.
    public static let shortIDMinimum = 4

    /// The id as cards show it: an id of at most `ItemID.length` characters, or shaped like a
    /// Jira key (`K608-12`, letters and digits, a dash, digits), as it is; a longer one as its
    /// shortest prefix of at least `shortIDMinimum` characters that no other long id starts
    /// with. `item(matching:)` accepts that form even when a short id shares the prefix.
    public func shortID(_ id: String) -> String {
        let chars = Array(id.utf8)
        guard chars.count > ItemID.length, !Self.isKeyLike(chars) else { return id }
        let longIDs = self.longIDs
        let i = Self.lowerBound(longIDs, id)
        var need = Self.shortIDMinimum
        for j in [i - 1, i + 1] where j >= 0 && j < longIDs.count && longIDs[j] != id {
            need = max(need, Self.commonPrefix(chars, Array(longIDs[j].utf8)) + 1)
        }
        return String(decoding: chars.prefix(need), as: UTF8.self)
    }

    /// `KEY-123`: letters and digits, then `-` and digits only.
    static func isKeyLike(_ c: [UInt8]) -> Bool {
        guard let dash = c.lastIndex(of: 45), dash > 0, dash < c.count - 1 else { return false }
        let isDigit = { (b: UInt8) in b >= 48 && b <= 57 }
        let isAlnum = { (b: UInt8) in isDigit(b) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        return c[..<dash].allSatisfy(isAlnum) && c[(dash + 1)...].allSatisfy(isDigit)
    }

    private static func commonPrefix(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var n = 0
        while n < a.count, n < b.count, a[n] == b[n] { n += 1 }
        return n
    }

    private static func lowerBound(_ list: [String], _ id: String) -> Int {
        var lo = 0, hi = list.count
        while lo < hi { let mid = (lo + hi) / 2; if list[mid] < id { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// Adds or removes one long id, keeping the list sorted (`ColumnIndex.longIDs`).
    static func noteLongID(_ id: String, present: Bool, in longIDs: inout [String]) {
        let i = lowerBound(longIDs, id)
        let there = i < longIDs.count && longIDs[i] == id
        if present, !there { longIDs.insert(id, at: i) } else if !present, there { longIDs.remove(at: i) }
    }
}
