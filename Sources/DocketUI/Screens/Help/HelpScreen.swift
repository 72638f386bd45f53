import DocketCore

/// Help (`?` on any screen): the keys of the screen it was opened on, then the global keys
/// and, where the screen has text fields, the line editor's. Generated from the keymaps in
/// force, so it never lists a key that does something else; descriptions wrap, never cut.
public struct HelpScreen: Feature {
    public static let id = "help"
    public static let title = "Help"
    /// The screen whose keys are shown.
    public var screen: String
    /// Lines scrolled past.
    public var scroll = 0

    public init(for screen: String) { self.screen = screen }

    public mutating func perform(_ action: HelpAction, _ app: inout AppState, now: Timestamp) -> Step {
        switch action {
        case .close: return .pop
        case .down: scroll += 1
        case .up: scroll = max(0, scroll - 1)
        case .pageDown: scroll += 10
        case .pageUp: scroll = max(0, scroll - 10)
        }
        return .stay
    }
}

public enum HelpAction: String, FeatureAction {
    case close, up, down, pageUp = "page-up", pageDown = "page-down"
    public var summary: String {
        switch self {
        case .close: return "close help"
        case .up: return "scroll up"
        case .down: return "scroll down"
        case .pageUp: return "scroll a page up"
        case .pageDown: return "scroll a page down"
        }
    }
}

extension HelpScreen {
    public static let defaultKeys: [(Key, HelpAction)] = [
        (.escape, .close), (.char("?"), .close), (.char("q"), .close), (.enter, .close),
        (.down, .down), (.char("j"), .down), (.up, .up), (.char("k"), .up),
        (.pageDown, .pageDown), (.char(" "), .pageDown), (.pageUp, .pageUp),
    ]
}
