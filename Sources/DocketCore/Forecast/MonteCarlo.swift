/// Monte Carlo simulation over past daily throughput (the method of ActionableAgile and of
/// Vacanti's "When Will It Be Done?"): each run draws, day after day, one past day's
/// throughput at random (uniformly, with replacement) from `samples`, and counts.
/// Deterministic for a given generator state.
public enum MonteCarlo {
    /// The longest a run is simulated, in days (ten years); a run that has not finished by then
    /// reports `maxDays + 1`.
    public static let maxDays = 3_650

    /// For each of `runs` runs, the number of days (1 = the first simulated day) until
    /// `items` items are done; sorted ascending. All zeros when `items` ≤ 0. `samples` must
    /// hold at least one positive number (else every run reports `maxDays + 1`).
    public static func daysToFinish(_ items: Int, samples: [Int], runs: Int, generator: inout SeededGenerator) -> [Int] {
        guard items > 0 else { return [Int](repeating: 0, count: max(0, runs)) }
        guard samples.contains(where: { $0 > 0 }) else { return [Int](repeating: maxDays + 1, count: max(0, runs)) }
        var out: [Int] = []
        out.reserveCapacity(runs)
        for _ in 0..<max(0, runs) {
            var done = 0, day = 0
            while done < items, day <= maxDays {
                done += samples[generator.below(samples.count)]
                day += 1
            }
            out.append(done >= items ? day : maxDays + 1)
        }
        return out.sorted()
    }

    /// For each of `runs` runs, how many items are done in `days` days; sorted ascending.
    public static func itemsDone(inDays days: Int, samples: [Int], runs: Int, generator: inout SeededGenerator) -> [Int] {
        guard !samples.isEmpty, days > 0 else { return [Int](repeating: 0, count: max(0, runs)) }
        var out: [Int] = []
        out.reserveCapacity(runs)
        for _ in 0..<max(0, runs) {
            var done = 0
            for _ in 0..<days { done += samples[generator.below(samples.count)] }
            out.append(done)
        }
        return out.sorted()
    }
}
