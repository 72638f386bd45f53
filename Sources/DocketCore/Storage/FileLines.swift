import Foundation

/// The items of a checked read (`BoardReader+Checked`) still on their lines of the file: an
/// `ItemStore` built on them answers for an item by parsing its line when asked (found by id
/// with a binary search: a canonical file lists items in id order) and reads them all, on every
/// core and once for all copies of the store, only when something walks every item.
///
/// Only ever made for a content that a full read found sound (`CheckedFiles`), so every line
/// reads; one that does not (a content forged to the same hash) stops the command the way its
/// `WrongRecord` says (the command line: the full read's error, exit 1), never with a wrong item.
final class FileItems: @unchecked Sendable {
    let wrong: WrongRecord
    var data: Data { wrong.data }
    /// Each item's line (`{` to `}`), in id order.
    let lines: [Range<Int>]
    /// Where each line's id is (the bytes between `{"id": "` and the next `"`).
    let idRanges: [Range<Int>]
    private let lock = NSLock()
    private var wholeStore: ItemStore?
    private var idList: [String]?
    private var placed: [ItemPlacement]?

    private init(wrong: WrongRecord, lines: [Range<Int>], idRanges: [Range<Int>]) {
        self.wrong = wrong; self.lines = lines; self.idRanges = idRanges
    }

    /// The items on `lines` of `data`, nil unless each line starts with its id (`{"id": "ID"`,
    /// no escape in it) and the ids increase strictly (as bytes): then an item is found by id
    /// with a binary search, and no id is there twice.
    static func make(_ wrong: WrongRecord, lines: [Range<Int>]) -> FileItems? {
        let ranges = wrong.data.withUnsafeBytes { raw in CanonicalLines.idRanges(raw.bindMemory(to: UInt8.self), lines) }
        guard let ranges, ranges.byteOrdered else { return nil }
        return FileItems(wrong: wrong, lines: lines, idRanges: ranges.ids)
    }

    var count: Int { lines.count }

    /// The index of the line of the item with this id, nil when there is none.
    func index(of id: String) -> Int? {
        let (k, found) = data.withUnsafeBytes { raw in CanonicalLines.lowerBound(raw.bindMemory(to: UInt8.self), idRanges, id) }
        return found ? k : nil
    }

