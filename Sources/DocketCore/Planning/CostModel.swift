/// How story points turn into money: a blended cost per point, or a team's cost per week and
/// its weekly throughput in points (cost per point = cost per week ÷ points per week).
///
/// Rounding (all in the currency's minor units, half away from zero): the derived cost per
/// point is rounded once to a whole minor unit; a cost of points is `points × cost per point`
/// rounded once on the total (points are counted in thousandths, so 0.5 points is exact).
public enum CostModel: Equatable, Sendable {
    case perPoint(Money)
    case perWeek(Money, pointsPerWeek: Double)

    /// The cost of one story point.
    public var costPerPoint: Money {
        switch self {
        case .perPoint(let m): return m
        case .perWeek(let week, let points):
            guard points > 0 else { return .zero }
            let milli = Int64((points * 1000).rounded())
            return Money(minor: Currency.divideRounded(week.minor &* 1000, by: max(1, milli)))
        }
    }

    /// The cost of `points` story points.
    public func cost(ofPoints points: Double) -> Money {
        let milli = Int64((points * 1000).rounded())
        return Money(minor: Currency.divideRounded(milli &* costPerPoint.minor, by: 1000))
    }

    /// The same model in a currency with another exponent (see `Money.rescaled`).
    public func rescaled(from old: Int, to new: Int) -> CostModel {
        switch self {
        case .perPoint(let m): return .perPoint(m.rescaled(from: old, to: new))
        case .perWeek(let m, let p): return .perWeek(m.rescaled(from: old, to: new), pointsPerWeek: p)
        }
    }
}

/// Which stages and releases feed a roadmap lane (Now or Next; Later takes the rest).
/// `stages` holds stage ids, `releases` release names.
public struct LaneSource: Equatable, Sendable {
    public var stages: [String]
    public var releases: [String]
    public init(stages: [String] = [], releases: [String] = []) { self.stages = stages; self.releases = releases }
}

/// The roadmap's board settings: what feeds Now and Next (nil: the default, see `Roadmap`),
/// and whether moving an item out of a stage with an exit criterion asks to confirm.
public struct RoadmapSettings: Equatable, Sendable {
    public var now: LaneSource?
    public var next: LaneSource?
    /// False: moving out of a stage with an exit criterion does not ask (default true).
    public var confirmExit: Bool = true
    public init(now: LaneSource? = nil, next: LaneSource? = nil, confirmExit: Bool = true) {
        self.now = now; self.next = next; self.confirmExit = confirmExit
    }
    /// True when every setting is its default (then nothing is written to the file).
    public var isDefault: Bool { now == nil && next == nil && confirmExit }
}

/// A board's planning settings: its currency (ISO 4217 code; nil: none), cost model (nil: none)
/// and roadmap settings. Written to the file only when set (`currency`, `costModel`, `roadmap`).
public struct PlanningSettings: Equatable, Sendable {
    public var currency: String?
    public var costModel: CostModel?
    public var roadmap = RoadmapSettings()
    public init(currency: String? = nil, costModel: CostModel? = nil, roadmap: RoadmapSettings = RoadmapSettings()) {
        self.currency = currency; self.costModel = costModel; self.roadmap = roadmap
    }

    /// Decimal places of the currency's minor unit (2 with none).
    public var exponent: Int { Currency.exponent(currency) }
}

extension RoadmapSettings {
    /// Follows a renamed release in the lane settings (nil: the release is gone, dropped
    /// from them).
    public mutating func renameRelease(_ old: String, to new: String?) {
        for kp in [\RoadmapSettings.now, \RoadmapSettings.next] {
            guard var lane = self[keyPath: kp] else { continue }
            lane.releases = lane.releases.compactMap { $0 == old ? new : $0 }
            var seen = Set<String>()
            lane.releases = lane.releases.filter { seen.insert($0).inserted }
            self[keyPath: kp] = lane
        }
    }
}
