/// UTC timestamps as ISO 8601 text (`2026-11-29T14:24:59Z`), without a formatter: the board
/// file has two per item, and a 100,000-item board must load in well under a second.
/// Civil-date arithmetic after Howard Hinnant's `days_from_civil` / `civil_from_days`.
public enum ISODate {
    /// Formats seconds since epoch as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func format(_ t: Timestamp) -> String {
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let secs = t - days * 86400
        let (y, m, d) = civil(days)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))Z"
    }

    /// Formats the date part only: `YYYY-MM-DD`.
    public static func formatDay(_ t: Timestamp) -> String { String(format(t).prefix(10)) }

    /// The calendar date of day `day` (days since 1970-01-01), by arithmetic: no text.
    public static func date(ofDay day: Int64) -> (year: Int64, month: Int64, day: Int64) { civil(day) }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`; nil when it is not such a date.
    public static func parse(_ text: String) -> Timestamp? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes u: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        func num(_ from: Int, _ len: Int) -> Int64? {
            guard from + len <= u.count else { return nil }
            var n: Int64 = 0
            for c in u[from..<(from + len)] { guard c >= 48 && c <= 57 else { return nil }; n = n * 10 + Int64(c - 48) }
            return n
        }
        guard u.count >= 10, u[4] == 45, u[7] == 45, let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2),
              (1...12).contains(mo), (1...31).contains(d) else { return nil }
        var t = days(y, mo, d) * 86400
        if u.count == 10 { return t }
        guard u.count >= 19, u[10] == 84 || u[10] == 116 || u[10] == 32, u[13] == 58, u[16] == 58,
              let h = num(11, 2), let mi = num(14, 2), let s = num(17, 2), h < 24, mi < 60, s < 61 else { return nil }
        t += h * 3600 + mi * 60 + s
        var i = 19
        if i < u.count, u[i] == 46 { i += 1; while i < u.count, u[i] >= 48, u[i] <= 57 { i += 1 } }
        if i == u.count { return t }
        if u[i] == 90 || u[i] == 122 { return i + 1 == u.count ? t : nil }
        if u[i] == 43 || u[i] == 45, let oh = num(i + 1, 2) {
            var om: Int64 = 0
            if i + 3 < u.count { let j = u[i + 3] == 58 ? i + 4 : i + 3; om = num(j, 2) ?? 0 }
            let off = (oh * 3600 + om * 60) * (u[i] == 43 ? 1 : -1)
            return t - off
        }
        return nil
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func days(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(_ z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ n: Int64, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
