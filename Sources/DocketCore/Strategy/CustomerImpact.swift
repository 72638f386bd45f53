import Foundation

/// The customer-impact figure of an item: for each distinct customer (a note's `from`,
/// compared ignoring case and surrounding spaces) the highest importance weight among that
/// customer's notes on the item (nice 1, important 2, critical 3), summed. So one customer
/// who filed five critical notes counts 3, and three customers who each said "nice to have"
/// count 3. `notes` is how many notes link to the item, `customers` how many distinct customers.
public struct CustomerImpact: Equatable, Sendable {
    public var figure: Int = 0
    public var notes: Int = 0
    public var customers: Int = 0

    public init(figure: Int = 0, notes: Int = 0, customers: Int = 0) {
        self.figure = figure; self.notes = notes; self.customers = customers
    }

    /// Item id → impact, over every note (a note linked to two items counts for both).
    static func index(_ notes: [FeedbackNote]) -> [String: CustomerImpact] {
        var best: [String: [String: Int]] = [:]  // item → customer key → highest weight
        var counts: [String: Int] = [:]
        for note in notes {
            let customer = customerKey(note.from)
            for item in Set(note.items) {
                counts[item, default: 0] += 1
                best[item, default: [:]][customer] = max(best[item]?[customer] ?? 0, note.importance.weight)
            }
        }
        var out: [String: CustomerImpact] = [:]
        for (item, byCustomer) in best {
            out[item] = CustomerImpact(figure: byCustomer.values.reduce(0, +), notes: counts[item] ?? 0, customers: byCustomer.count)
        }
        return out
    }

    /// A customer's name as notes are grouped by: trimmed, lowercased (`Acme GmbH ` = `acme gmbh`).
    public static func customerKey(_ from: String) -> String { from.trimmingCharacters(in: .whitespaces).lowercased() }
}

extension Board {
    /// The customer-impact figure of an item (zero when no note links to it).
    public func customerImpact(_ itemID: String) -> CustomerImpact { strategy.impact[itemID] ?? CustomerImpact() }

    /// The notes linked to an item, oldest first.
    public func feedback(for itemID: String) -> [FeedbackNote] { strategy.notes.filter { $0.items.contains(itemID) } }

    /// The score inputs of an item as the board scores it: with `feedbackSettings.score` set,
    /// the item's customer-impact figure is added to its RICE reach or WSJF value (an unset
    /// input counts as 0 when the item has feedback); otherwise the item's own inputs.
    public func scoreInputs(_ item: Item) -> ScoreInputs {
        guard let input = strategy.settings.score, let impact = strategy.impact[item.id], impact.figure > 0 else { return item.scores }
        var s = item.scores
        switch input {
        case .reach: s.reach = (s.reach ?? 0) + Double(impact.figure)
        case .value: s.value = (s.value ?? 0) + Double(impact.figure)
        }
        return s
    }
}

extension CustomerImpact {
    /// How a card shows it: `fb:3/2c` (3 notes from 2 customers).
    public var cardText: String { "fb:\(notes)/\(customers)c" }
}

extension Board {
    /// The feedback a card shows: the item's impact when the board asks for it
    /// (`FeedbackSettings.cards`) and a note links to the item; nil otherwise.
    public func cardFeedback(_ itemID: String) -> CustomerImpact? {
        guard strategy.settings.cards, let i = strategy.impact[itemID], i.notes > 0 else { return nil }
        return i
    }
}
