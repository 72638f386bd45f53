import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a splice (`BoardSplice.runs`) reads the bytes of the file it splices into: the file
/// in memory (`MemoryFile`), or the file read by range from its descriptor (`DescriptorFile`).
protocol SpliceFile {
    /// The file's size in bytes.
    var count: Int { get }
    /// The whole file in memory, nil when it is read by range (comparing every item line,
    /// `BoardSplice`'s `writeEach`, needs it whole).
    var memory: UnsafeBufferPointer<UInt8>? { get }
    /// The first of `ids` (the layout's id ranges, increasing) whose bytes are at least `id`'s:
    /// its index, and whether they are equal (`CanonicalLines.lowerBound`).
    func lowerBound(_ ids: [Range<Int>], _ id: String) -> (index: Int, found: Bool)
    /// Whether `line` (a byte range of the file), read alone, is the item with id `id`.
    func holds(_ line: Range<Int>, id: String) -> Bool
    /// Appends the file's bytes in `range` to `j`: referred to when long, copied when short.
    func copy(_ range: Range<Int>, into j: inout SplicedBytes)
}

/// The file a splice reads, whole in memory; the layout's id ranges are ranges of it.
struct MemoryFile: SpliceFile {
    let bytes: UnsafeBufferPointer<UInt8>
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
    var count: Int { bytes.count }
    var memory: UnsafeBufferPointer<UInt8>? { bytes }
    func lowerBound(_ ids: [Range<Int>], _ id: String) -> (index: Int, found: Bool) { CanonicalLines.lowerBound(bytes, ids, id) }
    func holds(_ line: Range<Int>, id: String) -> Bool { BoardSplice.holds(bytes, line, id: id) }
    func copy(_ range: Range<Int>, into j: inout SplicedBytes) { j.copy(range, of: bytes) }
}

/// The file a splice reads, open for reading and read by range (`pread`) as the splice needs
/// it: the layout a window at a time (`StreamedLayout`, which keeps the ids in `idBytes`: the
/// layout's id ranges are ranges of that), then the lines a change looks at and the short
/// copies. Long copies stay ranges of the file, copied to the new file by the kernel
/// (`AtomicFile.Piece.file`), so an open board's save never holds the file in memory.
///
/// A read that fails or comes short (the file shrank) sets `failed`; the splice is then not
/// used. Whether the file changed since it was opened (rewritten in place, or replaced at its
/// path) says `unchanged()`, for the write to ask before it replaces anything. The descriptor
/// is closed when this is released.
final class DescriptorFile: SpliceFile {
    let fd: Int32
    let count: Int
    private let url: URL
    private let opened: FileStamp
    /// The bytes of every item's id, one after another (`StreamedLayout`).
    var idBytes: [UInt8] = []
    /// Whether a read failed or came short.
    private(set) var failed = false

    /// The regular file at `url` opened for reading, nil when it cannot be opened or is not a
    /// regular file (a named pipe is opened without waiting for a writer, and refused).
    init?(_ url: URL) {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { close(fd); return nil }
        self.fd = fd
        count = Int(info.st_size)
        self.url = url
        opened = FileStamp(info)
    }

    /// Whether the file at its path is still the one opened, as it was then (`FileStamp`: not
    /// replaced by a rename, not rewritten in place).
    func unchanged() -> Bool { FileStamp(url) == opened }

    deinit { close(fd) }

    var memory: UnsafeBufferPointer<UInt8>? { nil }

    /// The bytes in `range`, nil (and `failed`) when they cannot all be read.
    func read(_ range: Range<Int>) -> [UInt8]? {
        let bytes = FileRead.range(fd, range)
        if bytes == nil { failed = true }
        return bytes
    }

    /// Reads `count` bytes at `offset` into `buffer`; false (and `failed`) when they cannot all be read.
    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Bool {
        let ok = FileRead.readAll(fd, into: buffer, count: count, at: offset)
        if !ok { failed = true }
        return ok
    }

    /// Whether the file starts with `prefix`.
    func starts(with prefix: [UInt8]) -> Bool {
        prefix.count <= count && read(0..<prefix.count) == prefix
    }

    func lowerBound(_ ids: [Range<Int>], _ id: String) -> (index: Int, found: Bool) {
        idBytes.withUnsafeBufferPointer { CanonicalLines.lowerBound($0, ids, id) }
    }

    func holds(_ line: Range<Int>, id: String) -> Bool {
        guard let bytes = read(line) else { return false }
        return bytes.withUnsafeBufferPointer { BoardSplice.holds($0, 0..<bytes.count, id: id) }
    }

    func copy(_ range: Range<Int>, into j: inout SplicedBytes) {
        if range.count >= j.referenceMinimum { j.refer(range); return }
        guard let bytes = read(range) else { return }
        bytes.withUnsafeBufferPointer { j.text.raw(bytes: $0) }
    }
}
