extension Edit {
    /// One item's rank change: its id, its rank and `updated` time (seconds since epoch)
    /// before and after. Every other field of the item is the same on both sides.
    public struct RankChange: Equatable, Sendable {
        public var id: String
        public var before: String
        public var after: String
        public var updatedBefore: Timestamp
        public var updatedAfter: Timestamp

        /// `before` and `after` are ranks (see `Rank`); the times are seconds since epoch (UTC).
        public init(id: String, before: String, after: String, updatedBefore: Timestamp, updatedAfter: Timestamp) {
            self.id = id; self.before = before; self.after = after
            self.updatedBefore = updatedBefore; self.updatedAfter = updatedAfter
        }

        /// `item` with this change's rank and `updated` time: its `after` values when
        /// `forward`, else its `before` values.
        public func applied(to item: Item, forward: Bool) -> Item {
            var out = item
            apply(to: &out, forward: forward)
            return out
        }

        /// Sets `item`'s rank and updated time to those after (`forward`) or before the change.
        public func apply(to item: inout Item, forward: Bool) {
            item.rank = forward ? after : before
            item.updated = forward ? updatedAfter : updatedBefore
        }
    }
}
