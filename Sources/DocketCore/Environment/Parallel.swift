import Foundation

/// Work on large reads, imports and metrics spread over the machine's cores.
enum Parallel {
    /// `(0..<count).map(body)`, computed in up to one part per core (at most 8) when there is
    /// enough work (`minimumPerPart` elements per part); in order. `body` must not touch
    /// shared mutable state.
    static func map<T: Sendable>(_ count: Int, minimumPerPart: Int = 5_000, _ body: @Sendable (Int) -> T) -> [T] {
        mapParts(count, minimumPerPart: minimumPerPart) { range in range.map(body) }.flatMap { $0 }
    }

    /// `body` called once for each part of `0..<count` (one part per core, at most 8, each of at
    /// least `minimumPerPart` elements; one part, on this thread, when there is less work), the
    /// results in order. `body` must not touch shared mutable state.
    static func mapParts<T: Sendable>(_ count: Int, minimumPerPart: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let parts = min(max(1, count / max(1, minimumPerPart)), max(1, ProcessInfo.processInfo.activeProcessorCount), 8)
        guard parts > 1 else { return [body(0..<count)] }
        let slots = Slots<T>(parts)
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            slots.set(p, body(count * p / parts..<count * (p + 1) / parts))
        }
        return slots.values()
    }

    /// `first()` and `second()` at the same time (on two threads when the machine has two
    /// cores, else one after the other): `second` must not touch what `first` changes. The
    /// error `first` throws is thrown after both have finished.
    static func both<A, B>(_ first: () throws -> A, _ second: () -> B) throws -> (A, B) {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return (try first(), second()) }
        var a: Result<A, Error>?
        var b: B?
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let work = UnsafeTwo(first: first, second: second)
                DispatchQueue.concurrentPerform(iterations: 2) { k in
                    if k == 0 { work.a = Result { try work.first() } } else { work.b = work.second() }
                }
                a = work.a; b = work.b
            }
        }
        return (try a!.get(), b!)
    }

    /// The two jobs of `both` and their results, each written by one thread only, read after
    /// both threads finished.
    private final class UnsafeTwo<A, B>: @unchecked Sendable {
        let first: () throws -> A
        let second: () -> B
        var a: Result<A, Error>?
        var b: B?
        init(first: @escaping () throws -> A, second: @escaping () -> B) { self.first = first; self.second = second }
    }

    /// The parts' results, filled from several threads.
    private final class Slots<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var parts: [T?]
        init(_ count: Int) { parts = Array(repeating: nil, count: count) }
        func set(_ p: Int, _ value: T) { lock.lock(); parts[p] = value; lock.unlock() }
        /// Every part's result, in order (each part sets its own).
        func values() -> [T] { parts.map { $0! } }
    }
}
