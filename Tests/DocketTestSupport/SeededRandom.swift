import DocketCore

/// A small seeded random generator shared by the test targets so "random" and fuzz tests
/// fail the same way twice (a failing test prints its seed): DocketCore's `SeededGenerator`
/// (SplitMix64) with a few helpers for tests.
public struct SeededRandom: RandomNumberGenerator {
    public var generator: SeededGenerator
    public init(seed: UInt64) { generator = SeededGenerator(seed: seed) }
    public mutating func next() -> UInt64 { generator.next() }

    /// A whole number in `0..<bound` (0 when `bound` ≤ 0).
    public mutating func below(_ bound: Int) -> Int { generator.below(bound) }

    /// One element of `list` (which must not be empty).
    public mutating func pick<T>(_ list: [T]) -> T { list[below(list.count)] }

    /// True with probability `p` (0…1).
    public mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
}