    /// The ids, in file (id) order.
    var ids: [String] {
        lock.withLock {
            if let idList { return idList }
            let made = data.withUnsafeBytes { raw in
                let b = raw.bindMemory(to: UInt8.self)
                return idRanges.map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) }
            }
            idList = made
            return made
        }
    }

    /// Whether each line, read alone, gives the item of `store` whose id the line's first
    /// `"id"` names, byte for byte (for a board small enough to read again: `readsLazilyAsIs`).
    func linesAreItems(of store: ItemStore) -> Bool {
        data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            var s = JSONScanner(b)
            return lines.indices.allSatisfy { k in
                guard let item = BoardReader.itemOnLine(&s, lines[k], k), item.id.utf8.elementsEqual(UnsafeBufferPointer(rebasing: b[idRanges[k]]))
                else { return false }
                return store[item.id] == item
            }
        }
    }

    /// Each line's placement, in file order (`skim`). Made the first time the items are placed
    /// on the board (`ColumnIndex`).
    var placements: [ItemPlacement] {
        if let placed = lock.withLock({ placed }) { return placed }
        let made = skim { _, range in Array(range) }
        lock.withLock { placed = made }
        return made
    }

    /// The placements of the lines that may hold an item with the needles' values
    /// (`LineNeedles.candidates`), in file order, only those lines skimmed; every line's when
    /// `placements` was made already. A caller tests each one as it would any placement.
    func placements(mayHolding needles: LineNeedles) -> [ItemPlacement] {
        if let placed = lock.withLock({ placed }) { return placed }
        let lines = lines
        return skim { bytes, range in needles.candidates(bytes, lines, range) }
    }

    /// The placements of the lines `pick` chooses of each part (`PreviewSkim.placement`, on all
    /// cores; a line the skim cannot follow is read in full), in file order.
    private func skim(_ pick: @escaping @Sendable (UnsafeBufferPointer<UInt8>, Range<Int>) -> [Int]) -> [ItemPlacement] {
        let lines = lines
        let parts = BoardReader.mapLineParts(data, lines.count, minimumPerPart: 5_000) { s, range in
            pick(s.bytes, range).map { k in (k, PreviewSkim.placement(&s, lines[k])) }
        }
        var made: [ItemPlacement] = []
        for part in parts { for (k, placed) in part { made.append(placed ?? ItemPlacement(item(at: k))) } }
        return made
    }

    /// Lines read one at a time so far (`item(at:)`).
    private var readOne = 0

    /// The item on line `k`, read in full. A caller that reads many items one by one (an
    /// export walking the ids in order) soon gets them all read at once, on all cores.
    func item(at k: Int) -> Item {
        let (read, count) = lock.withLock {
            readOne += 1
            return (wholeStore, readOne)
        }
        let item: Item? = data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self), id = UnsafeBufferPointer(rebasing: b[idRanges[k]])
            if let whole = read ?? (count > max(1_000, lines.count / 16) ? self.whole() : nil) {
                return whole[String(decoding: id, as: UTF8.self)]
            }
            var s = JSONScanner(b)
            return BoardReader.itemOnLine(&s, lines[k], k).flatMap { $0.id.utf8.elementsEqual(id) ? $0 : nil }
        }
        guard let item else { unsound() }
        return item
    }

    /// Whether every item has been read (`whole`).
    var isRead: Bool { lock.withLock { wholeStore != nil } }

    /// The items whose lines may hold a match of `prefilter` (`LinePrefilter`), read in full,
    /// in file order; the lines are looked at and read on all cores.
    func items(mayMatching prefilter: LinePrefilter) -> [Item] {
        let lines = lines, data = data
        let parts = BoardReader.mapLineParts(data, lines.count, minimumPerPart: 5_000) { s, range -> [Item]? in
            var out: [Item] = []
            for k in range where prefilter.mayMatch(UnsafeBufferPointer(rebasing: s.bytes[lines[k]])) {
                guard let item = BoardReader.itemOnLine(&s, lines[k], k) else { return nil }
                out.append(item)
            }
            return out
        }
        var out: [Item] = []
        for part in parts {
            guard let part else { unsound() }
            out += part
        }
        return out
    }

    /// Every item read in full (on all cores, the first time; then kept for every copy).
    func whole() -> ItemStore {
        lock.withLock {
            if let wholeStore { return wholeStore }
            guard let read = BoardReader.items(data, lines), read.count == lines.count else { unsound() }
            wholeStore = read
            return read
        }
    }

    /// A line that does not read as it did when the content was checked: the way out (`WrongRecord`).
    private func unsound() -> Never { wrong.stop() }
}

/// The activity log of a checked read still on its lines of the file (see `FileItems`): read
/// in full, once for every copy, when an entry is first asked for.
final class FileActivity: @unchecked Sendable {
    let wrong: WrongRecord
    var data: Data { wrong.data }
    /// Each entry's line, in the log's order.
    let lines: [Range<Int>]
    private let lock = NSLock()
    private var chunks: [[Activity]]?

    init(_ wrong: WrongRecord, lines: [Range<Int>]) { self.wrong = wrong; self.lines = lines }

    var count: Int { lines.count }

    /// The entry on line `k` (all of them are read the first time one is asked for).
    func entry(_ k: Int) -> Activity {
        let all = whole()
        return all[k / ActivityLog.chunkSize][k % ActivityLog.chunkSize]
    }

    /// Every entry in the log's chunks, read in full (on all cores, the first time).
    func whole() -> [[Activity]] {
        lock.withLock {
            if let chunks { return chunks }
            guard let read = BoardReader.activity(data, lines), read.count == lines.count else { wrong.stop() }
            chunks = read.chunkArrays
            return read.chunkArrays
        }
    }
}
