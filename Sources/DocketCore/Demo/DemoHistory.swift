/// A few months of flow history for the demo board, so metrics, charts and forecasts show
/// something on first launch: about 150 finished (and then archived) items created over the
/// 120 days before `now`, each taken through Ready → In progress → Review → Done by one of the
/// demo people (one in ten sent back from Review to In progress once), with story points and,
/// for the last month, release 1.4; plus service levels (`slaDays`) for In progress (7 days)
/// and Review (3 days). The points of that shipped 1.4 work are added to 1.4's capacity and
/// their cost to its budget, so 1.4 stays as full and as funded as `DemoBoard` made it (done
/// work counts in a release's plan, see `ReleasePlan`).
///
/// Deterministic: drawn from `SeededGenerator(seed: 2026)`; all times are `now` minus offsets
/// (no clock is read). Ids are `DemoBoard.id(1000 + n)`, apart from the demo's own.
public enum DemoHistory {
    /// `board` (the demo board) with the history added.
    public static func adding(to board: Board, now: Timestamp, user: String) -> Board {
        var rng = SeededGenerator(seed: 2026)
        let hour: Timestamp = 3_600, day: Timestamp = 86_400
        let people = board.people.map(\.handle)
        var items = Array(board.items.values)
        var log = Array(board.activity)
        var n = 0
        var lastRank = items.map(\.rank).max()
        var shipped = 0.0
        for k in 0..<200 {
            let created = now - 120 * day + Timestamp(k) * 120 * day / 200 + Timestamp(rng.below(8)) * hour
            var t = created + Timestamp(rng.below(6 * 24)) * hour            // waits in Ready
            let who = people.isEmpty ? user : people[rng.below(people.count)]
            var moves: [(Timestamp, String, String)] = [(t, "ready", "doing")]
            t += Timestamp(12 + rng.below(6 * 24)) * hour                     // in progress
            moves.append((t, "doing", "review"))
            if rng.below(10) == 0 {                                           // sent back once
                t += Timestamp(2 + rng.below(24)) * hour
                moves.append((t, "review", "doing"))
                t += Timestamp(4 + rng.below(48)) * hour
                moves.append((t, "doing", "review"))
            }
            t += Timestamp(2 + rng.below(3 * 24)) * hour                      // in review
            moves.append((t, "review", "done"))
            let archivedAt = t + Timestamp(1 + rng.below(48)) * hour
            guard archivedAt < now - hour else { continue }
            let id = DemoBoard.id(1_000 + n)
            n += 1
            let title = titles[k % titles.count] + (k >= titles.count ? " (part \(k / titles.count + 1))" : "")
            lastRank = Rank.between(lastRank, nil)
            let item = Item(id: id, title: title, type: k % 5 == 0 ? .bug : .story, stage: "done", rank: lastRank!,
                            points: [1, 2, 3, 5, 8][rng.below(5)], assignees: [who],
                            release: now - t < 30 * day && rng.below(10) < 4 ? "1.4" : nil,
                            archived: true, created: created, updated: archivedAt)
            items.append(item)
            if item.release == "1.4" { shipped += item.points ?? 0 }
            log.append(Activity(at: created, by: user, item: id, action: "create", to: title))
            for (at, from, to) in moves { log.append(Activity(at: at, by: who, item: id, action: "move", field: "stage", from: from, to: to)) }
            log.append(Activity(at: archivedAt, by: who, item: id, action: "archive", field: "archived", from: "false", to: "true"))
        }
        log.sort { ($0.at, $0.item ?? "", $0.action) < ($1.at, $1.item ?? "", $1.action) }
        var out = Board(name: board.name, stages: board.stages, releases: board.releases, people: board.people,
                        labels: board.labels, items: items, activity: log)
        var header = board.header
        try? header.setStageSLA("doing", days: 7)
        try? header.setStageSLA("review", days: 3)
        out.header = header
        if let k = out.releases.firstIndex(where: { $0.name == "1.4" }) {
            out.releases[k].capacity = out.releases[k].capacity.map { $0 + shipped }
            if let model = out.planning.costModel { out.releases[k].budget = out.releases[k].budget.map { $0 + model.cost(ofPoints: shipped) } }
        }
        return out
    }

    static let titles = [
        "Invoice numbering per customer", "Retry failed payment webhooks", "Credit notes for refunds",
        "Round tax totals per line", "Dunning email templates", "PDF footer with bank details",
        "Bulk export of invoices", "Customer portal login by magic link", "Recurring invoices every quarter",
        "Late fee calculation", "Multi-currency price lists", "Audit log for invoice edits",
        "Stripe payouts reconciliation", "Archive paid invoices", "Search invoices by amount",
        "Webhook signature check", "Reminder schedule settings", "VAT ID validation (EU)",
        "Draft invoices autosave", "Attach receipts to expenses",
    ]
}
