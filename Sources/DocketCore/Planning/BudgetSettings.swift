/// Setting a board's currency and cost model (`docket budget`). One undoable `Edit` each;
/// nothing changes on an error.
extension Board {
    /// Sets the currency (an ISO 4217 code, any case; nil removes it) and, when given, the
    /// cost model, whose amounts are then read in the new currency. Amounts already stored
    /// (release budgets, the old cost model) keep their value in major units: EUR 850.00 →
    /// JPY 850; going to fewer decimals rounds half away from zero. Throws
    /// `DocketError.invalidValue` for an unknown code.
    @discardableResult
    public mutating func setBudget(currency: String??, costModel: CostModel??, by user: String, at time: Timestamp) throws -> Edit {
        var h = header
        if let currency {
            let code = try currency.map(Currency.validated)
            let old = h.planning.exponent, new = Currency.exponent(code)
            if old != new {
                for k in h.releases.indices { h.releases[k].budget = h.releases[k].budget?.rescaled(from: old, to: new) }
                h.planning.costModel = h.planning.costModel?.rescaled(from: old, to: new)
            }
            h.planning.currency = code
        }
        if let costModel { h.planning.costModel = costModel }
        return upsert([], header: h, action: "budget", summary: "budget settings changed", by: user, at: time)
    }
}
