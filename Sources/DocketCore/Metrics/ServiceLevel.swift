import Foundation

/// A service level expectation for a stage: "`percent` % of items leave `stage` within
/// `days` days" (days of 24 hours). A board setting, stored in the board file under the
/// header key `serviceLevels` as `[{"stage": "review", "days": 3, "percent": 85}]`.
public struct ServiceLevel: Equatable, Codable, Sendable {
    /// A `Stage.id`.
    public var stage: String
    public var days: Double
    public var percent: Double

    public init(stage: String, days: Double, percent: Double = 85) {
        self.stage = stage; self.days = days; self.percent = percent
    }

    /// The header key the board file keeps them under.
    public static let boardKey = "serviceLevels"

    /// Checks the numbers: `days` > 0 and 0 < `percent` ≤ 100. Throws `DocketError.invalidValue`.
    public func validate() throws {
        guard days > 0, days.isFinite else { throw DocketError.invalidValue(field: "days", value: days.pointsText, expected: "a number of days > 0") }
        guard percent > 0, percent <= 100 else {
            throw DocketError.invalidValue(field: "percent", value: percent.pointsText, expected: "a percentage above 0 and at most 100")
        }
    }
}

extension Board {
    /// The board's service level expectations, one per stage at most (empty when none is set
    /// or the stored value does not read: a hand-edited file never stops the board opening).
    public var serviceLevels: [ServiceLevel] {
        guard let raw = extra[ServiceLevel.boardKey] else { return [] }
        return (try? JSONDecoder().decode([ServiceLevel].self, from: Data(raw.utf8))) ?? []
    }

    /// The header with `level` set for its stage (replacing that stage's), or with the stage's
    /// expectation removed when `level` is nil for `stage`. Throws `DocketError.noSuchStage`
    /// for an unknown stage, `.invalidValue` for bad numbers.
    public func header(settingServiceLevel level: ServiceLevel?, stage: String) throws -> BoardHeader {
        guard stageIndex(id: stage) != nil else { throw DocketError.noSuchStage(stage) }
        try level?.validate()
        var levels = serviceLevels.filter { $0.stage != stage }
        if let level { levels.append(level) }
        levels.sort { (stageIndex(id: $0.stage) ?? .max) < (stageIndex(id: $1.stage) ?? .max) }
        var h = header
        if levels.isEmpty { h.extra[ServiceLevel.boardKey] = nil } else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            h.extra[ServiceLevel.boardKey] = String(decoding: try encoder.encode(levels), as: UTF8.self)
        }
        return h
    }
}
