import Foundation

/// `docket metrics --format json`: every figure of the period. The report's keys (see
/// `FlowReport`: periods, lead and cycle time percentiles, stages, aging…) at the top, then
/// `cumulativeFlow` (items per stage at the end of each day: `stages`, `days`, `counts[day][stage]`)
/// and `burnUps` (for each release, in board order: scope and done, items and points, per day,
/// with the items added and removed that day).
public enum FlowJSON {
    /// The JSON text, pretty-printed with sorted keys. Throws what `JSONEncoder` throws (nothing
    /// for finite figures).
    public static func encode(_ metrics: FlowMetrics, board: Board) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Figures(report: metrics.report, cumulativeFlow: metrics.cumulativeFlow,
                                          burnUps: board.releases.map { metrics.burnUp($0) }))
    }

    private struct Figures: Encodable {
        var report: FlowReport
        var cumulativeFlow: CumulativeFlow
        var burnUps: [BurnUp]
        enum Keys: String, CodingKey { case cumulativeFlow, burnUps }

        func encode(to encoder: Encoder) throws {
            try report.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(cumulativeFlow, forKey: .cumulativeFlow)
            try c.encode(burnUps, forKey: .burnUps)
        }
    }
}
