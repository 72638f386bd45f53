import Foundation

extension FlowReport {
    /// The report as text for a terminal or a chat: totals with weekly sparklines, lead and
    /// cycle time percentiles, a table of stages (WIP, time in stage, service level) and the
    /// oldest items in progress. `title` is the board's name (shown as given: the caller
    /// makes board text safe); `timeZone` names the zone days are counted in.
    public func text(title: String, timeZone: String, agingLimit: Int = 10) -> String {
        var out: [String] = []
        let n = (DayIndex.number(of: to) ?? 0) - (DayIndex.number(of: from) ?? 0) + 1
        out.append("\(MarkdownExport.oneLine(title)): flow metrics \(from) to \(to) (\(n) day\(n == 1 ? "" : "s"), days in \(timeZone))")
        out.append("")
        // Sparklines of at most the last 52 weeks, so a line fits a chat window.
        let shown = min(weekly.count, 52)
        let spark = { (values: [Double]) in
            shown > 1 ? "  " + SparklineText.of(Array(values.suffix(shown))) + (shown < weekly.count ? " last 52 weeks" : " per week") : ""
        }
        out.append("Throughput   \(finished) item\(finished == 1 ? "" : "s"), \(finishedPoints.pointsTotalText) points" + spark(weekly.map { Double($0.throughput) }))
        out.append("Arrivals     \(arrivals) item\(arrivals == 1 ? "" : "s")" + spark(weekly.map { Double($0.arrivals) }))
        out.append("WIP now      \(wip) item\(wip == 1 ? "" : "s") in progress" + spark(weekly.map { Double($0.wip) }))
        out.append("Lead time    " + FlowReport.spreadText(leadTime))
        var cycle = "Cycle time   " + FlowReport.spreadText(cycleTime)
        if finishedWithoutStart > 0 { cycle += "; \(finishedWithoutStart) finished without starting" }
        out.append(cycle)
        out.append("")
        let nameWidth = max(5, stages.map { $0.name.count }.max() ?? 5)
        out.append("Stage".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "   WIP     50%     85%     95%  service level")
        for s in stages {
            let cells = [s.timeInStage.p50, s.timeInStage.p85, s.timeInStage.p95].map { FlowReport.days($0).leftPadded(8) }
            var line = s.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + String(s.wip).leftPadded(6) + cells.joined()
            if let sl = s.serviceLevel { line += "  " + FlowReport.serviceLevelText(sl) }
            out.append(line)
        }
        out.append("")
        if aging.isEmpty {
            out.append("Nothing is in progress.")
        } else {
            out.append("Oldest in progress (work item age; time in its stage)")
            for a in aging.prefix(agingLimit) {
                let stage = stages.first { $0.id == a.stage }?.name ?? a.stage
                out.append("  \(a.id)  \(FlowReport.days(a.ageDays).leftPadded(6))  \(stage) \(FlowReport.days(a.daysInStage))  \(MarkdownExport.oneLine(a.title))")
            }
        }
        out.append("")
        out.append("Percentiles by nearest rank; d = days of 24 hours; time in stage of the items finished in the period.")
        return out.joined(separator: "\n") + "\n"
    }

    /// "50% 3.2d · 85% 7.5d · 95% 11d (38 items)", or "no finished items".
    public static func spreadText(_ s: Spread) -> String {
        guard s.count > 0 else { return "no finished items" }
        return "50% \(days(s.p50)) · 85% \(days(s.p85)) · 95% \(days(s.p95)) (\(s.count) item\(s.count == 1 ? "" : "s"))"
    }

    /// "85% within 3d: 75% (3 of 4), missed; 1 open over", or "… no items measured".
    public static func serviceLevelText(_ r: ServiceLevelResult) -> String {
        var s = "\(r.percent.pointsText)% within \(r.days.pointsText)d: "
        if let achieved = r.achieved {
            s += "\(Int(achieved.rounded()))% (\(r.within) of \(r.measured)), \(r.met == true ? "met" : "missed")"
        } else {
            s += "no items measured"
        }
        if !r.overNow.isEmpty { s += "; \(r.overNow.count) open over" }
        return s
    }

    /// Days with one decimal ("3.2d"), "—" for none.
    public static func days(_ d: Double?) -> String {
        guard let d, d.isFinite else { return "—" }
        return String(format: "%.1fd", d)
    }
}

extension String {
    /// The string padded on the left with spaces to `width` characters.
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
