/// Calendar dates written `YYYY-MM-DD` (due dates, release targets, snoozes). Kept as text:
/// such dates sort and compare correctly as strings.
public enum CalendarDay {
    /// True for a real date in `YYYY-MM-DD` form (not `2026-02-31`).
    public static func isValid(_ text: String) -> Bool {
        guard text.utf8.count == 10, let t = ISODate.parse(text) else { return false }
        return ISODate.formatDay(t) == text
    }

    /// Today in UTC, from seconds since epoch.
    public static func of(_ time: Timestamp) -> String { ISODate.formatDay(time) }
}
