/// How a board scores its items (`docket scoring rice|wsjf|none`).
public enum ScoringModel: String, CaseIterable, Sendable {
    case none, rice, wsjf

    /// An item's score under this model, or nil when the board scores nothing or an input is
    /// missing (or the divisor is zero).
    ///
    /// - RICE (Intercom, Sean McBride, 2016): reach × impact × confidence ÷ effort, with
    ///   confidence as a fraction (80 % → 0.8) and effort in person-months.
    /// - WSJF (SAFe, after Reinertsen's cost of delay divided by duration): cost of delay ÷
    ///   job size, where cost of delay = user/business value + time criticality + risk
    ///   reduction/opportunity enablement.
    public func score(_ s: ScoreInputs) -> Double? {
        switch self {
        case .none: return nil
        case .rice:
            guard let r = s.reach, let i = s.impact, let c = s.confidence, let e = s.effort, e > 0 else { return nil }
            return r * i * (c / 100) / e
        case .wsjf:
            guard let v = s.value, let t = s.criticality, let o = s.risk, let j = s.size, j > 0 else { return nil }
            return (v + t + o) / j
        }
    }
}
