import Foundation

/// A 64-bit hash of a file's bytes, for `CheckedFiles` to know a board file is the very one it
/// checked. The bytes are taken 32 at a time as four 8-byte words, each mixed into a lane of
/// its own (an xor, a multiplication by an odd constant and a shift: a bijection of the lane),
/// so the four multiplications run side by side; the lanes are then folded into one by more
/// bijections, the last partial word and the length mixed in last. Two contents of one length
/// that differ in a single word always hash apart. About 2 ms for 41 MB on the development
/// machine (a single lane took 5–6). Not cryptographic: it tells versions apart, it does not
/// stand against someone forging one.
enum ContentHash {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = ContentHasher()
        hasher.add(bytes)
        return hasher.value
    }

    static func of(_ data: Data) -> UInt64 { data.withUnsafeBytes { of($0) } }

    static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }

    /// The hash of `pieces` joined, without joining them (`ContentHasher`).
    static func of(pieces: [UnsafeRawBufferPointer]) -> UInt64 {
        var hasher = ContentHasher()
        for piece in pieces { hasher.add(piece) }
        return hasher.value
    }

    @inline(__always)
    fileprivate static func mix(_ x: UInt64) -> UInt64 {
        let m = x &* 0x9E37_79B9_7F4A_7C15
        return m ^ (m >> 29)
    }
}

/// `ContentHash` of bytes given in pieces (a spliced file written run by run): the same
/// value as the hash of the pieces joined, however they are cut.
struct ContentHasher {
    private var l0: UInt64 = 0x243F_6A88_85A3_08D3
    private var l1: UInt64 = 0x1319_8A2E_0370_7344
    private var l2: UInt64 = 0xA409_3822_299F_31D0
    private var l3: UInt64 = 0x082E_FA98_EC4E_6C89
    /// Bytes after the last whole block of 32 (fewer than 32).
    private var pending: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var pendingCount = 0
    private var count = 0

    /// Adds the next piece.
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        count += bytes.count
        var k = 0
        if pendingCount > 0 {
            let take = min(32 - pendingCount, bytes.count)
            withUnsafeMutableBytes(of: &pending) { p in
                for i in 0..<take { p[pendingCount + i] = bytes[i] }
            }
            pendingCount += take; k = take
            guard pendingCount == 32 else { return }
            block(pending.0, pending.1, pending.2, pending.3)
            pendingCount = 0
        }
        while k + 32 <= bytes.count {
            block(bytes.loadUnaligned(fromByteOffset: k, as: UInt64.self), bytes.loadUnaligned(fromByteOffset: k + 8, as: UInt64.self),
                  bytes.loadUnaligned(fromByteOffset: k + 16, as: UInt64.self), bytes.loadUnaligned(fromByteOffset: k + 24, as: UInt64.self))
            k += 32
        }
        let rest = bytes.count - k
        if rest > 0 {
            pending = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &pending) { p in
                for i in 0..<rest { p[i] = bytes[k + i] }
            }
            pendingCount = rest
        }
    }

    @inline(__always)
    private mutating func block(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) {
        l0 = ContentHash.mix(l0 ^ a.littleEndian)
        l1 = ContentHash.mix(l1 ^ b.littleEndian)
        l2 = ContentHash.mix(l2 ^ c.littleEndian)
        l3 = ContentHash.mix(l3 ^ d.littleEndian)
    }

    /// The hash of every piece added, in order.
    var value: UInt64 {
        // The pending bytes: whole words into the lanes in turn, the rest as one word (the
        // first byte lowest); pending's bytes past `pendingCount` are zero.
        var lanes = [l0, l1, l2, l3]
        let words = pendingCount / 8
        let parts = [pending.0, pending.1, pending.2, pending.3].map(\.littleEndian)
        for w in 0..<words { lanes[w] = ContentHash.mix(lanes[w] ^ parts[w]) }
        let tail = pendingCount % 8 == 0 ? 0 : parts[words]
        var h = ContentHash.mix(lanes[0])
        for lane in lanes.dropFirst() { h = ContentHash.mix(h ^ lane) }
        return ContentHash.mix(ContentHash.mix(h ^ tail) ^ UInt64(count))
    }
}
