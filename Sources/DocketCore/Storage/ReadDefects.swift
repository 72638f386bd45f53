/// What the repair-tolerant read of `docket check` (`BoardStore.loadForRepair`) let through
/// that the normal read refuses: items sharing an id and invalid ranks. Lines are 1-based.
public struct ReadDefects: Equatable, Sendable {
    /// A later item with an id an earlier item has: it was read under a fresh id.
    public struct DuplicateID: Equatable, Sendable {
        /// The id both items have in the file.
        public var id: String
        /// The fresh id the later item was given (derived from the id and its line: the same on
        /// every read, so `check` names the id `check --fix` gives).
        public var newID: String
        public var title: String
        public var line: Int
        /// The title and line of the earlier item, which keeps `id`.
        public var keptTitle: String
        public var keptLine: Int
    }

    /// An item whose rank `Rank.isValid` refuses; it was read with that rank.
    public struct InvalidRank: Equatable, Sendable {
        /// The item's id on the board read (the fresh id when it was also a duplicate).
        public var id: String
        public var rank: String
        public var title: String
        public var line: Int
    }

    public var duplicateIDs: [DuplicateID] = []
    public var invalidRanks: [InvalidRank] = []

    public init() {}

    /// True when the file had neither problem.
    public var isEmpty: Bool { duplicateIDs.isEmpty && invalidRanks.isEmpty }
}
