import Foundation

/// Money as the user reads it: the currency's minor-unit digits, the grouping and symbol of
/// the user's locale (`€60,000.50` in en_US, `60.000,50 €` in de_DE); with no currency, a
/// plain number with two decimals in the locale's grouping.
public struct MoneyFormat: Sendable {
    public var currency: String?
    public var locale: Locale

    public init(currency: String?, locale: Locale) { self.currency = currency; self.locale = locale }

    /// The user's locale from the environment: `LC_ALL`, else `LC_MONETARY`, else `LANG`
    /// (`de_DE.UTF-8` → de_DE); `C`, `POSIX` or none → en_US_POSIX.
    public static func locale(from environment: [String: String]) -> Locale {
        for key in ["LC_ALL", "LC_MONETARY", "LANG"] {
            guard let v = environment[key], !v.isEmpty else { continue }
            let id = String(v.split(separator: ".").first ?? "").split(separator: "@").first.map(String.init) ?? ""
            if id == "C" || id == "POSIX" || id.isEmpty { break }
            return Locale(identifier: id)
        }
        return Locale(identifier: "en_US_POSIX")
    }

    /// `amount` formatted (negative amounts with the locale's minus sign).
    public func string(_ amount: Money) -> String {
        let exponent = Currency.exponent(currency)
        let f = NumberFormatter()
        f.locale = locale
        if let currency {
            f.numberStyle = .currency
            f.currencyCode = currency
        } else {
            f.numberStyle = .decimal
        }
        f.minimumFractionDigits = exponent
        f.maximumFractionDigits = exponent
        let value = NSDecimalNumber(mantissa: amount.minor.magnitude, exponent: Int16(-exponent), isNegative: amount.minor < 0)
        return f.string(from: value) ?? "\(amount.major(exponent: exponent))"
    }
}
