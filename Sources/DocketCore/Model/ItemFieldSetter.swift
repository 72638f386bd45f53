import Foundation

/// Sets one field of an item from text, as `docket set ID FIELD=VALUE` and the item detail
/// pane do. Field names are the keys of `docket list --json`. An empty value clears the field.
/// Throws `DocketError.invalidValue` (with what was expected) or `.noSuchStage`.
public enum ItemFieldSetter {
    /// The fields that can be set.
    public static let fields = ["title", "type", "priority", "points", "labels", "assignees", "release", "stage", "due",
                                "requester", "votes", "blocked", "blockedReason", "description", "parent",
                                "reach", "impact", "confidence", "effort", "value", "criticality", "risk", "size"]

    /// RICE impact values (Intercom's scale: minimal … massive).
    public static let impactScale: [Double] = [0.25, 0.5, 1, 2, 3]
    /// The modified Fibonacci scale of WSJF inputs (SAFe).
    public static let fibonacci: [Double] = [1, 2, 3, 5, 8, 13, 20]

    public static func set(_ field: String, to raw: String, on item: inout Item, board: Board) throws {
        let value = raw.trimmingCharacters(in: .whitespaces)
        let empty = value.isEmpty
        func number(_ expected: String = "a number ≥ 0") throws -> Double? {
            if empty { return nil }
            guard let d = Double(value), d.isFinite, d >= 0 else {
                throw DocketError.invalidValue(field: field, value: value, expected: expected)
            }
            return d
        }
        func list() -> [String] {
            value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { $0.hasPrefix("#") || $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
        }
        switch field {
        case "title":
            guard !empty else { throw DocketError.invalidValue(field: field, value: value, expected: "some text") }
            item.title = value
        case "description": item.description = raw
        case "type":
            guard let t = ItemType(rawValue: value.lowercased()) else {
                throw DocketError.invalidValue(field: field, value: value, expected: ItemType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            item.type = t
        case "priority":
            if empty { item.priority = nil; return }
            guard let p = Priority(word: value) else {
                throw DocketError.invalidValue(field: field, value: value, expected: "must, should, could or wont")
            }
            item.priority = p
        case "points": item.points = try number()
        case "labels": item.labels = list()
        case "assignees": item.assignees = list()
        case "release": item.release = empty ? nil : value
        case "requester": item.requester = empty ? nil : value
        case "parent":
            if empty { item.parent = nil; return }
            let epic = try board.item(matching: value)
            guard epic.id != item.id else {
                throw DocketError.invalidValue(field: field, value: value, expected: "another item (an item cannot be its own epic)")
            }
            // No loops: walking up from the new parent must not come back to this item.
            var seen: Set<String> = [item.id]
            var up: String? = epic.id
            while let p = up {
                guard seen.insert(p).inserted else {
                    throw DocketError.invalidValue(field: field, value: value, expected: "an epic that is not inside this item")
                }
                up = board.items[p]?.parent
            }
            item.parent = epic.id
        case "blockedReason": item.blockedReason = value
        case "stage": item.stage = try board.stage(named: value).id
        case "due":
            guard empty || CalendarDay.isValid(value) else {
                throw DocketError.invalidValue(field: field, value: value, expected: "a date YYYY-MM-DD")
            }
            item.due = empty ? nil : value
        case "votes":
            guard let n = empty ? 0 : Int(value), n >= 0 else {
                throw DocketError.invalidValue(field: field, value: value, expected: "a whole number ≥ 0")
            }
            item.votes = n
        case "blocked":
            switch value.lowercased() {
            case "true", "yes", "1": item.blocked = true
            case "false", "no", "0", "": item.blocked = false
            default: throw DocketError.invalidValue(field: field, value: value, expected: "true or false")
            }
        case "reach", "effort": _ = item.scores.set(field, try number())
        case "confidence":
            let c = try number("a percentage 0–100")
            if let c, c > 100 { throw DocketError.invalidValue(field: field, value: value, expected: "a percentage 0–100") }
            _ = item.scores.set(field, c)
        case "impact":
            let i = try number()
            if let i, !impactScale.contains(i) {
                throw DocketError.invalidValue(field: field, value: value, expected: "one of 0.25, 0.5, 1, 2, 3")
            }
            _ = item.scores.set(field, i)
        case "value", "criticality", "risk", "size":
            let f = try number()
            if let f, !fibonacci.contains(f) {
                throw DocketError.invalidValue(field: field, value: value, expected: "one of 1, 2, 3, 5, 8, 13, 20")
            }
            _ = item.scores.set(field, f)
        default:
            throw DocketError.invalidValue(field: "field", value: field, expected: fields.joined(separator: ", "))
        }
    }
}
