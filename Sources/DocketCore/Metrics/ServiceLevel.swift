import Foundation

/// A service level expectation for a stage: "`percent` % of items leave `stage` within
/// `days` days" (days of 24 hours). The days are the stage's `slaDays` (`docket stage sla
/// Review 3d`, the same number the standup marks late items by); the percentage is one board
/// setting, 85 unless set (`docket sle --percent 90`), stored in the board file under the
/// header key `serviceLevelPercent`.
public struct ServiceLevel: Equatable, Codable, Sendable {
    /// A `Stage.id`.
    public var stage: String
    public var days: Double
    public var percent: Double

    public init(stage: String, days: Double, percent: Double = ServiceLevel.defaultPercent) {
        self.stage = stage; self.days = days; self.percent = percent
    }

    /// The percentage when the board sets none.
    public static let defaultPercent: Double = 85
    /// The header key the board file keeps the percentage under.
    public static let percentKey = "serviceLevelPercent"
}

extension Board {
    /// The board's service level expectations: one per stage with `slaDays`, in stage order,
    /// at `serviceLevelPercent`.
    public var serviceLevels: [ServiceLevel] {
        let percent = serviceLevelPercent
        return stages.compactMap { s in s.slaDays.map { ServiceLevel(stage: s.id, days: Double($0), percent: percent) } }
    }

    /// The share of items, in percent, a service level expectation promises (85 unless set; a
    /// stored value that does not read as a percentage counts as unset, so a hand-edited file
    /// never stops the board opening).
    public var serviceLevelPercent: Double {
        guard let raw = extra[ServiceLevel.percentKey], let p = Double(raw.trimmingCharacters(in: .whitespaces)), p > 0, p <= 100 else {
            return ServiceLevel.defaultPercent
        }
        return p
    }

    /// The header with the percentage set (nil: back to the default). Throws
    /// `DocketError.invalidValue` unless 0 < `percent` ≤ 100.
    public func header(settingServiceLevelPercent percent: Double?) throws -> BoardHeader {
        var h = header
        guard let percent else { h.extra[ServiceLevel.percentKey] = nil; return h }
        guard percent > 0, percent <= 100 else {
            throw DocketError.invalidValue(field: "percent", value: percent.pointsText, expected: "a percentage above 0 and at most 100")
        }
        h.extra[ServiceLevel.percentKey] = percent.pointsText
        return h
    }
}
