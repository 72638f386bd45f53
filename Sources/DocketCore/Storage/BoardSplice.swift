/// Writes a changed board by splicing it into the bytes of the file it was read from: the
/// header is encoded anew (it is small), every item whose value did not change keeps its line
/// of the file, changed and new items are encoded, removed ones dropped, and entries appended to
/// the activity log are encoded after the file's own. For a file in the canonical form (as
/// `BoardEncoder` writes it) the result is byte for byte what `BoardEncoder.encode(new)` gives,
/// without encoding the unchanged items (checked by `BoardSpliceTests` on random boards and
/// changes).
///
/// `bytes` returns nil, and the caller encodes the whole board, whenever the file does not have
/// the canonical layout: a header that is not the canonical header of the board read from it
/// (another format version, another layout), items not one per line in id order, an activity
/// log not one entry per line, or an activity log that was not only appended to.
enum BoardSplice {
    /// Where the parts of a canonical file are: each item's line (id and byte range, in file
    /// order) and each activity line's byte range.
    struct Layout {
        var items: [(id: String, range: Range<Int>)]
        var activity: [Range<Int>]
    }

    /// The bytes of `new`, reusing `file` (the file `old` was read from) where nothing
    /// changed; nil when the file's layout is not the canonical one (see the type's comment).
    /// When `new` and `old` descend from one board (a command's board and the board it read,
    /// an open board and what it saved last), only the items either changed are looked at
    /// (`ItemStore.changes(since:)`); otherwise every item is compared.
    static func bytes(of new: Board, old: Board, file: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var header = JSONText()
        BoardEncoder.encodeHeader(&header, old)
        guard starts(file, 0, header.bytes),
              let layout = layout(of: file, headerEnd: header.bytes.count, items: old.items.count, activity: old.activity.count)
        else { return nil }
        // The activity log must only have grown.
        let kept = old.activity.count
        guard new.activity.starts(withLog: old.activity) else { return nil }

        var j = JSONText(capacity: file.count + 4096)
        BoardEncoder.encodeHeader(&j, new)
        j.raw(BoardEncoder.itemsOpening)
        let changed = new.items.changes(since: old.items)
        guard writeItems(&j, new: new, old: old, changed: changed, layout: layout, file: file) else { return nil }
        j.raw(BoardEncoder.activityOpening)
        for (k, range) in layout.activity.enumerated() {
            j.raw(k == 0 ? "\n" : ",\n")
            j.raw(bytes: UnsafeBufferPointer(rebasing: file[range]))
        }
        for k in kept..<new.activity.count {
            j.raw(k == 0 ? "\n" : ",\n")
            BoardEncoder.encodeActivity(&j, new.activity[k])
        }
        j.raw(new.activity.isEmpty ? "]" : "\n]")
        j.raw(BoardEncoder.ending)
        return j.bytes
    }

    /// The items in id order: the file's line for each unchanged item, the encoding of each
    /// changed or new one. With `changed` (the ids where the two may differ), only those are
    /// looked up and every other line is copied as it is; without, every item is compared.
    /// False when the file's items are not `old`'s.
    private static func writeItems(_ j: inout JSONText, new: Board, old: Board, changed: Set<String>?, layout: Layout,
                                   file: UnsafeBufferPointer<UInt8>) -> Bool {
        // New items (not in the file), in id order, merged into the file's order below.
        let added = addedIDs(new: new, old: old, changed: changed)
        var first = true
        func separator(_ j: inout JSONText) { j.raw(first ? "\n" : ",\n"); first = false }
        var a = 0
        for line in layout.items {
            while a < added.count, added[a] < line.id {
                separator(&j); BoardEncoder.encodeItem(&j, new.items[added[a]]!); a += 1
            }
            if let changed, !changed.contains(line.id) {
                separator(&j)
                j.raw(bytes: UnsafeBufferPointer(rebasing: file[line.range]))
                continue
            }
            guard let before = old.items[line.id] else { return false }
            guard let after = new.items[line.id] else { continue }
            separator(&j)
            if after == before { j.raw(bytes: UnsafeBufferPointer(rebasing: file[line.range])) } else { BoardEncoder.encodeItem(&j, after) }
        }
        while a < added.count { separator(&j); BoardEncoder.encodeItem(&j, new.items[added[a]]!); a += 1 }
        j.raw(first ? "]" : "\n]")
        return true
    }

