import Foundation

/// A 64-bit hash of a file's bytes, for `CheckedFiles` to know a board file is the very one it
/// checked: eight bytes at a time, each word mixed in by an xor, a multiplication by an odd
/// constant and a shift (each step a bijection of the state, so two contents of one length
/// that differ in a single word always hash apart), the length mixed in last. About 5 ms for
/// 41 MB on the development machine. Not cryptographic: it tells versions apart, it does not
/// stand against someone forging one.
enum ContentHash {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        let words = bytes.count / 8
        var k = 0
        while k < words {
            h = mix(h ^ bytes.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self))
            k += 1
        }
        var tail: UInt64 = 0
        for i in stride(from: bytes.count - 1, through: words * 8, by: -1) { tail = tail << 8 | UInt64(bytes[i]) }
        return mix(mix(h ^ tail) ^ UInt64(bytes.count))
    }

    static func of(_ data: Data) -> UInt64 { data.withUnsafeBytes { of($0) } }

    static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        let m = x &* 0x9E37_79B9_7F4A_7C15
        return m ^ (m >> 29)
    }
}
