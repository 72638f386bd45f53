/// The columns of a preview (`BoardReader+Preview`), gathered from the placement of every item
/// line (`PreviewSkim.placement`) without making an item of it: for each stage, how many open
/// items it has, their total story points, and its first `top` cards in column order (rank,
/// then id: `ColumnKey`), each with the index of its line. Also every id longer than
/// `ItemID.length` (`ColumnIndex.longIDs`), so that cards show the short ids the full board gives.
///
/// A column keeps at most `2 × top` candidates: when it has that many it sorts them and keeps
/// the first `top`, and from then on skips anything after the last of those. So gathering
/// costs about one comparison an item, whatever the board's size.
struct PreviewColumns {
    /// One card among a column's first: its place, whether its rank is ASCII (`ColumnKey`),
    /// its line and the points the skim read (the full read of the line must agree).
    struct Card {
        let key: ColumnKey
        let ascii: Bool
        let line: Int
        let points: Double?

        static func inOrder(_ a: Card, _ b: Card) -> Bool { ColumnKey.inOrder(a.key, b.key, ascii: a.ascii && b.ascii) }
    }

    /// One stage's open items: how many, their points, its first cards (not yet in order).
    struct Column {
        var count = 0
        var points = 0.0
        fileprivate(set) var cards: [Card] = []
        /// The last of the first `top` once `cards` has been cut: anything after it is skipped.
        fileprivate var cutoff: Card?
    }

    /// How many cards of each column are kept.
    let top: Int
    /// Stage id (as the items name it) → its column.
    private(set) var columns: [String: Column] = [:]
    /// The ids longer than `ItemID.length`, in no order.
    private(set) var longIDs: [String] = []

    init(top: Int) { self.top = max(1, top) }

    /// Counts the item placed by `p`, on the list's line `line`.
    mutating func add(_ p: ItemPlacement, line: Int) {
        if p.id.utf8.count > ItemID.length { longIDs.append(p.id) }
        guard !p.archived else { return }
        let card = Card(key: ColumnKey(rank: p.rank, id: p.id), ascii: p.rank.utf8.allSatisfy { $0 < 128 }, line: line, points: p.points)
        let top = top
        modify(p.stage) { column in
            column.count += 1
            column.points += p.points ?? 0
            if let cutoff = column.cutoff, !Card.inOrder(card, cutoff) { return }
            column.cards.append(card)
            if column.cards.count >= 2 * top { Self.cut(&column, to: top) }
        }
    }

    /// Takes in what another part of the list gathered.
    mutating func merge(_ other: PreviewColumns) {
        longIDs += other.longIDs
        let top = top
        for (stage, theirs) in other.columns {
            modify(stage) { column in
                column.count += theirs.count
                column.points += theirs.points
                column.cards += theirs.cards
                if column.cards.count >= 2 * top { Self.cut(&column, to: top) }
            }
        }
    }

    /// The first cards of the column of `stage` in order, at most `top` (none for a stage no
    /// open item is in).
    func firstCards(_ stage: String) -> [Card] {
        Array((columns[stage]?.cards ?? []).sorted(by: Card.inOrder).prefix(top))
    }

    private mutating func modify(_ stage: String, _ body: (inout Column) -> Void) {
        body(&columns[stage, default: Column()])
    }

    private static func cut(_ column: inout Column, to top: Int) {
        column.cards.sort(by: Card.inOrder)
        column.cards.removeSubrange(top...)
        column.cutoff = column.cards.last
    }
}
