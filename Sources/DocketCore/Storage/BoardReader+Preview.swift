import Foundation

/// The preview read of a large board (issue 16: "read the board in the order the screen needs
/// it"): the header as the full read reads it; of every item only what places it on the board
/// (id, stage, rank, archived, points), found by a skim of its line that makes no string but
/// those; the whole item only for the first `top` cards of each column, the ones a first frame
/// can show; no activity log. The open session paints its first frame from it while the full
/// read (`BoardDecoder.decode`) runs, then takes the full board in (`PendingBoard`).
///
/// Its board holds only those cards: each column lists its first `top` cards, while its count
/// of open items (`Board.openCount(inStage:)`) and its points are the whole column's
/// (`PreviewColumns`, `Board.takePreview`). A preview must never be saved, exported or edited,
/// and is only ever shown until the full board replaces it.
extension BoardReader {
    /// Boards with fewer items are read whole (the full read takes under ~15 ms there).
    static let previewMinimum = 5_000

    /// Thrown inside the read when the file cannot be previewed (too small, not in the
    /// canonical layout, a line that does not skim); `preview` answers nil then.
    struct NotPreviewable: Error {}

    /// The preview of `data` (see the type's comment), nil when the file is small, not in the
    /// canonical layout or anything in it does not read (the full read then says what), and for
    /// a board that shows card ages (its cards' ages come from the activity log, which a preview
    /// does not read).
    static func preview(_ data: Data, path: String, top: Int) -> LoadedBoard? {
        let loaded = try? data.withUnsafeBytes { raw in
            var s = JSONScanner(raw.bindMemory(to: UInt8.self))
            var defects = ReadDefects()
            return try read(&s, data: data, tolerant: false, preview: top, defects: &defects)
        }
        guard let loaded, !showsAges(loaded.board.extra) else { return nil }
        return loaded
    }

    /// Whether a board with these unknown keys shows card ages, which come from the activity
    /// log: such a board is not previewed (checked as soon as the key is read, and after).
    static func showsAges(_ extra: [String: String]) -> Bool { extra["showAges"] == "true" }

    /// The items' list at `itemsAt` skimmed on all cores (`PreviewSkim.placement`) into its
    /// columns (`PreviewColumns`, keeping the first `top` cards of each), the list's lines and
    /// the offset after its `]`. Throws `NotPreviewable`.
    static func previewColumns(_ data: Data, _ bytes: UnsafeBufferPointer<UInt8>, itemsAt: Int, top: Int) throws
        -> (columns: PreviewColumns, lines: [Range<Int>], end: Int) {
        var at = itemsAt
        guard let lines = CanonicalLines.list(bytes, &at), lines.count >= previewMinimum else { throw NotPreviewable() }
        let parts = mapLineParts(data, lines.count, minimumPerPart: 5_000) { s, range -> PreviewColumns? in
            var columns = PreviewColumns(top: top)
            for k in range {
                guard let placed = PreviewSkim.placement(&s, lines[k]) else { return nil }
                columns.add(placed, line: k)
            }
            return columns
        }
        var columns = PreviewColumns(top: top)
        for part in parts {
            guard let part else { throw NotPreviewable() }
            columns.merge(part)
        }
        return (columns, lines, at)
    }

    /// Reads in full the first cards of every column of `columns` and gives `board` (a
    /// preview's, with no items yet) those items and the columns (`Board.takePreview`). Throws
    /// `NotPreviewable` when one does not read or its line does not read as the skim read it.
    static func fillTops(_ board: inout Board, _ columns: PreviewColumns, _ lines: [Range<Int>], _ data: Data) throws {
        var stages = Set(board.stages.map(\.id))
        stages.formUnion(columns.columns.keys)
        var index = ColumnIndex()
        var items: [Item] = []
        let read: Bool = data.withUnsafeBytes { raw in
            var s = JSONScanner(raw.bindMemory(to: UInt8.self))
            for stage in stages {
                let cards = columns.firstCards(stage)
                for card in cards {
                    guard let item = itemOnLine(&s, lines[card.line], card.line), item.id == card.key.id, item.stage == stage,
                          item.rank == card.key.rank, !item.archived, item.points == card.points
                    else { return false }
                    items.append(item)
                }
                index.columns[stage] = cards.map(\.key.id)
                index.points[stage] = columns.columns[stage]?.points ?? 0
                index.counts[stage] = columns.columns[stage]?.count ?? 0
            }
            return true
        }
        // Two lines with one id (the full read refuses the file): not among the cards shown.
        guard read, Set(items.map(\.id)).count == items.count else { throw NotPreviewable() }
        index.longIDs = Array(Set(columns.longIDs)).sorted()
        board.takePreview(ItemStore(items), index: index)
    }
}
