import Foundation

/// The preview read of a large board (issue 16: "read the board in the order the screen needs
/// it"): the header as the full read reads it; of every item only what places it on the board
/// (id, stage, rank, archived, points), found by a skim of its line that makes no string but
/// those; the whole item only for the first `top` cards of each column, the ones a first frame
/// can show; no activity log. The open session paints its first frame from it while the full
/// read (`BoardDecoder.decode`) runs, then takes the full board in (`PendingBoard`).
///
/// Other items are stand-ins (empty title, no labels, created at 0): a preview must never be
/// saved, exported or edited, and is only ever shown until the full board replaces it.
extension BoardReader {
    /// Boards with fewer items are read whole (the full read takes under ~100 ms there).
    static let previewMinimum = 20_000

    /// Thrown inside the read when the file cannot be previewed (too small, not in the
    /// canonical layout, a line that does not skim); `preview` answers nil then.
    struct NotPreviewable: Error {}

    /// What the skim found of one item line.
    struct Skim: Sendable {
        var id: String, stage: String, rank: String, archived: Bool, points: Double?
        var line: Range<Int>
    }

    /// The preview of `data` (see the type's comment), nil when the file is small, not in the
    /// canonical layout or anything in it does not read (the full read then says what).
    static func preview(_ data: Data, path: String, top: Int) -> LoadedBoard? {
        try? data.withUnsafeBytes { raw in
            var s = JSONScanner(raw.bindMemory(to: UInt8.self))
            var defects = ReadDefects()
            return try read(&s, data: data, tolerant: false, preview: top, defects: &defects)
        }
    }

    /// The items' list at `itemsAt` skimmed on all cores: a store of stand-ins, the skims in
    /// file order and the offset after the list's `]`. Throws `NotPreviewable`.
    static func previewItems(_ data: Data, _ bytes: UnsafeBufferPointer<UInt8>, itemsAt: Int) throws -> (store: ItemStore, skims: [Skim], end: Int) {
        var at = itemsAt
        guard let lines = CanonicalLines.list(bytes, &at), lines.count >= previewMinimum else { throw NotPreviewable() }
        let parts = Parallel.mapParts(lines.count, minimumPerPart: 5_000) { range -> (skims: [Skim], groups: [[Item]])? in
            data.withUnsafeBytes { raw in
                var s = JSONScanner(raw.bindMemory(to: UInt8.self))
                var skims: [Skim] = []
                skims.reserveCapacity(range.count)
                var groups = Array(repeating: [Item](), count: ItemStore.fillParts)
                for k in range {
                    s.jump(to: lines[k].lowerBound)
                    guard let skim = try? self.skim(&s, lines[k]), s.offset == lines[k].upperBound else { return nil }
                    let standIn = Item(id: skim.id, title: "", stage: skim.stage, rank: skim.rank, points: skim.points,
                                       archived: skim.archived, created: 0)
                    groups[ItemStore.fillPart(of: skim.id)].append(standIn)
                    skims.append(skim)
                }
                return (skims, groups)
            }
        }
        var skims: [Skim] = [], groups: [[[Item]]] = []
        skims.reserveCapacity(lines.count)
        for part in parts {
            guard let part else { throw NotPreviewable() }
            skims += part.skims
            groups.append(part.groups)
        }
        guard let store = ItemStore.filled(moving: groups) else { throw NotPreviewable() }
        return (store, skims, at)
    }

    /// The placing fields of the item at the scanner (other values skipped, their syntax checked).
    private static func skim(_ s: inout JSONScanner, _ line: Range<Int>) throws -> Skim {
        var id: String?, stage: String?, rank: String?, archived = false, points: Double?
        try s.object("an item") { s, key in
            switch key {
            case "id": id = try s.string()
            case "stage": stage = try s.string()
            case "rank": rank = try s.string()
            case "archived": archived = try s.bool()
            case "points": points = s.null() ? nil : try s.number()
            default: try s.skipValue()
            }
        }
        guard let id, let stage, let rank else { throw NotPreviewable() }
        return Skim(id: id, stage: stage, rank: rank, archived: archived, points: points, line: line)
    }

    /// Reads in full the first `top` items of every column of `board` (a preview's) and puts
    /// them in place of their stand-ins. Throws `NotPreviewable` when one does not read.
    static func fillTops(_ board: inout Board, _ skims: [Skim], top: Int, _ data: Data) throws {
        var wanted = Set<String>()
        for ids in board.columns.values { wanted.formUnion(ids.prefix(top)) }
        let lines = skims.filter { wanted.contains($0.id) }
        let full: [Item]? = data.withUnsafeBytes { raw in
            var s = JSONScanner(raw.bindMemory(to: UInt8.self))
            var out: [Item] = []
            for (k, skim) in lines.enumerated() {
                s.jump(to: skim.line.lowerBound)
                guard let item = try? item(&s, k, tolerant: false), s.offset == skim.line.upperBound,
                      item.stage == skim.stage, item.rank == skim.rank, item.archived == skim.archived, item.points == skim.points
                else { return nil }
                out.append(item)
            }
            return out
        }
        guard let full else { throw NotPreviewable() }
        for item in full { board.putInPlace(item) }
    }
}
