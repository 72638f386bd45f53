/// The demo board's vision, goals and feedback (see `DemoBoard`): a vision; three goals with
/// key results (one a target below its start: p95 PDF render time 2400 ms → 800 ms), states
/// on track, at risk and off track, each linked to items (one through an epic); 32 feedback
/// notes from 12 customers and sources over the last 60 days, 24 linked to items and 8
/// unlinked (the feedback inbox has something to do). Cards do not show feedback and the
/// score does not use it (the board's settings are left at their defaults).
enum DemoStrategy {
    static func apply(to board: inout Board, now: Timestamp, user: String) {
        let day: Timestamp = 86_400
        let all = board.itemsInBoardOrder(includeArchived: true)
        func ids(_ prefixes: [String]) -> [String] {
            prefixes.compactMap { p in all.first { $0.title.hasPrefix(p) }?.id }
        }
        var s = Strategy()
        s.vision = "Freelancers and small firms get paid on time without thinking about invoices: "
            + "every invoice correct for its country, sent and chased automatically."
        s.goals = [
            Goal(id: ItemID.derived(from: "demo-goal-1"), objective: "Get customers paid faster", period: "2027-Q1", owner: "maya",
                 state: .onTrack,
                 keyResults: [KeyResult(metric: "Median days to payment", unit: "days", start: 34, target: 21, current: 29),
                              KeyResult(metric: "Invoices paid by card", unit: "%", start: 18, target: 40, current: 27)],
                 items: ids(["Send payment reminders", "Stripe Checkout", "Stripe webhook", "Customers want to pay", "Dunning e-mails"])),
            Goal(id: ItemID.derived(from: "demo-goal-2"), objective: "Invoices correct in every EU country", period: "2027-H1", owner: "jonas",
                 state: .atRisk,
                 keyResults: [KeyResult(metric: "Tax support tickets a month", unit: "tickets", start: 120, target: 30, current: 95),
                              KeyResult(metric: "Countries with e-invoicing", unit: "countries", start: 2, target: 8, current: 3)],
                 items: ids(["Multi-currency price lists", "Fix rounding of VAT", "Spike: compare Peppol"])),
            Goal(id: ItemID.derived(from: "demo-goal-3"), objective: "PDFs fast and right in every script", period: "2027-Q1", owner: "yuki",
                 state: .offTrack,
                 keyResults: [KeyResult(metric: "p95 PDF render time", unit: "ms", start: 2400, target: 800, current: 2100)],
                 items: ids(["Invoice PDF cuts off", "請求書のPDF", "Spike: which PDF renderer", "Invoice PDF template"])),
        ]
        // (text, from, days ago, importance, linked item title prefixes)
        let specs: [(String, String, Int, Importance, [String])] = [
            ("Our clients keep asking to pay by Apple Pay on the phone.", "Acme GmbH", 3, .critical, ["Customers want to pay"]),
            ("Apple Pay would save us a chasing call a week.", "Nordlicht Design", 9, .important, ["Customers want to pay"]),
            ("Pay by phone please!", "support", 12, .nice, ["Customers want to pay"]),
            ("Reminders from you end up in our clients' junk folder.", "Acme GmbH", 5, .critical, ["Dunning e-mails"]),
            ("Outlook marks every reminder as spam.", "Studio Kyoto", 14, .critical, ["Dunning e-mails"]),
            ("Half our reminders are never seen.", "support", 20, .important, ["Dunning e-mails"]),
            ("A reminder before the due date would help a lot.", "Bäckerei Brandt", 30, .important, ["Send payment reminders"]),
            ("Can reminders go out automatically?", "sales call", 33, .nice, ["Send payment reminders"]),
            ("Long descriptions are cut in the PDF, our client rejected an invoice.", "Studio Kyoto", 2, .critical, ["Invoice PDF cuts off"]),
            ("PDF cuts the text of a line item.", "support", 6, .important, ["Invoice PDF cuts off"]),
            ("Japanese names come out as boxes in the PDF.", "Studio Kyoto", 8, .critical, ["請求書のPDF"]),
            ("Our Tokyo office cannot use the PDFs.", "Hanami Trading", 15, .critical, ["請求書のPDF"]),
            ("The reverse-charge sentence is missing on our EU invoices.", "Nordlicht Design", 11, .critical, ["Reverse-charge note"]),
            ("Our accountant insists on the reverse-charge note.", "Bäckerei Brandt", 25, .important, ["Reverse-charge note"]),
            ("We must check the VAT id of Austrian clients.", "Alpen Consulting", 17, .important, ["Umsatzsteuer-ID"]),
            ("VAT rounding is off by a cent on discounted lines.", "Acme GmbH", 4, .important, ["Fix rounding of VAT"]),
            ("A cent difference every month, the accountant is annoyed.", "support", 10, .nice, ["Fix rounding of VAT"]),
            ("Bill by usage for our API customers.", "Cloudpunk Labs", 40, .critical, ["Usage-based billing"]),
            ("Metered billing is the one thing we miss.", "sales call", 45, .important, ["Usage-based billing"]),
            ("Price lists in CHF and EUR please.", "Alpen Consulting", 50, .important, ["Multi-currency price lists"]),
            ("Peppol is mandatory for our Belgian clients next year.", "Brussels Works", 22, .critical, ["Spike: compare Peppol"]),
            ("Export to DATEV would save our accountant a day a month.", "Bäckerei Brandt", 28, .important, ["Accountant asks for a DATEV export"]),
            ("The Stripe checkout doubled a payment.", "Cloudpunk Labs", 7, .critical, ["Stripe webhook"]),
            ("Card payments are great, thanks!", "Nordlicht Design", 55, .nice, ["Stripe Checkout"]),
            ("A Zapier trigger for paid invoices would connect our CRM.", "Cloudpunk Labs", 1, .important, []),
            ("Could we download all invoices of a year in one go?", "Alpen Consulting", 2, .nice, []),
            ("Dark mode, my eyes hurt at night.", "sales call", 4, .nice, []),
            ("We need a Chinese invoice title for a client in Shanghai.", "Hanami Trading", 5, .important, []),
            ("Invoices should be in French for our Lyon clients.", "Brussels Works", 6, .important, []),
            ("Please support Swiss QR bills.", "Alpen Consulting", 8, .critical, []),
            ("The mobile app logs me out every day.", "support", 9, .important, []),
            ("Let our clients pay in instalments.", "Maison Lumière", 13, .nice, []),
        ]
        let people = ["maya", "jonas", "priya", "sam"]
        s.notes = specs.enumerated().map { n, spec in
            FeedbackNote(id: ItemID.derived(from: "demo-note-\(n)"), text: spec.0, from: spec.1,
                         date: ISODate.formatDay(now - Timestamp(spec.2) * day), importance: spec.3,
                         by: people[n % people.count], items: ids(spec.4))
        }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        board.strategy = s
    }
}
