import Foundation

/// An amount of money as a whole number of the board currency's minor units (cents for EUR,
/// yen for JPY, fils for KWD; hundredths when the board has no currency). All money
/// arithmetic is integer arithmetic on minor units; see `CostModel` for where it rounds.
public struct Money: Hashable, Comparable, Sendable, Codable {
    /// Minor units (may be negative for a difference such as "over budget by").
    public var minor: Int64

    public init(minor: Int64) { self.minor = minor }

    public static let zero = Money(minor: 0)
    public static func < (a: Money, b: Money) -> Bool { a.minor < b.minor }
    public static func + (a: Money, b: Money) -> Money { Money(minor: a.minor &+ b.minor) }
    public static func - (a: Money, b: Money) -> Money { Money(minor: a.minor &- b.minor) }

    /// The amount in major units for the file and JSON output (`60000.5` for 6000050 cents):
    /// exact for amounts below 2^53 minor units.
    public func major(exponent: Int) -> Double { Double(minor) / Currency.scale(exponent) }

    /// An amount given in major units (read from the file), rounded half away from zero to
    /// the minor unit. Nil when not finite or beyond ±10^13 major units.
    public static func fromMajor(_ value: Double, exponent: Int) -> Money? {
        guard value.isFinite, abs(value) < 1e13 else { return nil }
        return Money(minor: Int64((value * Currency.scale(exponent)).rounded(.toNearestOrAwayFromZero)))
    }

    /// The same amount in a currency with another exponent (JPY → EUR multiplies by 100; EUR →
    /// JPY divides by 100, rounding half away from zero).
    public func rescaled(from old: Int, to new: Int) -> Money {
        if new >= old { return Money(minor: minor &* Int64(Currency.scale(new - old))) }
        return Money(minor: Currency.divideRounded(minor, by: Int64(Currency.scale(old - new))))
    }
}

/// ISO 4217 currency codes and their minor units.
public enum Currency {
    /// Decimal places of a code's minor unit (ISO 4217 "minor unit"): 0 for JPY, KRW…, 3 for
    /// KWD, BHD…, 4 for CLF and UYW, 2 for every other code; 2 for nil (no currency).
    public static func exponent(_ code: String?) -> Int {
        guard let code else { return 2 }
        if zeroDecimal.contains(code) { return 0 }
        if threeDecimal.contains(code) { return 3 }
        if code == "CLF" || code == "UYW" { return 4 }
        return 2
    }

    private static let zeroDecimal: Set<String> = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
                                                   "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"]
    private static let threeDecimal: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]

    /// The code in upper case when it is an ISO 4217 currency (`eur` → `EUR`). Throws
    /// `DocketError.invalidValue` naming the value otherwise.
    public static func validated(_ text: String) throws -> String {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }),
              Locale.commonISOCurrencyCodes.contains(code) else {
            throw DocketError.invalidValue(field: "currency", value: text, expected: "an ISO 4217 code such as EUR, USD or JPY")
        }
        return code
    }

    /// 10^exponent as a Double (exact for the exponents used here).
    static func scale(_ exponent: Int) -> Double {
        var s = 1.0
        for _ in 0..<max(0, exponent) { s *= 10 }
        return s
    }

    /// `a / b` rounded half away from zero (b > 0).
    static func divideRounded(_ a: Int64, by b: Int64) -> Int64 {
        let q = a / b, r = a % b
        if abs(r) * 2 >= b { return a < 0 ? q - 1 : q + 1 }
        return q
    }
}
