import Foundation

/// Numbers with units as key results are written: `900ms`, `900 ms`, `40%`, `€12000`,
/// `12000 €`, `1200 users`, `4.5`. A currency sign may lead; any other unit follows.
public enum MetricValue {
    /// The number and unit of `text` (unit empty when none). Throws `DocketError.invalidValue`
    /// naming `field` and the text when there is no number.
    public static func parse(_ text: String, field: String) throws -> (value: Double, unit: String) {
        var s = text.trimmingCharacters(in: .whitespaces)
        var unit = ""
        for sign in ["€", "$", "£", "¥"] where s.hasPrefix(sign) {
            unit = sign
            s = String(s.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        let numberPart = s.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "," }
        let rest = s.dropFirst(numberPart.count).trimmingCharacters(in: .whitespaces)
        guard let value = Double(numberPart.replacingOccurrences(of: ",", with: "")), value.isFinite else {
            throw DocketError.invalidValue(field: field, value: text.trimmingCharacters(in: .whitespaces), expected: "a number with an optional unit (900ms, 40%, €12000, 1200 users)")
        }
        if !rest.isEmpty {
            if !unit.isEmpty { throw DocketError.invalidValue(field: field, value: text, expected: "one unit (€12000 or 12000 €)") }
            unit = rest
        }
        return (value, unit)
    }

    /// A value as people write it: `900 ms`, `40%`, `€12000`, `1200 users`, `4.5`.
    public static func text(_ value: Double, _ unit: String) -> String {
        let n = value.pointsText
        if unit.isEmpty { return n }
        if unit == "%" { return n + "%" }
        if ["€", "$", "£", "¥"].contains(unit) { return unit + n }
        return n + " " + unit
    }

    /// A key result from `METRIC: START -> TARGET` (`→` also works; units on either number:
    /// `p95 export time: 900ms -> 300ms`). Throws `DocketError.invalidValue` naming the text
    /// when the target is missing, a number does not parse, the units differ, or the target
    /// equals the start.
    public static func keyResult(_ spec: String) throws -> KeyResult {
        guard let colon = spec.lastIndex(of: ":") else {
            throw DocketError.invalidValue(field: "key result", value: spec, expected: "METRIC: START -> TARGET (p95 export time: 900ms -> 300ms)")
        }
        let metric = spec[..<colon].trimmingCharacters(in: .whitespaces)
        let range = String(spec[spec.index(after: colon)...]).replacingOccurrences(of: "→", with: "->")
        let parts = range.components(separatedBy: "->")
        guard parts.count == 2, !parts[1].trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DocketError.invalidValue(field: "key result", value: spec, expected: "a target: METRIC: START -> TARGET")
        }
        let start = try parse(parts[0], field: "start"), target = try parse(parts[1], field: "target")
        if !start.unit.isEmpty, !target.unit.isEmpty, start.unit != target.unit {
            throw DocketError.invalidValue(field: "key result", value: spec, expected: "the same unit on start and target")
        }
        return try KeyResult(metric: metric, unit: start.unit.isEmpty ? target.unit : start.unit,
                             start: start.value, target: target.value).validated()
    }
}
