/// The standup's actions: move through the walk, act on the item shown, run the meeting.
public enum StandupAction: String, FeatureAction {
    case next, previous, switchWalk = "switch-walk", shuffle
    case moveLeft = "move-left", moveRight = "move-right", block, assign, park, openDetail = "open-detail"
    case tick1 = "tick-1", tick2 = "tick-2", tick3 = "tick-3", tick4 = "tick-4", tick5 = "tick-5"
    case tick6 = "tick-6", tick7 = "tick-7", tick8 = "tick-8", tick9 = "tick-9"
    case pause, parkingLot = "parking-lot", end, confirm, resume, undo

    public var summary: String {
        switch self {
        case .next: return "next item (or person)"
        case .previous: return "previous item (or person)"
        case .switchWalk: return "walk the work ↔ walk the people"
        case .shuffle: return "people in a shuffled order ↔ in the board's order"
        case .moveLeft: return "move the item to the previous stage"
        case .moveRight: return "move the item to the next stage"
        case .block: return "block the item (with a reason), or unblock it"
        case .assign: return "set who works on the item"
        case .park: return "park the item: discuss it after the standup (again: unpark)"
        case .openDetail: return "open the item's details"
        case .tick1, .tick2, .tick3, .tick4, .tick5, .tick6, .tick7, .tick8, .tick9:
            return "tick acceptance criterion \(rawValue.dropFirst(5))"
        case .pause: return "pause or resume the timers"
        case .parkingLot: return "jump to the parking lot"
        case .end: return "end the standup (asks first)"
        case .confirm: return "yes: end the standup and record it"
        case .resume: return "no: go on with the standup"
        case .undo: return "undo the last change"
        }
    }

    public var hint: String? {
        switch self {
        case .next: return "next"
        case .moveRight: return "move"
        case .block: return "block"
        case .park: return "park"
        case .pause: return "pause"
        case .end: return "end"
        default: return nil
        }
    }

    public var edits: Bool { [.moveLeft, .moveRight, .block, .assign, .undo].contains(self) || rawValue.hasPrefix("tick-") }

    /// The criterion a tick action ticks (0-based), if it is one.
    var criterion: Int? { rawValue.hasPrefix("tick-") ? Int(rawValue.dropFirst(5)).map { $0 - 1 } : nil }
}

extension StandupScreen {
    public static let hintOrder: [StandupAction] = [.next, .moveRight, .block, .park, .pause, .end]

    public static let defaultKeys: [(Key, StandupAction)] = [
        (.char("j"), .next), (.down, .next), (.char(" "), .next), (.char("k"), .previous), (.up, .previous),
        (.char("w"), .switchWalk), (.char("o"), .shuffle),
        (.char("H"), .moveLeft), (.shiftLeft, .moveLeft), (.char("L"), .moveRight), (.shiftRight, .moveRight),
        (.char("b"), .block), (.char("a"), .assign), (.char("!"), .park), (.enter, .openDetail),
        (.char("1"), .tick1), (.char("2"), .tick2), (.char("3"), .tick3), (.char("4"), .tick4), (.char("5"), .tick5),
        (.char("6"), .tick6), (.char("7"), .tick7), (.char("8"), .tick8), (.char("9"), .tick9),
        (.char("p"), .pause), (.char("P"), .parkingLot), (.char("u"), .undo),
        (.char("q"), .end), (.escape, .end), (.char("y"), .confirm), (.char("n"), .resume),
    ]
}
