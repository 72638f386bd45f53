import Foundation

/// The fast path of `BoardReader` for a file in the canonical layout (`BoardEncoder`: one
/// item per line, one activity entry per line): the lines of both lists are found by a scan
/// for newlines (`CanonicalLines`) and each list is read in parts on every core
/// (`Parallel.mapParts`), each line by the same `item` and `entry` readers as the ordinary path.
///
/// It only ever answers for lists it read completely and exactly: each line must hold one
/// whole value and nothing else. Anything else (another layout, a line that does not parse, a
/// list too short to be worth it) gives nil and the ordinary sequential read runs instead, so
/// errors keep their exact line, column and `items[N]` path.
extension BoardReader {
    /// The items and activity entries read ahead, and where in the file their lists end.
    struct ReadAhead {
        /// Offset of the items' `[`, the items in file order, each one's line start, and the
        /// offset after the list's `]`.
        var itemsAt: Int, items: [Item], itemStarts: [Int], itemsEnd: Int
        /// Offset of the activity's `[` (nil when it does not follow the items), its entries
        /// and the offset after its `]`.
        var activityAt: Int?, activity: [Activity], activityEnd: Int
    }

    /// Lists shorter than this are read the ordinary way (the threads would cost more).
    static let readAheadMinimum = 2_000

    /// Reads the items' list that starts (`[`) at `itemsAt`, and the activity log when it
    /// follows directly (`,\n"activity": [`), on all cores; nil when the layout is not the
    /// canonical one or any line does not read (see the type's comment).
    static func readAhead(_ data: Data, _ bytes: UnsafeBufferPointer<UInt8>, itemsAt: Int) -> ReadAhead? {
        var at = itemsAt
        guard let itemLines = CanonicalLines.list(bytes, &at), itemLines.count >= readAheadMinimum else { return nil }
        let itemsEnd = at
        var activityLines: [Range<Int>] = []
        var activityAt: Int?
        let opening = Array(",\n\"activity\": ".utf8)
        if CanonicalLines.starts(bytes, at, opening) {
            var a = at + opening.count
            let start = a
            if let lines = CanonicalLines.list(bytes, &a) { activityLines = lines; activityAt = start; at = a }
        }
        let entryLines = activityLines
        guard let items = read(data, itemLines, { s, k in try item(&s, k, tolerant: false) }),
              let activity = read(data, entryLines, { s, _ in try entry(&s, { "" }) }) else { return nil }
        return ReadAhead(itemsAt: itemsAt, items: items, itemStarts: itemLines.map(\.lowerBound), itemsEnd: itemsEnd,
                         activityAt: activityAt, activity: activity, activityEnd: at)
    }

    /// Every line of `lines` read by `one` (given a scanner at the line's start and the line's
    /// index), in parts on all cores; nil when any line does not hold exactly one value.
    private static func read<T: Sendable>(_ data: Data, _ lines: [Range<Int>],
                                          _ one: @escaping @Sendable (inout JSONScanner, Int) throws -> T) -> [T]? {
        let parts = Parallel.mapParts(lines.count, minimumPerPart: 500) { range -> [T]? in
            data.withUnsafeBytes { raw in
                var s = JSONScanner(raw.bindMemory(to: UInt8.self))
                var out: [T] = []
                out.reserveCapacity(range.count)
                for k in range {
                    s.jump(to: lines[k].lowerBound)
                    guard let value = try? one(&s, k), s.offset == lines[k].upperBound else { return nil }
                    out.append(value)
                }
                return out
            }
        }
        var all: [T] = []
        all.reserveCapacity(lines.count)
        for part in parts {
            guard let part else { return nil }
            all += part
        }
        return all
    }
}