    /// The ids of `new` that `old` does not have, sorted: among `changed` when given, else
    /// among all of `new`'s ids (and only when `new` has more items than it kept of `old`'s).
    private static func addedIDs(new: Board, old: Board, changed: Set<String>?) -> [String] {
        if let changed { return changed.filter { new.items[$0] != nil && old.items[$0] == nil }.sorted() }
        var added: [String] = []
        for shard in new.items.shards { for id in shard.keys where old.items[id] == nil { added.append(id) } }
        return added.sorted()
    }

    /// The canonical layout of `file` after a header of `headerEnd` bytes, or nil when it has
    /// another: the items' opening, `items` item lines in strictly increasing id order, each
    /// starting `{"id": "ID"`, and `activity` entry lines, each a `{…}` on its own line, then
    /// the end of the file.
    static func layout(of file: UnsafeBufferPointer<UInt8>, headerEnd: Int, items: Int, activity: Int) -> Layout? {
        let opening = Array(BoardEncoder.itemsOpening.utf8)
        guard starts(file, headerEnd, opening) else { return nil }
        var at = headerEnd + opening.count
        var itemLines: [(id: String, range: Range<Int>)] = []
        itemLines.reserveCapacity(items)
        guard listLines(file, &at, count: items, each: { range in
            guard let id = lineID(file, range), itemLines.last.map({ $0.id < id }) ?? true else { return false }
            itemLines.append((id, range))
            return true
        }) else { return nil }
        let activityOpening = Array(BoardEncoder.activityOpening.utf8)
        guard starts(file, at, activityOpening) else { return nil }
        at += activityOpening.count
        var activityLines: [Range<Int>] = []
        activityLines.reserveCapacity(activity)
        guard listLines(file, &at, count: activity, each: { range in activityLines.append(range); return true }) else { return nil }
        let ending = Array(BoardEncoder.ending.utf8)
        guard starts(file, at, ending), at + ending.count == file.count else { return nil }
        return Layout(items: itemLines, activity: activityLines)
    }

    /// Reads a canonical list's lines after its `[`: `]` when empty, else `\n` + line for the
    /// first, `,\n` + line for the others, then `\n]`. Each line is one `{…}` without a
    /// newline inside. Exactly `count` lines; false otherwise. Leaves `at` after the `]`.
    private static func listLines(_ file: UnsafeBufferPointer<UInt8>, _ at: inout Int, count: Int,
                                  each: (Range<Int>) -> Bool) -> Bool {
        if count == 0 {
            guard at < file.count, file[at] == 93 else { return false }
            at += 1
            return true
        }
        for k in 0..<count {
            if k > 0 { guard at < file.count, file[at] == 44 else { return false }; at += 1 }
            guard at < file.count, file[at] == 10 else { return false }
            at += 1
            let start = at
            guard let end = nextNewline(file, from: start), end > start + 1,
                  file[start] == 123, file[end - 1] == 125 || (file[end - 1] == 44 && file[end - 2] == 125) else { return false }
            let lineEnd = file[end - 1] == 44 ? end - 1 : end
            guard each(start..<lineEnd) else { return false }
            at = lineEnd
        }
        guard at + 1 < file.count, file[at] == 10, file[at + 1] == 93 else { return false }
        at += 2
        return true
    }

    /// The id of an item line that starts `{"id": "ID"` (ids have no escapes).
    private static func lineID(_ file: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        let prefix: [UInt8] = Array("{\"id\": \"".utf8)
        guard range.count > prefix.count, starts(file, range.lowerBound, prefix) else { return nil }
        var k = range.lowerBound + prefix.count
        let start = k
        while k < range.upperBound, file[k] != 34 {
            if file[k] == 92 { return nil }
            k += 1
        }
        guard k < range.upperBound else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: file[start..<k]), as: UTF8.self)
    }

    private static func nextNewline(_ file: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var k = from
        while k < file.count { if file[k] == 10 { return k }; k += 1 }
        return nil
    }

    private static func starts(_ file: UnsafeBufferPointer<UInt8>, _ at: Int, _ prefix: [UInt8]) -> Bool {
        at + prefix.count <= file.count && UnsafeBufferPointer(rebasing: file[at..<(at + prefix.count)]).elementsEqual(prefix)
    }
}
