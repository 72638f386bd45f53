import ArgumentParser
import DocketCore
import Foundation

/// `docket budget [--currency CODE] [--per-point AMOUNT | --per-week AMOUNT --points-per-week N]`:
/// sets the board's currency and cost model, then prints them with each release's money;
/// `docket budget report` groups points and money.
struct BudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget", abstract: "Set the currency and cost model; show planned/spent/remaining money per release.",
        discussion: """
            Amounts are typed 60000, 60,000, 60k, 1.5m or 60000.50 (at most the currency's decimals). \
            --per-point sets a blended cost per story point; --per-week with --points-per-week sets \
            a team's cost per week and its weekly throughput, from which the cost per point is \
            derived (rounded to the currency's minor unit).
            """,
        subcommands: [BudgetReportCommand.self])

    @Option(help: "The board's currency, an ISO 4217 code (EUR, USD, JPY); 'none' removes it.") var currency: String?
    @Option(name: .customLong("per-point"), parsing: .unconditional, help: "Cost of one story point.") var perPoint: String?
    @Option(name: .customLong("per-week"), parsing: .unconditional, help: "The team's cost per week.") var perWeek: String?
    @Option(name: .customLong("points-per-week"), parsing: .unconditional, help: "The team's throughput in story points per week (> 0).") var pointsPerWeek: String?
    @OptionGroup var options: BoardOptions

    func run() throws {
        if perPoint != nil && (perWeek != nil || pointsPerWeek != nil) {
            throw ValidationError("give --per-point, or --per-week with --points-per-week, not both")
        }
        if (perWeek == nil) != (pointsPerWeek == nil) {
            throw ValidationError("--per-week and --points-per-week go together")
        }
        var board: Board
        if currency != nil || perPoint != nil || perWeek != nil {
            (_, board) = try options.update { board in
                var code: String?? = nil
                if let currency { code = .some(currency.lowercased() == "none" ? nil : try Currency.validated(currency)) }
                let exponent = Currency.exponent(code ?? board.planning.currency)
                var model: CostModel?? = nil
                if let perPoint { model = .some(.perPoint(try MoneyInput.parse(perPoint, exponent: exponent, field: "--per-point"))) }
                if let perWeek, let pointsPerWeek {
                    guard let p = Double(pointsPerWeek), p > 0, p.isFinite, p < 1e9 else {
                        throw DocketError.invalidValue(field: "--points-per-week", value: pointsPerWeek, expected: "a number of story points > 0")
                    }
                    model = .some(.perWeek(try MoneyInput.parse(perWeek, exponent: exponent, field: "--per-week"), pointsPerWeek: p))
                }
                try board.setBudget(currency: code, costModel: model, by: CurrentUser.name, at: nowTimestamp())
                return board
            }
        } else {
            board = try options.load().1.board
        }
        let money = MoneyFormat(currency: board.planning.currency, locale: moneyLocale())
        var out = ["currency: \(board.planning.currency ?? "none")"]
        switch board.planning.costModel {
        case .perPoint(let m)?: out.append("cost model: \(money.string(m)) per point")
        case .perWeek(let m, let p)?:
            out.append("cost model: \(money.string(m)) per week for \(p.pointsText) points per week = \(money.string(board.planning.costModel!.costPerPoint)) per point")
        case nil: out.append("cost model: none (set one with --per-point or --per-week and --points-per-week)")
        }
        let plan = ReleasePlan(board)
        for line in plan.lines where line.known {
            guard let cost = line.cost else { continue }
            var parts = ["\(line.release.name): planned \(money.string(cost.planned)), spent \(money.string(cost.spent))"]
            if let b = cost.budget { parts.append("budget \(money.string(b))") }
            if let r = cost.remaining { parts.append(r.minor >= 0 ? "remaining \(money.string(r))" : "over budget by \(money.string(cost.overBudgetBy!))") }
            if !line.unestimated.isEmpty { parts.append(PlanWarnings.unestimated(line.unestimated.count)) }
            out.append("  " + parts.joined(separator: ", "))
        }
        TerminalSafe.print(out.joined(separator: "\n"))
    }
}

struct BudgetReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report",
        abstract: "Points and money per release, label, epic, type or assignee.")
    @Option(help: "release, label, epic, type or assignee.") var by: BudgetReport.Grouping = .release
    @Option(help: "text, json or csv.") var format: BudgetReportOutput.Format = .text
    @OptionGroup var options: BoardOptions

    func run() throws {
        let board = try options.load().1.board
        let report = BudgetReport(board, by: by)
        let text = try BudgetReportOutput.render(report, board: board, format: format,
                                                 money: MoneyFormat(currency: board.planning.currency, locale: moneyLocale()))
        TerminalSafe.print(text, terminator: "")
    }
}

extension BudgetReport.Grouping: ExpressibleByArgument {}
extension BudgetReportOutput.Format: ExpressibleByArgument {}
extension RoadmapOutput.Format: ExpressibleByArgument {}
