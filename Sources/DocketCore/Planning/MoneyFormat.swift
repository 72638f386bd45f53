import Foundation

/// Money as the user reads it: the currency's minor-unit digits, the grouping and symbol of
/// the user's locale (`€60,000.50` in en_US, `60.000,50 €` in de_DE); with no currency, a
/// plain number with two decimals in the locale's grouping.
public struct MoneyFormat: Sendable {
    /// The ISO 4217 code (`EUR`); nil: a plain number with two decimals.
    public var currency: String? { didSet { formatter = Formatter(currency: currency, locale: locale) } }
    /// The locale whose grouping, decimal mark and symbol placement are used.
    public var locale: Locale { didSet { formatter = Formatter(currency: currency, locale: locale) } }
    /// The number formatter for `currency` and `locale`, made on first use and shared by
    /// copies of this value (replaced when either changes).
    private var formatter: Formatter

    public init(currency: String?, locale: Locale) {
        self.currency = currency; self.locale = locale
        formatter = Formatter(currency: currency, locale: locale)
    }

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
    public func string(_ amount: Money) -> String { formatter.string(amount) }

    /// One `NumberFormatter` for a currency and a locale, made on first use. A
    /// `NumberFormatter` is not safe to use from two threads at once and a `MoneyFormat` may
    /// be copied to background jobs, so every use holds the lock.
    private final class Formatter: @unchecked Sendable {
        let currency: String?
        let locale: Locale
        let exponent: Int
        private let lock = NSLock()
        private var made: NumberFormatter?

        init(currency: String?, locale: Locale) {
            self.currency = currency; self.locale = locale
            exponent = Currency.exponent(currency)
        }

        func string(_ amount: Money) -> String {
            let value = NSDecimalNumber(mantissa: amount.minor.magnitude, exponent: Int16(-exponent), isNegative: amount.minor < 0)
            lock.lock()
            defer { lock.unlock() }
            let f = made ?? make()
            made = f
            return f.string(from: value) ?? "\(amount.major(exponent: exponent))"
        }

        private func make() -> NumberFormatter {
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
            return f
        }
    }
}
