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
        guard CanonicalLines.starts(file, 0, header.bytes),
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
        for id in new.items.keys where !old.items.contains(id) { added.append(id) }
        return added.sorted()
    }

    /// The canonical layout of `file` after a header of `headerEnd` bytes, or nil when it has
    /// another: the items' opening, `items` item lines in strictly increasing id order, each
    /// starting `{"id": "ID"`, and `activity` entry lines, each a `{…}` on its own line, then
    /// the end of the file.
    static func layout(of file: UnsafeBufferPointer<UInt8>, headerEnd: Int, items: Int, activity: Int) -> Layout? {
        // Each list's `[` is the last byte of its opening.
        let opening = Array(BoardEncoder.itemsOpening.utf8)
        guard CanonicalLines.starts(file, headerEnd, opening) else { return nil }
        var at = headerEnd + opening.count - 1
        guard let itemRanges = CanonicalLines.list(file, &at), itemRanges.count == items else { return nil }
        var itemLines: [(id: String, range: Range<Int>)] = []
        itemLines.reserveCapacity(items)
        for range in itemRanges {
            guard let id = lineID(file, range), itemLines.last.map({ $0.id < id }) ?? true else { return nil }
            itemLines.append((id, range))
        }
        let activityOpening = Array(BoardEncoder.activityOpening.utf8)
        guard CanonicalLines.starts(file, at, activityOpening) else { return nil }
        at += activityOpening.count - 1
        guard let activityLines = CanonicalLines.list(file, &at), activityLines.count == activity else { return nil }
        let ending = Array(BoardEncoder.ending.utf8)
        guard CanonicalLines.starts(file, at, ending), at + ending.count == file.count else { return nil }
        return Layout(items: itemLines, activity: activityLines)
    }

    /// The id of an item line that starts `{"id": "ID"` (ids have no escapes).
    private static func lineID(_ file: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        let prefix: [UInt8] = Array("{\"id\": \"".utf8)
        guard range.count > prefix.count, CanonicalLines.starts(file, range.lowerBound, prefix) else { return nil }
        var k = range.lowerBound + prefix.count
        let start = k
        while k < range.upperBound, file[k] != 34 {
            if file[k] == 92 { return nil }
            k += 1
        }
        guard k < range.upperBound else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: file[start..<k]), as: UTF8.self)
    }
}
