/// A board read from another tool's export, before it goes into a Docket board: made by an
/// importer (see `TrelloImport`), put into a board with `merge(into:by:at:)` or `makeBoard`.
///
/// `items` refer to `stages` by `Stage.id`; their ranks are spread evenly per stage in the
/// source's order (`Rank.spread`); `labels` and `people` are the source board's definitions
/// (also those no item uses).
public struct ImportedBoard: Equatable, Sendable {
    /// The source board's name (the name of a board made with `makeBoard`).
    public var name: String
    /// One stage per source list or status, in the source's order.
    public var stages: [Stage]
    /// One item per source card, stage by stage in rank order.
    public var items: [Item]
    /// The source board's labels, with their colour words.
    public var labels: [Label]
    /// The source board's people (handle and display name).
    public var people: [Person]
    /// Releases the source names (Jira fix versions, GitHub milestones); items refer to them
    /// by `Release.name`. Empty for Trello.
    public var releases: [Release]
    /// Counts of what was read and of what was left out.
    public var summary: ImportSummary
    /// The item fields the export carries: a re-import refreshes these on items it made
    /// before and keeps the others (see `SourceField`).
    public var sourceFields: Set<SourceField>
    /// The source's history as activity entries (see `Board.addImportedHistory`); empty when
    /// the export has none.
    public var history: [Activity] = []

    /// Stores the parts as given; importers make these.
    public init(name: String, stages: [Stage], items: [Item], labels: [Label], people: [Person],
                releases: [Release] = [], summary: ImportSummary,
                sourceFields: Set<SourceField> = SourceField.basic) {
        self.name = name; self.stages = stages; self.items = items; self.labels = labels
        self.people = people; self.releases = releases; self.summary = summary
        self.sourceFields = sourceFields
    }
}

/// What an import found, in counts, to tell the user what came over and what did not.
public struct ImportSummary: Equatable, Sendable {
    /// The tool the export came from, e.g. `Trello`.
    public var source: String
    /// Stages made (one per list), and how many of them were archived in the source.
    public var stages: Int
    public var closedStages: Int
    /// Items made (one per card), and how many are archived (archived cards and the cards of
    /// archived lists).
    public var items: Int
    public var archivedItems: Int
    /// Label name → number of items that carry it.
    public var labelUses: [String: Int]
    /// People (members) of the source board.
    public var people: Int
    /// What the export holds that Docket does not keep, as counted phrases
    /// (`"25 due dates"`, `"93 comments"`); empty when nothing was left out.
    public var notImported: [String]
    /// Releases made (Jira fix versions, GitHub milestones).
    public var releases: Int
    /// How the source's values were mapped, one line each (e.g. Jira's priorities onto
    /// MoSCoW), printed after the counts.
    public var notes: [String]
    /// What the source calls an item and a stage, singular and plural (`card`/`cards`,
    /// `list`/`lists` for Trello; `issue`/`issues`, `status`/`statuses` for Jira and GitHub).
    public var itemWords: (one: String, many: String)
    public var stageWords: (one: String, many: String)
    /// Every thing left out, one line each with its line number or id (`line 4: points "x"
    /// is not a number ≥ 0`, `card 5f1c…: a comment by someone not in the export`): skipped
    /// rows, dropped columns and values, ignored lines. `text` shows the first
    /// `detailsShown`; `docket import --report FILE` writes them all.
    public var details: [String] = []
    /// How many `details` the summary text shows.
    public static let detailsShown = 10

    /// Stores the counts as given.
    public init(source: String, stages: Int, closedStages: Int, items: Int, archivedItems: Int,
                labelUses: [String: Int], people: Int, notImported: [String], releases: Int = 0,
                notes: [String] = [], itemWords: (one: String, many: String) = ("card", "cards"),
                stageWords: (one: String, many: String) = ("list", "lists")) {
        self.source = source; self.stages = stages; self.closedStages = closedStages; self.items = items
        self.archivedItems = archivedItems; self.labelUses = labelUses; self.people = people; self.notImported = notImported
        self.releases = releases; self.notes = notes; self.itemWords = itemWords; self.stageWords = stageWords
    }

    /// Equal when every count, phrase, note and word is equal.
    public static func == (l: ImportSummary, r: ImportSummary) -> Bool {
        l.source == r.source && l.stages == r.stages && l.closedStages == r.closedStages && l.items == r.items
            && l.archivedItems == r.archivedItems && l.labelUses == r.labelUses && l.people == r.people
            && l.notImported == r.notImported && l.releases == r.releases && l.notes == r.notes
            && l.itemWords == r.itemWords && l.stageWords == r.stageWords && l.details == r.details
    }

    /// One or two sentences for the command line, e.g. `Trello: 67 cards (1 archived) in
    /// 5 lists (1 archived), 3 labels, 3 people. Not imported: 4 comments.`
    public var text: String {
        var s = "\(source): \(items) \(items == 1 ? itemWords.one : itemWords.many) (\(archivedItems) archived) in \(stages) "
            + "\(stages == 1 ? stageWords.one : stageWords.many) (\(closedStages) archived), \(labelUses.count) used "
            + "\(labelUses.count == 1 ? "label" : "labels"), \(people) \(people == 1 ? "person" : "people")"
        s += releases == 0 ? "." : ", \(releases) \(releases == 1 ? "release" : "releases")."
        if !notImported.isEmpty { s += " Not imported: " + notImported.joined(separator: ", ") + "." }
        for n in notes { s += "\n" + n }
        for d in details.prefix(Self.detailsShown) { s += "\n  left out: " + d }
        if details.count > Self.detailsShown {
            s += "\n  … and \(details.count - Self.detailsShown) more (docket import --report FILE lists them all)"
        }
        return s
    }

    /// The full list for `--report FILE`: the summary's first line, then every detail on a
    /// line of its own (nothing left out: a line saying so). Ends in a line break.
    public var report: String {
        var lines = [text.split(separator: "\n").first.map(String.init) ?? ""]
        lines += details.isEmpty ? ["Nothing was left out."] : details
        return lines.joined(separator: "\n") + "\n"
    }
}
