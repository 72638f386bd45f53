import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Gives the memory of a large file read into memory (`FileRead.whole`) back to the system
/// while a read goes through it, 2 MiB at a time, once every part of the read has gone past
/// those bytes (`BoardDecoder.decode(releasingBehind:url:)`): a session's full read then
/// never holds the whole file and the whole board at once. Released bytes read as zeros
/// afterwards, so the read that releases them must never look back (`BoardReader+Lines` reads
/// each line once, forwards), and whatever fails after a release is read again from the file
/// (`happened`).
final class ReleaseBehind: @unchecked Sendable {
    private let data: Data
    private let lock = NSLock()
    private var released = false
    /// The size of the blocks given back (a huge page).
    static let block = FileRead.hugePage

    /// Nil unless `data` is a file read into its own block-aligned buffer (`FileRead`'s large
    /// files, Linux only): nothing else is ever given back.
    init?(_ data: Data) {
        #if os(Linux)
        guard data.count >= FileRead.largeFile,
              data.withUnsafeBytes({ raw in raw.baseAddress.map { Int(bitPattern: $0) % Self.block == 0 } ?? false })
        else { return nil }
        self.data = data
        #else
        return nil
        #endif
    }

    /// Thrown by a read that cannot go on after bytes were given back: read the file again.
    struct ReadAgain: Error {}

    /// Whether any bytes were given back.
    var happened: Bool { lock.withLock { released } }

    /// Gives back the whole blocks inside `range` (byte offsets): every part of the read must
    /// be done with all of them.
    func release(_ range: Range<Int>) {
        let lo = (range.lowerBound + Self.block - 1) / Self.block * Self.block
        let hi = min(range.upperBound, data.count) / Self.block * Self.block
        guard hi > lo else { return }
        #if os(Linux)
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            if madvise(UnsafeMutableRawPointer(mutating: base) + lo, hi - lo, Int32(MADV_DONTNEED)) == 0 {
                lock.withLock { released = true }
            }
        }
        #endif
    }
}
