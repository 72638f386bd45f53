import Foundation

/// A 64-bit hash of a file's bytes, for `CheckedFiles` to know a board file is the very one it
/// checked: eight bytes at a time, each word mixed in by an xor, a multiplication by an odd
/// constant and a shift (each step a bijection of the state, so two contents of one length
/// that differ in a single word always hash apart), the length mixed in last. About 5 ms for
/// 41 MB on the development machine. Not cryptographic: it tells versions apart, it does not
/// stand against someone forging one.
enum ContentHash {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = ContentHasher()
        hasher.add(bytes)
        return hasher.value
    }

    static func of(_ data: Data) -> UInt64 { data.withUnsafeBytes { of($0) } }

    static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }

    @inline(__always)
    fileprivate static func mix(_ x: UInt64) -> UInt64 {
        let m = x &* 0x9E37_79B9_7F4A_7C15
        return m ^ (m >> 29)
    }
}

/// `ContentHash` of bytes given in pieces (a spliced file written run by run): the same
/// value as the hash of the pieces joined, however they are cut.
struct ContentHasher {
    private var h: UInt64 = 0x243F_6A88_85A3_08D3
    /// Bytes after the last whole word, little-endian in the low bytes (fewer than eight).
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var count = 0

    /// Adds the next piece.
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        count += bytes.count
        var k = 0
        // Complete the word begun by the last piece.
        while pendingCount > 0, pendingCount < 8, k < bytes.count {
            pending |= UInt64(bytes[k]) << (8 * UInt64(pendingCount))
            pendingCount += 1; k += 1
        }
        if pendingCount == 8 { h = ContentHash.mix(h ^ pending); pending = 0; pendingCount = 0 }
        let words = (bytes.count - k) / 8
        var w = 0
        while w < words {
            h = ContentHash.mix(h ^ bytes.loadUnaligned(fromByteOffset: k + w * 8, as: UInt64.self))
            w += 1
        }
        k += words * 8
        while k < bytes.count {
            pending |= UInt64(bytes[k]) << (8 * UInt64(pendingCount))
            pendingCount += 1; k += 1
        }
    }

    /// The hash of every piece added, in order.
    var value: UInt64 {
        // The last partial word: its bytes with the first one lowest, as a word load gives them.
        ContentHash.mix(ContentHash.mix(h ^ pending) ^ UInt64(count))
    }
}
