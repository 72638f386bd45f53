/// The demo board's planning (see `DemoBoard`): a currency (EUR) and a team cost model
/// (€42,500 a week for 20 points a week, so €2,125 a point); release 1.4 active since 30 days
/// before `now` with a budget of €75,000, 1.5 starting at 1.4's target with €40,000 (a little
/// over budget), 2.0 with €90,000; two epics with children: "Usage-based billing" (the
/// recurring-invoice and numbering work) and "Multi-currency price lists" (tax and currency
/// items), so the roadmap, the timeline and the budget report have something to show.
enum DemoPlanning {
    static func apply(to board: inout Board, now: Timestamp) {
        let day: Timestamp = 86_400
        board.planning = PlanningSettings(currency: "EUR", costModel: .perWeek(Money(minor: 4_250_000), pointsPerWeek: 20))
        let budgets: [String: Int64] = ["1.4": 7_500_000, "1.5": 4_000_000, "2.0": 9_000_000]
        var previousTarget = ISODate.formatDay(now - 30 * day)
        for k in board.releases.indices {
            board.releases[k].start = previousTarget
            board.releases[k].budget = budgets[board.releases[k].name].map(Money.init(minor:))
            previousTarget = board.releases[k].target ?? previousTarget
        }
        if let first = board.releases.indices.first { board.releases[first].state = .active }
        let epics = ["Usage-based billing": ["Recurring invoices:", "Invoice number sequences"],
                     "Multi-currency price lists": ["Payments page shows the wrong symbol", "Reverse-charge note", "Umsatzsteuer-ID", "Spike: compare Peppol"]]
        let all = board.itemsInBoardOrder(includeArchived: true)
        var changed: [Item] = []
        for (epicTitle, prefixes) in epics {
            guard let epic = all.first(where: { $0.type == .epic && $0.title.hasPrefix(epicTitle) }) else { continue }
            for var item in all where item.id != epic.id && prefixes.contains(where: item.title.hasPrefix) {
                item.parent = epic.id
                changed.append(item)
            }
        }
        board.putMany(changed)
    }
}
