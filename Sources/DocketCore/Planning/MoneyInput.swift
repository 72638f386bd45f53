/// Reads an amount as people type it: `60000`, `60,000` (commas between groups of three
/// digits), `60000.50` (a point before at most the currency's minor-unit digits), `60k`
/// (thousands) or `1.5m` (millions), a suffix after at most the digits it can turn into
/// whole minor units. Nothing else: no sign, no currency symbol, no spaces inside.
public enum MoneyInput {
    /// The amount in minor units of a currency with `exponent` decimals. Throws
    /// `DocketError.invalidValue(field:value:expected:)` naming `field` and the text.
    public static func parse(_ text: String, exponent: Int, field: String = "amount") throws -> Money {
        let fail = DocketError.invalidValue(field: field, value: text,
            expected: "an amount ≥ 0 such as 60000, 60,000, 60k, 1.5m or 60000.50 (at most \(exponent) decimal\(exponent == 1 ? "" : "s"))")
        var t = Substring(text.trimmingCharacters(in: .whitespaces).lowercased())
        var multiplierDigits = 0
        if t.hasSuffix("k") { multiplierDigits = 3; t = t.dropLast() } else if t.hasSuffix("m") { multiplierDigits = 6; t = t.dropLast() }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = groupedDigits(parts[0]) else { throw fail }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard parts.count == 1 || (!fraction.isEmpty && fraction.allSatisfy(\.isASCIIDigit)) else { throw fail }
        // Shift the decimal point by the suffix, then it may keep at most `exponent` digits.
        let shifted = fraction + String(repeating: "0", count: max(0, multiplierDigits - fraction.count))
        let intDigits = whole + shifted.prefix(multiplierDigits)
        let decimals = String(shifted.dropFirst(multiplierDigits))
        let trimmed = decimals.replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
        guard trimmed.count <= exponent else { throw fail }
        let minorText = intDigits + trimmed + String(repeating: "0", count: exponent - trimmed.count)
        let digits = minorText.drop { $0 == "0" }
        guard digits.count <= 17, let minor = Int64(digits.isEmpty ? "0" : String(digits)) else { throw fail }
        return Money(minor: minor)
    }

    /// `60,000` → `60000`; nil unless digits, with commas only between groups of three.
    private static func groupedDigits(_ s: Substring) -> String? {
        guard !s.isEmpty else { return nil }
        let groups = s.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return groups.joined()
    }
}

extension Character {
    /// 0-9 only (not other scripts' digits).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
