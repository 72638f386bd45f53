/// The demo board's items, stage by stage in rank order (see `DemoBoard`).
enum DemoItems {
    /// One demo item. `age` is days since it was created, `touched` days since its last change.
    struct Spec {
        var stage: String
        var title: String
        var type: ItemType = .story
        var priority: Priority?
        var points: Double?
        var labels: [String] = []
        var assignees: [String] = []
        var release: String?
        var description = ""
        var blockedReason = ""
        var age: Int64
        var touched: Int64
    }

    static let all: [Spec] = inbox + ideas + ready + doing + review + done

    static let inbox: [Spec] = [
        Spec(stage: "inbox", title: "Customers want to pay invoices with Apple Pay", labels: ["payments"],
             description: """
             From support (3 tickets this month): customers on iPhone abandon the payment page when \
             they have to type a card number.

             Stripe supports Apple Pay through Payment Request; check the domain verification step.
             """, age: 1, touched: 1),
        Spec(stage: "inbox", title: "Dunning e-mails land in spam for Outlook users", type: .bug, priority: .must,
             labels: ["email"], description: """
             Reported by two accounts on Microsoft 365. Headers show SPF pass but DKIM fail for \
             the reminders sent from the worker, not for the ones sent from the web app.
             """, age: 1, touched: 0),
        Spec(stage: "inbox", title: "Invoice PDF cuts off long line-item descriptions", type: .bug, labels: ["pdf"], age: 2, touched: 2),
        Spec(stage: "inbox", title: "請求書のPDFを日本語フォントで出力する", labels: ["pdf", "i18n"], age: 3, touched: 3),
        Spec(stage: "inbox", title: "Zapier integration: trigger on new paid invoice", labels: ["api"], age: 4, touched: 4),
        Spec(stage: "inbox", title: "Accountant asks for a DATEV export", labels: ["api"], age: 6, touched: 5),
    ]

    static let ideas: [Spec] = [
        Spec(stage: "ideas", title: "Usage-based billing (metered line items)", type: .epic, priority: .should, points: 20,
             labels: ["billing"], release: "2.0", age: 60, touched: 9),
        Spec(stage: "ideas", title: "Multi-currency price lists", type: .epic, priority: .could, points: 13,
             labels: ["billing"], age: 45, touched: 20),
        Spec(stage: "ideas", title: "Open banking reconciliation via PSD2", type: .spike, priority: .should, points: 5,
             labels: ["payments", "api"], age: 30, touched: 12),
        Spec(stage: "ideas", title: "Customer portal: download all invoices as a ZIP", priority: .could, points: 5,
             labels: ["ux"], age: 28, touched: 28),
        Spec(stage: "ideas", title: "支持中文发票抬头", priority: .could, points: 3, labels: ["i18n"], age: 21, touched: 21),
        Spec(stage: "ideas", title: "Dark mode for the invoice editor", type: .chore, priority: .could, points: 2,
             labels: ["ux"], age: 19, touched: 19),
        Spec(stage: "ideas", title: "AI-suggested wording for payment reminders", type: .spike, priority: .wont, points: 3,
             labels: ["email"], age: 14, touched: 10),
    ]

    static let ready: [Spec] = [
        Spec(stage: "ready", title: "Recurring invoices: pause and resume a schedule", priority: .must, points: 3,
             labels: ["billing"], release: "1.4", age: 25, touched: 4),
        Spec(stage: "ready", title: "Recurring invoices: preview the next three runs", priority: .should, points: 2,
             labels: ["billing", "ux"], release: "1.4", age: 25, touched: 4),
        Spec(stage: "ready", title: "Umsatzsteuer-ID prüfen (VIES) für Kunden in Österreich", priority: .must, points: 5,
             labels: ["tax"], assignees: ["jonas"], release: "1.5", description: """
             Vor dem Versand einer Rechnung ohne USt. die UID des Kunden über VIES prüfen und \
             das Ergebnis mit Datum speichern (Nachweis für das Finanzamt).
             """, age: 20, touched: 3),
        Spec(stage: "ready", title: "Reverse-charge note on EU B2B invoices", priority: .must, points: 3,
             labels: ["tax", "pdf"], release: "1.5", age: 20, touched: 6),
        Spec(stage: "ready", title: "Credit notes can reference part of an invoice", priority: .should, points: 5,
             labels: ["billing"], release: "1.5", age: 18, touched: 7),
        Spec(stage: "ready", title: "Rate-limit the public API per token", type: .chore, priority: .should, points: 3,
             labels: ["api", "security"], release: "1.5", age: 16, touched: 8),
        Spec(stage: "ready", title: "Spike: compare Peppol e-invoicing access points", type: .spike, priority: .should,
             points: 3, labels: ["tax", "api"], release: "1.5", age: 15, touched: 8),
        Spec(stage: "ready", title: "Onboarding checklist for new workspaces", priority: .could, points: 5,
             labels: ["ux"], release: "2.0", age: 12, touched: 11),
    ]

