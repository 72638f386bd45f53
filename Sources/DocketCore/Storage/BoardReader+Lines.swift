import Foundation

/// The fast path of `BoardReader` for a file in the canonical layout (`BoardEncoder`: one
/// item per line, one activity entry per line): the lines of both lists are found by a scan
/// for newlines (`CanonicalLines`) and each list is read in parts on every core
/// (`Parallel.mapParts`), each line by the same `item` and `entry` readers as the ordinary path.
///
/// It only ever answers for lists it read completely and exactly: each line must hold one
/// whole value and nothing else. Anything else (another layout, a line that does not parse, a
/// list too short to be worth it) gives nil and the ordinary sequential read runs instead, so
/// errors keep their exact line, column and `items[N]` path (a read that gave bytes back,
/// `ReleaseBehind`, cannot run it: it throws `ReleaseBehind.ReadAgain`, and the file is read again).
extension BoardReader {
    /// The items and activity entries read ahead, and where in the file their lists end.
    struct ReadAhead {
        /// The items' store and the offset after the list's `]`.
        var items: ItemStore, itemsEnd: Int
        /// Whether each item line starts with its item's id (`{"id": "ID"`, byte for byte).
        var idsOnLines: Bool
        /// Offset of the activity's `[` (nil when it does not follow the items), its entries
        /// and the offset after its `]`.
        var activityAt: Int?, activity: ActivityLog, activityEnd: Int
    }

    /// Lists shorter than this are read the ordinary way (the threads would cost more).
    static let readAheadMinimum = 2_000

    /// Reads the items' list that starts (`[`) at `itemsAt`, and the activity log when it
    /// follows directly (`,\n"activity": [`), on all cores; nil when the layout is not the
    /// canonical one, any line does not read, or two items have one id (see the type's comment).
    /// With `release`, the file's bytes are given back as the lines are read (`ReleaseBehind`).
    static func readAhead(_ data: Data, _ bytes: UnsafeBufferPointer<UInt8>, itemsAt: Int, release: ReleaseBehind? = nil) -> ReadAhead? {
        var at = itemsAt
        guard var itemLines = CanonicalLines.list(bytes, &at), itemLines.count >= readAheadMinimum else { return nil }
        let itemsEnd = at
        var activityLines: [Range<Int>] = []
        var activityAt: Int?
        let opening = Array(BoardEncoder.activityOpening.utf8.dropLast())  // up to the `[`
        if CanonicalLines.starts(bytes, at, opening) {
            var a = at + opening.count
            let start = a
            if let lines = CanonicalLines.list(bytes, &a) { activityLines = lines; activityAt = start; at = a }
        }
        let idsOnLines = Flag()
        guard let store = items(data, itemLines, idsOnLines: idsOnLines, release: release) else { return nil }
        // Every part is done with the item lines: the blocks two parts shared go too.
        if let release, let first = itemLines.first, let last = itemLines.last { release.release(first.lowerBound..<last.upperBound) }
        itemLines = []  // not needed while the log is read
        guard let activity = activity(data, activityLines, release: release) else { return nil }
        return ReadAhead(items: store, itemsEnd: itemsEnd, idsOnLines: idsOnLines.isSet,
                         activityAt: activityAt, activity: activity, activityEnd: at)
    }

    /// The item on `line` (the `k`th of its list) read alone by the ordinary item reader: nil
    /// unless the line holds exactly one item and nothing else. The one way every lines-based
    /// read (on all cores, lazy, a preview's top cards, a splice's check) reads an item line.
    static func itemOnLine(_ s: inout JSONScanner, _ line: Range<Int>, _ k: Int) -> Item? {
        s.jump(to: line.lowerBound)
        guard let item = try? item(&s, k, tolerant: false), s.offset == line.upperBound else { return nil }
        return item
    }

    /// `body` called with a scanner over `data` and each part of `0..<count` (`Parallel.mapParts`:
    /// on all cores when there is enough work), the results in order: the way every lines-based
    /// read walks a file's lines.
    static func mapLineParts<T: Sendable>(_ data: Data, _ count: Int, minimumPerPart: Int,
                                          _ body: @Sendable (inout JSONScanner, Range<Int>) -> T) -> [T] {
        Parallel.mapParts(count, minimumPerPart: minimumPerPart) { range in
            data.withUnsafeBytes { raw in
                var s = JSONScanner(raw.bindMemory(to: UInt8.self))
                return body(&s, range)
            }
        }
    }

