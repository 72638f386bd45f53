/// What places an item on the board: its id, stage, rank, archived flag and story points,
/// nothing else. Column indexes are built from placements (`ColumnIndex`), which a lazily read
/// or previewed file gives by skimming each item's line (`PreviewSkim.placement`) without
/// reading the item.
struct ItemPlacement {
    var id: String
    var stage: String
    var rank: String
    var archived: Bool
    var points: Double?
}

extension ItemPlacement {
    /// An item's placement.
    init(_ item: Item) {
        self.init(id: item.id, stage: item.stage, rank: item.rank, archived: item.archived, points: item.points)
    }
}