    static let doing: [Spec] = [
        Spec(stage: "doing", title: "Recurring invoices: monthly and yearly schedules", priority: .must, points: 8,
             labels: ["billing"], assignees: ["jonas"], release: "1.4", description: """
             As a freelancer I want an invoice to go out on the same day every month or year, so \
             that I stop copying last month's invoice by hand.

             Acceptance: schedule on the 1st–28th or "last day of month"; the next run shows on \
             the invoice page; a failed run e-mails the owner.
             """, age: 24, touched: 1),
        Spec(stage: "doing", title: "Stripe webhook retries create duplicate payments", type: .bug, priority: .must, points: 5,
             labels: ["payments"], assignees: ["priya"], release: "1.4", description: """
             When our endpoint answers slower than 10 s, Stripe retries `payment_intent.succeeded` \
             and we book the payment twice.
             """, blockedReason: "Waiting for Stripe support to confirm idempotency-key behaviour (ticket 48213)",
             age: 9, touched: 2),
        Spec(stage: "doing", title: "Invoice number sequences per legal entity", priority: .should, points: 5,
             labels: ["billing"], assignees: ["yuki"], release: "1.4", age: 22, touched: 1),
        Spec(stage: "doing", title: "Upgrade the database to Postgres 16", type: .chore, priority: .should, points: 3,
             labels: ["infra"], assignees: ["sam"], age: 11, touched: 0),
        Spec(stage: "doing", title: "🚀 Launch checklist for 1.4", type: .chore, priority: .must, points: 1,
             assignees: ["maya"], release: "1.4", age: 8, touched: 0),
    ]

    static let review: [Spec] = [
        Spec(stage: "review", title: "Send payment reminders 3 days before the due date", priority: .must, points: 3,
             labels: ["email"], assignees: ["priya"], release: "1.4", age: 26, touched: 1),
        Spec(stage: "review", title: "Fix rounding of VAT on discounted lines", type: .bug, priority: .must, points: 2,
             labels: ["tax"], assignees: ["jonas"], release: "1.4", age: 10, touched: 1),
        Spec(stage: "review", title: "Export invoices to CSV with chosen columns", priority: .should, points: 3,
             labels: ["api"], assignees: ["yuki"], age: 17, touched: 2),
    ]

    static let done: [Spec] = [
        Spec(stage: "done", title: "Recurring invoices: data model and migration", type: .chore, priority: .must, points: 5,
             labels: ["billing"], assignees: ["jonas"], release: "1.4", age: 30, touched: 2),
        Spec(stage: "done", title: "Stripe Checkout for card payments", priority: .must, points: 8,
             labels: ["payments"], assignees: ["priya"], age: 70, touched: 40),
        Spec(stage: "done", title: "Send invoices by e-mail with the PDF attached", priority: .must, points: 5,
             labels: ["email", "pdf"], assignees: ["priya"], age: 65, touched: 35),
        Spec(stage: "done", title: "Sign in with Google Workspace", priority: .should, points: 3,
             labels: ["security"], assignees: ["yuki"], age: 50, touched: 30),
        Spec(stage: "done", title: "Customer list: search by name, e-mail and VAT id", priority: .should, points: 3,
             labels: ["ux"], assignees: ["yuki"], age: 48, touched: 25),
        Spec(stage: "done", title: "Invoice PDF template: logo and brand colour", priority: .should, points: 3,
             labels: ["pdf"], assignees: ["sam"], age: 44, touched: 22),
        Spec(stage: "done", title: "Spike: which PDF renderer handles CJK fonts?", type: .spike, priority: .should, points: 2,
             labels: ["pdf", "i18n"], assignees: ["sam"], age: 33, touched: 18),
        Spec(stage: "done", title: "Payments page shows the wrong symbol for CHF", type: .bug, priority: .must, points: 1,
             labels: ["payments"], assignees: ["priya"], age: 15, touched: 13),
        Spec(stage: "done", title: "Error tracking for the API and the workers", type: .chore, priority: .should, points: 2,
             labels: ["infra"], assignees: ["jonas"], age: 40, touched: 9),
        Spec(stage: "done", title: "Audit log for invoice edits", priority: .could, points: 3,
             labels: ["security"], assignees: ["jonas"], age: 38, touched: 6),
        Spec(stage: "done", title: "Größere Schrift für Rechnungsbeträge auf dem Handy", type: .bug, priority: .could,
             points: 1, labels: ["ux"], assignees: ["yuki"], age: 7, touched: 3),
    ]
}
