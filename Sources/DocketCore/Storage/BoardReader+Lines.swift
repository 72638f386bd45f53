import Foundation

/// The fast path of `BoardReader` for a file in the canonical layout (`BoardEncoder`: one
/// item per line, one activity entry per line): the lines of both lists are found in one
/// scan for newlines and read on every core at once (`Parallel.map`), each line by the same
/// `item` and `entry` readers as the ordinary path.
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
        guard let itemLines = listLines(bytes, &at), itemLines.count >= readAheadMinimum else { return nil }
        let itemsEnd = at
        var activityLines: [Range<Int>] = []
        var activityAt: Int?
        let opening = Array(",\n\"activity\": ".utf8)
        if starts(bytes, at, opening) {
            var a = at + opening.count
            let start = a
            if let lines = listLines(bytes, &a) { activityLines = lines; activityAt = start; at = a }
        }
        let parts = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) * 2
        let itemChunks = chunks(itemLines.count, parts), entryChunks = chunks(activityLines.count, parts)
        // Interleaved, so that each core's share (`Parallel.map` cuts the jobs into one run of
        // them per core) holds as many item lines as activity lines.
        var jobs: [Job] = []
        for k in 0..<max(itemChunks.count, entryChunks.count) {
            if k < itemChunks.count { jobs.append(.items(itemChunks[k])) }
            if k < entryChunks.count { jobs.append(.activity(entryChunks[k])) }
        }
        let entryLines = activityLines, work = jobs
        let done = Parallel.map(work.count, minimumPerPart: 1) { k -> Done? in
            data.withUnsafeBytes { raw in run(work[k], raw.bindMemory(to: UInt8.self), itemLines, entryLines) }
        }
        var items: [Item] = [], activity: [Activity] = []
        items.reserveCapacity(itemLines.count)
        activity.reserveCapacity(activityLines.count)
        for result in done {
            switch result {
            case .items(let some)?: items += some
            case .activity(let some)?: activity += some
            case nil: return nil
            }
        }
        return ReadAhead(itemsAt: itemsAt, items: items, itemStarts: itemLines.map(\.lowerBound), itemsEnd: itemsEnd,
                         activityAt: activityAt, activity: activity, activityEnd: at)
    }

    private enum Job: Sendable { case items(Range<Int>), activity(Range<Int>) }
    private enum Done: Sendable { case items([Item]), activity([Activity]) }

    /// `count` lines cut into up to `parts` ranges of about equal length.
    private static func chunks(_ count: Int, _ parts: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let n = min(parts, count)
        return (0..<n).map { p in count * p / n..<count * (p + 1) / n }
    }

    /// One job: its lines read one value each; nil when a line does not hold exactly one.
    private static func run(_ job: Job, _ bytes: UnsafeBufferPointer<UInt8>,
                            _ itemLines: [Range<Int>], _ activityLines: [Range<Int>]) -> Done? {
        var s = JSONScanner(bytes)
        switch job {
        case .items(let range):
            var out: [Item] = []
            out.reserveCapacity(range.count)
            for k in range {
                s.jump(to: itemLines[k].lowerBound)
                guard let item = try? item(&s, k, tolerant: false), s.offset == itemLines[k].upperBound else { return nil }
                out.append(item)
            }
            return .items(out)
        case .activity(let range):
            var out: [Activity] = []
            out.reserveCapacity(range.count)
            for k in range {
                s.jump(to: activityLines[k].lowerBound)
                guard let entry = try? entry(&s, { "" }), s.offset == activityLines[k].upperBound else { return nil }
                out.append(entry)
            }
            return .activity(out)
        }
    }

    /// The lines of a canonical list whose `[` is at `at`: `[]`, or `[` then `\n` + line for the
    /// first value, `,\n` + line for the others, then `\n]`; a line is `{…}` without a newline.
    /// Moves `at` after the `]`; nil for any other layout.
    private static func listLines(_ b: UnsafeBufferPointer<UInt8>, _ at: inout Int) -> [Range<Int>]? {
        guard at + 1 < b.count, b[at] == 91 else { return nil }
        if b[at + 1] == 93 { at += 2; return [] }
        var lines: [Range<Int>] = []
        var k = at + 1
        while true {
            guard k < b.count, b[k] == 10 else { return nil }
            let start = k + 1
            guard start < b.count, b[start] == 123, let end = newline(b, from: start) else { return nil }
            // The line ends `}` (the last value) or `},` (more follow).
            let more = b[end - 1] == 44
            let close = more ? end - 1 : end
            guard close > start, b[close - 1] == 125 else { return nil }
            lines.append(start..<close)
            k = close
            if !more {
                guard k + 1 < b.count, b[k + 1] == 93 else { return nil }
                at = k + 2
                return lines
            }
            k += 1
        }
    }

    private static func newline(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < b.count, let base = b.baseAddress,
              let found = memchr(base + from, 10, b.count - from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func starts(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ prefix: [UInt8]) -> Bool {
        at + prefix.count <= b.count && UnsafeBufferPointer(rebasing: b[at..<(at + prefix.count)]).elementsEqual(prefix)
    }
}
