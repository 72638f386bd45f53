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
    /// Where the parts of a canonical file are: each item's line and the bytes of its id (in
    /// file order, ids increasing), whether every id is ASCII, and where the activity entries are.
    struct Layout: Equatable {
        var items: [Range<Int>]
        /// Byte ranges in the file, or in the ids' own buffer for a layout read from a
        /// descriptor (`StreamedLayout`).
        var ids: [Range<Int>]
        /// Every id is ASCII, so byte order is the ids' order (`writeChanged` searches by bytes).
        var asciiIDs: Bool
        /// The activity log's entries from the first one's `{` to the last one's `}` (with the
        /// `,\n` between them); nil for an empty log.
        var activity: Range<Int>?
    }

    /// The bytes of `new`, reusing `file` (the file `old` was read from) where nothing
    /// changed; nil when the file's layout is not the canonical one (see the type's comment).
    /// When `new` and `old` descend from one board (a command's board and the board it read,
    /// an open board and what it saved last), only the items either changed are looked at
    /// (`ItemStore.changes(since:)`); otherwise every item is compared.
    static func bytes(of new: Board, old: Board, file: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        runs(of: new, old: old, file: file)?.joined(file)
    }

    /// `bytes(of:old:file:)` as runs of the file and of new text (`SplicedBytes`, copies of the
    /// file from `referenceMinimum` bytes referred to), to be written without joining them.
    static func runs(of new: Board, old: Board, file: UnsafeBufferPointer<UInt8>,
                     referenceMinimum: Int = SplicedBytes.referenceMinimum) -> SplicedBytes? {
        var header = JSONText()
        BoardEncoder.encodeHeader(&header, old)
        guard CanonicalLines.starts(file, 0, header.bytes),
              let layout = layoutAsRead(old, file: file, headerEnd: header.bytes.count)
                ?? layout(of: file, headerEnd: header.bytes.count, items: old.items.count, activity: old.activity.count)
        else { return nil }
        return runs(of: new, old: old, changed: new.items.changes(since: old.items), layout: layout, from: MemoryFile(file),
                    referenceMinimum: referenceMinimum)
    }

    /// `runs(of:old:file:…)` reading the file from its descriptor (`DescriptorFile`): the
    /// layout found a window at a time (`StreamedLayout`), then only the lines a change needs
    /// and the short copies read; long runs stay ranges of the file, to be copied file to file
    /// (`SplicedBytes.withFilePieces`). Nil, and the caller reads the file whole, unless `new`
    /// descends from `old` (`ItemStore.changes(since:)`) with ASCII ids changed, the file has
    /// the canonical layout with ASCII ids, and every read succeeds.
    static func runs(of new: Board, old: Board, reading file: DescriptorFile,
                     referenceMinimum: Int = SplicedBytes.referenceMinimum) -> SplicedBytes? {
        guard let changed = new.items.changes(since: old.items),
              changed.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return nil }
        var header = JSONText()
        BoardEncoder.encodeHeader(&header, old)
        guard file.starts(with: header.bytes),
              let layout = StreamedLayout.read(file, headerEnd: header.bytes.count, items: old.items.count, activity: old.activity.count),
              let out = runs(of: new, old: old, changed: changed, layout: layout, from: file, referenceMinimum: referenceMinimum),
              !file.failed
        else { return nil }
        return out
    }

    /// The runs of `new` over `layout`, the layout of the file `old` was read from, whose
    /// bytes `file` gives; `changed` the ids where they may differ (`ItemStore.changes(since:)`).
    private static func runs<F: SpliceFile>(of new: Board, old: Board, changed: Set<String>?, layout: Layout, from file: F,
                                            referenceMinimum: Int) -> SplicedBytes? {
        // The activity log must only have grown.
        let kept = old.activity.count
        guard new.activity.starts(withLog: old.activity) else { return nil }

        // Room for the text only: long runs of the file are referred to (with every item
        // compared, short runs are the rule and are copied).
        var out = SplicedBytes(capacity: changed == nil ? file.count + 4096 : 64 * 1024, referenceMinimum: referenceMinimum)
        BoardEncoder.encodeHeader(&out.text, new)
        out.text.raw(BoardEncoder.itemsOpening)
        guard writeItems(&out, new: new, old: old, changed: changed, layout: layout, file: file) else { return nil }
        out.text.raw(BoardEncoder.activityOpening)
        if let entries = layout.activity {
            // The file's entries in one piece, with the `,\n` between them.
            out.text.raw("\n")
            file.copy(entries, into: &out)
        }
        for k in kept..<new.activity.count {
            out.text.raw(k == 0 ? "\n" : ",\n")
            BoardEncoder.encodeActivity(&out.text, new.activity[k])
        }
        out.text.raw(new.activity.isEmpty ? "]" : "\n]")
        out.text.raw(BoardEncoder.ending)
        out.close()
        return out
    }

    /// The items in id order: the file's line for each unchanged item, the encoding of each
    /// changed or new one. With `changed` (the ids where the two may differ), only those are
    /// looked up and the lines between them are copied as they are, in runs; without, every
    /// item is compared. False when the file's items are not `old`'s.
    private static func writeItems<F: SpliceFile>(_ j: inout SplicedBytes, new: Board, old: Board, changed: Set<String>?, layout: Layout,
                                                  file: F) -> Bool {
        var first = true
        func separator(_ j: inout SplicedBytes) { j.text.raw(first ? "\n" : ",\n"); first = false }
        let ok: Bool
        if let changed, layout.asciiIDs, changed.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            ok = writeChanged(&j, new: new, old: old, changed: changed, layout: layout, file: file, separator)
        } else if let memory = file.memory {
            ok = writeEach(&j, new: new, old: old, changed: changed, layout: layout, file: memory, separator)
        } else {
            return false
        }
        j.text.raw(first ? "]" : "\n]")
        return ok
    }

    /// `writeItems` looking only at `changed`: each is found among the file's lines by its
    /// bytes (ASCII ids: byte order is the ids' order), and the lines between are copied in runs.
    private static func writeChanged<F: SpliceFile>(_ j: inout SplicedBytes, new: Board, old: Board, changed: Set<String>, layout: Layout,
                                                    file: F, _ separator: (inout SplicedBytes) -> Void) -> Bool {
        // (line index, 0 for an item put before that line or 1 for that line's item, id).
        var events: [(at: Int, onLine: Int, id: String)] = changed.map { id in
            let (k, found) = file.lowerBound(layout.ids, id)
            return (k, found ? 1 : 0, id)
        }
        events.sort { ($0.at, $0.onLine, $0.id) < ($1.at, $1.onLine, $1.id) }
        var next = 0
        func copyLines(upTo end: Int, _ j: inout SplicedBytes) {
            guard next < end else { return }
            separator(&j)
            file.copy(layout.items[next].lowerBound..<layout.items[end - 1].upperBound, into: &j)
            next = end
        }
        for e in events {
            copyLines(upTo: e.at, &j)
            if e.onLine == 0 {
                guard old.items[e.id] == nil else { return false }
                if let after = new.items[e.id] { separator(&j); BoardEncoder.encodeItem(&j.text, after) }
                continue
            }
            guard let before = old.items[e.id] else { return false }
            next = e.at + 1
            let after = new.items[e.id]
            if after != before, !file.holds(layout.items[e.at], id: e.id) { return false }
            guard let after else { continue }
            separator(&j)
            if after == before { file.copy(layout.items[e.at], into: &j) } else { BoardEncoder.encodeItem(&j.text, after) }
        }
        copyLines(upTo: layout.items.count, &j)
        return true
    }

    /// `writeItems` line by line (any ids; every item compared when `changed` is nil).
    private static func writeEach(_ j: inout SplicedBytes, new: Board, old: Board, changed: Set<String>?, layout: Layout,
                                  file: UnsafeBufferPointer<UInt8>, _ separator: (inout SplicedBytes) -> Void) -> Bool {
        // New items (not in the file), in id order, merged into the file's order below.
        let added = addedIDs(new: new, old: old, changed: changed)
        var a = 0
        var found = 0  // changed ids of `old` met on their lines
        for (k, range) in layout.items.enumerated() {
            let id = String(decoding: UnsafeBufferPointer(rebasing: file[layout.ids[k]]), as: UTF8.self)
            if let changed, changed.contains(id), old.items.contains(id) { found += 1 }
            while a < added.count, added[a] < id {
                separator(&j); BoardEncoder.encodeItem(&j.text, new.items[added[a]]!); a += 1
            }
            if let changed, !changed.contains(id) {
                separator(&j)
                j.copy(range, of: file)
                continue
            }
            guard let before = old.items[id] else { return false }
            let after = new.items[id]
            if after != before, !holds(file, range, id: id) { return false }
            guard let after else { continue }
            separator(&j)
            if after == before { j.copy(range, of: file) } else { BoardEncoder.encodeItem(&j.text, after) }
        }
        while a < added.count { separator(&j); BoardEncoder.encodeItem(&j.text, new.items[added[a]]!); a += 1 }
        // A changed item of `old` on no line of its own (its line gives another id first) would be lost.
        if let changed, found != changed.filter({ old.items.contains($0) }).count { return false }
        return true
    }

    /// Whether the lines a splice of `new` into the file `old` was read from encoded anew (its
    /// changed and added items, `ItemStore.changes(since:)`) are each one item line: an item's
    /// unknown keys are written as they were read, and one holding a line break would split
    /// its line (the bytes written are then not recorded as sound, `BoardStore.update`).
    static func encodedLinesAreItems(_ new: Board, since old: Board) -> Bool {
        guard let changed = new.items.changes(since: old.items) else { return false }
        return changed.allSatisfy { id in
            new.items[id]?.extra.values.allSatisfy { !$0.utf8.contains(10) && !$0.utf8.contains(13) } ?? true
        }
    }

    /// Whether `line` of `file`, read alone, is the item with id `id`: a line is replaced or
    /// dropped only then (its first `"id"` names it, but a line edited by hand can give its id
    /// twice, the later one counting; such a file is written whole instead).
    static func holds(_ file: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, id: String) -> Bool {
        var s = JSONScanner(file)
        return BoardReader.itemOnLine(&s, line, 0)?.id == id
    }

    /// The ids of `new` that `old` does not have, sorted: among `changed` when given, else
    /// among all of `new`'s ids (and only when `new` has more items than it kept of `old`'s).
    private static func addedIDs(new: Board, old: Board, changed: Set<String>?) -> [String] {
        if let changed { return changed.filter { new.items[$0] != nil && old.items[$0] == nil }.sorted() }
        var added: [String] = []
        for id in new.items.keys where !old.items.contains(id) { added.append(id) }
        return added.sorted()
    }

    /// The layout of `file` as the checked read of `old` found it (`FileItems`, the log's
    /// lines), when `old` was read lazily from these very bytes, has every item and entry still
    /// on its line, and its lists sit where `layout(of:…)` would look for them (which then finds
    /// the same lines: the read found them by the same walk); nil otherwise, and for empty
    /// lists or non-ASCII ids (`layout(of:…)` then scans the file).
    static func layoutAsRead(_ old: Board, file: UnsafeBufferPointer<UInt8>, headerEnd: Int) -> Layout? {
        guard let items = old.items.fileLines, let activity = old.activity.lines, activity.count == old.activity.count,
              let firstItem = items.lines.first, let lastItem = items.lines.last,
              let firstEntry = activity.first, let lastEntry = activity.last,
              items.data.withUnsafeBytes({ $0.baseAddress == UnsafeRawPointer(file.baseAddress) && $0.count == file.count })
        else { return nil }
        let itemsOpening = Array(BoardEncoder.itemsOpening.utf8), activityOpening = Array(BoardEncoder.activityOpening.utf8)
        let ending = Array(BoardEncoder.ending.utf8)
        // `[` `\n` then the first line; the last line, `\n` `]` (`CanonicalLines.list`).
        let itemsEnd = lastItem.upperBound + 2, activityEnd = lastEntry.upperBound + 2
        guard CanonicalLines.starts(file, headerEnd, itemsOpening), firstItem.lowerBound == headerEnd + itemsOpening.count + 1,
              CanonicalLines.starts(file, itemsEnd, activityOpening), firstEntry.lowerBound == itemsEnd + activityOpening.count + 1,
              CanonicalLines.starts(file, activityEnd, ending), activityEnd + ending.count == file.count
        else { return nil }
        let ascii = items.idRanges.allSatisfy { r in UnsafeBufferPointer(rebasing: file[r]).allSatisfy { $0 < 0x80 } }
        guard ascii else { return nil }
        return Layout(items: items.lines, ids: items.idRanges, asciiIDs: true, activity: firstEntry.lowerBound..<lastEntry.upperBound)
    }

    /// The canonical layout of `file` after a header of `headerEnd` bytes, or nil when it has
    /// another: the items' opening, `items` item lines, each starting `{"id": "ID"` and their ids
    /// strictly increasing (`CanonicalLines.idRanges`; as strings too: non-ASCII ids whose bytes
    /// and strings order otherwise are refused), and `activity` entry lines, each a `{…}` on
    /// its own line, then the end of the file.
    static func layout(of file: UnsafeBufferPointer<UInt8>, headerEnd: Int, items: Int, activity: Int) -> Layout? {
        // Each list's `[` is the last byte of its opening.
        let opening = Array(BoardEncoder.itemsOpening.utf8)
        guard CanonicalLines.starts(file, headerEnd, opening) else { return nil }
        var at = headerEnd + opening.count - 1
        guard let itemRanges = CanonicalLines.list(file, &at), itemRanges.count == items,
              let (ids, byteOrdered, ascii) = CanonicalLines.idRanges(file, itemRanges) else { return nil }
        if ascii {
            guard byteOrdered else { return nil }
        } else {
            let strings = ids.map { String(decoding: UnsafeBufferPointer(rebasing: file[$0]), as: UTF8.self) }
            guard zip(strings, strings.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        }
        let activityOpening = Array(BoardEncoder.activityOpening.utf8)
        guard CanonicalLines.starts(file, at, activityOpening) else { return nil }
        at += activityOpening.count - 1
        guard let activityLines = CanonicalLines.list(file, &at), activityLines.count == activity else { return nil }
        let ending = Array(BoardEncoder.ending.utf8)
        guard CanonicalLines.starts(file, at, ending), at + ending.count == file.count else { return nil }
        return Layout(items: itemRanges, ids: ids, asciiIDs: ascii,
                      activity: activityLines.first.map { $0.lowerBound..<activityLines.last!.upperBound })
    }
}
