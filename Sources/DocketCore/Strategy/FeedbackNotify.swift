import Foundation

/// Closing the loop (`docket feedback notify`): each customer with the items they asked for
/// (through linked notes) that reached a done stage after a moment, ready for an e-mail or a chat.
public struct FeedbackNotify: Equatable, Sendable {
    public struct Shipped: Equatable, Sendable {
        public var id: String
        public var title: String
        /// When it reached its done stage, seconds since epoch.
        public var at: Timestamp
    }
    /// A customer (as first written in a note) and what shipped for them, oldest first.
    public struct Customer: Equatable, Sendable {
        public var name: String
        public var items: [Shipped]
    }

    /// Customers in name order (ignoring case).
    public var customers: [Customer]
    /// The moment shipped items are counted from (exclusive), seconds since epoch; nil: ever.
    public var since: Timestamp?

    /// What shipped after `since`: an item counts when it is in a stage of kind `done`
    /// (archived or not) and its last move into a done stage in the activity log (or, with no
    /// such entry, its last update) is after `since`.
    public init(_ board: Board, since: Timestamp?) {
        self.since = since
        let done = Set(board.stages.filter { $0.kind == .done }.map(\.id))
        var reached: [String: Timestamp] = [:]
        for a in board.activity where a.field == "stage" {
            if let item = a.item, let to = a.to, done.contains(to) { reached[item] = a.at }
        }
        var byCustomer: [String: (name: String, items: [String: Shipped])] = [:]
        for note in board.strategy.notes {
            for id in note.items {
                guard let item = board.items[id], done.contains(item.stage) else { continue }
                let at = reached[id] ?? item.updated
                if let since, at <= since { continue }
                let key = CustomerImpact.customerKey(note.from)
                byCustomer[key, default: (note.from, [:])].items[id] = Shipped(id: id, title: item.title, at: at)
            }
        }
        customers = byCustomer.values.map { Customer(name: $0.name, items: $0.items.values.sorted { ($0.at, $0.id) < ($1.at, $1.id) }) }
            .sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }

    private var sinceText: String { since.map { " since \(ISODate.format($0))" } ?? "" }

    public enum Format: String, CaseIterable, Sendable { case text, markdown, json }

    /// The list in `format`; ends in a line break. Text: the customer, then `  - ID TITLE
    /// (shipped DAY)`; Markdown: a `##` heading per customer and a bullet per item; JSON:
    /// `{"since": TIME, "customers": [{"customer", "items": [{"id", "title", "shipped"}]}]}`.
    /// Days are in UTC.
    public func render(_ format: Format) -> String {
        switch format {
        case .text:
            if customers.isEmpty { return "nothing with feedback shipped" + sinceText + "\n" }
            return customers.map { c in
                ([c.name] + c.items.map { "  - \($0.id) \($0.title) (shipped \(ISODate.formatDay($0.at)))" }).joined(separator: "\n")
            }.joined(separator: "\n") + "\n"
        case .markdown:
            if customers.isEmpty { return "Nothing with feedback shipped" + sinceText + ".\n" }
            return customers.map { c in
                (["## \(ReportExport.text(c.name))", ""] + c.items.map { "- **\(ReportExport.text($0.title))** (`\($0.id)`), shipped \(ISODate.formatDay($0.at))" })
                    .joined(separator: "\n")
            }.joined(separator: "\n\n") + "\n"
        case .json:
            var j = JSONText(capacity: 512)
            j.raw("{\"since\": "); if let since { j.string(ISODate.format(since)) } else { j.raw("null") }; j.raw(", \"customers\": [")
            for (i, c) in customers.enumerated() {
                j.raw(i == 0 ? "\n  " : ",\n  ")
                var items = JSONText(capacity: 128)
                items.raw("[")
                for (n, s) in c.items.enumerated() {
                    if n > 0 { items.raw(", ") }
                    items.object([("id", .string(s.id)), ("title", .string(s.title)), ("shipped", .string(ISODate.format(s.at)))])
                }
                items.raw("]")
                j.object([("customer", .string(c.name)), ("items", .raw(String(decoding: items.bytes, as: UTF8.self)))])
            }
            j.raw(customers.isEmpty ? "]}\n" : "\n]}\n")
            return String(decoding: j.bytes, as: UTF8.self)
        }
    }
}
