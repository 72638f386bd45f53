/// Writes JSON text by hand, so the board file has keys in a fixed order and one object per
/// line (small, readable git diffs), and a 100,000-item save stays fast.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Appends `s` as a JSON string literal: quotes, backslashes and control characters
    /// escaped, everything else kept as UTF-8.
    mutating func string(_ s: String) {
        bytes.append(34)
        for c in s.utf8 {
            switch c {
            case 34: bytes.append(92); bytes.append(34)
            case 92: bytes.append(92); bytes.append(92)
            case 10: bytes.append(92); bytes.append(110)
            case 13: bytes.append(92); bytes.append(114)
            case 9: bytes.append(92); bytes.append(116)
            case 0..<32, 127:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [92, 117, 48, 48, hex[Int(c >> 4)], hex[Int(c & 15)]])
            default: bytes.append(c)
            }
        }
        bytes.append(34)
    }

    /// An object written as `{"k": v, …}` on one line; nil values are left out.
    mutating func object(_ fields: [(String, Value?)]) {
        bytes.append(123)
        var first = true
        for (key, value) in fields {
            guard let value else { continue }
            if !first { bytes.append(44); bytes.append(32) }
            first = false
            string(key)
            bytes.append(58); bytes.append(32)
            write(value)
        }
        bytes.append(125)
    }

    enum Value {
        case string(String), number(Double), int(Int64), bool(Bool), strings([String]), null
    }

    private mutating func write(_ v: Value) {
        switch v {
        case .string(let s): string(s)
        case .number(let d): raw(d.pointsText)
        case .int(let i): raw(String(i))
        case .bool(let b): raw(b ? "true" : "false")
        case .null: raw("null")
        case .strings(let list):
            bytes.append(91)
            for (i, s) in list.enumerated() {
                if i > 0 { bytes.append(44); bytes.append(32) }
                string(s)
            }
            bytes.append(93)
        }
    }
}
