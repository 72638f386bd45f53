/// Stable item ids for one import: the same file imported again gives the same ids, so a
/// re-import updates the items it made (`ImportedBoard.merge`) instead of duplicating them.
///
/// - `id(forKey:)`: the source's own key when `ItemID.isValid` accepts it and it is not used
///   yet (a Jira key, a CSV `id` column); else an id derived from the key.
/// - `derived(_:)`: an id derived (`ItemID.derived`) from a key and how many times that key
///   came before in the file (a title with no key of its own, a taskell list + title), so
///   two rows with the same title get two ids, the same two on every import.
/// An id already taken in this import (a derived id that clashes) is replaced by a random one.
struct ImportIDs {
    /// The ids given so far.
    private(set) var taken: Set<String> = []
    /// Key → how many times `derived` saw it.
    private var seen: [String: Int] = [:]

    /// The source's key as the id when it is valid and new; else an id derived from it.
    mutating func id(forKey key: String) -> String {
        if ItemID.isValid(key), !taken.contains(key) { taken.insert(key); return key }
        return derived(key)
    }

    /// An id derived from `key` and its occurrence count in this import.
    mutating func derived(_ key: String) -> String {
        seen[key, default: 0] += 1
        var id = ItemID.derived(from: "\(key)\u{1}\(seen[key]!)")
        if taken.contains(id) { id = ItemID.make { taken.contains($0) } }
        taken.insert(id)
        return id
    }
}
