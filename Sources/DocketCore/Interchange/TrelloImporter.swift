import Foundation

/// Reads a Trello board JSON export into an `ImportedBoard` (then `merge(into:by:at:)` or
/// `makeBoard(by:at:)`). Both the current and the 2015 export schema are read.
///
/// How Trello maps onto Docket:
/// - **Lists → stages**, in `pos` order (ties by id), ids made from the names
///   (`StageNaming.id`). The kind comes from the name (`StageNaming.kind`): done, closed,
///   完了, クローズ… → done; doing, in progress, review, 作業中… → doing; the first list is the
///   inbox only when its name says inbox or backlog; every other list is todo. An archived
///   list is not a stage: its cards come in archived, in the first stage, with the list's
///   name kept (`Item.archivedList`; a restore says where they went).
/// - **Cards → items**: `name` → title (an empty one becomes "(untitled card)"), `desc` →
///   description, labels → label names (a colour-only label is named by its colour), type
///   `bug` when a label is named bug, bugs, defect, fehler, バグ or 不具合 (else story),
///   `idMembers` → assignees by member `username`, `closed` → archived, `dateLastActivity`
///   → updated. Created is the Unix time in the first 8 hex digits of the card id (Trello
///   ids embed it). The card id is kept as the item id when `ItemID.isValid` accepts it (a
///   Trello id always passes), so a re-import updates the same items. Ranks are
///   `Rank.spread` over each list's cards in `pos` order, archived cards included.
/// - **Members → people** (`username` as handle, `fullName` as name); **labels → labels**
///   with Trello's colour word: the top-level `labels` (current schema) or `labelNames`
///   (2015 schema), then any other label a card carries.
/// - Checklists become acceptance criteria (ticked when complete), attachments become links
///   (URL and name), a due date becomes the item's due date (the day, UTC).
/// - `commentCard` actions → comments (author the member's username, else full name, else id;
///   time; text), oldest first.
/// - **Not kept**, named in `ImportSummary.notImported` and `details` (with the card's id):
///   assignments of members missing from `members`, comments on cards not in the export.
public enum TrelloImport {
    /// Parses the export in `data`. `path` names the file in error messages.
    ///
    /// Throws `BoardFileError` (path, 1-based line and column, message) when the text is not
    /// JSON (truncated, corrupt), is not a Trello board export (no `lists` or `cards`), or
    /// holds a value of the wrong type (e.g. `cards[3].name: expected text`).
    public static func parse(_ data: Data, path: String = "Trello export") throws -> ImportedBoard {
        let export: TrelloExport
        do {
            export = try JSONDecoder().decode(TrelloExport.self, from: data)
        } catch let error as DecodingError {
            throw describe(error, data: data, path: path)
        }
        var board = convert(export)
        board.history = TrelloHistory.entries(data, board: board)
        return board
    }

