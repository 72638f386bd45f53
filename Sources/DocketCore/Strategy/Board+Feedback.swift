import Foundation

/// Recording and linking customer feedback: each change one undoable edit of the header,
/// logged as a `feedback` activity entry.
extension Board {
    /// Records a note. `date` is a calendar day `YYYY-MM-DD` (the caller's today by default);
    /// `items` are item queries (`item(matching:)`). Throws `DocketError.invalidValue` for an
    /// empty text or source or an invalid date, and `.noSuchItem`/`.ambiguousItem`; nothing
    /// changes then.
    @discardableResult
    public mutating func addFeedback(_ text: String, from: String, importance: Importance, date: String,
                                     items queries: [String] = [], by user: String, at time: Timestamp) throws -> (note: FeedbackNote, edit: Edit) {
        let note = try makeFeedback(text, from: from, importance: importance, date: date, items: queries, by: user)
        let edit = try changeStrategy("recorded feedback \(note.id) from \(note.from)", action: "feedback", by: user, at: time) {
            $0.notes.append(note)
        }
        return (note, edit)
    }

    /// A note checked and given a fresh id, not yet added (see `addFeedback`; batches add many at once).
    public func makeFeedback(_ text: String, from: String, importance: Importance, date: String, items queries: [String] = [],
                             by user: String, avoiding more: Set<String> = []) throws -> FeedbackNote {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let from = from.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw DocketError.invalidValue(field: "feedback text", value: text, expected: "some text") }
        guard !from.isEmpty else { throw DocketError.invalidValue(field: "--from", value: from, expected: "a customer or source (Acme GmbH, support)") }
        guard date.count == 10, ISODate.parse(date) != nil else { throw DocketError.invalidValue(field: "date", value: date, expected: "a date YYYY-MM-DD") }
        var ids: [String] = []
        for q in queries { let id = try item(matching: q).id; if !ids.contains(id) { ids.append(id) } }
        let taken = Set(strategy.notes.map(\.id)).union(more)
        return FeedbackNote(id: ItemID.make { taken.contains($0) }, text: text, from: from, date: date,
                            importance: importance, by: user, items: ids)
    }

    /// Finds a note by its id or a unique id prefix. Throws `DocketError.invalidValue` naming the query.
    public func feedbackNote(matching query: String) throws -> FeedbackNote {
        let q = query.lowercased()
        if let n = strategy.notes.first(where: { $0.id == q }) { return n }
        let found = q.isEmpty ? [] : strategy.notes.filter { $0.id.hasPrefix(q) }
        if found.count == 1 { return found[0] }
        throw DocketError.invalidValue(field: "feedback note", value: query,
                                       expected: found.isEmpty ? "a note's id (docket feedback list)" : "one note, not \(found.count)")
    }

    /// Links (or with `link` false unlinks) a note to items. Throws like `feedbackNote(matching:)`
    /// and `item(matching:)`; nothing changes then.
    @discardableResult
    public mutating func linkFeedback(_ noteQuery: String, items queries: [String], link: Bool = true,
                                      by user: String, at time: Timestamp) throws -> Edit {
        let note = try feedbackNote(matching: noteQuery)
        let ids = try queries.map { try item(matching: $0).id }
        return try changeStrategy("\(link ? "linked" : "unlinked") feedback \(note.id) \(link ? "to" : "from") \(ids.joined(separator: ", "))",
                                  action: "feedback", by: user, at: time) { s in
            guard let i = s.notes.firstIndex(where: { $0.id == note.id }) else { return }
            for id in ids {
                if link { if !s.notes[i].items.contains(id) { s.notes[i].items.append(id) } } else { s.notes[i].items.removeAll { $0 == id } }
            }
        }
    }

    /// Turns a note into a new item at the bottom of the first Inbox stage (the first stage when
    /// there is none), titled with the note's first line (cut to 100 characters) and linked to
    /// the note, as one undoable edit. Returns the item. Throws like `feedbackNote(matching:)`.
    @discardableResult
    public mutating func itemFromFeedback(_ noteQuery: String, by user: String, at time: Timestamp) throws -> (item: Item, edit: Edit) {
        let note = try feedbackNote(matching: noteQuery)
        guard let stage = stages.first(where: { $0.kind == .inbox }) ?? stages.first else {
            throw DocketError.invalidValue(field: "stage", value: "", expected: "a board with a stage")
        }
        var title = String(note.text.split(separator: "\n").first ?? "")
        if title.count > 100 { title = String(title.prefix(99)) + "…" }
        var (item, edit) = try addItem(title: title, stage: stage.id, description: note.text, by: user, at: time)
        edit = edit.merged(with: try linkFeedback(note.id, items: [item.id], by: user, at: time),
                           summary: "added \(item.id) from feedback \(note.id)")
        return (item, edit)
    }

    /// The keys `setFeedbackSettings` takes.
    public static let feedbackSettingKeys = ["cards", "score"]

    /// Sets how the board uses feedback: `cards=on|off` (cards show notes and customers),
    /// `score=reach|value|off` (the impact figure adds to RICE reach or WSJF value). Throws
    /// `DocketError.invalidValue` naming an unknown key or value; nothing changes then.
    @discardableResult
    public mutating func setFeedbackSettings(_ pairs: [(String, String)], by user: String, at time: Timestamp) throws -> Edit {
        var settings = strategy.settings
        for (key, value) in pairs {
            switch key.lowercased() {
            case "cards":
                switch value.lowercased() {
                case "on", "true", "yes": settings.cards = true
                case "off", "false", "no": settings.cards = false
                default: throw DocketError.invalidValue(field: "cards", value: value, expected: "on or off")
                }
            case "score":
                if ["off", "none"].contains(value.lowercased()) { settings.score = nil; continue }
                guard let s = FeedbackScoreInput(rawValue: value.lowercased()) else {
                    throw DocketError.invalidValue(field: "score", value: value, expected: "reach, value or off")
                }
                settings.score = s
            default: throw DocketError.invalidValue(field: "key", value: key, expected: Board.feedbackSettingKeys.joined(separator: ", "))
            }
        }
        return try changeStrategy("feedback settings: \(pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ", "))",
                                  action: "feedback", by: user, at: time) { $0.settings = settings }
    }

    /// The notes linked to no item, oldest first: the feedback inbox.
    public var unlinkedFeedback: [FeedbackNote] { strategy.notes.filter { $0.items.isEmpty } }
}
