/// History that importers bring with the items (Trello actions, Jira dates, GitHub's
/// created/closed times) as activity entries with the source's times and people, so flow
/// metrics work on the first day. Entries refer to the import's stage ids (mapped to the
/// board's by `merge`/`makeBoard`) and item ids. Stage entries use field `stage`; a `from` of
/// nil means "not known" (see `ItemTimeline.build`).
extension Board {
    /// Appends the entries of `history` the log does not hold yet (same time, item, action,
    /// field, values and person), with stage ids mapped by `stageMap` (import id → board id).
    /// So a re-import adds only history not yet present. Entries for items the board does not
    /// have are left out. The log stays append-only: the old times land after newer entries,
    /// and metrics order entries by time.
    mutating func addImportedHistory(_ history: [Activity], stageMap: [String: String]) {
        guard !history.isEmpty else { return }
        let ids = Set(history.compactMap(\.item))
        var present = Set<HistoryKey>()
        for e in activity where e.item.map(ids.contains) == true { present.insert(HistoryKey(e)) }
        for var e in history {
            guard let id = e.item, items[id] != nil else { continue }
            if e.field == "stage" {
                e.from = e.from.map { stageMap[$0] ?? $0 }
                e.to = e.to.map { stageMap[$0] ?? $0 }
            }
            guard present.insert(HistoryKey(e)).inserted else { continue }
            activity.append(e)
        }
    }
}

/// What makes two activity entries the same history.
private struct HistoryKey: Hashable {
    var at: Timestamp, by: String, item: String?, action: String, field: String?, from: String?, to: String?
    init(_ e: Activity) { at = e.at; by = e.by; item = e.item; action = e.action; field = e.field; from = e.from; to = e.to }
}
