/// The built-in demo (`docket demo`): the product backlog of "Ledgerly", a small team building
/// an invoicing SaaS, with every feature of a board in use.
///
/// Shape: the default stages (Inbox, Ideas, Ready, In progress with a WIP limit of 3 and
/// 5 items in it so it shows as over its limit, Review with a limit of 3, Done); 40 items of
/// every type, MoSCoW priority and story-point size, 10 labels, 5 people, 3 releases (target
/// dates 12, 40 and 80 days after `now`, capacities 34, 30 and 40 points; 1.4 is exactly
/// full); one blocked item; descriptions on a few items; titles in Japanese, Chinese and
/// German, and one with an emoji.
///
/// Deterministic: the same `now` and `user` give the same board (golden tests render it).
/// Ids are fixed 8-character ids over `ItemID.alphabet`; ranks are `Rank.spread` per stage in
/// the order listed; created and updated times are `now` minus fixed offsets. The activity
/// log holds a `create` entry per item (by `user`) and a `move` entry for each item that
/// reached In progress, Review or Done (by its first assignee), oldest first.
public enum DemoBoard {
    /// The demo board as of `now` (seconds since epoch, UTC), with `user` as its creator.
    public static func make(now: Timestamp, user: String) -> Board {
        let day: Timestamp = 86_400
        var stages = Board.defaultStages()
        for i in stages.indices {
            switch stages[i].id {
            case "ready": stages[i].exitCriterion = "Acceptance criteria written, estimated, no open questions"
            case "doing": stages[i].wipLimit = 3
            case "review": stages[i].wipLimit = 3; stages[i].exitCriterion = "Code reviewed and demoed to the product owner"
            default: break
            }
        }
        let releases = [
            Release(name: "1.4", target: ISODate.formatDay(now + 12 * day), capacity: 34),
            Release(name: "1.5", target: ISODate.formatDay(now + 40 * day), capacity: 30),
            Release(name: "2.0", target: ISODate.formatDay(now + 80 * day), capacity: 40),
        ]
        let people = [
            Person(handle: "maya", name: "Maya Okafor"),
            Person(handle: "jonas", name: "Jonas Müller"),
            Person(handle: "yuki", name: "田中 由紀"),
            Person(handle: "priya", name: "Priya Raman"),
            Person(handle: "sam", name: "Sam Carter"),
        ]
        let labels = [
            Label(name: "billing", color: "green"), Label(name: "payments", color: "blue"),
            Label(name: "tax", color: "orange"), Label(name: "email", color: "yellow"),
            Label(name: "pdf", color: "purple"), Label(name: "i18n", color: "sky"),
            Label(name: "api", color: "black"), Label(name: "security", color: "red"),
            Label(name: "ux", color: "pink"), Label(name: "infra", color: "lime"),
        ]

        var items: [Item] = []
        var activity: [Activity] = []
        var n = 0
        for stage in stages {
            let specs = DemoItems.all.filter { $0.stage == stage.id }
            for (spec, rank) in zip(specs, Rank.spread(specs.count)) {
                let created = now - spec.age * day - Timestamp(n * 2_719 % 30_000)
                let updated = now - spec.touched * day - Timestamp(n * 1_613 % 20_000)
                let item = Item(id: id(n), title: spec.title, description: spec.description, type: spec.type,
                                stage: stage.id, rank: rank, priority: spec.priority, points: spec.points,
                                labels: spec.labels, assignees: spec.assignees, release: spec.release,
                                blocked: !spec.blockedReason.isEmpty, blockedReason: spec.blockedReason,
                                created: created, updated: max(created, updated))
                items.append(item)
                activity.append(Activity(at: created, by: user, item: item.id, action: "create", to: item.title))
                if stage.kind == .doing || stage.kind == .done {
                    activity.append(Activity(at: item.updated, by: spec.assignees.first ?? user, item: item.id,
                                             action: "move", field: "stage", from: movedFrom(stage.id), to: stage.id))
                }
                n += 1
            }
        }
        activity.sort { ($0.at, $0.item ?? "", $0.action) < ($1.at, $1.item ?? "", $1.action) }
        var board = Board(name: "Ledgerly — invoicing", stages: stages, releases: releases, people: people,
                          labels: labels, items: items, activity: activity)
        DemoPlanning.apply(to: &board, now: now)
        DemoStrategy.apply(to: &board, now: now, user: user)
        return board
    }

    /// The stage an item entered `stage` from, for the demo's move entries.
    private static func movedFrom(_ stage: String) -> String {
        switch stage {
        case "doing": return "ready"
        case "review": return "doing"
        default: return "review"
        }
    }

    /// The `n`th demo id: 8 characters of `ItemID.alphabet` from a fixed scramble of `n`
    /// (distinct for distinct `n`, since the scramble is a bijection on 40-bit values).
    static func id(_ n: Int) -> String {
        var x = (UInt64(n) &+ 0x5EED) &* 0x9E37_79B9 & 0xFF_FFFF_FFFF  // odd multiplier: a bijection mod 2^40
        var out = ""
        for _ in 0..<ItemID.length {
            out.append(ItemID.alphabet[Int(x & 31)])
            x >>= 5
        }
        return out
    }
}
