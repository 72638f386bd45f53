import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The canonical layout of a board file (`BoardSplice.layout(of:headerEnd:items:activity:)`)
/// found by reading the file from its descriptor a window at a time (`DescriptorFile`), so an
/// open board's save learns where every line is without holding the file: the same item
/// lines, ids and activity entries, with the ids' bytes kept one after another in the file's
/// `idBytes` (the layout's id ranges are ranges of those). Only files whose ids are all ASCII
/// are laid out here (nil otherwise: the caller reads the file whole).
///
/// After the header the canonical file is these lines: `,`; `"items": [` (or `"items": [],`
/// for none); each item `{…},`, the last `{…}`, then `],`; `"activity": [` (or
/// `"activity": []`); each entry `{…},`, the last `{…}`, then `]`; `}`; and nothing after.
enum StreamedLayout {
    /// The bytes read at a time (a longer line grows the window).
    static let window = 1 << 20

    /// The layout of `file` after a header of `headerEnd` bytes holding `items` items and
    /// `activity` entries; nil for any other layout, non-ASCII or unordered ids, or a read
    /// that fails (`file.failed`).
    static func read(_ file: DescriptorFile, headerEnd: Int, items: Int, activity: Int, window: Int = window) -> BoardSplice.Layout? {
        var lines = LineReader(file, from: headerEnd, window: window)
        var layout = BoardSplice.Layout(items: [], ids: [], asciiIDs: true, activity: nil)
        layout.items.reserveCapacity(items)
        layout.ids.reserveCapacity(items)
        file.idBytes = []
        file.idBytes.reserveCapacity(items * 8)
        guard lines.next(is: ","), let itemsLine = lines.next() else { return nil }
        if itemsLine.text(is: "\"items\": [") {
            let closed = lines.list { line, at in
                // Each id after the one before, as bytes (ASCII: as strings too).
                guard let id = idRange(line), file.idBytes.withUnsafeBufferPointer({ all in
                    layout.ids.last.map { CanonicalLines.compare(all, $0, line, id) < 0 } ?? true
                }) else { return false }
                let start = file.idBytes.count
                file.idBytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[id]))
                layout.ids.append(start..<file.idBytes.count)
                layout.items.append(at..<at + line.count)
                return true
            }
            guard closed, lines.next(is: "],") else { return nil }
        } else if !itemsLine.text(is: "\"items\": [],") {
            return nil
        }
        guard layout.items.count == items, let activityLine = lines.next() else { return nil }
        if activityLine.text(is: "\"activity\": [") {
            var count = 0
            let closed = lines.list { line, at in
                if layout.activity == nil { layout.activity = at..<at }
                layout.activity = layout.activity!.lowerBound..<at + line.count
                count += 1
                return true
            }
            guard closed, count == activity, lines.next(is: "]") else { return nil }
        } else if !(activityLine.text(is: "\"activity\": []") && activity == 0) {
            return nil
        }
        guard lines.next(is: "}"), lines.atEnd, !file.failed else { return nil }
        return layout
    }

    /// The bytes of the id of an item line (after `{"id": "` up to the next `"`): nil unless
    /// the line starts so, the id is not empty, and it is ASCII without escapes.
    private static func idRange(_ line: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let opening = CanonicalLines.idOpening
        guard CanonicalLines.starts(line, 0, opening) else { return nil }
        var k = opening.count
        while k < line.count, line[k] != 34 {
            if line[k] == 92 || line[k] >= 0x80 { return nil }
            k += 1
        }
        guard k < line.count, k > opening.count else { return nil }
        return opening.count..<k
    }
}

/// A line of a file read by `LineReader`: its bytes without the `\n`, valid until the next read.
private struct Line {
    let bytes: UnsafeBufferPointer<UInt8>
    func text(is s: String) -> Bool { bytes.elementsEqual(s.utf8) }
}

/// The lines of a file from an offset on, read a window at a time with `pread`.
private struct LineReader {
    private let file: DescriptorFile
    private var buffer: UnsafeMutableRawBufferPointer
    private var owner: Buffer
    /// The file offset of `buffer[0]`; the bytes read are `buffer[0..<filled]`; the next line starts at `pos`.
    private var start: Int, filled = 0, pos = 0
    /// Set when the last line read had no `\n` after it.
    private var unterminated = false

    /// Frees the window when the reader goes.
    private final class Buffer {
        var memory: UnsafeMutableRawBufferPointer
        init(_ size: Int) { memory = .allocate(byteCount: size, alignment: 16) }
        deinit { memory.deallocate() }
    }

    init(_ file: DescriptorFile, from offset: Int, window: Int) {
        self.file = file
        owner = Buffer(max(window, 64))
        buffer = owner.memory
        start = offset
    }

    /// Whether every byte was read as part of a line that ends with `\n`.
    var atEnd: Bool { !unterminated && pos == filled && start + filled >= file.count }

    /// The next line and its file offset, nil at the end of the file or when a read fails; the
    /// last bytes of a file that does not end with `\n` are a line too (`atEnd` is then false).
    mutating func nextWithOffset() -> (Line, Int)? {
        while true {
            if let nl = memchr(buffer.baseAddress! + pos, 10, filled - pos) {
                let end = buffer.baseAddress!.distance(to: nl)
                defer { pos = end + 1 }
                return (line(pos..<end), start + pos)
            }
            if start + filled >= file.count {
                guard pos < filled else { return nil }
                unterminated = true
                defer { pos = filled }
                return (line(pos..<filled), start + pos)
            }
            guard fill() else { return nil }
        }
    }

    mutating func next() -> Line? { nextWithOffset()?.0 }

    /// Whether the next line is exactly `s`.
    mutating func next(is s: String) -> Bool { next()?.text(is: s) ?? false }

    /// Reads the lines of a canonical list's values: `{…},` for each but the last, `{…}` for
    /// the last, each given to `value` without its `,` (with its file offset); true when every
    /// line was one and `value` took it.
    mutating func list(_ value: (UnsafeBufferPointer<UInt8>, Int) -> Bool) -> Bool {
        while let (line, at) = nextWithOffset() {
            let b = line.bytes
            guard b.count >= 2, b[0] == 123 else { return false }
            let more = b[b.count - 1] == 44
            let close = more ? b.count - 1 : b.count
            guard close > 0, b[close - 1] == 125, value(UnsafeBufferPointer(rebasing: b[0..<close]), at) else { return false }
            if !more { return true }
        }
        return false
    }

    private func line(_ r: Range<Int>) -> Line {
        Line(bytes: UnsafeBufferPointer(rebasing: UnsafeRawBufferPointer(buffer).bindMemory(to: UInt8.self)[r]))
    }

    /// Moves the bytes not yet taken to the front and reads more after them (a window twice
    /// as large when a line fills it); false when the read fails or gives nothing.
    private mutating func fill() -> Bool {
        let keep = filled - pos
        if pos > 0 {
            memmove(buffer.baseAddress!, buffer.baseAddress! + pos, keep)
            start += pos; filled = keep; pos = 0
        }
        if filled == buffer.count {
            let grown = Buffer(buffer.count * 2)
            grown.memory.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: filled)
            owner = grown
            buffer = grown.memory
        }
        let want = min(buffer.count - filled, file.count - (start + filled))
        guard want > 0, file.read(into: buffer.baseAddress! + filled, count: want, at: start + filled) else { return false }
        filled += want
        return true
    }
}
