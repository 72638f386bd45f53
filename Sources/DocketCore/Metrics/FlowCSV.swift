import CSV
import Foundation

/// `docket metrics --format csv`: one row per item that was done in the period or is open now,
/// with the figures a scatter plot or aging chart is drawn from. Columns: id, title, stage (its
/// name), created, started, done (ISO 8601 UTC, empty when not), lead_time_days,
/// cycle_time_days, age_days, days_in_stage (days with up to 3 decimals; empty when not
/// applicable).
public enum FlowCSV {
    public static let header = ["id", "title", "stage", "created", "started", "done", "lead_time_days",
                                "cycle_time_days", "age_days", "days_in_stage"]

    /// The rows of `metrics`' items; `clean` makes board text safe (for a terminal).
    public static func encode(_ metrics: FlowMetrics, board: Board, clean: ((String) -> String)? = nil) throws -> String {
        let start = metrics.days.start(of: metrics.firstDay), now = metrics.history.now
        let names = ItemListJSON.stageNames(board)
        let text = { (s: String) in clean?(s) ?? s }
        let time = { (t: Timestamp?) in t.map(ISODate.format) ?? "" }
        let days = { (s: Timestamp?) in s.map { String(format: "%.3f", Double($0) / 86_400) } ?? "" }
        return try ItemListCSV.rfc4180 { writer in
            try writer.write(row: header)
            for f in metrics.history.flows where f.isOpen || (f.doneAt ?? .min) >= start {
                try writer.write(row: [f.id, text(board.items[f.id]?.title ?? ""), text(names[f.stage] ?? f.stage),
                                       time(f.created), time(f.startedAt), time(f.doneAt), days(f.leadTime), days(f.cycleTime),
                                       days(f.age(now: now)), days(f.timeInCurrentStage(now: now))])
            }
        }
    }
}