    /// A store of the items of `lines`, each read by the ordinary item reader (`itemOnLine`),
    /// in parts on all cores, each part's items grouped by the part of the store that takes
    /// them, then moved into the store (`ItemStore.filled(moving:)`). Nil when a line does not
    /// read or two items share an id. `idsOnLines`, when given, is cleared if a line does not
    /// start with its item's id. With `release`, each part gives back the file's bytes behind
    /// it as it goes (`ReleaseBehind`).
    static func items(_ data: Data, _ lines: [Range<Int>], idsOnLines: Flag? = nil, release: ReleaseBehind? = nil) -> ItemStore? {
        var parts = mapLineParts(data, lines.count, minimumPerPart: 500) { s, range -> [[Item]]? in
            var groups = Array(repeating: [Item](), count: ItemStore.fillParts)
            for q in groups.indices { groups[q].reserveCapacity(range.count / ItemStore.fillParts * 5 / 4) }
            var behind = Behind(release, lines, range)
            for k in range {
                guard let item = itemOnLine(&s, lines[k], k) else { return nil }
                if let idsOnLines, !CanonicalLines.line(s.bytes, lines[k], startsWithID: item.id) { idsOnLines.clear() }
                groups[ItemStore.fillPart(of: item.id)].append(consume item)
                behind.passed(k)
            }
            behind.finish()
            return groups
        }
        // Taken out of `parts`, so that each list has one owner and its items can be moved.
        var groups: [[[Item]]] = []
        for k in parts.indices {
            guard let part = parts[k].take() else { return nil }
            groups.append(consume part)
        }
        return ItemStore.filled(moving: &groups)
    }

    /// A flag that starts set and that any thread may clear (once cleared, it stays so).
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var set = true
        var isSet: Bool { lock.withLock { set } }
        func clear() { lock.withLock { set = false } }
    }

    /// The entries of `lines`, read in parts on all cores, each part a whole number of the
    /// log's chunks (so the chunks are made as they are read, not copied afterwards).
    static func activity(_ data: Data, _ lines: [Range<Int>], release: ReleaseBehind? = nil) -> ActivityLog? {
        let size = ActivityLog.chunkSize
        let chunkCount = (lines.count + size - 1) / size
        let parts = mapLineParts(data, chunkCount, minimumPerPart: 1) { s, chunks -> [[Activity]]? in
            var out: [[Activity]] = []
            // One way through the part's lines across its chunks (they follow each other), so
            // that whole blocks of them are given back (a chunk alone is smaller than a block).
            var behind = Behind(release, lines, chunks.lowerBound * size..<min(lines.count, chunks.upperBound * size))
            for c in chunks {
                var chunk: [Activity] = []
                chunk.reserveCapacity(size)
                for k in c * size..<min(lines.count, (c + 1) * size) {
                    // Exactly one entry on the line, nothing else.
                    s.jump(to: lines[k].lowerBound)
                    guard let entry = try? entry(&s, { "" }), s.offset == lines[k].upperBound else { return nil }
                    chunk.append(entry)
                    behind.passed(k)
                }
                out.append(chunk)
            }
            behind.finish()
            return out
        }
        var chunks: [[Activity]] = []
        for part in parts {
            guard let part else { return nil }
            chunks += part
        }
        return ActivityLog(chunks: chunks)
    }

    /// One part's way through its lines, giving back the file's bytes behind it
    /// (`ReleaseBehind`) every few MiB, and at its end all of its lines' bytes.
    private struct Behind {
        let release: ReleaseBehind?
        let lines: [Range<Int>]
        let range: Range<Int>
        var from: Int

        init(_ release: ReleaseBehind?, _ lines: [Range<Int>], _ range: Range<Int>) {
            self.release = release; self.lines = lines; self.range = range
            from = range.isEmpty ? 0 : lines[range.lowerBound].lowerBound
        }

        /// Line `k` is read: the bytes of it and the lines before it are no longer needed.
        mutating func passed(_ k: Int) {
            guard let release, lines[k].upperBound - from >= 2 * ReleaseBehind.block else { return }
            release.release(from..<lines[k].upperBound)
            from = lines[k].upperBound / ReleaseBehind.block * ReleaseBehind.block
        }

        /// The part is read: its lines' bytes are no longer needed.
        func finish() {
            guard let release, let last = range.last else { return }
            release.release(from..<lines[last].upperBound)
        }
    }
}
