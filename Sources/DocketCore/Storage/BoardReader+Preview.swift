import Foundation

/// The preview read of a large board (issue 16: "read the board in the order the screen needs
/// it"): the header as the full read reads it; of every item only what places it on the board
/// (id, stage, rank, archived, points), found by a skim of its line that makes no string but
/// those; the whole item only for the first `top` cards of each column, the ones a first frame
/// can show; no activity log. The open session paints its first frame from it while the full
/// read (`BoardDecoder.decode`) runs, then takes the full board in (`PendingBoard`).
///
/// Other items are stand-ins (`PreviewSkim.standIn`: no title, no labels, their `created` the
/// index of their line, so the preview can read it in full): a preview must never be
/// saved, exported or edited, and is only ever shown until the full board replaces it.
extension BoardReader {
    /// Boards with fewer items are read whole (the full read takes under ~15 ms there).
    static let previewMinimum = 5_000

    /// Thrown inside the read when the file cannot be previewed (too small, not in the
    /// canonical layout, a line that does not skim); `preview` answers nil then.
    struct NotPreviewable: Error {}

    /// The preview of `data` (see the type's comment), nil when the file is small, not in the
    /// canonical layout or anything in it does not read (the full read then says what).
    static func preview(_ data: Data, path: String, top: Int) -> LoadedBoard? {
        try? data.withUnsafeBytes { raw in
            var s = JSONScanner(raw.bindMemory(to: UInt8.self))
            var defects = ReadDefects()
            return try read(&s, data: data, tolerant: false, preview: top, defects: &defects)
        }
    }

    /// The items' list at `itemsAt` skimmed on all cores (`PreviewSkim`): a store of stand-ins,
    /// the list's lines and the offset after its `]`. Throws `NotPreviewable`.
    static func previewItems(_ data: Data, _ bytes: UnsafeBufferPointer<UInt8>, itemsAt: Int) throws -> (store: ItemStore, lines: [Range<Int>], end: Int) {
        var at = itemsAt
        guard let lines = CanonicalLines.list(bytes, &at), lines.count >= previewMinimum else { throw NotPreviewable() }
        let store = BoardReader.store(data, lines, minimumPerPart: 5_000) { s, k in PreviewSkim.standIn(&s, lines[k], index: k) }
        guard let store else { throw NotPreviewable() }
        return (store, lines, at)
    }

    /// Reads in full the first `top` items of every column of `board` (a preview's) and puts
    /// them in place of their stand-ins. Throws `NotPreviewable` when one does not read.
    static func fillTops(_ board: inout Board, _ lines: [Range<Int>], top: Int, _ data: Data) throws {
        var standIns: [Item] = []
        for ids in board.columns.values { standIns += ids.prefix(top).compactMap { board.items[$0] } }
        let full: [Item]? = data.withUnsafeBytes { raw in
            var s = JSONScanner(raw.bindMemory(to: UInt8.self))
            var out: [Item] = []
            for standIn in standIns {
                let k = Int(standIn.created), line = lines[k]
                guard let item = itemOnLine(&s, line, k), item.id == standIn.id,
                      item.stage == standIn.stage, item.rank == standIn.rank, item.archived == standIn.archived, item.points == standIn.points
                else { return nil }
                out.append(item)
            }
            return out
        }
        guard let full else { throw NotPreviewable() }
        for item in full { board.putInPlace(item) }
    }
}
