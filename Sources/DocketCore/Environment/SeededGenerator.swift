/// A small seeded random generator (SplitMix64, after Steele, Lea and Flood, "Fast splittable
/// pseudorandom number generators", 2014): the same seed gives the same sequence on every
/// machine, so shuffles and Monte Carlo forecasts are exact in tests.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    /// The generator's whole state; copying the value forks the sequence.
    public var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `0..<bound` (0 when `bound` ≤ 0).
    public mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
}
