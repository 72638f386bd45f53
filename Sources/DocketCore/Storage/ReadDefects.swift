/// What the repair-tolerant read of `docket check` (`BoardStore.loadForRepair`) let through
/// that the normal read refuses (items sharing an id, invalid ranks) or silently repairs
/// (bytes that are not UTF-8). Lines are 1-based.
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
    /// The lines holding bytes that are not UTF-8 (every read takes each such byte as U+FFFD,
    /// so a write changes them): 1-based, in file order.
    public var invalidTextLines: [Int] = []

    public init() {}

    /// True when the file had none of these problems.
    public var isEmpty: Bool { duplicateIDs.isEmpty && invalidRanks.isEmpty && invalidTextLines.isEmpty }

    /// The 1-based lines of `bytes` that hold bytes that are not UTF-8 (none when it all is;
    /// one validation pass then).
    public static func linesNotUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard String(validating: bytes, as: UTF8.self) == nil else { return [] }
        var out: [Int] = [], line = 1, start = 0
        for k in 0...bytes.count where k == bytes.count || bytes[k] == 10 {
            if String(validating: UnsafeBufferPointer(rebasing: bytes[start..<k]), as: UTF8.self) == nil { out.append(line) }
            line += 1
            start = k + 1
        }
        return out
    }
}
