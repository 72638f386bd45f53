/// Writes JSON text by hand, so the board file has keys in a fixed order and one object per
/// line (small, readable git diffs), and a 100,000-item save stays fast.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Appends bytes that are JSON text already (a line kept from a file).
    mutating func raw(bytes b: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: b) }

    /// Appends `s` as a JSON string literal: quotes, backslashes and control characters
    /// escaped; so are C1 controls, bidi controls and the line/paragraph separators
    /// (`\u009b`, `\u202e`, `\u2028`…), so the file or a `--json` listing shown on a terminal
    /// cannot drive it. Everything else is kept as UTF-8.
    mutating func string(_ s: String) {
        bytes.append(34)
        var s = s
        // 0xC2 leads U+0080–00BF, 0xD8 U+061C, 0xE2 U+2000–2FFF: only those can need an escape.
        let clean = s.withUTF8 { buf in
            !buf.contains { $0 < 32 || $0 == 34 || $0 == 92 || $0 == 127 || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }
        }
        if clean {
            s.withUTF8 { bytes.append(contentsOf: $0) }
            bytes.append(34)
            return
        }
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for u in s.unicodeScalars {
            let v = u.value
            switch v {
            case 34: bytes.append(92); bytes.append(34)
            case 92: bytes.append(92); bytes.append(92)
            case 10: bytes.append(92); bytes.append(110)
            case 13: bytes.append(92); bytes.append(114)
            case 9: bytes.append(92); bytes.append(116)
            case 0..<32, 127..<160, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069:
                bytes.append(contentsOf: [92, 117] + [12, 8, 4, 0].map { hex[Int((v >> $0) & 15)] })
            default: UTF8.encode(u) { bytes.append($0) }
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

    /// Appends `["a", "b"]`.
    mutating func list(_ values: [String]) {
        bytes.append(91)
        for (i, s) in values.enumerated() {
            if i > 0 { bytes.append(44); bytes.append(32) }
            string(s)
        }
        bytes.append(93)
    }

    /// Starts a member of an object: `, "key": ` (no comma before the first).
    mutating func key(_ k: String, _ first: inout Bool) {
        if !first { bytes.append(44); bytes.append(32) }
        first = false
        string(k)
        bytes.append(58); bytes.append(32)
    }

    /// Appends a timestamp as a JSON string `"YYYY-MM-DDTHH:MM:SSZ"` (UTC) without building
    /// a String: the board file has two per item.
    mutating func time(_ t: Timestamp) {
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let secs = t - days * 86400
        let (y, m, d) = ISODate.civil(days)
        guard (0...9999).contains(y) else { string(ISODate.format(t)); return }
        func digits(_ v: Int64, _ n: Int) {
            var div: Int64 = 1
            for _ in 1..<n { div *= 10 }
            var v = v
            for _ in 0..<n { bytes.append(UInt8(48 + v / div)); v %= div; div /= 10 }
        }
        bytes.append(34)
        digits(y, 4); bytes.append(45); digits(m, 2); bytes.append(45); digits(d, 2); bytes.append(84)
        digits(secs / 3600, 2); bytes.append(58); digits(secs / 60 % 60, 2); bytes.append(58); digits(secs % 60, 2)
        bytes.append(90); bytes.append(34)
    }

    enum Value {
        case string(String), number(Double), int(Int64), bool(Bool), strings([String]), null
        /// JSON text written as it is (a nested object, a kept unknown value).
        case raw(String)
    }

    private mutating func write(_ v: Value) {
        switch v {
        case .string(let s): string(s)
        case .number(let d): raw(d.isFinite ? d.pointsText : "null")
        case .int(let i): raw(String(i))
        case .bool(let b): raw(b ? "true" : "false")
        case .null: raw("null")
        case .strings(let values): list(values)
        case .raw(let text): raw(text)
        }
    }
}
