/// The parts of a Trello board JSON export ("Menu → Print, export and share → Export as
/// JSON") that the importer reads. Both schemas decode: the current one (top-level `labels`,
/// `customFields`…) and the 2015 one (label names only in `labelNames` and in each card's
/// `labels`). Fields Trello sometimes leaves out are optional; unknown keys are ignored.
struct TrelloExport: Decodable {
    var name: String?
    var lists: [List]
    var cards: [Card]
    /// Current schema: the board's labels (name may be empty: a colour-only label).
    var labels: [Label]?
    /// 2015 schema: colour → label name (empty when that colour is unnamed).
    var labelNames: [String: String]?
    var members: [Member]?
    var checklists: [Checklist]?
    var actions: [Action]?

    struct List: Decodable {
        var id: String
        var name: String
        var closed: Bool?
        var pos: Double?
    }

    struct Card: Decodable {
        var id: String
        var name: String
        var desc: String?
        var idList: String
        var closed: Bool?
        var pos: Double?
        var labels: [Label]?
        var idLabels: [String]?
        var idMembers: [String]?
        var dateLastActivity: String?
        var due: String?
        var attachments: [Attachment]?
    }

    struct Label: Decodable {
        var id: String?
        var name: String?
        var color: String?
    }

    struct Member: Decodable {
        var id: String
        var username: String?
        var fullName: String?
    }

    /// An entry of the board's activity; `commentCard` ones become comments.
    struct Action: Decodable {
        var type: String?
        var date: String?
        var idMemberCreator: String?
        var data: ActionData?
        var memberCreator: Member?
    }

    struct ActionData: Decodable {
        var text: String?
        var card: CardRef?
    }

    struct CardRef: Decodable {
        var id: String?
    }

    /// A checklist of a card: its items become acceptance criteria.
    struct Checklist: Decodable {
        var idCard: String?
        var pos: Double?
        var checkItems: [CheckItem]?
    }

    struct CheckItem: Decodable {
        var name: String?
        var state: String?
        var pos: Double?
    }

    /// An attachment of a card: its URL (and name) becomes a link.
    struct Attachment: Decodable {
        var name: String?
        var url: String?
    }

    /// Any JSON value, skipped (only counted).
    struct Ignored: Decodable {
        init(from decoder: Decoder) throws {}
    }

    /// Trello's label colours in the order its label picker shows them (and `labelNames` lists them).
    static let colourOrder = ["green", "yellow", "orange", "red", "purple", "blue", "sky", "lime", "pink", "black"]
}
