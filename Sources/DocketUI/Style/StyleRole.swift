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
    // Charts (Sources/DocketUI/Charts): axes and their labels, titles and legends, bars,
    // scatter dots, plotted lines, reference lines (percentiles, targets), a cursor, and six
    // series colours (cumulative flow bands, several lines).
    case chartAxis = "chart.axis"
    case chartLabel = "chart.label"
    case chartBar = "chart.bar"
    case chartPoint = "chart.point"
    case chartLine = "chart.line"
    case chartReference = "chart.reference"
    case chartHighlight = "chart.highlight"
    case chartSeries1 = "chart.series.1"
    case chartSeries2 = "chart.series.2"
    case chartSeries3 = "chart.series.3"
    case chartSeries4 = "chart.series.4"
    case chartSeries5 = "chart.series.5"
    case chartSeries6 = "chart.series.6"
    /// Planning (releases and roadmap screens): the done part of a progress bar and a
    /// timeline bar, the rest of the bar (its track), and today's mark on the timeline.
    case planBar = "plan.bar"
    case planTrack = "plan.track"
    case planToday = "plan.today"
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
