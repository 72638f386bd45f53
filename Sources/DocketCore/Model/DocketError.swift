/// Errors of the board model, with messages meant for the user.
public enum DocketError: Error, Equatable, CustomStringConvertible, Sendable {
    case noSuchItem(String)
    case noSuchStage(String)
    case ambiguousStage(String, [String])
    case ambiguousItem(String, [String])
    case invalidValue(field: String, value: String, expected: String)
    case readOnly(String)

    public var description: String {
        switch self {
        case .noSuchItem(let id): return "no item with id '\(id)'"
        case .noSuchStage(let name): return "no stage named '\(name)'"
        case .ambiguousStage(let name, let matches):
            return "stage '\(name)' is ambiguous: \(matches.joined(separator: ", "))"
        case .ambiguousItem(let id, let matches):
            return "id '\(id)' is ambiguous: \(matches.joined(separator: ", "))"
        case .invalidValue(let field, let value, let expected):
            return "invalid \(field) '\(value)': expected \(expected)"
        case .readOnly(let why): return "the board is read-only: \(why)"
        }
    }
}
