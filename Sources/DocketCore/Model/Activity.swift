/// One entry of the board's append-only activity log: who changed what, and when.
///
/// `at` is seconds since epoch (UTC); `by` is the user (`$DOCKET_USER` or the login name);
/// `item` is the item's id (nil for board-level changes); `action` is a verb such as
/// `create`, `move`, `edit`, `rank`, `archive`, `restore`, `undo`, `redo`, `import`;
/// `field`, `from` and `to` say what changed, as text.
public struct Activity: Hashable, Codable, Sendable {
    public var at: Timestamp
    public var by: String
    public var item: String?
    public var action: String
    public var field: String?
    public var from: String?
    public var to: String?

    public init(at: Timestamp, by: String, item: String?, action: String,
                field: String? = nil, from: String? = nil, to: String? = nil) {
        self.at = at; self.by = by; self.item = item; self.action = action
        self.field = field; self.from = from; self.to = to
    }
}
