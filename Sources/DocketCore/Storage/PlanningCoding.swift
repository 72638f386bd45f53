/// The board file's planning parts: the `currency`, `costModel` and `roadmap` keys of the
/// header (each written only when set, so a board that never asked for them gains nothing)
/// and the fields of a release. Money is written in major units (`"budget": 60000.5`) and
/// read back rounded to the currency's minor unit (see `Money.fromMajor`).
enum PlanningCoding {
    static func encodeSettings(_ j: inout JSONText, _ p: PlanningSettings) {
        if let c = p.currency { j.raw(",\n\"currency\": "); j.string(c) }
        if let m = p.costModel {
            j.raw(",\n\"costModel\": ")
            switch m {
            case .perPoint(let cost): j.object([("perPoint", .number(cost.major(exponent: p.exponent)))])
            case .perWeek(let cost, let points):
                j.object([("perWeek", .number(cost.major(exponent: p.exponent))), ("pointsPerWeek", .number(points))])
            }
        }
        if !p.roadmap.isDefault {
            j.raw(",\n\"roadmap\": ")
            j.object([("now", p.roadmap.now.map(lane)), ("next", p.roadmap.next.map(lane)),
                      ("confirmExit", p.roadmap.confirmExit ? nil : .bool(false))])
        }
    }

    private static func lane(_ l: LaneSource) -> JSONText.Value {
        var j = JSONText(capacity: 64)
        j.object([("stages", .strings(l.stages)), ("releases", .strings(l.releases))])
        return .raw(String(decoding: j.bytes, as: UTF8.self))
    }

    static func encodeRelease(_ j: inout JSONText, _ r: Release, exponent: Int) {
        var fields: [(String, JSONText.Value?)] = [
            ("name", .string(r.name)), ("start", r.start.map { .string($0) }), ("target", r.target.map { .string($0) }),
            ("capacity", r.capacity.map { .number($0) }), ("budget", r.budget.map { .number($0.major(exponent: exponent)) }),
            ("state", r.state == .planned ? nil : .string(r.state.rawValue)), ("notes", r.notes.isEmpty ? nil : .string(r.notes)),
        ]
        for key in r.extra.keys.sorted() { fields.append((key, .raw(r.extra[key]!))) }
        j.object(fields)
    }

    /// The money amounts of a header as read (major units), turned into minor units once the
    /// currency is known.
    struct RawAmounts {
        var budgets: [Double?] = []
        var perPoint: Double?
        var perWeek: Double?
        var pointsPerWeek: Double?
    }

    /// Reads `"costModel": {"perPoint": N}` or `{"perWeek": N, "pointsPerWeek": N}` into `raw`.
    static func readCostModel(_ s: inout JSONScanner, into raw: inout RawAmounts) throws {
        let at = s.mark()
        try s.object("the cost model") { s, key in
            switch key {
            case "perPoint": raw.perPoint = try amount(&s)
            case "perWeek": raw.perWeek = try amount(&s)
            case "pointsPerWeek":
                let p0 = s.mark()
                let v = try s.number()
                guard v > 0, v.isFinite, v < 1e9 else { throw s.fail("expected a number of points > 0", at: p0) }
                raw.pointsPerWeek = v
            default: try s.skipValue()
            }
        }
        let weekly = raw.perWeek != nil || raw.pointsPerWeek != nil
        guard (raw.perPoint != nil) != weekly, !weekly || (raw.perWeek != nil && raw.pointsPerWeek != nil) else {
            throw s.fail("\"costModel\" must have \"perPoint\", or \"perWeek\" and \"pointsPerWeek\"", at: at)
        }
    }

    /// A money amount in major units: a number ≥ 0 below 10^13.
    static func amount(_ s: inout JSONScanner) throws -> Double {
        let at = s.mark()
        let v = try s.number()
        guard v >= 0, v.isFinite, v < 1e13 else { throw s.fail("expected an amount ≥ 0", at: at) }
        return v
    }

    /// The cost model of `raw` in minor units of a currency with `exponent` decimals.
    static func costModel(_ raw: RawAmounts, exponent: Int) -> CostModel? {
        if let p = raw.perPoint { return Money.fromMajor(p, exponent: exponent).map(CostModel.perPoint) }
        if let w = raw.perWeek, let pts = raw.pointsPerWeek, let m = Money.fromMajor(w, exponent: exponent) {
            return .perWeek(m, pointsPerWeek: pts)
        }
        return nil
    }

    /// Reads `"roadmap": {"now": {...}, "next": {...}, "confirmExit": false}`.
    static func readRoadmap(_ s: inout JSONScanner) throws -> RoadmapSettings {
        var r = RoadmapSettings()
        try s.object("the roadmap settings") { s, key in
            switch key {
            case "now": r.now = s.null() ? nil : try laneSource(&s)
            case "next": r.next = s.null() ? nil : try laneSource(&s)
            case "confirmExit": r.confirmExit = try s.bool()
            default: try s.skipValue()
            }
        }
        return r
    }

    private static func laneSource(_ s: inout JSONScanner) throws -> LaneSource {
        var l = LaneSource()
        try s.object("a lane") { s, key in
            switch key {
            case "stages": try s.array("a list of stage ids") { s, _ in l.stages.append(try s.string()) }
            case "releases": try s.array("a list of release names") { s, _ in l.releases.append(try s.string()) }
            default: try s.skipValue()
            }
        }
        return l
    }
}
