/// The cycle-time scatter of a window: one dot per item done in it that has a cycle time (x:
/// the local day number it was done, y: its cycle time in days of 24 hours), sorted by day
/// done then id, and the 50th/85th/95th percentiles of those cycle times (the same as the
/// report's `cycleTime`). Drawn by the metrics screen and the HTML export.
public struct CycleTimeScatter: Equatable, Sendable {
    public struct Dot: Equatable, Sendable {
        /// An `Item.id`.
        public var id: String
        /// A `DayIndex` day number.
        public var day: Int
        /// Cycle time in days of 24 hours.
        public var days: Double
    }
    public var dots: [Dot]
    public var spread: Spread
}

extension FlowHistory {
    /// The scatter of the items done from day `firstDay` on (and by `now`; `lastDay` is the
    /// window's last day, kept for symmetry with the other charts).
    public func cycleTimeScatter(from firstDay: Int, to lastDay: Int, days: DayIndex) -> CycleTimeScatter {
        let start = days.start(of: firstDay)
        var dots: [CycleTimeScatter.Dot] = [], seconds: [Timestamp] = []
        for k in flows.indices {
            guard let done = flows[k].doneAt, done >= start, let cycle = flows[k].cycleTime else { continue }
            dots.append(.init(id: flows[k].id, day: days.day(done), days: Double(cycle) / 86_400))
            seconds.append(cycle)
        }
        dots.sort { $0.day != $1.day ? $0.day < $1.day : $0.id < $1.id }
        return CycleTimeScatter(dots: dots, spread: Spread(seconds: seconds))
    }
}