    /// The Unix time (seconds) a Trello object was created, read from its id: the first
    /// 8 of its 24 hex digits. Nil when the id does not start with 8 hex digits.
    public static func creationTime(ofID id: String) -> Timestamp? {
        let head = id.utf8.prefix(8)
        guard head.count == 8, head.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) }),
              let n = UInt32(String(decoding: head, as: UTF8.self), radix: 16) else { return nil }
        return Timestamp(n)
    }

    static let bugLabels: Set<String> = ["bug", "bugs", "defect", "fehler", "バグ", "不具合"]

    private static func convert(_ export: TrelloExport) -> ImportedBoard {
        // Stages, in pos order; cards of unknown lists get a stage of their own at the end.
        var lists = export.lists.sorted { ($0.pos ?? .infinity, $0.id) < ($1.pos ?? .infinity, $1.id) }
        let known = Set(lists.map(\.id))
        for idList in export.cards.map(\.idList) where !known.contains(idList) && !lists.contains(where: { $0.id == idList }) {
            lists.append(.init(id: idList, name: "Trello list \(idList)", closed: false, pos: nil))
        }
        var stages: [Stage] = []
        var stageOfList: [String: Stage] = [:]
        let closedLists = Set(lists.filter { $0.closed == true }.map(\.id))
        for list in lists where !closedLists.contains(list.id) {
            let stage = Stage(id: StageNaming.id(forName: list.name, avoiding: Set(stages.map(\.id))), name: list.name,
                              kind: StageNaming.kind(forName: list.name, isFirst: stages.isEmpty))
            stages.append(stage)
            stageOfList[list.id] = stage
        }
        // Cards of archived lists go to the first live stage (archived); a board whose every
        // list is archived gets one stage for them.
        if stages.isEmpty, !closedLists.isEmpty { stages.append(Stage(id: "archived", name: "Archived", kind: .todo)) }

        // People and labels.
        var people: [Person] = []
        var handleOf: [String: String] = [:]
        for m in export.members ?? [] where handleOf[m.id] == nil {
            let handle = m.username.flatMap { $0.isEmpty ? nil : $0 } ?? m.id
            handleOf[m.id] = handle
            people.append(Person(handle: handle, name: m.fullName.flatMap { $0.isEmpty ? nil : $0 }))
        }
        var labels: [Label] = []
        func define(_ name: String, _ color: String?) {
            if !labels.contains(where: { $0.name == name }) { labels.append(Label(name: name, color: color)) }
        }
        if let defs = export.labels {
            for l in defs { if let n = l.name, !n.isEmpty { define(n, l.color) } }
        } else if let names = export.labelNames {
            let colours = TrelloExport.colourOrder + names.keys.filter { !TrelloExport.colourOrder.contains($0) }.sorted()
            for c in colours { if let n = names[c], !n.isEmpty { define(n, c) } }
        }
        var labelByID: [String: TrelloExport.Label] = [:]
        for l in export.labels ?? [] { if let id = l.id { labelByID[id] = l } }

        // Items, list by list in pos order.
        var items: [Item] = []
        var taken: [String: Item] = [:]
        var labelUses: [String: Int] = [:]
        var details: [String] = []
        var unknownMembers = 0
        // Comments by card id, oldest first.
        var commentsByCard: [String: [Comment]] = [:]
        var brokenComments = 0
        for (n, a) in (export.actions ?? []).enumerated() where a.type == "commentCard" {
            guard let cardID = a.data?.card?.id, let text = a.data?.text else {
                brokenComments += 1
                details.append("actions[\(n)]: a comment without a card or text")
                continue
            }
            let m = a.memberCreator
            let author = [m?.username, m?.fullName, handleOf[a.idMemberCreator ?? ""], a.idMemberCreator]
                .compactMap { $0 }.first { !$0.isEmpty } ?? "unknown"
            commentsByCard[cardID, default: []].append(Comment(author: author, at: a.date.flatMap(ISODate.parse) ?? 0, text: text))
        }
        let cardIDs = Set(export.cards.map(\.id))
        for (card, list) in commentsByCard.sorted(by: { $0.key < $1.key }) where !cardIDs.contains(card) {
            details.append("card \(card): \(list.count) \(list.count == 1 ? "comment" : "comments") on a card not in the export")
        }
        let cardsByList = Dictionary(grouping: export.cards, by: \.idList)
        let checklistsByCard = Dictionary(grouping: export.checklists ?? [], by: { $0.idCard ?? "" })
        for list in lists {
            let cards = (cardsByList[list.id] ?? []).sorted { ($0.pos ?? .infinity, $0.id) < ($1.pos ?? .infinity, $1.id) }
            for (card, rank) in zip(cards, Rank.spread(cards.count)) {
                var names: [String] = []
                for l in card.labels ?? (card.idLabels ?? []).compactMap({ labelByID[$0] }) {
                    guard let name = (l.name.flatMap { $0.isEmpty ? nil : $0 }) ?? l.color, !names.contains(name) else { continue }
                    names.append(name)
                    define(name, l.color)
                    labelUses[name, default: 0] += 1
                }
                var assignees: [String] = []
                for m in card.idMembers ?? [] {
                    if let h = handleOf[m] { if !assignees.contains(h) { assignees.append(h) } } else {
                        unknownMembers += 1
                        details.append("card \(card.id): assigned to member \(m), who is not in the export")
                    }
                }
                let lastActivity = card.dateLastActivity.flatMap(ISODate.parse)
                let created = creationTime(ofID: card.id) ?? lastActivity ?? 0
                let id = ItemID.isValid(card.id) && taken[card.id] == nil ? card.id : ItemID.make(avoiding: taken)
                let title = card.name.trimmingCharacters(in: .whitespacesAndNewlines)
                var item = Item(id: id, title: title.isEmpty ? "(untitled card)" : title,
                                description: (card.desc ?? "").replacingOccurrences(of: "\r\n", with: "\n"),
                                type: names.contains(where: { bugLabels.contains($0.lowercased()) }) ? .bug : .story,
                                stage: (stageOfList[list.id] ?? stages[0]).id, rank: rank, labels: names, assignees: assignees,
                                archived: card.closed == true || closedLists.contains(list.id),
                                created: created, updated: lastActivity ?? created)
                // Checklists → acceptance criteria (in their order), attachments → links, due → due date.
                for list in (checklistsByCard[card.id] ?? []).sorted(by: { ($0.pos ?? 0) < ($1.pos ?? 0) }) {
                    for check in (list.checkItems ?? []).sorted(by: { ($0.pos ?? 0) < ($1.pos ?? 0) }) {
                        guard let name = check.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else { continue }
                        item.criteria.append(Criterion(text: name, done: check.state == "complete"))
                    }
                }
                item.links = (card.attachments ?? []).compactMap { a in
                    guard let url = a.url, !url.isEmpty else { return nil }
                    return Link(url: url, title: a.name.flatMap { $0 == url ? nil : $0 } ?? "")
                }
                item.due = card.due.flatMap(ISODate.parse).map(ISODate.formatDay)
                item.comments = Item.sortedComments(commentsByCard[card.id] ?? [])
                if closedLists.contains(list.id) { item.archivedList = list.name }
                taken[id] = item
                items.append(item)
            }
        }

        let orphanComments = commentsByCard.filter { !cardIDs.contains($0.key) }.values.reduce(0) { $0 + $1.count }
        var summary = ImportSummary(
            source: "Trello", stages: stages.count, closedStages: closedLists.count, items: items.count,
            archivedItems: items.filter(\.archived).count, labelUses: labelUses, people: people.count,
            notImported: [
                counted(orphanComments, "comment on a card not in the export", "comments on cards not in the export"),
                counted(brokenComments, "comment without a card or text", "comments without a card or text"),
                counted(unknownMembers, "assignment of a person not in the export", "assignments of people not in the export"),
            ].compactMap { $0 })
        summary.details = details
        return ImportedBoard(name: export.name.flatMap { $0.isEmpty ? nil : $0 } ?? "Trello board", stages: stages,
                             items: items, labels: labels, people: people, summary: summary,
                             sourceFields: SourceField.basic.union([.labels, .assignees, .due, .criteria, .links, .comments]))
    }

    private static func counted(_ n: Int, _ one: String, _ many: String) -> String? {
        n == 0 ? nil : "\(n) \(n == 1 ? one : many)"
    }

    /// A decoding error in the user's words, with the line and column (`BoardDecoder`'s
    /// wording), and a plain "not a Trello board export" when the top level is wrong.
    private static func describe(_ error: DecodingError, data: Data, path: String) -> BoardFileError {
        switch error {
        case .keyNotFound(let key, let ctx) where ctx.codingPath.isEmpty:
            return BoardFileError(path: path, line: 1, column: 1,
                                  message: "not a Trello board export: it has no \"\(key.stringValue)\"")
        case .typeMismatch(_, let ctx) where ctx.codingPath.isEmpty:
            return BoardFileError(path: path, line: 1, column: 1,
                                  message: "not a Trello board export: expected a JSON object with \"lists\" and \"cards\"")
        default:
            return BoardDecoder.describe(error, data: data, path: path)
        }
    }
}
