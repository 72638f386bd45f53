import Foundation

/// git's merge driver for board files (`docket merge-driver %O %A %B %P`): reads the common
/// ancestor, our version and their version, merges them with `BoardMerge`, records the
/// conflicts in the merged board's activity log and writes it over our version, atomically.
public enum BoardMergeDriver {
    /// What a merge did: the board written and the conflicts as recorded in its activity log.
    public struct Outcome: Sendable {
        public var board: Board
        public var conflicts: [Activity]
    }

    /// Merges `base`, `ours` and `theirs` and writes the result to `ours`. An empty `base`
    /// (git passes one when the two sides share no ancestor) counts as a board with our
    /// stages and no items. Throws `BoardFileError` (path, line, column) when a version does
    /// not parse, `BoardStoreError` when one cannot be read, comes from a newer Docket, or the
    /// result cannot be written; `ours` is left untouched then. `pathname` (git's `%P`) only
    /// names the board in messages.
    public static func merge(base: URL, ours: URL, theirs: URL, pathname: String? = nil,
                             by user: String, at time: Timestamp) throws -> Outcome {
        let name = pathname ?? ours.path
        func load(_ url: URL, _ side: String) throws -> Board? {
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw BoardStoreError("cannot read \(side) version of \(name) (\(url.path)): \((error as NSError).localizedDescription)")
            }
            if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return nil }
            let loaded = try BoardDecoder.decode(data, path: "\(name) (\(side) version)")
            if let why = loaded.readOnlyReason { throw BoardStoreError("cannot merge \(name): the \(side) version \(why)") }
            return loaded.board
        }
        guard let o = try load(ours, "our"), let t = try load(theirs, "their") else {
            throw BoardStoreError("cannot merge \(name): one side is an empty file, not a board")
        }
        let b = try load(base, "base") ?? Board(name: o.name, stages: o.stages)
        let (merged, _, recorded) = BoardMerge.mergeForWriting(base: b, ours: o, theirs: t, by: user, at: time)
        // git's temporary file: no lock and no `.bak` next to it.
        try AtomicFile.write(BoardEncoder.encode(merged), to: ours)
        return Outcome(board: merged, conflicts: recorded)
    }
}
