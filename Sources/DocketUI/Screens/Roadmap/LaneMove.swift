import DocketCore

/// What H / L on the roadmap change: a card changes lane by changing what feeds the lanes
/// (`Roadmap.sources`: stages and releases for Now and Next; the rest is Later). For an item,
/// one lane at a time:
/// - **into Now**: it moves to the first stage that feeds Now (default: the first doing
///   stage); when Now is fed by releases only, it joins the first of them.
/// - **into Next**: out of a Now stage it moves to the first Next stage (default: the ready
///   stage; with none, the nearest stage to its left that feeds no lane); out of a Now release
///   it joins the first Next release. If it is still not in Next, it joins the first Next
///   release (default: the next release), else moves to the first Next stage.
/// - **into Later**: out of a Now or Next stage it moves to the nearest stage to its left that
///   feeds neither (and is not a done stage); out of a Now or Next release it joins the first
///   open release after it that feeds neither, else it gets no release.
/// An epic's card (its lane is its earliest open child's) moves its open children that are in
/// its lane. The whole move is one undo step; when the result would not land in the lane
/// (lanes set by hand that overlap) nothing changes and the status line says why.
enum LaneMove {
    typealias Lane = Roadmap.Lane

    /// The moves that bring `card` into `target`, or an error message.
    static func plan(_ card: Roadmap.Card, to target: Lane, _ board: Board) -> Result<[PlannedMove], LaneMoveError> {
        let (now, next) = Roadmap.sources(board)
        let done = Set(board.stages.filter { $0.kind == .done }.map(\.id))
        var ids = [card.id]
        if card.epic != nil {
            let open = board.items.values.filter { $0.parent == card.id && !$0.archived && !done.contains($0.stage) }
            let lanes = Dictionary(open.map { ($0.id, Roadmap.lane(of: $0, now: now, next: next)) }, uniquingKeysWith: { a, _ in a })
            if let from = lanes.values.min() { ids = open.filter { lanes[$0.id] == from }.map(\.id).sorted() }
        }
        var moves: [PlannedMove] = []
        for id in ids {
            guard let item = board.items[id] else { continue }
            guard let m = move(item, to: target, board, now: now, next: next) else {
                return .failure(LaneMoveError(message: "\(id) cannot move to \(target.title): no stage or release feeds it (docket roadmap set)"))
            }
            moves.append(m)
        }
        var copy = board
        guard (try? PlannedMove.apply(moves, summary: "", to: &copy, by: "", at: 0)) != nil,
              Roadmap.lane(ofCard: card.id, in: copy) == target else {
            return .failure(LaneMoveError(message: "\(card.id) would not land in \(target.title) (the lanes' sources overlap: docket roadmap set); nothing changed"))
        }
        return .success(moves)
    }

    private static func move(_ item: Item, to target: Lane, _ board: Board, now: LaneSource, next: LaneSource) -> PlannedMove? {
        var m = PlannedMove(itemID: item.id)
        switch target {
        case .now:
            if let s = now.stages.first { if !now.stages.contains(item.stage) { m.stage = s } }
            else if let r = now.releases.first { m.release = .some(r) } else { return nil }
        case .next:
            if now.stages.contains(item.stage) {
                guard let s = next.stages.first ?? freeStage(leftOf: item.stage, board, avoiding: now.stages) else { return nil }
                m.stage = s
            }
            if let r = item.release, now.releases.contains(r) { m.release = .some(next.releases.first) }
            let stage = m.stage ?? item.stage, release = m.release ?? item.release
            if !next.stages.contains(stage), !(release.map(next.releases.contains) ?? false) {
                if let r = next.releases.first { m.release = .some(r) } else if let s = next.stages.first { m.stage = s } else { return nil }
            }
        case .later:
            if now.stages.contains(item.stage) || next.stages.contains(item.stage) {
                guard let s = freeStage(leftOf: item.stage, board, avoiding: now.stages + next.stages) else { return nil }
                m.stage = s
            }
            if let r = item.release, now.releases.contains(r) || next.releases.contains(r) {
                let fed = Set(now.releases + next.releases)
                let after = board.releases.drop { $0.name != r }.dropFirst()
                m.release = .some(after.first { !$0.state.isClosed && !fed.contains($0.name) }?.name)
            }
        }
        return m
    }

    /// The nearest stage left of `stage` that is not in `avoiding` and not a done stage.
    private static func freeStage(leftOf stage: String, _ board: Board, avoiding: [String]) -> String? {
        guard let i = board.stageIndex(id: stage) else { return nil }
        return board.stages[..<i].last { !avoiding.contains($0.id) && $0.kind != .done }?.id
    }
}

/// Why a card cannot move to a lane, for the status line.
struct LaneMoveError: Error, Equatable {
    var message: String
}
