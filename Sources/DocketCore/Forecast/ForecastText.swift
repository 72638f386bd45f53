import Foundation

/// Forecasts in words, for `docket forecast` and the report.
public enum ForecastText {
    /// "Release 1.5: 14 items left, target 2027-01-15" and the three dates, the chance of
    /// meeting the target, and where the numbers come from.
    public static func when(_ f: WhenForecast, release: String? = nil) -> String {
        var out: [String] = []
        if let release {
            out.append("Release \(MarkdownExport.oneLine(release)): \(f.items) item\(f.items == 1 ? "" : "s") left" + (f.target.map { ", target \($0)" } ?? ", no target date"))
        } else {
            out.append("When will \(f.items) more item\(f.items == 1 ? "" : "s") be done?")
        }
        for (p, date) in [(50, f.p50), (85, f.p85), (95, f.p95)] {
            out.append("  \(p)%  \(date ?? "not within ten years")")
        }
        if let target = f.target, let chance = f.chanceByTarget {
            out.append("  Chance of being done by \(target): \(percent(chance))")
        }
        out.append(source(f.finishedInWindow, f.settings, today: f.today))
        return out.joined(separator: "\n") + "\n"
    }

    /// "How many items by 2027-03-31?" with the three counts.
    public static func howMany(_ f: HowManyForecast) -> String {
        var out = ["How many items will be done by \(f.until) (\(f.days) day\(f.days == 1 ? "" : "s"))?"]
        for (p, n) in [(50, f.p50), (85, f.p85), (95, f.p95)] { out.append("  \(p)%  at least \(n)") }
        out.append(source(f.finishedInWindow, f.settings, today: f.today))
        return out.joined(separator: "\n") + "\n"
    }

    static func source(_ finished: Int, _ s: ForecastSettings, today: String) -> String {
        "Monte Carlo: \(s.runs) runs over the daily throughput of the \(s.weeks) week\(s.weeks == 1 ? "" : "s") before \(today) (\(finished) items finished), seed \(s.seed)."
    }

    static func percent(_ p: Double) -> String {
        p > 0 && p < 1 ? "under 1%" : p < 100 && p > 99 ? "over 99%" : "\(Int(p.rounded()))%"
    }
}
