/// What a cell is, for styling: views name roles, themes map roles to colours and attributes.
/// `rawValue` is the key used in theme files.
public enum StyleRole: String, CaseIterable, Sendable {
    case normal
    case dim
    case border
    case columnHeader = "column.header"
    case columnHeaderSelected = "column.header.selected"
    case columnOverLimit = "column.over-limit"
    case card
    case cardSelected = "card.selected"
    case cardID = "card.id"
    case cardPoints = "card.points"
    case cardAssignee = "card.assignee"
    case cardLabel = "card.label"
    case blocked
    case priorityMust = "priority.must"
    case priorityShould = "priority.should"
    case priorityCould = "priority.could"
    case priorityWont = "priority.wont"
    case status
    case statusError = "status.error"
    case statusOK = "status.ok"
    case prompt
    case promptCursor = "prompt.cursor"
    case help
    case helpKey = "help.key"
    case helpTitle = "help.title"
    case warning
    /// An item past its stage's usual time (work item age over the 85th percentile or SLA).
    /// New roles go at the end: goldens name roles by their position.
    case ageStale = "age.stale"
}

extension StyleRole {
    /// One letter per role, for the style layer of golden files (`Canvas.renderStyles`):
    /// `.` is `normal`; the others follow the order of `allCases` (a–z, then A–Z).
    public var code: Character {
        if self == .normal { return "." }
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let index = StyleRole.allCases.firstIndex(of: self)!
        return letters[min(index - 1, letters.count - 1)]
    }
}
